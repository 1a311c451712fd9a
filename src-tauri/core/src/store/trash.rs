//! The trash (*sampah*, migration step 12): every deletion of a stored
//! record writes what it removed — the rows, with the rows its foreign keys
//! cascade to and the cells they set to NULL — as JSON in the same
//! transaction, so *Urungkan* puts them back with the same ids in one
//! transaction, or says plainly why it cannot.

use crate::db::params;
use crate::db::{ToValue, Value as Sql};
use crate::error::{Constraint, OptionalExtension};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Store;
use crate::error::{Error, Result};
use crate::ErrorCode;

/// How many deletions the trash keeps (the newest): undo is offered for
/// seconds, so older ones are of no use.
const KEPT: i64 = 50;

/// A deletion just made: the token that undoes it and what to tell the clerk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Deleted {
    pub token: i64,
    /// e.g. `Pegawai “Budi Santoso” dihapus.`
    pub message: String,
}

/// What one deletion removed, gathered before the `DELETE`s run.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Removed {
    /// Whole rows, re-inserted in this order (foreign keys are checked at commit).
    rows: Vec<(String, Map<String, Value>)>,
    /// Cells the deletion emptied (`ON DELETE SET NULL`, the emblem), set back
    /// only where still empty.
    cells: Vec<Cell>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Cell {
    table: String,
    rowid: i64,
    column: String,
    value: Value,
}

