//! Holidays in the store.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::calendar::{Holiday, HolidayKind};
use crate::error::Result;

impl Store {
    /// Holidays and cuti bersama of one year (all years when `None`), by date.
    pub fn holidays(&self, year: Option<i32>) -> Result<Vec<Holiday>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, name, kind, source FROM holiday
             WHERE ?1 IS NULL OR substr(date, 1, 4) = printf('%04d', ?1) ORDER BY date, id",
        )?;
        let rows = stmt.query_map([year], |r| {
            Ok(Holiday {
                id: r.get(0)?,
                date: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                source: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records one holiday.
    pub fn add_holiday(
        &mut self,
        date: NaiveDate,
        name: &str,
        kind: HolidayKind,
        source: &str,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO holiday (date, name, kind, source) VALUES (?1, ?2, ?3, ?4)",
            params![date, name, kind, source],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}
