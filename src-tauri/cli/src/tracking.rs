//! `edaran periods`, `extend`, `holidays`, `search`, `backup`, `restore`:
//! what is in force and its chains, the holiday calendar, search, the
//! database's copies.

use std::path::Path;

use chrono::NaiveDate;
use edaran_core::calendar::holidays_to_csv;
use edaran_core::circular::{CircularKind, CircularStatus, Relation};
use edaran_core::paths;
use edaran_core::store::{Extension, SearchFilter, SearchHit, MATCH_END, MATCH_START};
use edaran_core::tracking::{Alert, AlertAction, Dashboard};
use edaran_core::{files, words, Error, Store};

use crate::args::{today, ExtendArgs, HolidayAction, SearchArgs};
use crate::output::{emit, table, Format};

/// A circular named by id or by its number.
pub fn circular_id(store: &Store, key: &str) -> Result<i64, Error> {
    match key.trim().parse::<i64>() {
        Ok(id) => Ok(store.circular(id)?.summary.id),
        Err(_) => store
            .circulars()?
            .into_iter()
            .find(|c| c.number.as_deref() == Some(key.trim()))
            .map(|c| c.id)
            .ok_or_else(|| Error::NotFound(format!("Surat edaran nomor {key}"))),
    }
}

/// Prints what is in force at `at` (today when not given), its chains and alerts.
pub fn periods(path: &Path, at: Option<NaiveDate>, format: Format) -> Result<(), Error> {
    let at = at.unwrap_or_else(today);
    let board = Store::open(path)?.dashboard(at)?;
    if let Some(gap) = &board.holiday_gap {
        eprintln!("Peringatan: {}", gap.message);
    }
    emit(format, &board, || dashboard_table(&board));
    Ok(())
}

/// Drafts an extension of an issued circular; prints its id last.
pub fn extend(path: &Path, args: ExtendArgs) -> Result<(), Error> {
    let ExtendArgs {
        circular,
        days,
        working_days,
        start_on_holiday,
        another,
        actor,
    } = args;
    let mut store = Store::open(path)?;
    let id = circular_id(&store, &circular)?;
    let extension = Extension {
        days: days.or(working_days),
        working_days: working_days.is_some(),
        start_on_holiday,
    };
    let draft = store.draft_from(
        id,
        Relation::Perpanjangan,
        extension,
        another,
        today(),
        &actor,
    )?;
    println!("{}", draft.message);
    println!("{}", draft.id);
    Ok(())
}

/// Full-text search over the circulars.
pub fn search(path: &Path, args: SearchArgs) -> Result<(), Error> {
    let SearchArgs {
        query,
        year,
        status,
        kind,
        format,
    } = args;
    let filter = SearchFilter {
        year,
        status: status
            .map(|s| CircularStatus::require(&s, "status"))
            .transpose()?,
        kind: kind
            .map(|k| CircularKind::require(&k, "kind"))
            .transpose()?,
    };
    let hits = Store::open(path)?.search_circulars(&query, &filter)?;
    emit(format, &hits, || search_table(&hits));
    Ok(())
}

/// Copies the database to `file`.
pub fn backup(path: &Path, file: &Path) -> Result<(), Error> {
    Store::open(path)?.backup_to(file)?;
    println!("Cadangan basis data ditulis ke {}.", file.display());
    Ok(())
}

/// Copies a whole office into an empty database (a shared server).
pub fn copy(from: &Path, to: &Path) -> Result<(), Error> {
    let copied = edaran_core::store::copy_office(from, to)?;
    let rows: i64 = copied.tables.iter().map(|(_, n)| n).sum();
    println!(
        "Basis data {} disalin ke {}: {rows} baris di {} tabel, cocok dengan sumbernya.",
        paths::shown(from),
        paths::shown(to),
        copied.tables.len()
    );
    for (register, year, last) in &copied.sequences {
        println!("  buku agenda {register}, tahun {year}: nomor urut terakhir {last}");
    }
    Ok(())
}

