//! Pemantauan masa berlaku: which arrangements are in force on a day, the
//! chains they belong to (original → extension 1 → extension 2 …), working
//! days left, and the alerts a clerk must act on.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::calendar::{HolidayGap, WorkCalendar};
use crate::circular::{CircularKind, CircularStatus, CircularSummary, Relation};
use crate::vocab::vocabulary;
use crate::words;

/// One circular as the timeline sees it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Link {
    #[serde(flatten)]
    pub circular: CircularSummary,
    /// The period as the dashboard counts it: an amended or revoked
    /// circular's ends the day before its successor began.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Whom it binds (the circular's scope), e.g. `ASN di lingkungan …`.
    pub scope: String,
    /// An open-ended arrangement with a picket rule: the last day its
    /// roster covers (see [`crate::rules::horizon`]).
    pub horizon: Option<NaiveDate>,
}

impl Link {
    fn name(&self) -> String {
        match &self.circular.number {
            Some(n) => format!("SE Nomor {n}"),
            None => format!("Draf \"{}\"", self.circular.subject),
        }
    }

    fn covers(&self, day: NaiveDate) -> bool {
        self.start.is_some_and(|s| s <= day) && self.end.is_none_or(|e| day <= e)
    }

    /// An issued arrangement (a revocation ends arrangements, it is not one).
    /// One amended or revoked later still ruled until its successor began
    /// (its `end` is cut to that day by [`dashboard`]).
    fn rules(&self) -> bool {
        matches!(
            self.circular.status,
            CircularStatus::Terbit | CircularStatus::Diganti | CircularStatus::Dicabut
        ) && self.circular.kind != CircularKind::Pencabutan
    }
}

/// One lane of the timeline: a circular and everything derived from it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Chain {
    pub root: i64,
    /// By start date; drafts included.
    pub links: Vec<Link>,
}

/// An arrangement in force on the day asked about, or issued to start later.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Arrangement {
    #[serde(flatten)]
    pub link: Link,
    /// `berlaku` (in force) or `akan_berlaku` (starts later).
    pub state: &'static str,
    /// Working days from the day asked about (or the start, if later) to
    /// the end, both included; `None` when open-ended.
    pub working_days_left: Option<u32>,
    /// Index into [`Dashboard::chains`].
    pub chain: usize,
    /// `Surat edaran awal`, `Perpanjangan ke-2`, …
    pub position: String,
}

vocabulary!(
    /// What needs the clerk's attention.
    AlertKind, "Jenis peringatan" {
        SegeraBerakhir => "segera_berakhir", "Segera berakhir";
        JadwalHabis => "jadwal_habis", "Jadwal piket segera habis";
        DrafLewat => "draf_lewat", "Draf melewati tanggal mulai";
        TumpangTindih => "tumpang_tindih", "Periode tumpang tindih";
        Jeda => "jeda", "Jeda antarperiode";
    }
);

vocabulary!(
    /// What an alert asks the clerk to do, worded as the task (the app's
    /// button and the CLI's hint both say it), not as a control.
    AlertAction, "Tindakan" {
        Perpanjang => "perpanjang", "Susun perpanjangan";
        PerpanjangJadwal => "perpanjang_jadwal", "Perpanjang jadwal piket";
        BukaDraf => "buka_draf", "Terbitkan draf atau ubah periodenya";
        Buka => "buka", "Periksa surat edaran";
    }
);

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Alert {
    pub kind: AlertKind,
    pub kind_label: &'static str,
    pub message: String,
    /// The circular the action applies to.
    pub circular_id: i64,
    pub action: AlertAction,
    pub action_label: &'static str,
}

impl Alert {
    fn new(kind: AlertKind, circular_id: i64, action: AlertAction, message: String) -> Alert {
        Alert {
            kind,
            kind_label: kind.label(),
            message,
            circular_id,
            action,
            action_label: action.label(),
        }
    }
}

