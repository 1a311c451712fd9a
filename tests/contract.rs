//! The UI tests' fakes replay what the core answers: this test writes those
//! answers into `ui/src/lib/recorded/` and fails when a file there was out
//! of date (it is rewritten; commit it), so a fake can never drift from the core.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, Weekday};
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
    // Pretty to be read in a diff, unless that passes 100 KB: then compact.
    let pretty = serde_json::to_string_pretty(&answer).unwrap();
    let text = if pretty.len() > 100_000 {
        serde_json::to_string(&answer).unwrap()
    } else {
        pretty
    } + "\n";
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
        .edit_draft(id, &document, None, PaperSize::F4, 4, "petugas")
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

    // Pengaturan → Basis data bersama: an address that is no connection string.
    let given = json!({ "address": "postgresql://edaran@192.168.1.10:lima/edaran" });
    let answer = edaran_core::db::ConnectionInfo::parse(given["address"].as_str().unwrap());
    cases.add(
        "alamat_server_rusak",
        "shared_db_check",
        given,
        answer.map(|_| ()),
    );

    // The sign-in at start, on a real server that asks a password: none
    // given, then a wrong one (its scratch socket named as an office's host).
    let server = edaran_core::db::scratch::ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server
        .create_guarded_database("kontrak", "sandi kantor")
        .unwrap();
    let info = edaran_core::db::ConnectionInfo::parse(&url).unwrap();
    let at_office = |e: edaran_core::Error| {
        let mut report = ErrorReport::from(&e);
        report.message = report
            .message
            .replace(&info.public(), "petugas@192.168.1.10/edaran")
            .replace("petugas_kontrak", "petugas");
        report
    };
    for (name, password) in [
        ("server_minta_kata_sandi", ""),
        ("kata_sandi_server_salah", "sandi lama"),
    ] {
        let Err(refused) = Store::connect(&info.clone().with_password(password)) else {
            panic!("the server let {name} in")
        };
        cases.report(
            name,
            "shared_db_sign_in",
            json!(password),
            &at_office(refused),
        );
    }

    // Another workstation saved the draft after this one opened it.
    let opened = store.circular(id).unwrap();
    let mut theirs = opened.document.clone();
    theirs.subject = "Diubah di komputer lain".into();
    store
        .edit_draft(id, &theirs, None, PaperSize::F4, 1, "Budi")
        .unwrap();
    let answer = store.edit_draft(
        id,
        &opened.document,
        Some(opened.summary.version),
        PaperSize::F4,
        1,
        "petugas",
    );
    let mut report =
        ErrorReport::from(&answer.expect_err("the core refuses an edit of an older version"));
    // Budi saved just now: recorded at the fakes' day and hour, so the file stays put.
    let (before, rest) = report.message.split_once(" pada ").unwrap();
    let (_, after) = rest.split_once(" sesudah ").unwrap();
    report.message = format!("{before} pada 6 April 2020 pukul 09.00 sesudah {after}");
    cases.report(
        "diubah_di_komputer_lain",
        "circular_edit",
        json!({ "version": opened.summary.version }),
        &report,
    );

    // The rules form, and the conflicts of a draft without a period.
    let rules_draft = draft(&mut store);
    let given = json!({ "picket": { "per_day": 0, "unit_kinds": [], "categories": [] } });
    let answer = store.save_rules(rules_draft, merged(&json!({}), &given), "petugas");
    cases.add("piket_nol_orang", "rules_save", given, answer);
    let given = json!({ "exceptions": [{ "nip": "199912312020121001", "placement": "di_rumah", "reason": "komorbid" }] });
    let answer = store.save_rules(rules_draft, merged(&json!({}), &given), "petugas");
    cases.add(
        "pengecualian_nip_tidak_dikenal",
        "rules_save",
        given,
        answer,
    );
    let mut document = store.circular(rules_draft).unwrap().document;
    document.period = None;
    document.rules = merged(&json!({ "max_share_percent": 50 }), &json!({}));
    store.save_draft(rules_draft, &document, "petugas").unwrap();
    let answer = store.circular_conflicts(rules_draft);
    cases.add(
        "konflik_tanpa_periode",
        "circular_conflicts",
        Value::Null,
        answer,
    );

    // Signing: the signer of a new draft (and of `first`, issued above) gets a certificate.
    let signed = draft(&mut store);
    let signatories = store.signatories().unwrap();
    let answer = store.create_internal_certificate(signatories[0].id, "pendek");
    cases.add(
        "kata_sandi_pendek",
        "certificate_create_internal",
        json!("pendek"),
        answer,
    );
    let certificate = signatories
        .iter()
        .find_map(|s| {
            let made = store
                .create_internal_certificate(s.id, "kata sandi kepala")
                .unwrap();
            let own = store.signing_certificates(signed).unwrap();
            own.iter().any(|c| c.id == made.id).then_some(made.id)
        })
        .expect("a certificate of the draft's signer");
    let issue = merged::<Issue>(&json!({ "date": "2020-07-30" }), &json!({}));
    let paper = edaran_core::office::PaperSize::F4;
    let answer = store.issue_signed(signed, &issue, "petugas", certificate, "bukan ini", paper);
    cases.add(
        "terbit_kata_sandi_salah",
        "circular_issue_signed",
        json!("bukan ini"),
        answer,
    );
    let request = edaran_core::store::NoticeRequest {
        per_employee: false,
        merged: PathBuf::from("Pemberitahuan.pdf"),
        paper,
        signing: Some((certificate, "bukan ini")),
    };
    let answer = store.notice_batch(first, request).map(|_| ());
    cases.add(
        "pemberitahuan_kata_sandi_salah",
        "notices_save",
        Value::Null,
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

/// The fake's office (`demoSeed` in ui/src/lib/fakeBackend.ts) in a core
/// store, with the same ids: [`seeded`]'s circulars on the fake's day, then
/// agencies 1–4, units 1–3 and the seed's employees. One difference, so the
/// roster has rotations to show: the core rosters units only, so Disdikbud's
/// 60 teachers are in its unit 4, “Sekretariat” (the seed gives them none).
fn small_office() -> Store {
    let (_, mut store) = seeded(fakes_day());
    for (name, short_name, kind) in [
        (
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "BKPSDM",
            "badan",
        ),
        ("Dinas Kesehatan", "Dinkes", "dinas"),
        ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", "dinas"),
        ("Kecamatan Seroja Hilir", "", "kecamatan"),
    ] {
        let input = json!({ "id": null, "name": name, "short_name": short_name, "kind": kind });
        store.save_agency(&merged(&input, &json!({}))).unwrap();
    }
    for (agency_id, parent_id, name, kind) in [
        (1, None, "Sekretariat", "sekretariat"),
        (1, Some(1), "Subbagian Umum dan Kepegawaian", "subbagian"),
        (2, None, "Bidang Pelayanan Kesehatan", "bidang"),
        (3, None, "Sekretariat", "sekretariat"),
    ] {
        let input = json!({ "id": null, "agency_id": agency_id, "parent_id": parent_id, "name": name, "kind": kind });
        store.save_unit(&merged(&input, &json!({}))).unwrap();
    }
    let person = json!({
        "id": null, "front_title": "", "back_title": "", "employment": "pns", "golongan": "",
        "eselon": "", "position_kind": "pelaksana", "unit_id": null
    });
    let teachers = (1..=60).map(|i| {
        json!({
            "nip": format!("198501012010011{i:03}"), "name": format!("Guru Contoh {i:03}"),
            "back_title": "S.Pd.", "golongan": "III/b", "position_name": "Guru Ahli Pertama",
            "position_kind": "fungsional", "agency_id": 3, "unit_id": 4
        })
    });
    let people = [
        json!({
            "nip": "197805122003121004", "front_title": "Drs.", "name": "Bambang Hartono", "back_title": "M.Si.",
            "golongan": "IV/b", "position_name": "Kepala Badan", "position_kind": "struktural", "eselon": "II.b",
            "agency_id": 1
        }),
        json!({
            "nip": "198203152006042011", "name": "Rina Marlina", "back_title": "S.E.", "golongan": "III/d",
            "position_name": "Sekretaris", "position_kind": "struktural", "eselon": "III.a", "agency_id": 1,
            "unit_id": 1
        }),
        json!({
            "nip": "197911042005012003", "front_title": "dr.", "name": "Sari Wulandari", "back_title": "M.Kes.",
            "golongan": "IV/a", "position_name": "Kepala Dinas", "position_kind": "struktural", "eselon": "II.b",
            "agency_id": 2
        }),
        json!({
            "nip": "199002142023212018", "name": "Dewi Lestari", "back_title": "S.Kep., Ners", "employment": "pppk",
            "golongan": "IX", "position_name": "Perawat Ahli Pertama", "position_kind": "fungsional",
            "agency_id": 2, "unit_id": 3
        }),
        json!({ "nip": "", "name": "Agus Salim", "employment": "honorer", "position_name": "Pengemudi", "agency_id": 2 }),
    ];
    for given in people.into_iter().chain(teachers) {
        store.save_employee(&merged(&person, &given)).unwrap();
    }
    let days: Vec<_> = json!([
        { "date": "2020-01-01", "name": "Tahun Baru 2020 Masehi", "kind": "libur_nasional" },
        { "date": "2020-05-25", "name": "Hari Raya Idul Fitri 1441 Hijriah", "kind": "libur_nasional" },
        { "date": "2020-05-26", "name": "Hari Raya Idul Fitri 1441 Hijriah", "kind": "libur_nasional" },
        { "date": "2020-05-27", "name": "Cuti Bersama Idul Fitri", "kind": "cuti_bersama" }
    ])
    .as_array()
    .unwrap()
    .iter()
    .map(|day| merged(day, &json!({})))
    .collect();
    store
        .record_decree(2020, "SKB 3 Menteri 2019", &days)
        .unwrap();
    store
}

const ACTOR: &str = "Tester";
const PASSPHRASE: &str = "kata sandi kepala";

/// The calls of the UI tests on the rules pages, each with the core's
/// answer and the changes accepted before it (`after`), as the rules fake
/// replays them (ui/src/lib/fakeRules.ts; the actor left out).
#[derive(Default)]
struct Conversation {
    after: Vec<Value>,
    exchanges: Vec<Value>,
}

impl Conversation {
    /// Asks `store` what `command` with `args` answers and records it;
    /// an accepted change is remembered for the calls after it, and what
    /// the pages read on opening is recorded after it.
    fn call(&mut self, store: &mut Store, command: &str, args: Value) -> Value {
        self.ask(store, command, args.clone(), args)
    }

    /// [`Conversation::call`] recorded as `args` but asked as `asked` (an
    /// id the fake gives differently).
    fn ask(&mut self, store: &mut Store, command: &str, args: Value, asked: Value) -> Value {
        let answer = answer(
            store,
            command,
            asked.as_array().expect("the arguments as a list"),
        );
        let exchange = match &answer {
            Ok(value) => {
                json!({ "after": self.after, "command": command, "args": args, "answer": value })
            }
            Err(error) => {
                json!({ "after": self.after, "command": command, "args": args, "refused": ErrorReport::from(error) })
            }
        };
        let same = |e: &Value| {
            e["after"] == exchange["after"] && e["command"] == command && e["args"] == args
        };
        if !self.exchanges.iter().any(same) {
            self.exchanges.push(exchange);
        }
        let changes = [
            "rules_save",
            "rules_insert_clauses",
            "roster_generate",
            "roster_extend",
            "roster_edit",
        ];
        if answer.is_ok() && changes.contains(&command) {
            self.after.push(json!([command, args]));
            self.opening(store);
        }
        answer.unwrap_or(Value::Null)
    }

    /// What the rules pages read on opening, for both circulars.
    fn opening(&mut self, store: &mut Store) {
        for id in [1, 2] {
            for command in ["rules_get", "roster_horizon", "roster_holiday_gap"] {
                self.call(store, command, json!([id]));
            }
        }
    }

    /// A new conversation over a fresh office: nothing accepted yet.
    fn restart(&mut self) -> Store {
        self.after.clear();
        let mut store = small_office();
        self.opening(&mut store);
        store
    }
}

fn arg<T: serde::de::DeserializeOwned>(args: &[Value], i: usize) -> T {
    serde_json::from_value(args[i].clone()).expect("a well-formed argument")
}

/// What the app's command `command` answers (src-tauri/src/rules.rs).
fn answer(store: &mut Store, command: &str, args: &[Value]) -> edaran_core::Result<Value> {
    let id: i64 = arg(args, 0);
    // The app's `RosterSummary` of a generated roster.
    let summary = |report: edaran_core::store::RosterReport| {
        json!({
            "duties": report.roster.on_duty().count(), "conflicts": report.conflicts,
            "loads": report.loads, "horizon": report.horizon, "holiday_gap": report.holiday_gap
        })
    };
    Ok(match command {
        "rules_get" => json!(store.rules(id)?),
        "rules_save" => json!(store.save_rules(id, arg(args, 1), ACTOR)?),
        // The fake keeps the points the core placed the clauses among.
        "rules_insert_clauses" => {
            store.place_rule_clauses(id, ACTOR)?;
            json!(store.circular(id)?.document.points)
        }
        "circular_conflicts" => json!(store.circular_conflicts(id)?),
        "roster_generate" => summary(store.generate_roster(id)?),
        "roster_extend" => summary(store.extend_roster(id, arg(args, 1))?),
        "roster_horizon" => json!(store.roster_horizon(id)?),
        "roster_holiday_gap" => json!(store.roster_holiday_gap(id)?),
        "agency_grid" => json!(store.agency_grid(id, arg(args, 1))?),
        "roster_edit" => json!(store.edit_roster(id, &arg(args, 1))?),
        "status_list" => json!(store.statuses(id, arg(args, 1), arg(args, 2))?),
        // Asked as `{per_employee, signed}`; signed with certificate 1.
        "notices_save" => {
            let folder = tempfile::tempdir().unwrap();
            let request = edaran_core::store::NoticeRequest {
                per_employee: args[1]["per_employee"].as_bool().unwrap(),
                merged: folder.path().join("Pemberitahuan.pdf"),
                paper: edaran_core::office::PaperSize::F4,
                signing: (args[1]["signed"] == true).then_some((1, PASSPHRASE)),
            };
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let written = store.write_notices(id, request, &cancel, |_| {})?;
            let text = json!(written).to_string();
            let place = folder.path().display().to_string();
            serde_json::from_str(&text.replace(&place, "/home/pengguna/Dokumen")).unwrap()
        }
        _ => panic!("no such rules command: {command}"),
    })
}

#[test]
fn the_rules_roster_and_notices_the_ui_shows_are_the_cores() {
    let mut talk = Conversation::default();
    let picket = |per_day: u32| json!({ "picket": { "per_day": per_day, "unit_kinds": [], "categories": [] } });

    // The rules form (rules.test.ts, “rules of a circular”).
    let every_kind = json!({
        "eselon_by_kind": [{ "kind": "kecamatan", "levels": [2, 3] }], "exempt_agencies": [2],
        "exempt_kinds": ["rsud", "puskesmas"], "max_share_percent": 50, "top_levels": 2,
        "picket": { "categories": ["pns"], "per_day": 2, "unit_kinds": ["sekretariat", "bidang"] }
    });
    let shifts = json!({
        "max_share_percent": 50, "min_share_percent": 25,
        "picket": {
            "categories": [], "grouping": "per_unit", "max_consecutive": 3, "per_day": 1, "unit_kinds": [],
            "groups": [
                { "name": "A", "pattern": "hari_tertentu", "weekdays": ["senin", "rabu", "jumat"] },
                { "name": "B", "pattern": "minggu_genap" }
            ]
        }
    });
    let exception = json!({ "exceptions": [{
        "from": "2020-04-20", "nip": "198203152006042011", "note": "surat dokter",
        "placement": "di_rumah", "reason": "hamil"
    }] });
    // An amendment drafted from the issued circular on the page (the fake's id 5000).
    let mut store = talk.restart();
    let amendment = store
        .derive(1, Relation::Perubahan, fakes_day(), ACTOR)
        .unwrap()
        .id;
    talk.ask(&mut store, "rules_get", json!([5000]), json!([amendment]));
    for rules in [
        every_kind,
        shifts,
        exception,
        json!({ "max_share_percent": 25 }),
    ] {
        let mut store = talk.restart();
        talk.call(&mut store, "rules_save", json!([2, rules]));
    }
    // An agency added on the page (the fake's id 1000) and exempted at once.
    let mut store = talk.restart();
    let agency = json!({ "id": null, "name": "Dinas Kependudukan dan Pencatatan Sipil", "short_name": "", "kind": "dinas" });
    let added = store.save_agency(&merged(&agency, &json!({}))).unwrap();
    talk.ask(
        &mut store,
        "rules_save",
        json!([2, { "exempt_agencies": [1000] }]),
        json!([2, { "exempt_agencies": [added.id] }]),
    );
    let mut store = talk.restart();
    talk.call(&mut store, "rules_save", json!([2, picket(3)]));
    talk.call(&mut store, "rules_insert_clauses", json!([2]));

    // The roster of the draft, Disdikbud's grid, its edits on its first day
    // and statuses then and on its first Sunday (“picket roster”), and the
    // conflicts before issuing it.
    let mut store = talk.restart();
    let start = store.circular(2).unwrap().document.period.unwrap().start;
    let sunday = start
        .iter_days()
        .find(|d| d.weekday() == Weekday::Sun)
        .unwrap();
    let first = json!(start);
    talk.call(&mut store, "rules_save", json!([2, picket(2)]));
    talk.call(&mut store, "circular_conflicts", json!([2]));
    talk.call(&mut store, "roster_generate", json!([2]));
    for date in [start, sunday] {
        talk.call(&mut store, "status_list", json!([2, date, 3]));
    }
    let grid = talk.call(&mut store, "agency_grid", json!([2, 3]));
    let on_first_day = |grid: &Value, status: &str| -> Vec<i64> {
        grid["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|row| row["cells"][0]["status"] == status)
            .map(|row| row["employee_id"].as_i64().unwrap())
            .collect()
    };
    let employee = on_first_day(&grid, "piket")[0];
    let release = json!({ "date": first, "employee_id": employee, "on_duty": false });
    talk.call(&mut store, "roster_edit", json!([2, release]));
    talk.call(
        &mut store,
        "roster_edit",
        json!([2, merged::<Value>(&release, &json!({ "force": true }))]),
    );
    let grid = talk.call(&mut store, "agency_grid", json!([2, 3]));
    let free = on_first_day(&grid, "wfh")
        .into_iter()
        .find(|&e| e != employee)
        .unwrap();
    talk.call(
        &mut store,
        "roster_edit",
        json!([2, { "date": first, "employee_id": free, "on_duty": true }]),
    );
    talk.call(&mut store, "agency_grid", json!([2, 3]));
    let swap = json!({ "date": first, "employee_id": employee, "on_duty": true, "replaces": free });
    talk.call(&mut store, "roster_edit", json!([2, swap]));
    talk.call(&mut store, "agency_grid", json!([2, 3]));

    // The notices of the draft once issued, then of the issued circular
    // signed with the signatory's internal certificate.
    let mut store = talk.restart();
    talk.call(&mut store, "rules_save", json!([2, picket(2)]));
    store.issue(2, &Issue::on(fakes_day()), ACTOR).unwrap();
    talk.call(&mut store, "roster_generate", json!([2]));
    for per_employee in [false, true] {
        talk.call(
            &mut store,
            "notices_save",
            json!([2, { "per_employee": per_employee, "signed": false }]),
        );
    }
    let mut store = talk.restart();
    store.create_internal_certificate(1, PASSPHRASE).unwrap();
    talk.call(&mut store, "roster_generate", json!([1]));
    talk.call(
        &mut store,
        "notices_save",
        json!([1, { "per_employee": false, "signed": true }]),
    );

    recorded("rules.json", Value::Array(talk.exchanges));
}

/// The two files the import UI tests pick, as CSV: a plain spreadsheet and
/// a SIASN export as downloaded (uppercase headers, no eselon, a retired row).
const IMPORT_FILES: [(&str, &str, &str); 2] = [
    (
        "spreadsheet",
        "pegawai.csv",
        "NIP,Nama,Jenis Pegawai,Golongan,Jabatan,Perangkat Daerah,Unit Kerja
198501012010011001,Guru Contoh 001,PNS,III/c,Guru Ahli Muda,Dinas Pendidikan dan Kebudayaan,
199105202015031002,Yusuf Ramadhan,PNS,III/a,Analis Kepegawaian,Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,Sekretariat
199307112019022001,Lina Kartika,PPPK,IX,Penata Kelola Lalu Lintas,Dinas Perhubungan,Bidang Lalu Lintas
198811232014021005,Fajar Nugroho,PNS,III/b,Analis Pemerintahan,Kecamatan Seroja Hilir,Seksi Pemerintahan
",
    ),
    (
        "siasn",
        "export.csv",
        "PNS ID,NIP BARU,NAMA,GOL AKHIR NAMA,JENIS JABATAN NAMA,JABATAN NAMA,UNOR NAMA,SATUAN KERJA KERJA NAMA,KEDUDUKAN HUKUM NAMA,STATUS CPNS PNS,TMT GOLONGAN
8ae4838a1,197203142000031004,HENDRA WIJAYA,IV/c,Struktural,Kepala Dinas Kesehatan,Dinas Kesehatan,Dinas Kesehatan,Aktif,P,01-04-2020
8ae4838a2,198006212006042002,RATNA UTAMI,III/d,Struktural,Kepala Seksi Pelayanan Kesehatan Primer,Seksi Pelayanan Kesehatan Primer,Dinas Kesehatan,Aktif,P,01-04-2021
8ae4838a3,199902102024011003,BAYU PRATAMA,III/a,Fungsional Tertentu,Perawat Ahli Pertama,Sekretariat,Dinas Kesehatan,Aktif,C,01-01-2024
8ae4838a4,196101011985031001,AGUS SANTOSO,IV/a,Fungsional Umum,Pengadministrasi Umum,Sekretariat,Dinas Kesehatan,Pensiun,P,01-04-2010
",
    ),
];

/// The employee import over the fake's office: per file, the mapping step
/// the core shows, and its answer to each import the UI tests make (the
/// guessed mapping with and without creating what is missing, and without
/// the name), with what an accepted import wrote for the fake to keep.
#[test]
fn the_employee_imports_the_ui_shows_are_the_cores() {
    use edaran_core::import::{import_employees, preview_import, FileKind, ImportFile};
    let mut files = serde_json::Map::new();
    for (key, name, text) in IMPORT_FILES {
        let file = ImportFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
            kind: FileKind::Csv,
        };
        let preview = json!(preview_import(&small_office(), &file).unwrap());
        let guessed = preview["mapping"].clone();
        let mut nameless = guessed.clone();
        nameless.as_object_mut().unwrap().remove("name");
        let imports: Vec<Value> = [(&guessed, false), (&guessed, true), (&nameless, false)]
            .into_iter()
            .map(|(mapping, create_missing)| {
                let mut store = small_office();
                let before: Vec<i64> = store.agencies("").unwrap().iter().map(|a| a.id).collect();
                let answer = import_employees(&mut store, &file, &merged(mapping, &json!({})), create_missing);
                let asked = json!({ "mapping": mapping, "create_missing": create_missing });
                match answer {
                    Err(error) => merged(&asked, &json!({ "refused": ErrorReport::from(&error) })),
                    Ok(summary) => {
                        let agencies = store.agencies("").unwrap();
                        let new_agencies: Vec<_> = agencies.iter().filter(|a| !before.contains(&a.id)).collect();
                        let units: Vec<_> = agencies
                            .iter()
                            .flat_map(|a| store.units(a.id).unwrap())
                            .filter(|u| u.id > 4)
                            .map(|u| json!({ "agency": store.agency(u.agency_id).unwrap().name, "name": u.name, "kind": u.kind }))
                            .collect();
                        let employees: Vec<_> = text
                            .lines()
                            .skip(1)
                            .filter_map(|line| line.split(',').find(|f| f.len() == 18))
                            .filter_map(|nip| store.employee_by_nip(nip).ok())
                            .collect();
                        merged(
                            &asked,
                            &json!({ "answer": summary, "wrote": { "agencies": new_agencies, "units": units, "employees": employees } }),
                        )
                    }
                }
            })
            .collect();
        files.insert(
            key.into(),
            json!({ "name": name, "preview": preview, "imports": imports }),
        );
    }
    recorded("import.json", Value::Object(files));
}

/// The fake's circulars, made by the core: the demo office's profile, the
/// Bupati, SE 800/1/BKPSDM/2020 issued 27 March 2020 for 30 March – 13 April,
/// and its extension drafted on the fake's day (6 April 2020); with what the
/// core answers over them for the dashboard, deriving and search, keyed as
/// the fake asks (`date|circular ids`, `relation|days|another|circular ids`,
/// `query|filter`).
#[test]
fn the_circulars_the_ui_starts_from_are_the_cores() {
    let today = fakes_day();
    let ([first, extension], mut store) = seeded(today);
    let ids = |store: &Store| {
        let mut ids: Vec<i64> = store.circulars().unwrap().iter().map(|c| c.id).collect();
        ids.sort();
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    };

    let summaries = store.circulars().unwrap();
    // Each circular's document and the signatory the core finds it signed by.
    let documents: serde_json::Map<String, Value> = summaries
        .iter()
        .map(|c| {
            let record = store.circular(c.id).unwrap();
            let held = json!({ "document": record.document, "signatory_id": record.signatory_id });
            (c.id.to_string(), held)
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

/// The day the UI tests run on (ui/tests/setup.ts fakes it).
fn fakes_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 4, 6).unwrap()
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
        .edit_draft(first, &document, None, PaperSize::F4, 1, "petugas")
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
