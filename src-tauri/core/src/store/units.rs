//! Units of an agency in the store.

use crate::db::params;
use crate::db::Row;
use crate::error::OptionalExtension;

use super::trash::{Deleted, Removed};
use super::Store;
use crate::agency::{Unit, UnitInput, UnitKind};
use crate::error::{Error, Result};
use crate::ErrorCode;

const SELECT: &str = "SELECT u.id, u.agency_id, u.parent_id, u.name, u.kind,
        (SELECT count(*) FROM employee e WHERE e.unit_id = u.id)
    FROM unit u";

fn from_row(r: &Row) -> Result<Unit> {
    let kind: UnitKind = r.get(4)?;
    Ok(Unit {
        id: r.get(0)?,
        agency_id: r.get(1)?,
        parent_id: r.get(2)?,
        name: r.get(3)?,
        kind,
        kind_label: kind.label(),
        employee_count: r.get(5)?,
    })
}

impl Store {
    /// Units of one agency, parents before their children, then by name.
    pub fn units(&self, agency_id: i64) -> Result<Vec<Unit>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE u.agency_id = ?1 ORDER BY coalesce(u.parent_id, u.id), u.parent_id IS NOT NULL, u.name"
        ))?;
        let rows = stmt.query_map([agency_id], from_row)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    pub fn unit(&self, id: i64) -> Result<Unit> {
        self.conn
            .query_row(&format!("{SELECT} WHERE u.id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Unit dengan id {id}")))
    }

    /// Finds a unit of an agency by exact name (any case).
    pub fn unit_by_name(&self, agency_id: i64, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM unit WHERE agency_id = ?1 AND name = ?2 COLLATE NOCASE",
                params![agency_id, name.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn save_unit(&mut self, input: &UnitInput) -> Result<Unit> {
        let v = input.validate()?;
        let agency = self.agency(v.agency_id)?;
        if let Some(parent) = v.parent_id {
            let parent = self.unit(parent)?;
            if parent.agency_id != v.agency_id {
                return Err(Error::invalid(
                    ErrorCode::UnitIndukLain,
                    "parent_id",
                    "Unit induk harus berada di perangkat daerah yang sama.",
                ));
            }
            if let Some(id) = v.id {
                if self.unit_ancestors(parent.id)?.contains(&id) {
                    return Err(Error::invalid(
                        ErrorCode::UnitIndukMelingkar,
                        "parent_id",
                        "Unit induk tidak boleh salah satu sub-unitnya sendiri.",
                    ));
                }
            }
        }
        if let Some(other) = self
            .unit_by_name(v.agency_id, &v.name)?
            .filter(|o| Some(*o) != v.id)
        {
            return Err(Error::invalid(
                ErrorCode::NamaSudahAda,
                "name",
                format!(
                    "Unit \"{}\" sudah ada di {} (id {other}).",
                    v.name, agency.name
                ),
            ));
        }
        let id = match v.id {
            Some(id) => {
                if self.unit(id)?.agency_id != v.agency_id {
                    return Err(Error::invalid(
                        ErrorCode::UnitPindah,
                        "agency_id",
                        "Unit tidak dapat dipindahkan ke perangkat daerah lain.",
                    ));
                }
                self.conn.execute(
                    "UPDATE unit SET parent_id = ?2, name = ?3, kind = ?4 WHERE id = ?1",
                    params![id, v.parent_id, v.name, v.kind],
                )?;
                id
            }
            None => self.conn.insert(
                "INSERT INTO unit (agency_id, parent_id, name, kind) VALUES (?1, ?2, ?3, ?4)",
                params![v.agency_id, v.parent_id, v.name, v.kind],
            )?,
        };
        self.unit(id)
    }

    /// The unit itself and every unit above it.
    fn unit_ancestors(&self, id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE up(id, parent) AS (
                 SELECT id, parent_id FROM unit WHERE id = ?1
                 UNION SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent)
             SELECT id FROM up",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_>>()?)
    }

    /// Deletes a unit; refused while it has employees or sub-units.
    pub fn delete_unit(&mut self, id: i64) -> Result<Deleted> {
        let unit = self.unit(id)?;
        let children: i64 = self.conn.query_row(
            "SELECT count(*) FROM unit WHERE parent_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if unit.employee_count > 0 || children > 0 {
            return Err(Error::Refused {
                code: ErrorCode::UnitTidakKosong,
                message: format!(
                    "Unit \"{}\" tidak dapat dihapus karena masih memiliki {} pegawai dan {} sub-unit.",
                    unit.name, unit.employee_count, children
                ),
            });
        }
        self.in_transaction(|store| {
            let mut removed = Removed::default();
            removed.take(store, "unit", "id = ?1", &[&id])?;
            store.conn.execute("DELETE FROM unit WHERE id = ?1", [id])?;
            store.trash(format!("Unit “{}”", unit.name), &removed)
        })
    }
}
