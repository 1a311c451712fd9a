//! The dashboard's data from the store: circulars around a day with their
//! ancestors, the calendar in force, and the alert threshold from settings.

use chrono::{Days, NaiveDate};

use super::circulars::{summary, SUMMARY_COLUMNS, SUMMARY_WIDTH};
use super::Store;
use crate::error::Result;
use crate::rules::horizon::default_horizon;
use crate::tracking::{self, Dashboard, Link};

/// How far back the timeline looks for arrangements that ended.
pub const HISTORY_DAYS: u64 = 120;
/// How far ahead it looks for arrangements issued to start later.
pub const AHEAD_DAYS: u64 = 180;

impl Store {
    /// Arrangements in force on `at` and later, their chains and the alerts.
    pub fn dashboard(&self, at: NaiveDate) -> Result<Dashboard> {
        let (since, until) = (at - Days::new(HISTORY_DAYS), at + Days::new(AHEAD_DAYS));
        // The circulars whose period meets the window (each branch an
        // index range), then their ancestors one parent at a time; the
        // picket rules are read out of the document only where they count.
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH RECURSIVE chain(id) AS (
                SELECT id FROM circular WHERE period_end >= ?1 AND period_start <= ?2
                UNION ALL SELECT id FROM circular WHERE period_end IS NULL
                    AND (period_start IS NULL OR period_start <= ?2)
                    AND (kind <> 'pencabutan' OR period_start >= ?1)
                UNION ALL SELECT (SELECT c.parent_id FROM circular c WHERE c.id = chain.id)
                    FROM chain WHERE chain.id IS NOT NULL)
             SELECT {SUMMARY_COLUMNS}, c.scope,
                 CASE WHEN c.period_end IS NULL
                     THEN json_extract(c.document, '$.rules.picket') IS NOT NULL END,
                 h.until
             FROM circular c LEFT JOIN roster_horizon h ON h.circular_id = c.id
             WHERE c.id IN (SELECT id FROM chain)"
        ))?;
        let links = stmt
            .query_map([since, until], |r| {
                let circular = summary(r)?;
                let picket = r.get::<Option<bool>>(SUMMARY_WIDTH + 1)?.unwrap_or(false);
                let stored: Option<NaiveDate> = r.get(SUMMARY_WIDTH + 2)?;
                let horizon = match circular.period {
                    Some(p) if picket && p.end.is_none() => {
                        Some(stored.unwrap_or_else(|| default_horizon(p.start)))
                    }
                    _ => None,
                };
                Ok(Link {
                    start: circular.period.map(|p| p.start),
                    end: circular.period.and_then(|p| p.end),
                    circular,
                    scope: r.get(SUMMARY_WIDTH)?,
                    horizon,
                })
            })?
            .collect::<Result<Vec<_>>>()?;
        let mut board = tracking::dashboard(
            links,
            at,
            &self.work_calendar()?,
            self.alert_working_days()?,
        );
        if board.active.is_empty() {
            board.last_end = self.conn.query_row(
                "SELECT max(period_end) FROM circular
                 WHERE status IN ('terbit', 'diganti', 'dicabut') AND period_end < ?1",
                [at],
                |r| r.get(0),
            )?;
        }
        Ok(board)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::circular::{Circular, Period, Relation};
    use crate::tracking::AlertKind;
    use crate::{demo, exchange};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Seeds are issued on their real dates, in whatever order a test needs.
    fn in_any_order(date: NaiveDate) -> crate::store::Issue {
        crate::store::Issue {
            backdate_reason: "urutan uji".into(),
            ..crate::store::Issue::on(date)
        }
    }

    /// The demo office (with the 2020 holidays) holding one seed circular
    /// as an issued arrangement for `period`.
    fn issued_seed(
        store: &mut Store,
        file: &str,
        period: (NaiveDate, NaiveDate),
        scope: &str,
    ) -> i64 {
        let mut doc: Circular = exchange::from_json(file).unwrap();
        doc.period = Some(Period {
            start: period.0,
            end: Some(period.1),
        });
        doc.scope = scope.into();
        let issued_on = doc.issued_on.unwrap();
        let id = store.create_circular(&doc, "Rina").unwrap();
        store.issue(id, &in_any_order(issued_on), "Rina").unwrap();
        id
    }

    fn demo_store() -> Store {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        store
    }

    /// The demo office with Muba's extension issued for 13–29 May 2020.
    fn muba_store() -> (Store, i64) {
        let mut store = demo_store();
        let muba = issued_seed(
            &mut store,
            MUBA,
            (day(2020, 5, 13), day(2020, 5, 29)),
            MUBA_SCOPE,
        );
        (store, muba)
    }

    /// The alerts about circular `id` on `at`.
    fn kinds(store: &Store, id: i64, at: NaiveDate) -> Vec<AlertKind> {
        let alerts = store.dashboard(at).unwrap().alerts;
        alerts
            .iter()
            .filter(|a| a.circular_id == id)
            .map(|a| a.kind)
            .collect()
    }

    const SUMSEL: &str = include_str!("../../../../tests/fixtures/sumsel-2020-03.json");
    const MUBA: &str = include_str!("../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");
    const MUBA_SCOPE: &str =
        "ASN dan Tenaga Kontrak di lingkungan Pemerintah Kabupaten Musi Banyuasin";

    /// An open-ended arrangement with a picket roster is followed to its
    /// roster's horizon; without picket rules, or with an end, it has none.
    #[test]
    fn an_open_ended_picket_arrangement_is_followed_to_its_roster_horizon() {
        let mut store = demo_store();
        let mut open_ended = |file: &str, picket: bool, end: Option<NaiveDate>| {
            let mut doc: Circular = exchange::from_json(file).unwrap();
            doc.period = Some(Period {
                start: day(2020, 6, 5),
                end,
            });
            if !picket {
                doc.rules.picket = None;
            }
            let id = store.create_circular(&doc, "Rina").unwrap();
            store
                .issue(id, &in_any_order(day(2020, 6, 4)), "Rina")
                .unwrap();
            id
        };
        let rostered = open_ended(MUBA, true, None);
        let unrostered = open_ended(SUMSEL, false, None);
        let ended = open_ended(MUBA, true, Some(day(2020, 6, 19)));
        let board = store.dashboard(day(2020, 6, 10)).unwrap();
        let horizon = |id: i64| {
            board
                .active
                .iter()
                .find(|a| a.link.circular.id == id)
                .unwrap()
                .link
                .horizon
        };
        assert_eq!(horizon(rostered), Some(day(2020, 8, 31)));
        assert_eq!(horizon(unrostered), None);
        assert_eq!(horizon(ended), None);
    }

    #[test]
    fn the_sumsel_chain_warns_before_the_end_then_tracks_its_extension() {
        let mut store = demo_store();
        let first = issued_seed(
            &mut store,
            SUMSEL,
            (day(2020, 3, 26), day(2020, 4, 8)),
            "ASN Provinsi Sumatera Selatan",
        );
        let board = store.dashboard(day(2020, 4, 6)).unwrap();
        let mine = board
            .active
            .iter()
            .find(|a| a.link.circular.id == first)
            .unwrap();
        assert_eq!((mine.state, mine.working_days_left), ("berlaku", Some(3)));
        assert_eq!(mine.position, "Surat edaran awal");
        let alert = board
            .alerts
            .iter()
            .find(|a| a.circular_id == first)
            .unwrap();
        assert_eq!(alert.kind, AlertKind::SegeraBerakhir);
        assert!(alert.message.contains("SE Nomor 800/"), "{}", alert.message);
        assert!(
            alert
                .message
                .contains("berakhir 8 April 2020 (3 (tiga) hari kerja lagi)"),
            "{}",
            alert.message
        );
        // Two days earlier it is not yet due (five working days left).
        assert!(!store
            .dashboard(day(2020, 4, 2))
            .unwrap()
            .alerts
            .iter()
            .any(|a| a.circular_id == first));

        let draft = store
            .derive(first, Relation::Perpanjangan, day(2020, 4, 6), "Rina")
            .unwrap()
            .id;
        assert!(
            !store
                .dashboard(day(2020, 4, 6))
                .unwrap()
                .alerts
                .iter()
                .any(|a| a.circular_id == first),
            "a drafted successor silences the alert"
        );
        let late = store.dashboard(day(2020, 4, 10)).unwrap();
        let alert = late.alerts.iter().find(|a| a.circular_id == draft).unwrap();
        assert_eq!(alert.kind, AlertKind::DrafLewat);
        // The task, in words both the app's button and the CLI can show.
        assert_eq!(alert.action_label, "Terbitkan draf atau ubah periodenya");
        assert!(
            alert.message.contains("mulai berlaku 9 April 2020"),
            "{}",
            alert.message
        );
        // A second identical draft made on purpose: still one alert, saying so.
        let twin = store
            .draft_from(
                first,
                Relation::Perpanjangan,
                Default::default(),
                true,
                day(2020, 4, 6),
                "Rina",
            )
            .unwrap()
            .id;
        let late = store.dashboard(day(2020, 4, 10)).unwrap();
        let drafts: Vec<_> = late
            .alerts
            .iter()
            .filter(|a| a.kind == AlertKind::DrafLewat)
            .collect();
        assert_eq!(drafts.len(), 1, "{drafts:?}");
        assert!(drafts[0]
            .message
            .ends_with("Ada 2 draf yang sama; hapus yang tidak dipakai."));
        store.delete_draft(twin).unwrap();

        store
            .issue(draft, &in_any_order(day(2020, 4, 8)), "Rina")
            .unwrap();
        let board = store.dashboard(day(2020, 4, 15)).unwrap();
        let ext = board
            .active
            .iter()
            .find(|a| a.link.circular.id == draft)
            .unwrap();
        assert_eq!(ext.position, "Perpanjangan ke-1");
        // 15–22 April 2020: 15, 16, 17, 20, 21, 22.
        assert_eq!(ext.working_days_left, Some(6));
        let chain = &board.chains[ext.chain];
        assert_eq!(chain.root, first);
        assert_eq!(
            chain
                .links
                .iter()
                .map(|l| l.circular.id)
                .collect::<Vec<_>>(),
            [first, draft]
        );
        assert!(!board.alerts.iter().any(|a| a.kind == AlertKind::Jeda));
    }

    #[test]
    fn the_muba_extension_counts_working_days_across_ascension_and_idul_fitri() {
        let (store, muba) = muba_store();
        let left = |at| {
            store
                .dashboard(at)
                .unwrap()
                .active
                .into_iter()
                .find(|a| a.link.circular.id == muba)
                .unwrap()
                .working_days_left
        };
        // 20, 22, 26, 27, 28, 29 May: the 21st (Ascension) and 25th (Idul Fitri) are off.
        assert_eq!(left(day(2020, 5, 20)), Some(6));
        assert_eq!(left(day(2020, 5, 23)), Some(4));
        assert_eq!(kinds(&store, muba, day(2020, 5, 26)), []);
        assert_eq!(
            kinds(&store, muba, day(2020, 5, 27)),
            [AlertKind::SegeraBerakhir]
        );
        assert!(store
            .dashboard(day(2020, 5, 30))
            .unwrap()
            .active
            .iter()
            .all(|a| a.link.circular.id != muba));
    }

    #[test]
    fn gaps_and_overlaps_for_the_same_people_are_reported() {
        let (mut store, muba) = muba_store();
        // An extension issued late: it starts on 8 June, after the Pancasila holiday.
        let next = store
            .derive(muba, Relation::Perpanjangan, day(2020, 5, 27), "Rina")
            .unwrap()
            .id;
        let mut doc = store.circular(next).unwrap().document;
        doc.period = Some(Period {
            start: day(2020, 6, 8),
            end: Some(day(2020, 6, 19)),
        });
        store.save_draft(next, &doc, "Rina").unwrap();
        store
            .issue(next, &in_any_order(day(2020, 6, 5)), "Rina")
            .unwrap();
        let board = store.dashboard(day(2020, 6, 8)).unwrap();
        let gap = board
            .alerts
            .iter()
            .find(|a| a.kind == AlertKind::Jeda)
            .expect("gap");
        assert_eq!(gap.circular_id, next);
        // 2–5 June: 1 June is Hari Lahir Pancasila, 30–31 May a weekend.
        assert!(
            gap.message.contains("jeda 4 (empat) hari kerja"),
            "{}",
            gap.message
        );

        // Another circular for the same people, overlapping the extension.
        let other = issued_seed(
            &mut store,
            MUBA,
            (day(2020, 6, 15), day(2020, 6, 30)),
            &MUBA_SCOPE.to_uppercase(),
        );
        let board = store.dashboard(day(2020, 6, 10)).unwrap();
        let overlap = board
            .alerts
            .iter()
            .find(|a| a.kind == AlertKind::TumpangTindih)
            .expect("overlap");
        assert_eq!(overlap.circular_id, other);
        assert!(
            overlap
                .message
                .contains("15 Juni 2020 sampai dengan 19 Juni 2020"),
            "{}",
            overlap.message
        );
        // A circular for other people does not overlap.
        issued_seed(
            &mut store,
            SUMSEL,
            (day(2020, 6, 1), day(2020, 6, 30)),
            "ASN Provinsi Sumatera Selatan",
        );
        assert_eq!(
            store
                .dashboard(day(2020, 6, 10))
                .unwrap()
                .alerts
                .iter()
                .filter(|a| a.kind == AlertKind::TumpangTindih)
                .count(),
            1
        );
    }

    #[test]
    fn the_alert_threshold_comes_from_settings() {
        let (mut store, muba) = muba_store();
        assert_eq!(store.alert_working_days().unwrap(), 3);
        store.set_alert_working_days(6).unwrap();
        assert!(store
            .dashboard(day(2020, 5, 20))
            .unwrap()
            .alerts
            .iter()
            .any(|a| a.circular_id == muba));
        let e = store.set_alert_working_days(0).unwrap_err();
        assert_eq!(e.field(), Some("alert_working_days"));
        assert_eq!(store.alert_working_days().unwrap(), 6);
    }

    #[test]
    fn a_revoked_arrangement_still_shows_on_earlier_days_and_its_revocation_is_no_gap() {
        let (mut store, muba) = muba_store();
        // Revoked after it ended: back to normal from 9 June.
        let revocation = store
            .derive(muba, Relation::Pencabutan, day(2020, 6, 8), "Rina")
            .unwrap()
            .id;
        store
            .issue(revocation, &in_any_order(day(2020, 6, 8)), "Rina")
            .unwrap();
        let before = store.dashboard(day(2020, 5, 20)).unwrap();
        let shown = before
            .active
            .iter()
            .find(|a| a.link.circular.id == muba)
            .expect("in force on 20 May");
        assert_eq!(shown.link.end, Some(day(2020, 5, 29)));
        let after = store.dashboard(day(2020, 6, 10)).unwrap();
        assert!(
            !after.alerts.iter().any(|a| a.kind == AlertKind::Jeda),
            "{:?}",
            after.alerts
        );
        assert!(after.active.iter().all(|a| a.link.circular.id != muba));
    }
}
