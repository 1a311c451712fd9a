//! Perangkat daerah in the store.

use crate::db::params;
use crate::db::Row;
use crate::error::OptionalExtension;

use super::trash::{Deleted, Removed};
use super::{like_pattern, Store};
use crate::agency::{Agency, AgencyInput, AgencyKind};
use crate::error::{Error, Result};
use crate::ErrorCode;

const SELECT: &str = "SELECT a.id, a.name, a.short_name, a.kind,
        (SELECT count(*) FROM unit u WHERE u.agency_id = a.id),
        (SELECT count(*) FROM employee e WHERE e.agency_id = a.id)
    FROM agency a";

fn from_row(r: &Row) -> Result<Agency> {
    let kind: AgencyKind = r.get(3)?;
    Ok(Agency {
        id: r.get(0)?,
        name: r.get(1)?,
        short_name: r.get(2)?,
        kind,
        kind_label: kind.label(),
        unit_count: r.get(4)?,
        employee_count: r.get(5)?,
    })
}

impl Store {
    /// Agencies whose name or short name contains `query` (all when empty), by name.
    pub fn agencies(&self, query: &str) -> Result<Vec<Agency>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE a.name LIKE ?1 ESCAPE '\\' OR a.short_name LIKE ?1 ESCAPE '\\'
             ORDER BY a.name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([like_pattern(query)], from_row)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    pub fn agency(&self, id: i64) -> Result<Agency> {
        self.conn
            .query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Perangkat daerah dengan id {id}")))
    }

    /// Finds an agency by exact name (any case).
    pub fn agency_by_name(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM agency WHERE name = ?1 COLLATE NOCASE",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Creates or changes an agency; names are unique regardless of case.
    pub fn save_agency(&mut self, input: &AgencyInput) -> Result<Agency> {
        let v = input.validate()?;
        if let Some(other) = self
            .agency_by_name(&v.name)?
            .filter(|other| Some(*other) != v.id)
        {
            return Err(Error::invalid(
                ErrorCode::NamaSudahAda,
                "name",
                format!("Perangkat daerah \"{}\" sudah ada (id {other}).", v.name),
            ));
        }
        let id = match v.id {
            Some(id) => {
                self.agency(id)?;
                self.conn.execute(
                    "UPDATE agency SET name = ?2, short_name = ?3, kind = ?4 WHERE id = ?1",
                    params![id, v.name, v.short_name, v.kind],
                )?;
                id
            }
            None => self.conn.insert(
                "INSERT INTO agency (name, short_name, kind) VALUES (?1, ?2, ?3)",
                params![v.name, v.short_name, v.kind],
            )?,
        };
        self.agency(id)
    }

    /// Deletes an agency with its (empty) units; refused while it has employees.
    pub fn delete_agency(&mut self, id: i64) -> Result<Deleted> {
        let agency = self.agency(id)?;
        if agency.employee_count > 0 {
            return Err(Error::Refused {
                code: ErrorCode::PerangkatDaerahBerpegawai,
                message: format!(
                    "Perangkat daerah \"{}\" tidak dapat dihapus karena masih memiliki {} pegawai. Pindahkan atau hapus pegawainya terlebih dahulu.",
                    agency.name, agency.employee_count
                ),
            });
        }
        self.in_transaction(|store| {
            let mut removed = Removed::default();
            removed.take(store, "agency", "id = ?1", &[&id])?;
            removed.take(store, "unit", "agency_id = ?1", &[&id])?;
            // One statement: sub-units and their parents go together.
            store
                .conn
                .execute("DELETE FROM unit WHERE agency_id = ?1", [id])?;
            store
                .conn
                .execute("DELETE FROM agency WHERE id = ?1", [id])?;
            store.trash(format!("Perangkat daerah “{}”", agency.name), &removed)
        })
    }
}
