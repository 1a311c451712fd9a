//! Beranda over a large office history: the dashboard (arrangements in
//! force, chains, alerts) and full-text search, over 10,000 circulars, on
//! the embedded SQLite file and on a PostgreSQL server (local socket),
//! side by side.

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use edaran_core::circular::{CircularKind, Period, Relation};
use edaran_core::db::scratch::ScratchServer;
use edaran_core::store::{Issue, SearchFilter};
use edaran_core::{demo, template, Store};
use std::path::Path;

/// Issued on `date`, years before the demo office's own 2020 circulars.
fn on(date: NaiveDate) -> Issue {
    Issue {
        backdate_reason: "riwayat untuk uji kecepatan".into(),
        ..Issue::on(date)
    }
}

/// 2,000 chains of five issued circulars (an original and four two-week
/// extensions), starting every three days from 2010: 10,000 circulars.
fn history(location: &Path) -> Store {
    let mut store = Store::open(location).expect("store");
    demo::fill(&mut store).expect("demo office");
    let first = NaiveDate::from_ymd_opt(2010, 1, 4).unwrap();
    for chain in 0..2_000u64 {
        let start = first + Days::new(chain * 3);
        let mut doc = store
            .template_draft(CircularKind::WfhBaru, start)
            .expect("template");
        doc.subject = format!("Sistem Kerja Pegawai Tahap {chain}");
        doc.scope = format!("ASN pada Perangkat Daerah kelompok {}", chain % 40);
        doc.period = Some(Period {
            start,
            end: Some(start + Days::new(13)),
        });
        template::refresh(&mut doc);
        let mut id = store.create_circular(&doc, "bench").expect("draft");
        store.issue(id, &on(start), "bench").expect("issue");
        for _ in 0..4 {
            let next = store
                .derive(id, Relation::Perpanjangan, start, "bench")
                .expect("extension")
                .id;
            let period = store.circular(next).unwrap().document.period.unwrap();
            store
                .issue(next, &on(period.start), "bench")
                .expect("issue");
            id = next;
        }
    }
    store
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let server = ScratchServer::start().expect("server PostgreSQL uji");
    let url = server.create_database("riwayat").unwrap();
    for (backend, location) in [
        ("SQLite", dir.path().join("kantor.db")),
        ("PostgreSQL", Path::new(&url).to_path_buf()),
    ] {
        let store = history(&location);
        assert!(store.circulars().unwrap().len() >= 10_000);
        let at = NaiveDate::from_ymd_opt(2020, 5, 20).unwrap();
        let board = store.dashboard(at).unwrap();
        assert!(!board.active.is_empty() && !board.chains.is_empty());
        c.bench_function(
            &format!("dashboard over 10,000 circulars ({backend})"),
            |b| b.iter(|| store.dashboard(at).unwrap()),
        );
        let filter = SearchFilter::default();
        assert!(!store
            .search_circulars("tahap 1234", &filter)
            .unwrap()
            .is_empty());
        c.bench_function(
            &format!("full-text search over 10,000 circulars ({backend})"),
            |b| {
                b.iter(|| {
                    store
                        .search_circulars("perpanjangan tahap 1234", &filter)
                        .unwrap()
                })
            },
        );
        c.bench_function(
            &format!("full-text search, common word, 100 best ({backend})"),
            |b| b.iter(|| store.search_circulars("pegawai", &filter).unwrap()),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
