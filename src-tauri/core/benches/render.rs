//! Rendering speed: a two-page circular, a long body (layout must stay
//! linear in its length), a long lampiran document, and a batch of notices
//! laid out in one `pdf::Book` as `notices.rs` does.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use edaran_core::circular::{Annex, Circular, Point};
use edaran_core::office::PaperSize;
use edaran_core::pdf::{Book, Heading};
use edaran_core::{exchange, pdf};

fn seed() -> Circular {
    let text = include_str!("../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");
    exchange::from_json(text).expect("fixture")
}

const CLAUSE: &str = "Kepala Perangkat Daerah menetapkan pembagian tugas pegawai secara bergiliran dan melaporkan pelaksanaannya setiap minggu kepada Bupati.";

fn two_pages() -> Circular {
    let mut c = seed();
    c.points.splice(5..5, (0..8).map(|_| Point::new(CLAUSE)));
    c
}

/// The seed with `extra` more points (each with two sub-points), no lampiran.
fn long_body(extra: usize) -> Circular {
    let mut c = seed();
    c.annexes.clear();
    c.points.splice(
        5..5,
        (0..extra).map(|_| Point::with(CLAUSE, vec![Point::new(CLAUSE), Point::new(CLAUSE)])),
    );
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

/// 1,000 notices of one page each with a one-page roster lampiran.
fn notices() -> Vec<Circular> {
    let mut c = seed();
    c.number = "800/439/BKPSDM/2020".into();
    c.issued_on = chrono::NaiveDate::from_ymd_opt(2020, 5, 12);
    c.copies.clear();
    (1..=1000)
        .map(|n| {
            let mut notice = c.clone();
            notice.subject = format!("Jadwal Piket Pegawai Dinas Nomor {n}");
            notice.addressees = vec![format!("Kepala Dinas Nomor {n}")];
            notice.points = vec![
                Point::new(format!("Menindaklanjuti Surat Edaran Bupati Musi Banyuasin Nomor 800/439/BKPSDM/2020, bersama ini disampaikan jadwal piket pegawai Dinas Nomor {n}, sebagaimana tercantum dalam lampiran pemberitahuan ini.")),
                Point::new("Demikian disampaikan untuk dilaksanakan dengan penuh tanggung jawab."),
            ];
            notice.annexes = vec![Annex {
                title: format!("Jadwal Piket Pegawai Dinas Nomor {n}"),
                columns: ["No", "Hari, tanggal", "Unit kerja", "Pegawai piket"]
                    .map(String::from)
                    .to_vec(),
                widths: vec![0.6, 2.4, 2.6, 4.4],
                rows: (1..=10)
                    .map(|i| {
                        vec![
                            i.to_string(),
                            format!("Senin, {i} Juni 2020"),
                            "Bidang Pelayanan".into(),
                            format!("Pegawai {n}-{i} (NIP 19800101200501{:04})", i),
                        ]
                    })
                    .collect(),
            }];
            notice
        })
        .collect()
}

/// Every notice laid out in one book.
fn book(list: &[Circular]) -> Book {
    let heading = Heading::Notice("PEMBERITAHUAN".into());
    let mut book = Book::new("Pemberitahuan", PaperSize::F4, chrono::DateTime::UNIX_EPOCH);
    for c in list {
        book.add(c, &heading).unwrap();
    }
    book
}

fn bench(crit: &mut Criterion) {
    let c = two_pages();
    crit.bench_function("surat edaran 2 halaman → PDF", |b| {
        b.iter(|| pdf::render(&c, PaperSize::F4, chrono::DateTime::UNIX_EPOCH).unwrap())
    });
    crit.bench_function("surat edaran 2 halaman → pratinjau (SVG)", |b| {
        b.iter(|| pdf::preview(&c, PaperSize::F4, 30).unwrap())
    });
    crit.bench_function("surat edaran 2 halaman → Word", |b| {
        b.iter(|| edaran_core::docx::render(&c, PaperSize::F4).unwrap())
    });
    // What one keystroke costs in the editor (`circular_edit`): clauses
    // refreshed, stored on disk (synchronous=FULL), drawn.
    let dir = tempfile::tempdir().unwrap();
    let mut store = edaran_core::Store::open(&dir.path().join("bench.db")).unwrap();
    let id = store.create_circular(&c, "bench").unwrap();
    let mut edited = c.clone();
    let mut n = 0u32;
    crit.bench_function("satu suntingan draf 2 halaman (simpan + pratinjau)", |b| {
        b.iter(|| {
            n += 1;
            edited.subject = format!("Penyesuaian Sistem Kerja {n}");
            store
                .edit_draft(id, &edited, None, PaperSize::F4, 30, "bench")
                .unwrap()
        })
    });

    let mut group = crit.benchmark_group("isi panjang");
    for extra in [75, 310] {
        let c = long_body(extra);
        let pages = pdf::preview(&c, PaperSize::F4, 0).unwrap().page_count;
        group.throughput(Throughput::Elements(pages as u64));
        group.bench_function(format!("{pages} halaman → PDF"), |b| {
            b.iter(|| pdf::render(&c, PaperSize::F4, chrono::DateTime::UNIX_EPOCH).unwrap())
        });
    }
    group.finish();

    let long = thousand_pages();
    let pages = pdf::preview(&long, PaperSize::F4, 0).unwrap().page_count;
    let mut group = crit.benchmark_group("lampiran panjang");
    group.sample_size(10);
    // Reported as elements per second: pages per second.
    group.throughput(Throughput::Elements(pages as u64));
    group.bench_function(format!("{pages} halaman → PDF"), |b| {
        b.iter(|| pdf::render(&long, PaperSize::F4, chrono::DateTime::UNIX_EPOCH).unwrap())
    });
    group.finish();

    let list = notices();
    let pages = book(&list).page_count();
    assert_eq!(pages, 2000, "a page and a one-page lampiran each");
    let mut group = crit.benchmark_group("pemberitahuan");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages as u64));
    group.bench_function("1000 dengan lampiran 1 halaman → satu PDF", |b| {
        b.iter(|| book(&list).save())
    });
    group.bench_function(
        "1000 dengan lampiran 1 halaman → satu PDF + 1000 berkas",
        |b| {
            b.iter(|| {
                let bound = book(&list).bind();
                let files: usize = (0..list.len()).map(|i| bound.save_document(i).len()).sum();
                (bound.save(), files)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