/// Replaces the database with a checked backup, keeping the old one beside it.
pub fn restore(path: &Path, file: &Path) -> Result<(), Error> {
    files::check_regular_file(file, "berkas cadangan")?;
    let restored = Store::open(path)?.restore_from(file)?;
    println!(
        "Basis data dipulihkan dari {} ({} surat edaran, {} pegawai). Basis data sebelumnya disimpan di {}.",
        file.display(),
        restored.info.circulars,
        restored.info.employees,
        restored.replaced_copy.display()
    );
    Ok(())
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(words::date).unwrap_or_else(|| "…".into())
}

fn dashboard_table(board: &Dashboard) -> String {
    let rows = board
        .active
        .iter()
        .map(|a| {
            let chain = &board.chains[a.chain];
            let links: Vec<String> = chain
                .links
                .iter()
                .filter(|l| l.circular.number.is_some())
                .map(|l| l.circular.number.clone().unwrap_or_default())
                .collect();
            vec![
                a.link.circular.number.clone().unwrap_or_default(),
                a.position.clone(),
                format!("{} – {}", date(a.link.start), date(a.link.end)),
                a.working_days_left
                    .map_or_else(|| "-".into(), |d| d.to_string()),
                links.join(" → "),
                a.link.circular.subject.clone(),
            ]
        })
        .collect();
    let mut out = format!("Pengaturan pada {}:\n", words::date(board.at));
    out += &table(
        &[
            "NOMOR",
            "KEDUDUKAN",
            "PERIODE",
            "SISA HARI KERJA",
            "RANTAI",
            "PERIHAL",
        ],
        rows,
    );
    if board.alerts.is_empty() {
        out += "Tidak ada peringatan.\n";
    } else {
        out += "Peringatan:\n";
        for alert in &board.alerts {
            out += &format!(
                "  [{}] {}\n    {}: {}\n",
                alert.kind_label,
                alert.message,
                alert.action_label,
                command_for(alert)
            );
        }
    }
    out
}

/// The `edaran` command that starts an alert's task.
fn command_for(alert: &Alert) -> String {
    let id = alert.circular_id;
    match alert.action {
        AlertAction::Perpanjang => format!("edaran extend {id}"),
        AlertAction::BukaDraf => format!("edaran circular issue {id} --date TTTT-BB-HH"),
        AlertAction::Buka => format!("edaran circular export {id} -o BERKAS.json"),
        AlertAction::PerpanjangJadwal => format!("edaran roster {id} --until TTTT-BB-HH"),
    }
}

fn search_table(hits: &[SearchHit]) -> String {
    table(
        &["ID", "NOMOR", "STATUS", "PERIHAL", "KUTIPAN"],
        hits.iter()
            .map(|h| {
                vec![
                    h.summary.id.to_string(),
                    h.summary.number.clone().unwrap_or_else(|| "-".into()),
                    h.summary.status.label().to_string(),
                    h.summary.subject.clone(),
                    h.snippet.replace(MATCH_START, "«").replace(MATCH_END, "»"),
                ]
            })
            .collect(),
    )
}

/// Lists, imports or exports the holidays in force.
pub fn holidays(path: &Path, action: HolidayAction) -> Result<(), Error> {
    let mut store = Store::open(path)?;
    match action {
        HolidayAction::List { year, format } => {
            let list = store.holidays(year)?;
            emit(format, &list, || {
                table(
                    &["TANGGAL", "NAMA", "JENIS", "SUMBER"],
                    list.iter()
                        .map(|h| {
                            vec![
                                h.date.to_string(),
                                h.name.clone(),
                                h.kind.label().to_string(),
                                h.source.clone(),
                            ]
                        })
                        .collect(),
                )
            });
        }
        HolidayAction::Import { file } => {
            let ids = store.import_holidays_csv(&edaran_core::files::read_limited(
                &file,
                edaran_core::files::MAX_LIST_CSV_BYTES,
                "berkas hari libur (CSV)",
            )?)?;
            let decrees = store.holiday_decrees(None)?;
            for decree in decrees.iter().filter(|d| ids.contains(&d.id)) {
                println!(
                    "Keputusan \"{}\" ({}): {} hari libur, {} perubahan.",
                    decree.title,
                    decree.year,
                    decree.days,
                    decree.changes.len()
                );
            }
        }
        HolidayAction::Export { year, output } => {
            let list = store.holidays(year)?;
            std::fs::write(&output, holidays_to_csv(&list))?;
            println!("{} hari libur ditulis ke {}.", list.len(), output.display());
        }
    }
    Ok(())
}
