//! Absences (*ketidakhadiran*): kept per employee, checked against the
//! office and against the person's other absences, imported all or nothing.

use crate::db::params;
use crate::db::Row;
use crate::error::OptionalExtension;

use super::employees::holder_of_nip;
use super::trash::{Deleted, Removed};
use super::Store;
use crate::absence::{absences_from_csv, Absence, NewAbsence};
use crate::employee::full_name;
use crate::error::{Error, Result, RowError};
use crate::words;
use crate::ErrorCode;

const SELECT: &str = "SELECT b.id, b.employee_id, e.nip, e.front_title, e.name, e.back_title,
    a.name, b.start, b.end, b.reason, b.note
    FROM absence b JOIN employee e ON e.id = b.employee_id JOIN agency a ON a.id = e.agency_id";

fn from_row(r: &Row) -> Result<Absence> {
    Ok(Absence {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        nip: r.get(2)?,
        name: full_name(
            &r.get::<String>(3)?,
            &r.get::<String>(4)?,
            &r.get::<String>(5)?,
        ),
        agency: r.get(6)?,
        from: r.get(7)?,
        to: r.get(8)?,
        reason: r.get(9)?,
        note: r.get(10)?,
    })
}

impl Store {
    /// Every absence, by start date then name.
    pub fn absences(&self) -> Result<Vec<Absence>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT} ORDER BY b.start, e.name, b.id"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    /// Records one absence: the NIP must be an employee of the office and
    /// the days must not overlap another absence of theirs.
    pub fn add_absence(&mut self, absence: &NewAbsence) -> Result<Absence> {
        let id = self.in_transaction(|store| store.insert_absence(absence))?;
        Ok(self
            .conn
            .query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], from_row)?)
    }

    /// Deletes an absence, kept in the trash for *Urungkan*.
    pub fn delete_absence(&mut self, id: i64) -> Result<Deleted> {
        let absence = self
            .conn
            .query_row(&format!("{SELECT} WHERE b.id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Ketidakhadiran dengan id {id}")))?;
        self.in_transaction(|store| {
            let mut removed = Removed::default();
            removed.take(store, "absence", "id = ?1", &[&id])?;
            store
                .conn
                .execute("DELETE FROM absence WHERE id = ?1", [id])?;
            let what = format!(
                "Ketidakhadiran {} {}",
                absence.name,
                words::span(absence.from, Some(absence.to))
            );
            store.trash(what, &removed)
        })
    }

    /// Imports an absence CSV (see [`absences_from_csv`]): every row checked
    /// like a form, every problem reported with its line, nothing kept unless
    /// all rows are good. Returns how many were recorded.
    pub fn import_absences(&mut self, bytes: &[u8]) -> Result<usize> {
        let (rows, mut errors) = absences_from_csv(bytes)?;
        self.in_transaction(|store| {
            for (line, absence) in &rows {
                if let Err(e) = store.insert_absence(absence) {
                    let column = match e.field() {
                        Some("nip") => "nip",
                        _ => "mulai",
                    };
                    errors.push(RowError {
                        line: *line,
                        column: column.into(),
                        message: e.to_string(),
                    });
                }
            }
            if errors.is_empty() {
                Ok(rows.len())
            } else {
                errors.sort_by_key(|e| e.line);
                Err(Error::Import(errors))
            }
        })
    }

    fn insert_absence(&mut self, a: &NewAbsence) -> Result<i64> {
        a.validate()?;
        let Some((employee_id, name)) = holder_of_nip(&self.conn, a.nip.trim())? else {
            return Err(Error::invalid(
                ErrorCode::NipTidakDikenal,
                "nip",
                format!("NIP {} tidak terdaftar sebagai pegawai.", a.nip.trim()),
            ));
        };
        let clash: Option<Absence> = self
            .conn
            .query_row(
                &format!(
                    "{SELECT} WHERE b.employee_id = ?1 AND b.start <= ?3 AND ?2 <= b.end LIMIT 1"
                ),
                params![employee_id, a.from, a.last_day()],
                from_row,
            )
            .optional()?;
        if let Some(other) = clash {
            return Err(Error::invalid(
                ErrorCode::KetidakhadiranTumpangTindih,
                "from",
                format!(
                    "{name} sudah tercatat {} pada hari yang sama ({} s.d. {}).",
                    other.describe(),
                    words::date(a.from),
                    words::date(a.last_day())
                ),
            ));
        }
        Ok(self.conn.insert(
            "INSERT INTO absence (employee_id, start, \"end\", reason, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![employee_id, a.from, a.last_day(), a.reason, a.note.trim()],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::absence::AbsenceReason;
    use crate::demo;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, d).unwrap()
    }

    #[test]
    fn absences_name_the_office_person_refuse_overlaps_and_import_all_or_nothing() {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        let people = store.workforce().unwrap().employees;
        let nip = |k: usize| people.iter().filter_map(|e| e.nip.clone()).nth(k).unwrap();
        let leave = NewAbsence {
            nip: nip(0),
            from: day(5, 13),
            to: Some(day(5, 15)),
            reason: AbsenceReason::Cuti,
            note: "tahunan".into(),
        };
        let stored = store.add_absence(&leave).unwrap();
        assert_eq!(
            stored.describe(),
            "cuti, tahunan (13 Mei 2020 s.d. 15 Mei 2020)"
        );
        let overlap = NewAbsence {
            from: day(5, 15),
            to: Some(day(5, 18)),
            reason: AbsenceReason::Sakit,
            ..leave.clone()
        };
        let e = store.add_absence(&overlap).unwrap_err();
        assert_eq!(e.code(), ErrorCode::KetidakhadiranTumpangTindih);
        assert!(e.to_string().contains("sudah tercatat cuti"), "{e}");
        let stranger = NewAbsence {
            nip: "199001012015011999".into(),
            ..leave.clone()
        };
        assert_eq!(
            store.add_absence(&stranger).unwrap_err().field(),
            Some("nip")
        );

        let csv = format!(
            "nip;mulai;selesai;alasan\n{};2020-05-18;2020-05-19;sakit\n199001012015011999;2020-05-18;2020-05-18;cuti\n{};2020-05-14;2020-05-14;dinas_luar\n",
            nip(1),
            nip(0)
        );
        let Err(Error::Import(rows)) = store.import_absences(csv.as_bytes()) else {
            panic!("a file with bad rows must be refused")
        };
        let at: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.column.as_str())).collect();
        assert_eq!(at, [(3, "nip"), (4, "mulai")]);
        assert_eq!(store.absences().unwrap().len(), 1, "nothing half-imported");
        let good = format!(
            "nip;mulai;selesai;alasan\n{};2020-05-18;2020-05-19;sakit\n",
            nip(1)
        );
        assert_eq!(store.import_absences(good.as_bytes()).unwrap(), 1);
        assert_eq!(store.workforce().unwrap().absences.len(), 2);
        store.delete_absence(stored.id).unwrap();
        assert_eq!(
            store.delete_absence(stored.id).unwrap_err().code(),
            ErrorCode::TidakDitemukan
        );
    }
}
