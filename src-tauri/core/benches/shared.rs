//! Issuing from one register with four workstations writing at once: each
//! a thread with its own connection, on the embedded SQLite file and on a
//! PostgreSQL server (local socket). Throughput is numbers given per second.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use edaran_core::db::scratch::ScratchServer;
use edaran_core::store::Issue;
use edaran_core::{demo, exchange, Store};

const WRITERS: usize = 4;
const EACH: usize = 25;

fn seed() -> edaran_core::circular::Circular {
    exchange::from_json(include_str!(
        "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
    ))
    .unwrap()
}

/// Drafts ready and each workstation connected (as it is all day), then
/// the time four writers take to issue them all.
fn issue_round(location: &Path) -> Duration {
    let writers: Vec<(Store, Vec<i64>)> = (0..WRITERS)
        .map(|_| {
            let mut store = Store::open(location).unwrap();
            let ids = (0..EACH)
                .map(|_| store.create_circular(&seed(), "bench").unwrap())
                .collect();
            (store, ids)
        })
        .collect();
    let date = NaiveDate::from_ymd_opt(2020, 5, 12).unwrap();
    let started = Instant::now();
    let running: Vec<_> = writers
        .into_iter()
        .map(|(mut store, ids)| {
            std::thread::spawn(move || {
                for id in ids {
                    store.issue(id, &Issue::on(date), "bench").unwrap();
                }
            })
        })
        .collect();
    for w in running {
        w.join().unwrap();
    }
    started.elapsed()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let server = ScratchServer::start().expect("server PostgreSQL uji");
    let url = server.create_database("penomoran").unwrap();
    let mut group = c.benchmark_group("issuing, 4 concurrent writers");
    group.throughput(Throughput::Elements((WRITERS * EACH) as u64));
    group.sample_size(10);
    for (backend, location) in [
        ("SQLite", dir.path().join("kantor.db")),
        ("PostgreSQL", PathBuf::from(&url)),
    ] {
        Store::open(&location)
            .unwrap()
            .save_office(&demo::office_profile())
            .unwrap();
        group.bench_function(backend, |b| {
            b.iter_custom(|rounds| (0..rounds).map(|_| issue_round(&location)).sum())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
