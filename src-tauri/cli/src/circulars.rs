//! `edaran render`, `circulars`, `circular export|import|issue|record`,
//! `registers`, `klasifikasi`: circulars as documents and their numbers.

use std::path::Path;

use edaran_core::docx::srikandi::{Sheet, Sifat, Urgensi};
use edaran_core::printed::FileKind;
use edaran_core::store::Issue;
use edaran_core::ErrorCode;
use edaran_core::{docx, exchange, files, pdf, Error, Store};

use crate::args::{today, CircularAction, RenderArgs};
use crate::output::{emit, table, Format};
use crate::record;

/// Prints an exchange file as PDF or Word, or as the Word file for SRIKANDI
/// with its metadata sheet; no database.
pub fn render(args: RenderArgs) -> Result<(), Error> {
    let RenderArgs {
        file,
        output,
        paper,
        srikandi,
        sifat,
        urgensi,
        klasifikasi,
    } = args;
    let kind = FileKind::of_file(&output)?;
    let handoff = match (srikandi, &sifat, &urgensi, &klasifikasi) {
        (true, ..) => Some((
            sifat.as_deref().map_or(Ok(Sifat::Biasa), |s| Sifat::require(s, "sifat"))?,
            urgensi
                .as_deref()
                .map_or(Ok(Urgensi::Biasa), |u| Urgensi::require(u, "urgensi"))?,
        )),
        (false, None, None, None) => None,
        (false, ..) => {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
                "srikandi",
                "--sifat, --urgensi, dan --klasifikasi mengisi lembar metadata naskah untuk SRIKANDI; tambahkan --srikandi.",
            ))
        }
    };
    let circular = exchange::from_json(&files::read_text_limited(
        &file,
        files::MAX_EXCHANGE_BYTES,
        "berkas surat edaran (JSON)",
    )?)?;
    let paper = paper.into();
    match (kind, handoff) {
        (FileKind::Pdf, None) => {
            std::fs::write(&output, pdf::render(&circular, paper, chrono::Utc::now())?)?;
            println!("PDF ditulis ke {}.", output.display());
        }
        (FileKind::Docx, None) => {
            std::fs::write(&output, docx::render(&circular, paper)?)?;
            println!("Berkas Word ditulis ke {}.", output.display());
        }
        (FileKind::Pdf, Some(_)) => {
            return Err(Error::invalid(
                ErrorCode::FormatTidakDikenal,
                "output",
                "Naskah untuk SRIKANDI berupa berkas Word: beri nama keluaran berakhiran .docx.",
            ))
        }
        (FileKind::Docx, Some((sifat, urgensi))) => {
            let bytes = docx::srikandi::render(&circular, paper)?;
            let sheet = Sheet::new(&circular, klasifikasi.as_deref(), sifat, urgensi);
            let sheet_file = docx::srikandi::save(&output, &bytes, &sheet)?;
            println!(
                "Naskah untuk SRIKANDI ditulis ke {}; lembar metadata ke {}.",
                output.display(),
                sheet_file.display()
            );
        }
    }
    Ok(())
}

/// Lists the stored circulars.
pub fn list(path: &Path, format: Format) -> Result<(), Error> {
    let list = Store::open(path)?.circulars()?;
    emit(format, &list, || {
        table(
            &["ID", "NOMOR", "STATUS", "JENIS", "PERIHAL"],
            list.iter()
                .map(|c| {
                    vec![
                        c.id.to_string(),
                        c.number.clone().unwrap_or_else(|| "-".into()),
                        c.status.label().to_string(),
                        c.kind.label().to_string(),
                        c.subject.clone(),
                    ]
                })
                .collect(),
        )
    });
    Ok(())
}

/// One circular: export, import, issue, record.
pub fn circular(path: &Path, action: CircularAction) -> Result<(), Error> {
    let mut store = Store::open(path)?;
    match action {
        CircularAction::Export { id, output } => {
            std::fs::write(&output, exchange::to_json(&store.circular(id)?.document))?;
            println!("Surat edaran {id} ditulis ke {}.", output.display());
        }
        CircularAction::Import { file } => {
            let circular = exchange::from_json(&files::read_text_limited(
                &file,
                files::MAX_EXCHANGE_BYTES,
                "berkas surat edaran (JSON)",
            )?)?;
            let id = store.create_circular(&circular, "impor")?;
            if let Some(note) = exchange::number_left_out(&circular) {
                eprintln!("{note}");
            }
            println!("Draf baru dari {}:", file.display());
            println!("{id}");
        }
        CircularAction::Issue {
            id,
            date,
            register,
            klasifikasi,
            backdate_reason,
            actor,
        } => {
            let issue = Issue {
                date: date.unwrap_or_else(today),
                register_id: register_id(&store, register.as_deref())?,
                classification: klasifikasi,
                backdate_reason,
            };
            // The dialog's checklist: warnings are said, never a stop.
            for check in store.issue_checklist(id)? {
                if !check.ok && !check.blocking {
                    eprintln!("Peringatan: {}", check.message);
                }
            }
            let number = store.issue(id, &issue, &actor)?;
            println!("Surat edaran {id} terbit dengan nomor {number}.");
        }
        CircularAction::Record {
            target,
            number,
            date,
            register,
            srikandi_pdf,
            force,
            actor,
        } => {
            let register_id = register_id(&store, register.as_deref())?;
            record::record(
                &mut store,
                record::RecordArgs {
                    target,
                    number,
                    date,
                    register_id,
                    srikandi_pdf,
                    force,
                    actor,
                },
            )?;
        }
    }
    Ok(())
}

/// Lists the registers with their number templates.
pub fn registers(path: &Path, format: Format) -> Result<(), Error> {
    let list = Store::open(path)?.registers()?;
    emit(format, &list, || {
        table(
            &["NAMA", "TEMPLAT NOMOR", "KLASIFIKASI", "UNIT"],
            list.iter()
                .map(|r| {
                    vec![
                        r.name.clone(),
                        if r.numbering_template.is_empty() {
                            "(hanya mencatat)".into()
                        } else {
                            r.numbering_template.clone()
                        },
                        r.classification.clone(),
                        r.unit_code.clone(),
                    ]
                })
                .collect(),
        )
    });
    Ok(())
}

/// The classification codes holding these words or code starts; no database.
pub fn classifications(words: &[String], format: Format) {
    let list = edaran_core::classification::search(&words.join(" "), usize::MAX);
    emit(format, &list, || {
        table(
            &["KODE", "NAMA"],
            list.iter()
                .map(|c| vec![c.code.to_string(), c.name.to_string()])
                .collect(),
        )
    });
}

/// The id of the register named `name` (the office's own when none).
fn register_id(store: &Store, name: Option<&str>) -> Result<Option<i64>, Error> {
    name.map(|n| store.register_named(n).map(|r| r.id))
        .transpose()
}
