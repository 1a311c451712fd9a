//! Settings chosen in Pengaturan, kept in the database with the office.

use crate::db::params;
use crate::error::OptionalExtension;

use super::Store;
use crate::error::{Error, Result};
use crate::ErrorCode;

const ALERT_WORKING_DAYS: &str = "alert_working_days";
/// The *petugas* named in the last workflow step recorded on this database
/// (on a shared server, at this workstation: see [`Store::last_actor_key`]).
const LAST_ACTOR: &str = "petugas_terakhir";

/// Default warning time before an arrangement ends, in working days.
pub const DEFAULT_ALERT_WORKING_DAYS: u32 = 3;

impl Store {
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Warn this many working days before an arrangement ends.
    pub fn alert_working_days(&self) -> Result<u32> {
        Ok(self
            .setting(ALERT_WORKING_DAYS)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_ALERT_WORKING_DAYS))
    }

    /// Who recorded the last workflow step (paraf, issue, …) here, to offer again.
    pub fn last_actor(&self) -> Result<String> {
        Ok(self.setting(&self.last_actor_key())?.unwrap_or_default())
    }

    /// Remembers `actor` as the name the next workflow dialog offers.
    pub(super) fn set_last_actor(&self, actor: &str) -> Result<()> {
        self.set_setting(&self.last_actor_key(), actor)
    }

    /// One name per workstation on a shared server (each PC offers its own
    /// clerk's name, not whoever worked last anywhere); one on a file.
    fn last_actor_key(&self) -> String {
        match self.conn.session() {
            Some(station) => format!("{LAST_ACTOR}@{station}"),
            None => LAST_ACTOR.to_string(),
        }
    }

    pub fn set_alert_working_days(&mut self, days: u32) -> Result<()> {
        if !(1..=30).contains(&days) {
            return Err(Error::invalid(
                ErrorCode::DiLuarRentang,
                "alert_working_days",
                format!("Peringatan masa berlaku harus 1 sampai 30 hari kerja sebelum berakhir, bukan {days}."),
            ));
        }
        self.set_setting(ALERT_WORKING_DAYS, &days.to_string())
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}
