//! The CLI's rule engine: statuses of a day, the roster, conflicts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;

use edaran_core::absence::{AbsenceReason, NewAbsence};
use edaran_core::ErrorCode;

use edaran_core::office::PaperSize;
use edaran_core::rules::export::{self, RosterFormat};
use edaran_core::rules::RosterEdit;
use edaran_core::store::{NoticeRequest, StatusRow};
use edaran_core::{words, Error, Store};

use crate::args::{passphrase, AbsenceAction, NoticesArgs};
use crate::output::{emit, table, Format};
use crate::tracking::circular_id;

pub fn status(
    path: &Path,
    circular: &str,
    date: NaiveDate,
    agency: Option<i64>,
    format: Format,
) -> Result<(), Error> {
    let store = Store::open(path)?;
    let rows: Vec<StatusRow> = store.statuses(circular_id(&store, circular)?, date, agency)?;
    emit(format, &rows, || {
        table(
            &[
                "NIP",
                "NAMA",
                "PERANGKAT DAERAH",
                "UNIT",
                "STATUS",
                "ALASAN",
            ],
            rows.iter()
                .map(|r| {
                    vec![
                        r.nip.clone().unwrap_or_else(|| "-".into()),
                        r.name.clone(),
                        r.agency.clone(),
                        r.unit.clone().unwrap_or_else(|| "-".into()),
                        r.status.code().to_string(),
                        r.reason.clone(),
                    ]
                })
                .collect(),
        )
    });
    Ok(())
}

/// A hand edit asked for on the command line.
pub struct EditArgs {
    pub date: Option<NaiveDate>,
    pub put: Option<String>,
    pub take: Option<String>,
    pub force: bool,
}

/// Generates (or edits, or extends through `until`) and stores the roster,
/// then prints or writes it.
pub fn roster(
    path: &Path,
    circular: &str,
    output: Option<PathBuf>,
    edit: EditArgs,
    until: Option<NaiveDate>,
    format: Format,
) -> Result<(), Error> {
    // A file of an unknown kind is refused before anything is changed.
    let output = output
        .map(|file| RosterFormat::of_file(&file).map(|kind| (file, kind)))
        .transpose()?;
    let mut store = Store::open(path)?;
    let id = circular_id(&store, circular)?;
    if edit.put.is_some() || edit.take.is_some() {
        let date = edit.date.ok_or_else(|| {
            Error::invalid(
                ErrorCode::WajibDiisi,
                "date",
                "Perubahan jadwal memerlukan --date.",
            )
        })?;
        let employee = |nip: &str| -> Result<i64, Error> {
            store
                .workforce()?
                .employees
                .iter()
                .find(|e| e.nip.as_deref() == Some(nip.trim()))
                .map(|e| e.id)
                .ok_or_else(|| Error::NotFound(format!("Pegawai dengan NIP {nip}")))
        };
        let request = match (&edit.put, &edit.take) {
            (Some(put), take) => RosterEdit {
                date,
                employee_id: employee(put)?,
                on_duty: true,
                replaces: take.as_deref().map(employee).transpose()?,
                force: edit.force,
            },
            (None, Some(take)) => RosterEdit {
                date,
                employee_id: employee(take)?,
                on_duty: false,
                replaces: None,
                force: edit.force,
            },
            (None, None) => unreachable!("checked above"),
        };
        for warning in store.edit_roster(id, &request)? {
            eprintln!("Peringatan: {warning}");
        }
    }
    let report = match until {
        Some(until) => store.extend_roster(id, until)?,
        None => store.generate_roster(id)?,
    };
    for c in &report.conflicts {
        eprintln!("Konflik: {}", c.message);
    }
    if let Some(gap) = &report.holiday_gap {
        eprintln!("Peringatan: {}", gap.message);
    }
    if report.horizon.open_ended {
        eprintln!(
            "Periode sampai dievaluasi: jadwal piket disusun sampai dengan {}; perpanjang dengan --until TTTT-BB-HH.",
            words::date(report.horizon.until)
        );
    }
    match output {
        Some((file, kind)) => {
            let (bytes, _) = store.roster_file(id, kind, office_paper(&store)?)?;
            std::fs::write(&file, bytes)?;
            println!(
                "Jadwal piket ({} tugas) ditulis ke {}.",
                report.roster.on_duty().count(),
                file.display()
            );
        }
        None => {
            let (engine, _) = store.rule_engine(id)?;
            emit(format, &report, || {
                let head = export::titles().map(str::to_uppercase);
                table(
                    &head.each_ref().map(String::as_str),
                    export::rows(&engine, &report.roster)
                        .iter()
                        .map(|row| row.iter().map(|c| c.text()).collect())
                        .collect(),
                )
            })
        }
    }
    Ok(())
}

/// Lists the conflicts; true when there is at least one.
pub fn conflicts(path: &Path, circular: &str, format: Format) -> Result<bool, Error> {
    let store = Store::open(path)?;
    let list = store.circular_conflicts(circular_id(&store, circular)?)?;
    emit(format, &list, || {
        if list.is_empty() {
            return "Tidak ada konflik.\n".into();
        }
        let mut out = format!("{} konflik:\n", list.len());
        for c in &list {
            out += &format!("  [{}] {}\n", c.kind.label(), c.message);
        }
        out
    });
    Ok(!list.is_empty())
}

