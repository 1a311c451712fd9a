//! Pegawai in the store.

use crate::db::params;
use crate::db::{Db, Row};
use crate::error::OptionalExtension;
use serde::{Deserialize, Serialize};

use super::trash::{Deleted, Removed};
use super::{like_pattern, Store};
use crate::employee::{Employee, EmployeeInput, ValidEmployee};
use crate::error::{Error, Result};
use crate::ErrorCode;

const SELECT: &str = "SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.employment,
        e.golongan, e.position_name, e.position_kind, e.eselon, e.agency_id, a.name,
        e.unit_id, u.name
    FROM employee e JOIN agency a ON a.id = e.agency_id LEFT JOIN unit u ON u.id = e.unit_id";

fn from_row(r: &Row) -> Result<Employee> {
    Ok(Employee {
        id: r.get(0)?,
        nip: r.get(1)?,
        name: r.get(2)?,
        front_title: r.get(3)?,
        back_title: r.get(4)?,
        employment: r.get(5)?,
        golongan: r.get(6)?,
        position_name: r.get(7)?,
        position_kind: r.get(8)?,
        eselon: r.get(9)?,
        agency_id: r.get(10)?,
        agency_name: r.get(11)?,
        unit_id: r.get(12)?,
        unit_name: r.get(13)?,
    })
}

/// Which employees a list shows.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct EmployeeFilter {
    /// Part of a name, NIP, position or unit.
    pub query: String,
    pub agency_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// At most this many rows (all when absent).
    pub limit: Option<i64>,
    pub offset: i64,
}

/// One page of a filtered list, with the count of all matches.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EmployeePage {
    pub total: i64,
    pub rows: Vec<Employee>,
}

const WHERE: &str = " WHERE (?1 IS NULL OR e.agency_id = ?1) AND (?2 IS NULL OR e.unit_id = ?2)
    AND (e.name LIKE ?3 ESCAPE '\\' OR e.nip LIKE ?3 ESCAPE '\\' OR e.position_name LIKE ?3 ESCAPE '\\'
         OR u.name LIKE ?3 ESCAPE '\\')";

/// Eselon first (II before III …), then the rest, each by name.
const ORDER: &str =
    " ORDER BY a.name COLLATE NOCASE, e.eselon IS NULL, e.eselon, e.name COLLATE NOCASE";

impl Store {
    pub fn employees(&self, filter: &EmployeeFilter) -> Result<EmployeePage> {
        let pattern = like_pattern(&filter.query);
        let args = params![filter.agency_id, filter.unit_id, pattern];
        let total = self.conn.query_row(
            &format!("SELECT count(*) FROM employee e JOIN agency a ON a.id = e.agency_id LEFT JOIN unit u ON u.id = e.unit_id{WHERE}"),
            args,
            |r| r.get(0),
        )?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT}{WHERE}{ORDER} LIMIT ?4 OFFSET ?5"))?;
        let rows = stmt.query_map(
            params![
                filter.agency_id,
                filter.unit_id,
                pattern,
                filter.limit.unwrap_or(i64::MAX),
                filter.offset
            ],
            from_row,
        )?;
        Ok(EmployeePage {
            total,
            rows: rows.collect::<Result<_>>()?,
        })
    }

    pub fn employee(&self, id: i64) -> Result<Employee> {
        employee(&self.conn, id)
    }

    /// The employee with `nip`.
    pub fn employee_by_nip(&self, nip: &str) -> Result<Employee> {
        match holder_of_nip(&self.conn, nip.trim())? {
            Some((id, _)) => self.employee(id),
            None => Err(Error::NotFound(format!(
                "Pegawai dengan NIP {}",
                nip.trim()
            ))),
        }
    }

    /// Creates or changes one employee after checking agency, unit and NIP.
    pub fn save_employee(&mut self, input: &EmployeeInput) -> Result<Employee> {
        let v = input.validate()?;
        check_placement(&self.conn, &v)?;
        if let Some(nip) = &v.nip {
            if let Some((other, name)) =
                holder_of_nip(&self.conn, nip)?.filter(|(o, _)| Some(*o) != v.id)
            {
                return Err(Error::invalid(
                    ErrorCode::NipSudahAda,
                    "nip",
                    format!("NIP {nip} sudah dipakai oleh {name} (id {other})."),
                ));
            }
        }
        if let Some(id) = v.id {
            employee(&self.conn, id)?;
        }
        let id = write_employee(&self.conn, &v)?;
        self.employee(id)
    }

    /// Deletes an employee with their absences and roster days, kept in the
    /// trash for *Urungkan*.
    pub fn delete_employee(&mut self, id: i64) -> Result<Deleted> {
        let person = employee(&self.conn, id)?;
        self.in_transaction(|store| {
            let mut removed = Removed::default();
            removed.take(store, "employee", "id = ?1", &[&id])?;
            store
                .conn
                .execute("DELETE FROM employee WHERE id = ?1", [id])?;
            store.trash(format!("Pegawai “{}”", person.name), &removed)
        })
    }
}

