//! Several workstations issuing from one register on a shared PostgreSQL
//! server: four processes × 250 issues over two registers give numbers
//! 1..n per register with no gap and no duplicate, and a process killed
//! mid-way leaves nothing half-issued. The workers are this test binary
//! run again (`worker`), each with its own connection, as workstations are.

use std::path::Path;
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use edaran_core::circular::CircularStatus;
use edaran_core::db::scratch::ScratchServer;
use edaran_core::register::Register;
use edaran_core::store::Issue;
use edaran_core::{demo, exchange, Store};

const WORKERS: usize = 4;
const ISSUES: usize = 250;

fn seed() -> edaran_core::circular::Circular {
    exchange::from_json(include_str!(
        "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
    ))
    .unwrap()
}

/// An office on a new database of the scratch server with a second register;
/// its connection string and the two registers' ids.
fn office(name: &str) -> (String, [i64; 2]) {
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server.create_database(name).unwrap();
    let mut store = Store::open(Path::new(&url)).unwrap();
    store.save_office(&demo::office_profile()).unwrap();
    let organisasi = store
        .save_register(&Register {
            name: "Bagian Organisasi Setda".into(),
            numbering_template: "{klasifikasi}/{nomor}/ORG/{tahun}".into(),
            classification: "061".into(),
            ..Default::default()
        })
        .unwrap();
    (url, [1, organisasi])
}

/// One workstation: drafts and issues `ISSUES` circulars, alternating the
/// registers, each draft made and issued by this process.
#[test]
fn worker() {
    let Ok(job) = std::env::var("EDARAN_WORKER") else {
        return;
    };
    let mut parts = job.split('|');
    let (url, registers) = (parts.next().unwrap(), parts.next().unwrap());
    let registers: Vec<i64> = registers.split(',').map(|r| r.parse().unwrap()).collect();
    let mut store = Store::open(Path::new(url)).unwrap();
    let date = NaiveDate::from_ymd_opt(2020, 5, 12).unwrap();
    for i in 0..ISSUES {
        let id = store.create_circular(&seed(), "Rina").unwrap();
        let issue = Issue {
            register_id: Some(registers[i % registers.len()]),
            ..Issue::on(date)
        };
        store.issue(id, &issue, "Rina").unwrap();
    }
}

fn spawn(url: &str, registers: [i64; 2]) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "worker", "--test-threads=1"])
        .env(
            "EDARAN_WORKER",
            format!("{url}|{},{}", registers[0], registers[1]),
        )
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

/// Each register's sequences in order, and how many issued circulars lack
/// a register line or the reverse.
fn numbers(url: &str, registers: [i64; 2]) -> (Vec<Vec<i64>>, usize) {
    let store = Store::open(Path::new(url)).unwrap();
    let entries = store.register("", Some(2020)).unwrap();
    let sequences = registers
        .iter()
        .map(|r| {
            let mut numbers: Vec<i64> = entries
                .iter()
                .filter(|e| e.register_id == *r)
                .map(|e| e.sequence.unwrap() as i64)
                .collect();
            numbers.sort();
            numbers
        })
        .collect();
    let issued = store
        .circulars()
        .unwrap()
        .iter()
        .filter(|c| c.status == CircularStatus::Terbit)
        .count();
    (sequences, issued.abs_diff(entries.len()))
}

#[test]
fn four_workstations_issue_a_thousand_numbers_without_gap_or_duplicate() {
    let (url, registers) = office("serentak");
    let workers: Vec<_> = (0..WORKERS).map(|_| spawn(&url, registers)).collect();
    for mut w in workers {
        assert!(w.wait().unwrap().success(), "a workstation failed");
    }
    let (sequences, unmatched) = numbers(&url, registers);
    for seq in &sequences {
        assert_eq!(seq.len(), WORKERS * ISSUES / 2);
        assert_eq!(
            *seq,
            (1..=seq.len() as i64).collect::<Vec<_>>(),
            "1..n, no gap, no duplicate"
        );
    }
    assert_eq!(unmatched, 0, "every issued circular has its register line");
}

#[test]
fn a_workstation_killed_mid_way_leaves_nothing_half_issued() {
    let (url, registers) = office("terputus");
    let mut workers: Vec<_> = (0..WORKERS).map(|_| spawn(&url, registers)).collect();
    // Let them run a while, then pull the plug on one.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    workers[0].kill().unwrap();
    for mut w in workers.drain(1..) {
        assert!(w.wait().unwrap().success(), "a workstation failed");
    }
    let _ = workers[0].wait();
    let (sequences, unmatched) = numbers(&url, registers);
    for seq in &sequences {
        assert_eq!(
            *seq,
            (1..=seq.len() as i64).collect::<Vec<_>>(),
            "1..n, no gap, no duplicate"
        );
    }
    let total: usize = sequences.iter().map(Vec::len).sum();
    assert!(
        total >= (WORKERS - 1) * ISSUES && total < WORKERS * ISSUES,
        "{total}"
    );
    assert_eq!(
        unmatched, 0,
        "no number without its issued circular, nor the reverse"
    );
}