fn office_paper(store: &Store) -> Result<PaperSize, Error> {
    Ok(store.office()?.map(|o| o.paper).unwrap_or(PaperSize::F4))
}

/// Writes the notices of an issued circular: merged and separate PDFs (signed
/// with `--cert`), or Word files.
pub fn notices(path: &Path, args: NoticesArgs) -> Result<(), Error> {
    let paper = args.paper.map(PaperSize::from);
    if args.word && args.cert.is_some() {
        return Err(Error::invalid(
            ErrorCode::FormatTidakDikenal,
            "cert",
            "Tanda tangan elektronik hanya untuk PDF; berkas Word ditandatangani di SRIKANDI atau dicetak. Hapus --cert atau --word.",
        ));
    }
    if args.word {
        return notices_word(path, &args.circular, args.output, args.per_employee, paper);
    }
    let pass = match (args.cert, args.pass_env) {
        (Some(_), Some(var)) => Some(passphrase(&var)?),
        (Some(_), None) => {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
                "pass-env",
                "--cert memerlukan --pass-env berisi kata sandi sertifikat.",
            ))
        }
        _ => None,
    };
    notices_pdf(
        path,
        &args.circular,
        args.output,
        args.per_employee,
        paper,
        args.cert.zip(pass.as_deref()),
        args.format,
    )
}

/// Writes the notices as PDFs; `output` is the merged PDF or the folder to
/// put it in.
fn notices_pdf(
    path: &Path,
    circular: &str,
    output: PathBuf,
    per_employee: bool,
    paper: Option<PaperSize>,
    signing: Option<(i64, &str)>,
    format: Format,
) -> Result<(), Error> {
    let mut store = Store::open(path)?;
    let id = circular_id(&store, circular)?;
    let merged = if output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        output
    } else {
        std::fs::create_dir_all(&output)?;
        let stem = store.circular(id)?.summary.file_stem();
        output.join(format!("Pemberitahuan {stem}.pdf"))
    };
    let request = NoticeRequest {
        per_employee,
        merged,
        paper: paper.map_or_else(|| office_paper(&store), Ok)?,
        signing,
    };
    let terminal = std::io::stderr().is_terminal();
    let written = store.write_notices(id, request, &AtomicBool::new(false), |p| {
        if terminal {
            eprint!("\r{} dari {} dokumen", p.done, p.total);
        }
    })?;
    if terminal {
        eprintln!();
    }
    emit(format, &written, || {
        format!(
            "{} pemberitahuan{} ({} halaman) digabung ke {} dan ditulis per berkas ke {}.\n",
            written.files,
            if written.signed {
                " bertanda tangan elektronik"
            } else {
                ""
            },
            written.pages,
            written.merged.display(),
            written.folder.display()
        )
    });
    Ok(())
}

/// Writes each notice of an issued circular as a Word file into a new
/// folder: `output`, or one inside it when it is a folder already.
fn notices_word(
    path: &Path,
    circular: &str,
    output: PathBuf,
    per_employee: bool,
    paper: Option<PaperSize>,
) -> Result<(), Error> {
    let store = Store::open(path)?;
    let id = circular_id(&store, circular)?;
    let folder = if output.is_dir() {
        let stem = store.circular(id)?.summary.file_stem();
        output.join(format!("Pemberitahuan {stem} (Word)"))
    } else {
        output
    };
    let paper = paper.map_or_else(|| office_paper(&store), Ok)?;
    let notices = store.notices(id, per_employee)?;
    let written = edaran_core::notices::write_word(&notices, &folder, paper)?;
    println!(
        "{written} pemberitahuan ditulis sebagai berkas Word ke {}.",
        folder.display()
    );
    Ok(())
}

pub fn absences(path: &Path, action: AbsenceAction) -> Result<(), Error> {
    let mut store = Store::open(path)?;
    match action {
        AbsenceAction::List { format } => {
            let list = store.absences()?;
            emit(format, &list, || {
                table(
                    &["ID", "NIP", "NAMA", "PERANGKAT DAERAH", "KETIDAKHADIRAN"],
                    list.iter()
                        .map(|a| {
                            vec![
                                a.id.to_string(),
                                a.nip.clone().unwrap_or_default(),
                                a.name.clone(),
                                a.agency.clone(),
                                a.describe(),
                            ]
                        })
                        .collect(),
                )
            });
        }
        AbsenceAction::Add {
            nip,
            from,
            to,
            reason,
            note,
        } => {
            let absence = store.add_absence(&NewAbsence {
                nip,
                from,
                to,
                reason: AbsenceReason::require(&reason, "reason")?,
                note,
            })?;
            println!("{} dicatat: {}.", absence.name, absence.describe());
        }
        AbsenceAction::Import { file } => {
            let count = store.import_absences(&edaran_core::files::read_limited(
                &file,
                edaran_core::files::MAX_LIST_CSV_BYTES,
                "berkas ketidakhadiran (CSV)",
            )?)?;
            println!("{count} ketidakhadiran diimpor.");
        }
        AbsenceAction::Delete { id } => {
            store.delete_absence(id)?;
            println!("Ketidakhadiran {id} dihapus.");
        }
    }
    Ok(())
}
