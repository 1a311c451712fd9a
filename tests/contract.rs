//! The UI tests' fakes replay what the core answers: this test writes those
//! answers into `ui/src/lib/recorded/` and fails when a file there was out
//! of date (it is rewritten; commit it), so a fake can never drift from the core.

use std::path::PathBuf;

use chrono::NaiveDate;
use edaran_core::circular::{CircularKind, CircularStatus, Clause, KopKind, Period, Relation};
use edaran_core::office::PaperSize;
use edaran_core::store::{Extension, Issue, Recording, SearchFilter};
use edaran_core::{demo, ErrorReport, Store};
use serde_json::{json, Value};

fn recorded(name: &str, mut answer: Value) {
    at_the_fakes_time(&mut answer);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/lib/recorded")
        .join(name);
    let text = serde_json::to_string_pretty(&answer).unwrap() + "\n";
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, &text).unwrap();
        panic!(
            "{} was not what the core answers; it is rewritten now: commit it",
            path.display()
        );
    }
}

/// The store stamps changes with the clock; a recording carries the fake's
/// own moment instead, so it is the same on every run.
fn at_the_fakes_time(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if key == "updated_at" {
                    *item = json!("2020-04-06 09:00:00");
                } else {
                    at_the_fakes_time(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(at_the_fakes_time),
        _ => {}
    }
}

#[test]
fn the_actions_offered_per_status_are_the_cores() {
    let by_status: serde_json::Map<String, Value> = CircularStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), json!(s.actions())))
        .collect();
    recorded("actions.json", Value::Object(by_status));
}

#[test]
fn the_vocabularies_and_number_examples_are_the_cores() {
    recorded(
        "reference.json",
        json!(edaran_core::reference::reference_data()),
    );
    // The examples the office form shows for the templates the UI tests type.
    let examples: serde_json::Map<String, Value> = [
        "{klasifikasi}/{nomor}/{unit}/{tahun}",
        "{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}",
    ]
    .into_iter()
    .map(|template| {
        let mut office = demo::office_profile();
        office.numbering_template = template.into();
        (
            template.into(),
            json!(office.number_example(439, 2020, 5).unwrap()),
        )
    })
    .collect();
    recorded("number-examples.json", Value::Object(examples));
}

#[test]
fn the_classification_codes_found_for_a_word_are_the_cores() {
    recorded(
        "classifications-cuti.json",
        json!(edaran_core::classification::search("cuti", 30)),
    );
}

