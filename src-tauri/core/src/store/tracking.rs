//! The dashboard's data from the store: circulars around a day with their
//! ancestors, the calendar in force, and the alert threshold from settings.

use chrono::{Days, NaiveDate};

use super::Store;
use crate::error::Result;
use crate::tracking::{self, Dashboard, Link};

/// How far back the timeline looks for arrangements that ended.
pub const HISTORY_DAYS: u64 = 120;

impl Store {
    /// Arrangements in force on `at` and later, their chains and the alerts.
    pub fn dashboard(&self, at: NaiveDate) -> Result<Dashboard> {
        let since = at - Days::new(HISTORY_DAYS);
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE chain(id) AS (
                SELECT id FROM circular WHERE period_end >= ?1
                    OR (period_end IS NULL AND (kind <> 'pencabutan' OR period_start >= ?1))
                UNION SELECT c.parent_id FROM circular c JOIN chain ON c.id = chain.id
                    WHERE c.parent_id IS NOT NULL)
             SELECT id, number, subject, kind, status, period_start, period_end, issued_on,
                    parent_id, relation, scope
             FROM circular WHERE id IN chain",
        )?;
        let links = stmt
            .query_map([since], |r| {
                let kind: crate::circular::CircularKind = r.get(3)?;
                let status: crate::circular::CircularStatus = r.get(4)?;
                Ok(Link {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    subject: r.get(2)?,
                    kind,
                    kind_label: kind.label(),
                    status,
                    status_label: status.label(),
                    start: r.get(5)?,
                    end: r.get(6)?,
                    issued_on: r.get(7)?,
                    parent_id: r.get(8)?,
                    relation: r.get(9)?,
                    scope: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(tracking::dashboard(
            links,
            at,
            &self.work_calendar()?,
            self.alert_working_days()?,
        ))
    }
}
