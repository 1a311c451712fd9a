//! The CLI's period tracking, holiday calendar and search output.

use std::path::Path;

use edaran_core::calendar::holidays_to_csv;
use edaran_core::store::{SearchHit, MATCH_END, MATCH_START};
use edaran_core::tracking::{Alert, AlertAction, Dashboard};
use edaran_core::{words, Error, Store};

use crate::{emit, table, HolidayAction};

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

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(words::date).unwrap_or_else(|| "…".into())
}

pub fn dashboard_table(board: &Dashboard) -> String {
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

pub fn search_table(hits: &[SearchHit]) -> String {
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