/// The bad inputs the UI tests send, each with the core's answer: a UI test
/// arranges the fake to answer its next call with one of these
/// (`refuseNext`), checks that what the page sent holds `given`, and that
/// the message is shown at `answer.field`.
#[test]
fn the_refusals_the_ui_shows_are_the_cores() {
    let mut store = Store::open_in_memory().unwrap();
    demo::fill(&mut store).unwrap();
    let mut cases = Refusals::default();

    let health = store
        .agencies("Dinas Kesehatan")
        .unwrap()
        .into_iter()
        .find(|a| a.name == "Dinas Kesehatan")
        .unwrap();
    let employee = json!({
        "id": null, "nip": "", "name": "", "front_title": "", "back_title": "",
        "employment": "pns", "golongan": "", "position_name": "", "position_kind": "pelaksana",
        "eselon": "", "agency_id": health.id, "unit_id": null
    });
    let given =
        json!({ "nip": "123", "name": "Budi Santoso", "position_name": "Analis Kepegawaian" });
    let answer = store.save_employee(&merged(&employee, &given));
    cases.add("nip_pendek", "employee_save", given, answer);

    let given = json!({ "name": "   " });
    let answer = store.save_agency(&merged(
        &json!({ "id": null, "name": "", "short_name": "", "kind": "dinas" }),
        &given,
    ));
    cases.add("perangkat_daerah_tanpa_nama", "agency_save", given, answer);

    let answer = store.delete_agency(health.id);
    // Which agency is the fake's own seed; the refusal is the point.
    cases.add(
        "perangkat_daerah_berpegawai",
        "agency_delete",
        Value::Null,
        answer,
    );

    let given = json!({ "nip": "199001012015031999", "from": "2020-04-01" });
    let answer = store.add_absence(&merged(&json!({ "reason": "cuti" }), &given));
    cases.add(
        "ketidakhadiran_nip_tidak_dikenal",
        "absence_save",
        given,
        answer,
    );

    let given = json!({ "name": "" });
    let answer = store.save_register(&merged(&json!({ "id": 0 }), &given));
    cases.add("buku_agenda_tanpa_nama", "register_save", given, answer);

    let given = json!({ "numbering_template": "{klasifikasi}/{unit}" });
    let answer = store.save_office(&merged(&json!(demo::office_profile()), &given));
    cases.add("templat_tanpa_nomor", "office_save", given, answer);

    let given = json!({
        "role": "kepala_perangkat_daerah", "name": "Bambang Hartono", "front_title": "Drs.",
        "back_title": "M.Si.", "position_title": "KEPALA BKPSDM", "nip": "1978"
    });
    let base = json!({ "id": null, "golongan": "", "active": true, "kop": "" });
    let answer = store.save_signatory(&merged(&base, &given));
    cases.add("penanda_tangan_nip_pendek", "signatory_save", given, answer);

    let given = json!({ "date": "2021-12-28", "name": "Cuti bersama pengganti Idul Fitri", "kind": "cuti_bersama" });
    let answer = store.record_decree(2020, "SKB perubahan 2020", &[merged(&json!({}), &given)]);
    cases.add(
        "hari_libur_tahun_lain",
        "holiday_decree_save",
        given,
        answer,
    );

    let given = json!({ "alert_working_days": 0 });
    let answer = store.set_alert_working_days(0);
    cases.add("peringatan_nol_hari", "settings_save", given, answer);

    let draft = |store: &mut Store| {
        store
            .create_from_template(
                CircularKind::WfhBaru,
                NaiveDate::from_ymd_opt(2020, 7, 27).unwrap(),
                "petugas",
            )
            .unwrap()
    };
    let first = draft(&mut store);
    let issued = store
        .issue(
            first,
            &merged::<Issue>(&json!({ "date": "2020-07-28" }), &json!({})),
            "petugas",
        )
        .unwrap();
    let answer = store.cancel_number(first, "", "petugas");
    cases.add(
        "pembatalan_tanpa_alasan",
        "circular_cancel_number",
        json!(""),
        answer,
    );
    assert!(!issued.is_empty());

    let organisation = store
        .registers()
        .unwrap()
        .into_iter()
        .find(|r| r.id != 1)
        .unwrap();
    let recording = |number: &str, date: &str| -> Recording {
        merged(
            &json!({ "number": number, "date": date, "register_id": organisation.id }),
            &json!({}),
        )
    };
    let second = draft(&mut store);
    store
        .record(second, &recording("061/412/ORG", "2020-07-28"), "petugas")
        .unwrap();
    let third = draft(&mut store);
    let given = json!({ "number": "061/412/org", "register_id": organisation.id });
    let answer = store.record(third, &recording("061/412/org", "2020-07-29"), "petugas");
    cases.add("nomor_sudah_dicatat", "circular_record", given, answer);

    // A draft without subject is stored but not drawn, and not initialled.
    let id = draft(&mut store);
    let mut document = store.circular(id).unwrap().document;
    document.subject.clear();
    let edited = store
        .edit_draft(id, &document, PaperSize::F4, 4, "petugas")
        .unwrap();
    let problem = edited.preview_error.expect("no preview without a subject");
    cases.report(
        "pratinjau_tanpa_perihal",
        "circular_edit",
        json!({ "subject": "" }),
        &problem,
    );
    let answer = store.initial(id, "Kabid Mutasi");
    cases.add(
        "paraf_tanpa_perihal",
        "circular_initial",
        json!("Kabid Mutasi"),
        answer,
    );

    recorded("refusals.json", Value::Object(cases.0));
}

/// The refusals recorded by name.
#[derive(Default)]
struct Refusals(serde_json::Map<String, Value>);

impl Refusals {
    /// Records the core's refusal of `command` given `given`; the core must refuse.
    fn add<T: std::fmt::Debug>(
        &mut self,
        name: &str,
        command: &str,
        given: Value,
        answer: edaran_core::Result<T>,
    ) {
        let error = answer.expect_err(&format!("the core refuses {name}"));
        self.report(name, command, given, &ErrorReport::from(&error));
    }

    /// Records an answer the core gave as a report (a preview's problem).
    fn report(&mut self, name: &str, command: &str, given: Value, answer: &ErrorReport) {
        let entry = json!({ "command": command, "given": given, "answer": answer });
        self.0.insert(name.into(), entry);
    }
}

/// `base` with the fields of `given` put over it, read as a core input.
fn merged<T: serde::de::DeserializeOwned>(base: &Value, given: &Value) -> T {
    let mut value = base.clone();
    if let (Value::Object(into), Value::Object(from)) = (&mut value, given) {
        into.extend(from.clone());
    }
    serde_json::from_value(value).expect("a well-formed input")
}