pub(crate) fn employee(conn: &Db, id: i64) -> Result<Employee> {
    conn.query_row(&format!("{SELECT} WHERE e.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("Pegawai dengan id {id}")))
}

/// Who holds a NIP: (id, name).
pub(crate) fn holder_of_nip(conn: &Db, nip: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row("SELECT id, name FROM employee WHERE nip = ?1", [nip], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// The agency exists and the unit, if any, belongs to it.
pub(crate) fn check_placement(conn: &Db, v: &ValidEmployee) -> Result<()> {
    let agency: Option<i64> = conn
        .query_row("SELECT id FROM agency WHERE id = ?1", [v.agency_id], |r| {
            r.get(0)
        })
        .optional()?;
    if agency.is_none() {
        return Err(Error::invalid(
            ErrorCode::PerangkatDaerahTidakAda,
            "agency_id",
            format!("Perangkat daerah dengan id {} tidak ada.", v.agency_id),
        ));
    }
    if let Some(unit) = v.unit_id {
        let owner: Option<i64> = conn
            .query_row("SELECT agency_id FROM unit WHERE id = ?1", [unit], |r| {
                r.get(0)
            })
            .optional()?;
        if owner != Some(v.agency_id) {
            return Err(Error::invalid(
                ErrorCode::UnitBukanMilik,
                "unit_id",
                "Unit yang dipilih bukan bagian dari perangkat daerah pegawai ini.",
            ));
        }
    }
    Ok(())
}

/// Inserts, or updates the row with `v.id` — or, without an id, the row
/// holding the same NIP (so a re-import updates instead of duplicating).
pub(crate) fn write_employee(conn: &Db, v: &ValidEmployee) -> Result<i64> {
    let id = match (v.id, &v.nip) {
        (Some(id), _) => Some(id),
        (None, Some(nip)) => holder_of_nip(conn, nip)?.map(|(id, _)| id),
        (None, None) => None,
    };
    let values = params![
        v.nip,
        v.name,
        v.front_title,
        v.back_title,
        v.employment,
        v.golongan,
        v.position_name,
        v.position_kind,
        v.eselon,
        v.agency_id,
        v.unit_id,
        id
    ];
    let written = conn.insert(
        "INSERT INTO employee (nip, name, front_title, back_title, employment, golongan,
             position_name, position_kind, eselon, agency_id, unit_id, id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET nip = excluded.nip, name = excluded.name,
             front_title = excluded.front_title, back_title = excluded.back_title,
             employment = excluded.employment, golongan = excluded.golongan,
             position_name = excluded.position_name, position_kind = excluded.position_kind,
             eselon = excluded.eselon, agency_id = excluded.agency_id, unit_id = excluded.unit_id",
        values,
    )?;
    Ok(id.unwrap_or(written))
}

impl Store {
    /// Writes already-checked employees in one transaction; an existing NIP
    /// is updated in place, never duplicated. Returns how many were created
    /// and how many updated.
    pub fn write_employees(&mut self, rows: &[ValidEmployee]) -> Result<(usize, usize)> {
        self.in_transaction(|store| {
            let (mut created, mut updated) = (0, 0);
            for v in rows {
                check_placement(&store.conn, v)?;
                let existed = match &v.nip {
                    Some(nip) => holder_of_nip(&store.conn, nip)?.is_some(),
                    None => false,
                };
                write_employee(&store.conn, v)?;
                if existed {
                    updated += 1;
                } else {
                    created += 1;
                }
            }
            Ok((created, updated))
        })
    }
}