/// Everything Beranda shows about periods on one day.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Dashboard {
    pub at: NaiveDate,
    /// Alert when an arrangement ends within this many working days.
    pub alert_working_days: u32,
    pub active: Vec<Arrangement>,
    pub chains: Vec<Chain>,
    pub alerts: Vec<Alert>,
    /// When nothing is in force: the day the last issued arrangement
    /// ended (so a quiet day can jump to the last active one).
    pub last_end: Option<NaiveDate>,
    /// Years from `at` to the last day counted (an arrangement's end or
    /// roster horizon) without a recorded holiday list.
    pub holiday_gap: Option<HolidayGap>,
}

/// Builds the dashboard from the circulars that matter around `at` (and
/// their ancestors), in any order. Cancelled numbers are left out.
pub fn dashboard(
    links: Vec<Link>,
    at: NaiveDate,
    calendar: &WorkCalendar,
    alert_working_days: u32,
) -> Dashboard {
    let mut links: Vec<Link> = links
        .into_iter()
        .filter(|l| l.circular.status != CircularStatus::Batal)
        .collect();
    cut_at_successors(&mut links);
    let chains = chains(links);
    let mut active = Vec::new();
    for (index, chain) in chains.iter().enumerate() {
        let mut extensions = 0;
        for link in &chain.links {
            if link.circular.relation == Some(Relation::Perpanjangan)
                && !link.circular.status.editable()
            {
                extensions += 1;
            }
            let Some(start) = link.start.filter(|_| link.rules()) else {
                continue;
            };
            let state = if link.covers(at) {
                "berlaku"
            } else if start > at {
                "akan_berlaku"
            } else {
                continue;
            };
            let position = match link.circular.relation {
                None => "Surat edaran awal".to_string(),
                Some(Relation::Perpanjangan) => format!("Perpanjangan ke-{extensions}"),
                Some(r) => r.label().to_string(),
            };
            active.push(Arrangement {
                working_days_left: link
                    .end
                    .map(|end| calendar.working_days(at.max(start), end)),
                link: link.clone(),
                state,
                chain: index,
                position,
            });
        }
    }
    active.sort_by_key(|a| {
        (
            a.state != "berlaku",
            a.link.end.is_none(),
            a.link.end,
            a.link.circular.id,
        )
    });
    let alerts = alerts(&chains, &active, at, calendar, alert_working_days);
    let counted_until = active
        .iter()
        .flat_map(|a| [a.link.end, a.link.horizon])
        .flatten()
        .fold(at, NaiveDate::max);
    Dashboard {
        at,
        alert_working_days,
        active,
        chains,
        alerts,
        last_end: None,
        holiday_gap: calendar.holiday_gap(at, counted_until),
    }
}

/// An amended or revoked circular ruled until the day before its issued
/// amendment or revocation began; without one in view it is left out.
fn cut_at_successors(links: &mut [Link]) {
    let successor_start: HashMap<i64, NaiveDate> = links
        .iter()
        .filter(|l| {
            !l.circular.status.editable()
                && matches!(
                    l.circular.relation,
                    Some(Relation::Perubahan | Relation::Pencabutan)
                )
        })
        .filter_map(|l| Some((l.circular.parent_id?, l.start?)))
        .collect();
    for link in links.iter_mut() {
        if !matches!(
            link.circular.status,
            CircularStatus::Diganti | CircularStatus::Dicabut
        ) {
            continue;
        }
        match successor_start.get(&link.circular.id) {
            Some(&next) => {
                let last = next - Days::new(1);
                link.end = Some(link.end.map_or(last, |end| end.min(last)));
            }
            None => link.start = None,
        }
    }
}