/// What the fake's drafting replays, keyed by what it is asked: the core's
/// template document per kind, the period clause per period, the kop
/// warnings per kop kind, the checklist per status of a template draft,
/// and the numbers a fresh office's register gives, in order.
#[test]
fn the_drafting_answers_the_ui_replays_are_the_cores() {
    let mut store = Store::open_in_memory().unwrap();
    demo::fill(&mut store).unwrap();
    let day = NaiveDate::from_ymd_opt(2020, 3, 27).unwrap();

    let mut templates = serde_json::Map::new();
    for kind in CircularKind::ALL {
        let id = store.create_from_template(*kind, day, "petugas").unwrap();
        templates.insert(
            kind.code().into(),
            json!(store.circular(id).unwrap().document),
        );
    }
    let wfh = store
        .create_from_template(CircularKind::WfhBaru, day, "petugas")
        .unwrap();
    let document = store.circular(wfh).unwrap().document;

    // The periods the UI tests set: the template's own, and 7 days from its start.
    let mut clauses = serde_json::Map::new();
    let start = document.period.as_ref().unwrap().start;
    let seven = Period {
        start,
        end: Some(start + chrono::Days::new(6)),
    };
    for period in [document.period, Some(seven)] {
        let mut doc = document.clone();
        doc.period = period;
        edaran_core::template::refresh(&mut doc);
        let period = period.unwrap();
        let key = format!(
            "{}|{}",
            period.start,
            period.end.map(|d| d.to_string()).unwrap_or_default()
        );
        let clause = doc
            .points
            .iter()
            .find(|p| p.clause == Some(Clause::Masa))
            .unwrap();
        clauses.insert(key, json!(clause.text));
    }

    let mut warnings = serde_json::Map::new();
    for kind in KopKind::ALL {
        let mut doc = document.clone();
        doc.letterhead = store.letterhead(*kind).unwrap();
        doc.letterhead.emblem = None;
        warnings.insert(kind.code().into(), json!(doc.warnings()));
    }

    let mut checklists = serde_json::Map::new();
    checklists.insert("draf".into(), json!(store.issue_checklist(wfh).unwrap()));
    store.initial(wfh, "Kabid").unwrap();
    checklists.insert("diparaf".into(), json!(store.issue_checklist(wfh).unwrap()));

    let mut fresh = Store::open_in_memory().unwrap();
    fresh.save_office(&demo::office_profile()).unwrap();
    let bupati = json!({
        "id": null, "role": "kepala_daerah", "name": "Rusdi Hamzah", "front_title": "",
        "back_title": "", "position_title": "BUPATI TANJUNG SEROJA", "nip": "", "golongan": "",
        "active": true, "kop": ""
    });
    fresh.save_signatory(&merged(&bupati, &json!({}))).unwrap();
    let organisation = json!({
        "name": "Bagian Organisasi Setda", "numbering_template": "{klasifikasi}/{nomor}/ORG/{tahun}",
        "classification": "061"
    });
    fresh
        .save_register(&merged(&organisation, &json!({})))
        .unwrap();
    let mut numbers = serde_json::Map::new();
    for register in fresh.registers().unwrap() {
        let given: Vec<String> = (0..3)
            .map(|_| {
                let id = fresh
                    .create_from_template(CircularKind::WfhBaru, day, "petugas")
                    .unwrap();
                let issue = json!({ "date": "2020-04-01", "register_id": register.id });
                fresh
                    .issue(id, &merged(&issue, &json!({})), "petugas")
                    .unwrap()
            })
            .collect();
        numbers.insert(register.id.to_string(), json!(given));
    }

    recorded(
        "drafting.json",
        json!({
            "templates": templates,
            "period_clauses": clauses,
            "kop_warnings": warnings,
            "checklists": checklists,
            "numbers_by_register": numbers,
        }),
    );
}

