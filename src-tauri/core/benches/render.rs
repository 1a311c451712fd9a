//! Rendering speed: a two-page circular, and a long lampiran document.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use edaran_core::circular::{Annex, Circular, Point};
use edaran_core::office::PaperSize;
use edaran_core::{exchange, pdf};

fn seed() -> Circular {
    let text = include_str!("../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");
    exchange::from_json(text).expect("fixture")
}

fn two_pages() -> Circular {
    let mut c = seed();
    let clause = "Kepala Perangkat Daerah menetapkan pembagian tugas pegawai secara bergiliran dan melaporkan pelaksanaannya setiap minggu kepada Bupati.";
    c.points.splice(5..5, (0..8).map(|_| Point::new(clause)));
    c
}

/// About 1,000 pages of roster table (25,000 rows).
fn thousand_pages() -> Circular {
    let mut c = seed();
    c.annexes.push(Annex {
        title: "Jadwal piket pegawai".into(),
        columns: ["No", "Nama", "NIP", "Unit", "Hari piket"]
            .map(String::from)
            .to_vec(),
        widths: vec![0.6, 3.0, 2.6, 2.4, 2.0],
        rows: (1..=25_000)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Pegawai Nomor {i}"),
                    format!("19800101200501{:04}", i % 10_000),
                    "Bidang Pelayanan".into(),
                    "Senin, Rabu".into(),
                ]
            })
            .collect(),
    });
    c
}

fn bench(crit: &mut Criterion) {
    let c = two_pages();
    crit.bench_function("surat edaran 2 halaman → PDF", |b| {
        b.iter(|| pdf::render(&c, PaperSize::F4).unwrap())
    });
    let long = thousand_pages();
    let pages = pdf::preview(&long, PaperSize::F4, 0).unwrap().page_count;
    let mut group = crit.benchmark_group("lampiran panjang");
    group.sample_size(10);
    // Reported as elements per second: pages per second.
    group.throughput(Throughput::Elements(pages as u64));
    group.bench_function(format!("{pages} halaman → PDF"), |b| {
        b.iter(|| pdf::render(&long, PaperSize::F4).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