/// Groups links into chains by following `parent_id` to the root.
fn chains(links: Vec<Link>) -> Vec<Chain> {
    let parent: HashMap<i64, Option<i64>> = links
        .iter()
        .map(|l| (l.circular.id, l.circular.parent_id))
        .collect();
    let root_of = |mut id: i64| {
        while let Some(Some(p)) = parent.get(&id) {
            id = *p;
        }
        id
    };
    let mut lanes: Vec<Chain> = Vec::new();
    let mut lane_of: HashMap<i64, usize> = HashMap::new();
    for link in links {
        let root = root_of(link.circular.id);
        let lane = *lane_of.entry(root).or_insert_with(|| {
            lanes.push(Chain {
                root,
                links: Vec::new(),
            });
            lanes.len() - 1
        });
        lanes[lane].links.push(link);
    }
    for chain in &mut lanes {
        chain.links.sort_by_key(|l| (l.start, l.circular.id));
    }
    lanes.sort_by_key(|c| (c.links.first().and_then(|l| l.start), c.root));
    lanes
}

fn alerts(
    chains: &[Chain],
    active: &[Arrangement],
    at: NaiveDate,
    calendar: &WorkCalendar,
    within: u32,
) -> Vec<Alert> {
    let all: Vec<&Link> = chains.iter().flat_map(|c| &c.links).collect();
    let followed: HashSet<i64> = all.iter().filter_map(|l| l.circular.parent_id).collect();
    let mut out = Vec::new();
    for a in active.iter().filter(|a| a.state == "berlaku") {
        out.extend(horizon_alert(&a.link, at, calendar, within));
        let (Some(end), Some(left)) = (a.link.end, a.working_days_left) else {
            continue;
        };
        if left <= within && !followed.contains(&a.link.circular.id) {
            out.push(Alert::new(
                AlertKind::SegeraBerakhir,
                a.link.circular.id,
                AlertAction::Perpanjang,
                format!(
                    "{} berakhir {} ({} lagi) dan belum ada perpanjangan, perubahan, atau pencabutan yang disusun.",
                    a.link.name(),
                    words::date(end),
                    words::count(left as u64, "hari kerja")
                ),
            ));
        }
    }
    // Drafts of one intent (same circular, relation and start) alert once.
    let mut late: Vec<(&Link, usize)> = Vec::new();
    for link in &all {
        match link.start {
            Some(start) if link.circular.status.editable() && start < at => {
                let twin = |(l, _): &&mut (&Link, usize)| {
                    link.circular.parent_id.is_some()
                        && (l.circular.parent_id, l.circular.relation, l.start)
                            == (link.circular.parent_id, link.circular.relation, link.start)
                };
                match late.iter_mut().find(twin) {
                    Some((_, count)) => *count += 1,
                    None => late.push((link, 1)),
                }
            }
            _ => {}
        }
    }
    for (link, count) in late {
        let start = link.start.expect("late drafts have a start");
        let twins = if count > 1 {
            format!(" Ada {count} draf yang sama; hapus yang tidak dipakai.")
        } else {
            String::new()
        };
        out.push(Alert::new(
            AlertKind::DrafLewat,
            link.circular.id,
            AlertAction::BukaDraf,
            format!(
                "{} mulai berlaku {}, tanggal itu sudah lewat; terbitkan atau ubah periodenya.{twins}",
                link.name(),
                words::date(start)
            ),
        ));
    }
    out.extend(overlaps(&all, at));
    out.extend(gaps(&all, at, calendar));
    out
}

/// An arrangement in force until evaluated whose roster runs out within
/// `within` working days of `at`, or already has.
fn horizon_alert(
    link: &Link,
    at: NaiveDate,
    calendar: &WorkCalendar,
    within: u32,
) -> Option<Alert> {
    let until = link.horizon.filter(|_| link.end.is_none())?;
    let message = if until < at {
        format!(
            "{} berlaku sampai dievaluasi, tetapi jadwal piketnya hanya disusun sampai dengan {}; sejak {} pegawai belum tahu giliran piketnya. Perpanjang jadwal piket.",
            link.name(),
            words::date(until),
            words::date(until + Days::new(1))
        )
    } else {
        let left = calendar.working_days(at, until);
        if left > within {
            return None;
        }
        format!(
            "{} berlaku sampai dievaluasi, tetapi jadwal piketnya hanya disusun sampai dengan {} ({} lagi). Perpanjang jadwal piket.",
            link.name(),
            words::date(until),
            words::count(u64::from(left), "hari kerja")
        )
    };
    Some(Alert::new(
        AlertKind::JadwalHabis,
        link.circular.id,
        AlertAction::PerpanjangJadwal,
        message,
    ))
}

