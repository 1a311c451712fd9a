//! The rule engine at regional-government scale: 20,000 employees in 400
//! picket units of 40 agencies, over a 31-day period (21 working days);
//! then 1,000 agency notices (a page and a one-page roster lampiran each)
//! merged into one PDF.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use edaran_core::absence::{Absence, AbsenceReason};
use edaran_core::agency::{Agency, AgencyKind, Unit, UnitKind};
use edaran_core::calendar::{national_lists, WorkCalendar};
use edaran_core::circular::Period;
use edaran_core::employee::{Employee, EmploymentKind, Eselon, PositionKind};
use edaran_core::exchange;
use edaran_core::notices::{self, Notice};
use edaran_core::office::PaperSize;
use edaran_core::rules::{
    DayPattern, Engine, ExceptionReason, PersonalException, Picket, Placement, Roster, Rules,
    ShiftGroup, WorkDay, Workforce,
};

const MUBA: &str = include_str!("../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, m, d).unwrap()
}

/// `agencies` × `units` × `people` (a head at eselon III, the rest staff).
fn office(agencies: i64, units: i64, people: i64) -> Workforce {
    let mut w = Workforce::default();
    let mut id = 0i64;
    for a in 0..agencies {
        let agency = Agency {
            id: a + 1,
            name: format!("Dinas {a}"),
            short_name: String::new(),
            kind: AgencyKind::Dinas,
            kind_label: "Dinas",
            unit_count: units,
            employee_count: units * people,
        };
        for k in 0..units {
            let unit = Unit {
                id: a * 100 + k,
                agency_id: agency.id,
                parent_id: None,
                name: format!("Bidang {k}"),
                kind: UnitKind::Bidang,
                kind_label: "Bidang",
                employee_count: people,
            };
            for p in 0..people {
                id += 1;
                let eselon = (p == 0).then_some(Eselon::IIIb);
                w.employees.push(Employee {
                    id,
                    nip: Some(format!("19800101200501{id:04}")),
                    name: format!("Pegawai {id}"),
                    front_title: String::new(),
                    back_title: String::new(),
                    employment: EmploymentKind::Pns,
                    golongan: None,
                    position_name: "Staf".into(),
                    position_kind: if eselon.is_some() {
                        PositionKind::Struktural
                    } else {
                        PositionKind::Pelaksana
                    },
                    eselon,
                    agency_id: agency.id,
                    agency_name: agency.name.clone(),
                    unit_id: Some(unit.id),
                    unit_name: Some(unit.name.clone()),
                });
            }
            w.units.push(unit);
        }
        w.agencies.push(agency);
    }
    w
}

fn calendar() -> WorkCalendar {
    WorkCalendar::new(
        national_lists()
            .into_iter()
            .flat_map(|l| l.days)
            .map(|h| h.date),
    )
}

fn engine() -> Engine {
    let workforce = office(40, 10, 50);
    let exceptions = (0..200)
        .map(|i| PersonalException {
            nip: workforce.employees[i * 97].nip.clone().unwrap(),
            placement: Placement::DiRumah,
            reason: ExceptionReason::Komorbid,
            from: Some(day(5, 4)),
            to: Some(day(5, 15)),
            note: String::new(),
        })
        .collect();
    let mut doc = exchange::from_json(MUBA).unwrap();
    doc.period = Some(Period {
        start: day(5, 1),
        end: Some(day(5, 31)),
    });
    doc.rules = Rules {
        top_levels: Some(1),
        picket: Some(Picket {
            per_day: 3,
            unit_kinds: vec![UnitKind::Bidang],
            categories: Vec::new(),
            agencies: Vec::new(),
            ..Default::default()
        }),
        max_share_percent: Some(25),
        exceptions,
        ..Default::default()
    };
    Engine::new(doc, calendar(), workforce).unwrap()
}

