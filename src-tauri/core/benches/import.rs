//! Import of a 20,000-row XLSX export into a fresh store (target ≤ 3 s).

use criterion::{criterion_group, criterion_main, Criterion};
use edaran_core::agency::{AgencyInput, UnitInput};
use edaran_core::import::{self, FileKind, ImportFile};
use edaran_core::Store;
use rust_xlsxwriter::Workbook;

const HEADER: [&str; 11] = [
    "nip_baru",
    "nama",
    "gelar_belakang",
    "jenis_pegawai",
    "gol_akhir_nama",
    "jabatan_nama",
    "jenis_jabatan",
    "eselon",
    "satuan_kerja_kerja",
    "unor_nama",
    "tanggal_lahir",
];

/// 20,000 PNS in 40 agencies of 10 units each, dates as d-m-Y text.
fn export() -> ImportFile {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..20_000usize {
        let (year, month, day) = (1960 + i % 30, 1 + i % 12, 1 + i % 28);
        let row = [
            format!(
                "{year}{month:02}{day:02}{}{:02}{}{:03}",
                2010 + i % 15,
                1 + i % 12,
                1 + i % 2,
                1 + i % 999
            ),
            format!("Pegawai Nomor {i}"),
            "S.E.".into(),
            "PNS".into(),
            "III/b".into(),
            "Analis Kebijakan".into(),
            "Fungsional Tertentu".into(),
            String::new(),
            format!("Dinas Nomor {}", i % 40),
            format!("Bidang Nomor {}", i % 10),
            format!("{day:02}-{month:02}-{year}"),
        ];
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(i as u32 + 1, c as u16, v).unwrap();
        }
    }
    ImportFile {
        name: "pegawai.xlsx".into(),
        bytes: book.save_to_buffer().unwrap(),
        kind: FileKind::Xlsx,
    }
}

/// A fresh in-memory store with the 40 agencies and their units.
fn office() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for a in 0..40 {
        let agency = store
            .save_agency(&AgencyInput {
                id: None,
                name: format!("Dinas Nomor {a}"),
                short_name: String::new(),
                kind: "dinas".into(),
            })
            .unwrap();
        for u in 0..10 {
            store
                .save_unit(&UnitInput {
                    id: None,
                    agency_id: agency.id,
                    parent_id: None,
                    name: format!("Bidang Nomor {u}"),
                    kind: "bidang".into(),
                })
                .unwrap();
        }
    }
    store
}

fn bench(c: &mut Criterion) {
    let file = export();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("20,000-row XLSX into a fresh store", |b| {
        b.iter_batched(
            office,
            |mut store| {
                let mapping = import::preview_import(&store, &file).unwrap().mapping;
                let summary = import::import_employees(&mut store, &file, &mapping, false).unwrap();
                assert_eq!(summary.created, 20_000);
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