/// Issued arrangements, still current, ruling the same people on the same days.
fn overlaps(all: &[&Link], at: NaiveDate) -> Vec<Alert> {
    let mut by_scope: HashMap<String, Vec<&Link>> = HashMap::new();
    for link in all {
        if link.rules() && link.start.is_some() && link.end.is_none_or(|e| e >= at) {
            by_scope
                .entry(scope_key(&link.scope))
                .or_default()
                .push(link);
        }
    }
    let mut groups: Vec<Vec<&Link>> = by_scope.into_values().collect();
    let mut out = Vec::new();
    for ruling in &mut groups {
        ruling.sort_by_key(|l| (l.start, l.circular.id));
        for (i, earlier) in ruling.iter().enumerate() {
            for later in &ruling[i + 1..] {
                let from = later.start.expect("filtered");
                if earlier.end.is_some_and(|end| end < from) {
                    continue;
                }
                let to = match (earlier.end, later.end) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                out.push(overlap(earlier, later, from, to));
            }
        }
    }
    out.sort_by_key(|a| a.circular_id);
    out
}

fn overlap(earlier: &Link, later: &Link, from: NaiveDate, to: Option<NaiveDate>) -> Alert {
    let days = match to {
        Some(to) if to != from => {
            format!("{} sampai dengan {}", words::date(from), words::date(to))
        }
        Some(_) => format!("pada {}", words::date(from)),
        None => format!("sejak {}", words::date(from)),
    };
    let scope = match earlier.scope.trim() {
        "" => "cakupan yang sama",
        scope => scope,
    };
    Alert::new(
        AlertKind::TumpangTindih,
        later.circular.id,
        AlertAction::Buka,
        format!(
            "{} dan {} sama-sama berlaku {days} untuk {scope}.",
            earlier.name(),
            later.name()
        ),
    )
}

/// Issued successors, still current, that start after a break of working days.
fn gaps(all: &[&Link], at: NaiveDate, calendar: &WorkCalendar) -> Vec<Alert> {
    let by_id: HashMap<i64, &Link> = all.iter().map(|l| (l.circular.id, *l)).collect();
    let mut out = Vec::new();
    for link in all {
        let Some(parent) = link.circular.parent_id.and_then(|p| by_id.get(&p)) else {
            continue;
        };
        let (Some(end), Some(start)) = (parent.end, link.start) else {
            continue;
        };
        let current = link.end.is_none_or(|e| e >= at);
        let extension = link.circular.relation == Some(Relation::Perpanjangan);
        if !extension || !link.rules() || !current || start <= end + Days::new(1) {
            continue;
        }
        let lost = calendar.working_days(end + Days::new(1), start - Days::new(1));
        if lost > 0 {
            out.push(Alert::new(
                AlertKind::Jeda,
                link.circular.id,
                AlertAction::Buka,
                format!(
                    "Antara {} (berakhir {}) dan {} (mulai {}) ada jeda {} tanpa pengaturan.",
                    parent.name(),
                    words::date(end),
                    link.name(),
                    words::date(start),
                    words::count(lost as u64, "hari kerja")
                ),
            ));
        }
    }
    out
}

/// Two circulars bind the same people when their scopes read the same
/// (ignoring case and spacing); an empty scope means the whole region.
fn scope_key(scope: &str) -> String {
    scope
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