/// The Muba circular, issued, with a one-person picket per unit over the
/// week of 8–12 June 2020, in 1,000 one-unit agencies of four.
fn notices() -> Vec<Notice> {
    let mut doc = exchange::from_json(MUBA).unwrap();
    doc.number = "800/439/BKPSDM/2020".into();
    doc.issued_on = Some(day(6, 5));
    doc.period = Some(Period {
        start: day(6, 8),
        end: Some(day(6, 12)),
    });
    doc.rules = Rules {
        picket: Some(Picket {
            per_day: 1,
            unit_kinds: vec![UnitKind::Bidang],
            categories: Vec::new(),
            agencies: Vec::new(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let mut engine = Engine::new(doc, calendar(), office(1000, 1, 4)).unwrap();
    let (roster, _) = engine.generate_roster(&Roster::default()).unwrap();
    engine.set_roster(&roster);
    notices::notices(&engine, &roster, false).unwrap()
}

/// The same office working in two shift groups (A: Monday, Wednesday,
/// Friday; B: Tuesday, Thursday), at least 20 % and at most 75 % of each
/// agency in the office, three office days in a row at most, and 1,000
/// people away for a week.
fn shift_engine() -> Engine {
    let mut workforce = office(40, 10, 50);
    workforce.absences = (0..1000)
        .map(|i| {
            let e = &workforce.employees[i * 19];
            Absence {
                id: i as i64 + 1,
                employee_id: e.id,
                nip: e.nip.clone(),
                name: e.name.clone(),
                agency: e.agency_name.clone(),
                from: day(5, 11 + (i % 5) as u32),
                to: day(5, 17 + (i % 5) as u32),
                reason: AbsenceReason::Cuti,
                note: String::new(),
            }
        })
        .collect();
    let mut doc = exchange::from_json(MUBA).unwrap();
    doc.period = Some(Period {
        start: day(5, 1),
        end: Some(day(5, 31)),
    });
    let group = |name: &str, weekdays: &[WorkDay]| ShiftGroup {
        name: name.into(),
        pattern: DayPattern::HariTertentu,
        weekdays: weekdays.to_vec(),
    };
    doc.rules = Rules {
        top_levels: Some(1),
        picket: Some(Picket {
            per_day: 1,
            unit_kinds: vec![UnitKind::Bidang],
            groups: vec![
                group("A", &[WorkDay::Senin, WorkDay::Rabu, WorkDay::Jumat]),
                group("B", &[WorkDay::Selasa, WorkDay::Kamis]),
            ],
            max_consecutive: Some(3),
            ..Default::default()
        }),
        min_share_percent: Some(20),
        max_share_percent: Some(75),
        ..Default::default()
    };
    Engine::new(doc, calendar(), workforce).unwrap()
}

/// Every status of 31 days for everyone: how many are in the office.
fn all_statuses(engine: &Engine, days: &[NaiveDate]) -> usize {
    let mut in_office = 0usize;
    for &d in days {
        for i in 0..engine.workforce.employees.len() {
            in_office += usize::from(engine.decide(i, d).status.in_office());
        }
    }
    in_office
}

fn rules(c: &mut Criterion) {
    let days: Vec<NaiveDate> = day(5, 1).iter_days().take(31).collect();
    let mut shifts = shift_engine();
    c.bench_function(
        "roster 20000 pegawai, kelompok kerja + batas + ketidakhadiran, 31 hari",
        |b| b.iter(|| shifts.generate_roster(&Roster::default()).unwrap()),
    );
    let (roster, _) = shifts.generate_roster(&Roster::default()).unwrap();
    assert!(roster.on_duty().count() > 100_000);
    shifts.set_roster(&roster);
    c.bench_function(
        "status 20000 pegawai x 31 hari, kelompok kerja + batas + ketidakhadiran",
        |b| b.iter(|| all_statuses(&shifts, &days)),
    );
    let mut engine = engine();
    c.bench_function("roster 20000 pegawai, 400 unit, 31 hari", |b| {
        b.iter(|| engine.generate_roster(&Roster::default()).unwrap())
    });
    let (roster, conflicts) = engine.generate_roster(&Roster::default()).unwrap();
    assert!(conflicts.is_empty(), "{conflicts:?}");
    engine.set_roster(&roster);
    c.bench_function("status 20000 pegawai x 31 hari", |b| {
        b.iter(|| all_statuses(&engine, &days))
    });
    let list = notices();
    let (_, pages) = notices::merged(&list, PaperSize::F4, chrono::DateTime::UNIX_EPOCH).unwrap();
    assert_eq!(pages, 2000, "a page and a one-page lampiran each");
    let mut group = c.benchmark_group("pemberitahuan");
    // Reported as elements per second: pages per second.
    group.throughput(Throughput::Elements(pages as u64));
    group.bench_function("1000 pemberitahuan + lampiran → satu PDF", |b| {
        b.iter(|| notices::merged(&list, PaperSize::F4, chrono::DateTime::UNIX_EPOCH).unwrap())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = rules
}
criterion_main!(benches);
