//! Signing speed: one circular (key already decrypted), and a batch of
//! 1,000 notices signed with one key, each output dropped as it is saved.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use edaran_core::office::PaperSize;
use edaran_core::sign::{self, BatchItem, MarkInfo, SignOptions};
use edaran_core::{exchange, pdf};

fn unsigned() -> Vec<u8> {
    let text = include_str!("../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");
    pdf::render(
        &exchange::from_json(text).expect("fixture"),
        PaperSize::F4,
        chrono::DateTime::UNIX_EPOCH,
    )
    .expect("render")
}

fn options(number: usize) -> SignOptions {
    SignOptions {
        reason: "Penetapan surat edaran".into(),
        location: "Sekayu".into(),
        time: Utc::now(),
        mark: Some(MarkInfo {
            number: format!("800/{number}/BKPSDM/2020"),
            date: NaiveDate::from_ymd_opt(2020, 3, 17).unwrap(),
            signer: String::new(),
        }),
    }
}

fn bench(c: &mut Criterion) {
    let made = sign::new_internal("BKPSDM Kabupaten Contoh", "Kepala", Utc::now(), 2).unwrap();
    let pdf = unsigned();
    let mut group = c.benchmark_group("sign");
    group.bench_function("one_circular", |b| {
        b.iter(|| sign::sign_pdf(&pdf, &made.signer, &options(1)).unwrap())
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("batch_1000_notices", |b| {
        b.iter(|| {
            let items = (0..1000).map(|i| {
                Ok(BatchItem {
                    pdf: pdf.clone(),
                    mark: options(i).mark,
                })
            });
            let cancel = AtomicBool::new(false);
            let mut bytes = 0usize;
            let started = Instant::now();
            let outcome = sign::sign_many(
                items,
                1000,
                &made.signer,
                &options(0),
                &cancel,
                |_, signed| {
                    bytes += signed.len();
                    Ok(())
                },
                |_| {},
            )
            .unwrap();
            assert_eq!(outcome.signed, 1000);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "batch over 10 s"
            );
            bytes
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