/// The fake's circulars, made by the core: the demo office's profile, the
/// Bupati, SE 800/1/BKPSDM/2020 issued 27 March 2020 for 30 March – 13 April,
/// and its extension drafted on the fake's day (6 April 2020); with what the
/// core answers over them for the dashboard, deriving and search, keyed as
/// the fake asks (`date|circular ids`, `relation|days|another|circular ids`,
/// `query|filter`).
#[test]
fn the_circulars_the_ui_starts_from_are_the_cores() {
    let today = NaiveDate::from_ymd_opt(2020, 4, 6).unwrap();
    let ([first, extension], mut store) = seeded(today);
    let ids = |store: &Store| {
        let mut ids: Vec<i64> = store.circulars().unwrap().iter().map(|c| c.id).collect();
        ids.sort();
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    };

    let summaries = store.circulars().unwrap();
    let documents: serde_json::Map<String, Value> = summaries
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                json!(store.circular(c.id).unwrap().document),
            )
        })
        .collect();

    let mut dashboards = serde_json::Map::new();
    let mut board = |store: &Store, at: &str| {
        let day: NaiveDate = at.parse().unwrap();
        let key = format!("{at}|{}", ids(store));
        dashboards.insert(key, json!(store.dashboard(day).unwrap()));
    };
    // Today, the last day in force (a quiet day jumps to it), a quiet day.
    for at in ["2020-04-06", "2020-04-13", "2020-06-01"] {
        board(&store, at);
    }

    let mut derived = serde_json::Map::new();
    let mut derive = |relation: Relation, days: Option<u32>, another: bool, drafted: bool| {
        let ([_, extension], mut store) = seeded(today);
        if !drafted {
            store.delete_draft(extension).unwrap();
        }
        let key = format!(
            "{}|{}|{another}|{}",
            relation.code(),
            days.map(|d| d.to_string()).unwrap_or_default(),
            ids(&store)
        );
        let extension: Extension = merged(&json!({ "days": days }), &json!({}));
        let answer = store
            .draft_from(first, relation, extension, another, today, "petugas")
            .unwrap();
        let record = (!answer.existing).then(|| store.circular(answer.id).unwrap());
        derived.insert(key, json!({ "answer": answer, "record": record }));
    };
    for another in [false, true] {
        derive(Relation::Perpanjangan, None, another, true);
        derive(Relation::Perpanjangan, Some(7), another, true);
    }
    derive(Relation::Perpanjangan, None, false, false);
    derive(Relation::Perubahan, None, false, true);
    derive(Relation::Pencabutan, None, false, true);

    // Without the extension's draft, the end comes with no successor.
    store.delete_draft(extension).unwrap();
    board(&store, "2020-04-09");

    let (_, store) = seeded(today);
    let mut searches = serde_json::Map::new();
    // The UI searches as the clerk types `800/1`, then keeps only drafts.
    let everything = json!({ "year": null, "status": null, "kind": null });
    let drafts = json!({ "year": null, "status": "draf", "kind": null });
    let typed = ["8", "80", "800", "800/", "800/1"].map(|q| (q, &everything));
    for (query, filter) in typed.into_iter().chain([("800/1", &drafts)]) {
        let answer = store.search_circulars(query, &merged::<SearchFilter>(filter, &json!({})));
        searches.insert(format!("{query}|{filter}"), json!(answer.unwrap()));
    }

    recorded(
        "circulars.json",
        json!({
            "today": today,
            "summaries": summaries,
            "documents": documents,
            "dashboards": dashboards,
            "derived": derived,
            "searches": searches,
        }),
    );
}

/// A store holding the fake's circulars: the issued one and its extension's draft.
fn seeded(today: NaiveDate) -> ([i64; 2], Store) {
    let mut store = Store::open_in_memory().unwrap();
    store.save_office(&demo::office_profile()).unwrap();
    let bupati = json!({
        "id": null, "role": "kepala_daerah", "name": "Hendra Gunawan", "front_title": "H.",
        "back_title": "S.H., M.H.", "position_title": "BUPATI TANJUNG SEROJA", "nip": "",
        "golongan": "", "active": true, "kop": ""
    });
    store.save_signatory(&merged(&bupati, &json!({}))).unwrap();
    let day = NaiveDate::from_ymd_opt(2020, 3, 27).unwrap();
    let first = store
        .create_from_template(CircularKind::WfhBaru, day, "petugas")
        .unwrap();
    let mut document = store.circular(first).unwrap().document;
    document.period = Some(Period {
        start: NaiveDate::from_ymd_opt(2020, 3, 30).unwrap(),
        end: NaiveDate::from_ymd_opt(2020, 4, 13),
    });
    store
        .edit_draft(first, &document, PaperSize::F4, 1, "petugas")
        .unwrap();
    let issue: Issue = merged(&json!({ "date": "2020-03-27" }), &json!({}));
    store.issue(first, &issue, "petugas").unwrap();
    let extension = store
        .draft_from(
            first,
            Relation::Perpanjangan,
            Extension::default(),
            false,
            today,
            "petugas",
        )
        .unwrap()
        .id;
    ([first, extension], store)
}