impl Removed {
    /// Takes the rows of `table` matching `condition` (SQL over its columns),
    /// with everything their foreign keys cascade to or set to NULL.
    pub(super) fn take(
        &mut self,
        store: &Store,
        table: &str,
        condition: &str,
        args: &[&dyn ToValue],
    ) -> Result<()> {
        let sql = format!("SELECT rowid AS _rowid, * FROM {table} WHERE {condition}");
        let (names, rows) = store.conn.query_named(&sql, args)?;
        let found: Vec<Map<String, Value>> = rows
            .into_iter()
            .map(|row| {
                names
                    .iter()
                    .cloned()
                    .zip(row.into_values().into_iter().map(to_json))
                    .collect()
            })
            .collect();
        let children = referencing(store, table)?;
        for mut row in found {
            let rowid = row.remove("_rowid").unwrap_or_default();
            self.rows.push((table.to_string(), row.clone()));
            for (child, column, parent_column, on_delete) in &children {
                let key = from_json(row.get(parent_column).unwrap_or(&rowid));
                let condition = format!("{column} = ?1");
                match on_delete.as_str() {
                    "CASCADE" => self.take(store, child, &condition, &[&key])?,
                    "SET NULL" => self.empty(store, child, column, &condition, &[&key])?,
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Takes the cells of `column` in the rows of `table` matching
    /// `condition`, which the deletion is about to empty.
    pub(super) fn empty(
        &mut self,
        store: &Store,
        table: &str,
        column: &str,
        condition: &str,
        args: &[&dyn ToValue],
    ) -> Result<()> {
        let sql = format!(
            "SELECT rowid, {column} FROM {table} WHERE {condition} AND {column} IS NOT NULL"
        );
        let (_, rows) = store.conn.query_named(&sql, args)?;
        for row in rows {
            self.cells.push(Cell {
                table: table.into(),
                rowid: row.get(0)?,
                column: column.into(),
                value: to_json(row.get(1)?),
            });
        }
        Ok(())
    }
}

/// The foreign keys pointing at `table`: (child table, its column, the
/// parent's column, the `ON DELETE` action).
fn referencing(store: &Store, table: &str) -> Result<Vec<(String, String, String, String)>> {
    store.conn.references_to(table)
}

fn to_json(v: Sql) -> Value {
    match v {
        Sql::Null => Value::Null,
        Sql::Integer(i) => i.into(),
        Sql::Real(f) => f.into(),
        Sql::Text(t) => t.into(),
        // A blob is the one value kept as an object, so it never reads back as text.
        Sql::Blob(b) => serde_json::json!({ "blob": STANDARD.encode(b) }),
    }
}

fn from_json(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Sql::Text(s.clone()),
        Value::Object(o) => match o.get("blob").and_then(Value::as_str) {
            Some(b) => Sql::Blob(STANDARD.decode(b).unwrap_or_default()),
            None => Sql::Null,
        },
        Value::Bool(b) => Sql::Integer(*b as i64),
        Value::Array(_) => Sql::Null,
    }
}

impl Store {
    /// Records in the trash what a deletion removed; `what` names it for the
    /// clerk (`Pegawai “Budi Santoso”`). Call inside the deletion's transaction.
    pub(super) fn trash(&mut self, what: String, removed: &Removed) -> Result<Deleted> {
        let token = self.conn.insert(
            "INSERT INTO deleted (at, what, removed) VALUES (datetime('now'), ?1, ?2)",
            params![
                what,
                serde_json::to_string(removed).map_err(|e| Error::Refused {
                    code: ErrorCode::SampahGagal,
                    message: format!(
                        "Data yang dihapus tidak dapat dicatat untuk diurungkan: {e}."
                    ),
                })?
            ],
        )?;
        self.conn
            .execute("DELETE FROM deleted WHERE id <= ?1", [token - KEPT])?;
        Ok(Deleted {
            token,
            message: format!("{what} dihapus."),
        })
    }

    /// Puts back what deletion `token` removed, with the same ids, in one
    /// transaction; refused (nothing changed) when the office's data has
    /// moved on (a new record took its NIP, name or id; its agency is gone).
    /// Returns what to tell the clerk.
    pub fn restore_deleted(&mut self, token: i64) -> Result<String> {
        let (what, json): (String, String) = self
            .conn
            .query_row(
                "SELECT what, removed FROM deleted WHERE id = ?1",
                [token],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::Refused {
                code: ErrorCode::UrungkanKedaluwarsa,
                message: "Penghapusan ini tidak dapat diurungkan lagi: catatannya sudah tidak ada."
                    .into(),
            })?;
        let removed: Removed = serde_json::from_str(&json).map_err(|e| Error::Refused {
            code: ErrorCode::UrungkanGagal,
            message: format!("{what} tidak dapat dikembalikan: catatannya rusak ({e})."),
        })?;
        let refused = |reason: String| Error::Refused {
            code: ErrorCode::UrungkanDitolak,
            message: format!("{what} tidak dapat dikembalikan: {reason}"),
        };
        self.in_transaction(|store| {
            store.conn.defer_foreign_keys()?;
            for (table, row) in &removed.rows {
                // Quoted: columns such as `end` are SQL keywords.
                let columns: Vec<String> = row.keys().map(|c| format!("\"{c}\"")).collect();
                let sql = format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    columns.join(", "),
                    vec!["?"; columns.len()].join(", ")
                );
                store
                    .conn
                    .execute(&sql, row.values().map(from_json).collect::<Vec<_>>())
                    .map_err(|e| match constraint_reason(&e) {
                        Some(reason) => refused(reason),
                        None => e,
                    })?;
            }
            for cell in &removed.cells {
                let sql = format!(
                    "SELECT {} FROM {} WHERE rowid = ?1",
                    cell.column, cell.table
                );
                let now: Option<Sql> = store
                    .conn
                    .query_row(&sql, [cell.rowid], |r| r.get(0))
                    .optional()?;
                match now {
                    Some(Sql::Null) => {
                        let sql = format!(
                            "UPDATE {} SET {} = ?1 WHERE rowid = ?2",
                            cell.table, cell.column
                        );
                        store
                            .conn
                            .execute(&sql, params![from_json(&cell.value), cell.rowid])?;
                    }
                    Some(_) => {
                        return Err(refused(
                            "tempatnya sudah diisi lagi setelah dihapus.".into(),
                        ))
                    }
                    // The row that pointed at it is gone since: nothing to point again.
                    None => {}
                }
            }
            store
                .conn
                .execute("DELETE FROM deleted WHERE id = ?1", [token])?;
            Ok(())
        })
        // Foreign keys are checked at the commit.
        .map_err(|e| match constraint_reason(&e) {
            Some(reason) => refused(reason),
            None => e,
        })?;
        Ok(format!("{what} dikembalikan."))
    }
}

/// Why the database refused to put a row back, in the clerk's words.
fn constraint_reason(e: &Error) -> Option<String> {
    let Error::Db(db) = e else { return None };
    Some(match db.constraint()? {
        Constraint::ForeignKey => {
            "data induknya (mis. perangkat daerah, unit, atau surat edarannya) sudah dihapus."
                .into()
        }
        Constraint::Unique { nip: true } => "NIP-nya kini dipakai pegawai lain.".into(),
        Constraint::PrimaryKey => "nomor datanya kini dipakai data yang baru dibuat.".into(),
        Constraint::Unique { nip: false } => "namanya atau isinya kini dipakai data lain.".into(),
        Constraint::Other => format!("{db}."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::{AgencyInput, UnitInput};
    use crate::store::EmployeeFilter;

    fn demo() -> Store {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        store
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn find(store: &Store, query: &str) -> Vec<i64> {
        let filter = EmployeeFilter {
            query: query.into(),
            ..Default::default()
        };
        store
            .employees(&filter)
            .unwrap()
            .rows
            .iter()
            .map(|e| e.id)
            .collect()
    }

    #[test]
    fn an_employee_comes_back_with_the_same_id_and_their_absences() {
        let mut store = demo();
        let person = store.workforce().unwrap().employees[3].clone();
        let nip = person.nip.clone().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO absence (employee_id, start, \"end\", reason) VALUES (?1, '2026-05-13', '2026-05-15', 'cuti')",
                [person.id],
            )
            .unwrap();
        let absences = count(&store, "SELECT count(*) FROM absence");
        let deleted = store.delete_employee(person.id).unwrap();
        assert_eq!(
            deleted.message,
            format!("Pegawai “{}” dihapus.", person.name)
        );
        assert!(find(&store, &nip).is_empty());
        let said = store.restore_deleted(deleted.token).unwrap();
        assert_eq!(said, format!("Pegawai “{}” dikembalikan.", person.name));
        assert_eq!(find(&store, &nip), [person.id]);
        assert_eq!(count(&store, "SELECT count(*) FROM absence"), absences);
        let again = store.restore_deleted(deleted.token).unwrap_err();
        assert_eq!(again.code(), ErrorCode::UrungkanKedaluwarsa);
    }

    #[test]
    fn a_taken_nip_or_a_missing_agency_refuses_and_changes_nothing() {
        let mut store = demo();
        let people = store.workforce().unwrap().employees;
        let (gone, other) = (&people[0], &people[1]);
        let deleted = store.delete_employee(gone.id).unwrap();
        store
            .conn
            .execute(
                "UPDATE employee SET nip = ?1 WHERE id = ?2",
                params![gone.nip, other.id],
            )
            .unwrap();
        let e = store.restore_deleted(deleted.token).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UrungkanDitolak);
        assert_eq!(
            e.to_string(),
            format!(
                "Pegawai “{}” tidak dapat dikembalikan: NIP-nya kini dipakai pegawai lain.",
                gone.name
            )
        );
        assert!(find(&store, &gone.name).iter().all(|id| *id != gone.id));

        let agency = store
            .save_agency(&AgencyInput {
                id: None,
                name: "Dinas Uji".into(),
                short_name: String::new(),
                kind: "dinas".into(),
            })
            .unwrap();
        let unit = store
            .save_unit(&UnitInput {
                id: None,
                agency_id: agency.id,
                parent_id: None,
                name: "Bidang Uji".into(),
                kind: "bidang".into(),
            })
            .unwrap();
        let unit_gone = store.delete_unit(unit.id).unwrap();
        store.delete_agency(agency.id).unwrap();
        let e = store.restore_deleted(unit_gone.token).unwrap_err();
        assert!(e.to_string().contains("data induknya"), "{e}");
        assert_eq!(
            count(
                &store,
                &format!("SELECT count(*) FROM unit WHERE id = {}", unit.id)
            ),
            0
        );
    }

    #[test]
    fn an_agency_comes_back_with_its_units_in_their_places() {
        let mut store = demo();
        let agency = store
            .save_agency(&AgencyInput {
                id: None,
                name: "Badan Uji".into(),
                short_name: "BU".into(),
                kind: "dinas".into(),
            })
            .unwrap();
        let top = store
            .save_unit(&UnitInput {
                id: None,
                agency_id: agency.id,
                parent_id: None,
                name: "Bidang A".into(),
                kind: "bidang".into(),
            })
            .unwrap();
        let sub = store
            .save_unit(&UnitInput {
                id: None,
                agency_id: agency.id,
                parent_id: Some(top.id),
                name: "Seksi A1".into(),
                kind: "seksi".into(),
            })
            .unwrap();
        let deleted = store.delete_agency(agency.id).unwrap();
        assert!(store.agency(agency.id).is_err());
        store.restore_deleted(deleted.token).unwrap();
        assert_eq!(store.agency(agency.id).unwrap().name, "Badan Uji");
        let units: Vec<(i64, Option<i64>)> = store
            .units(agency.id)
            .unwrap()
            .iter()
            .map(|u| (u.id, u.parent_id))
            .collect();
        assert_eq!(units.len(), 2);
        assert!(units.contains(&(top.id, None)) && units.contains(&(sub.id, Some(top.id))));
    }

    #[test]
    fn a_draft_a_signatory_with_its_certificate_and_the_emblem_come_back() {
        let mut store = demo();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let id = store
            .create_from_template(crate::circular::CircularKind::WfhBaru, day, "uji")
            .unwrap();
        let subject = store.circular(id).unwrap().summary.subject;
        let deleted = store.delete_draft(id).unwrap();
        assert_eq!(deleted.message, format!("Draf “{subject}” dihapus."));
        store.restore_deleted(deleted.token).unwrap();
        assert_eq!(store.circular(id).unwrap().summary.subject, subject);
        assert!(
            count(
                &store,
                &format!("SELECT count(*) FROM audit WHERE circular_id = {id}")
            ) > 0
        );

        let signatory = store.signatories().unwrap()[0].id;
        let certificate = store
            .create_internal_certificate(signatory, "sandi rahasia kantor")
            .unwrap();
        let roots = store.trusted_roots().unwrap().len();
        let deleted = store.delete_signatory(signatory).unwrap();
        assert_eq!(store.trusted_roots().unwrap().len(), roots - 1);
        store.restore_deleted(deleted.token).unwrap();
        assert_eq!(
            store.certificate(certificate.id).unwrap().signatory_id,
            signatory
        );
        assert_eq!(store.trusted_roots().unwrap().len(), roots);

        let png = b"\x89PNG\r\n\x1a\n lambang".to_vec();
        store.set_emblem(Some(&png)).unwrap();
        let deleted = store.remove_emblem().unwrap();
        assert_eq!(store.emblem().unwrap(), None);
        store.restore_deleted(deleted.token).unwrap();
        assert_eq!(store.emblem().unwrap(), Some(png));
    }
}
