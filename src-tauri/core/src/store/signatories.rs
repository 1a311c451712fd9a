//! Signatories in the store.

use crate::db::params;
use crate::db::Row;
use crate::error::OptionalExtension;

use super::trash::{Deleted, Removed};
use super::Store;
use crate::error::{Error, Result};
use crate::office::{Signatory, SignatoryInput};

const SELECT: &str =
    "SELECT id, role, name, front_title, back_title, position_title, nip, golongan, active, kop FROM signatory";

fn from_row(r: &Row) -> Result<Signatory> {
    Ok(Signatory {
        id: r.get(0)?,
        role: r.get(1)?,
        name: r.get(2)?,
        front_title: r.get(3)?,
        back_title: r.get(4)?,
        position_title: r.get(5)?,
        nip: r.get(6)?,
        golongan: r.get(7)?,
        active: r.get(8)?,
        kop: r.get(9)?,
    })
}

impl Store {
    /// All signatories, by rank of office then name.
    pub fn signatories(&self) -> Result<Vec<Signatory>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} ORDER BY CASE role WHEN 'kepala_daerah' THEN 0 WHEN 'wakil_kepala_daerah' THEN 1
                 WHEN 'sekda' THEN 2 ELSE 3 END, name"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    pub fn signatory(&self, id: i64) -> Result<Signatory> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Penandatangan dengan id {id}")))
    }

    pub fn save_signatory(&mut self, input: &SignatoryInput) -> Result<Signatory> {
        let s = input.validate()?;
        if let Some(id) = input.id {
            self.signatory(id)?;
        }
        let written = self.conn.insert(
            "INSERT INTO signatory (id, role, name, front_title, back_title, position_title, nip, golongan, active, kop)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET role = excluded.role, name = excluded.name,
                 front_title = excluded.front_title, back_title = excluded.back_title,
                 position_title = excluded.position_title, nip = excluded.nip,
                 golongan = excluded.golongan, active = excluded.active, kop = excluded.kop",
            params![input.id, s.role, s.name, s.front_title, s.back_title, s.position_title, s.nip, s.golongan, s.active, s.kop],
        )?;
        self.signatory(input.id.unwrap_or(written))
    }

    /// Deletes a signatory with their certificates (and the internal roots
    /// only those certificates chained to, as [`Store::remove_certificate`]).
    pub fn delete_signatory(&mut self, id: i64) -> Result<Deleted> {
        let signatory = self.signatory(id)?;
        self.in_transaction(|store| {
            let certificates = store
                .conn
                .prepare_cached("SELECT id FROM certificate WHERE signatory_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<Result<Vec<i64>>>()?;
            let roots = store.chain_roots(&certificates)?;
            let mut removed = Removed::default();
            removed.take(store, "signatory", "id = ?1", &[&id])?;
            store
                .conn
                .execute("DELETE FROM signatory WHERE id = ?1", [id])?;
            store.forget_internal_roots(&roots, &mut removed)?;
            store.trash(format!("Penanda tangan “{}”", signatory.name), &removed)
        })
    }
}
