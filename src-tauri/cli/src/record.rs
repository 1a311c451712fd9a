//! `edaran circular record`: a number given elsewhere, recorded for a stored
//! draft (by its id) or for an exchange file imported at once; with
//! `--srikandi-pdf`, the number SRIKANDI gave a draft and the PDF signed there.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use edaran_core::srikandi::SrikandiPdf;
use edaran_core::store::Recording;
use edaran_core::ErrorCode;
use edaran_core::{exchange, files, Error, Store};

/// What `circular record` was given.
pub struct RecordArgs {
    /// A stored draft's id, or an exchange file.
    pub target: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub register_id: Option<i64>,
    pub srikandi_pdf: Option<PathBuf>,
    /// Attach the PDF despite its warnings.
    pub force: bool,
    pub actor: String,
}

fn date_needed() -> Error {
    Error::invalid(
        ErrorCode::WajibDiisi,
        "date",
        "Tanggal surat yang dicatat wajib diisi: --date TTTT-BB-HH, mis. --date 2020-07-28.",
    )
}

/// Records and prints what was recorded; the last line is the circular's id.
pub fn record(store: &mut Store, args: RecordArgs) -> Result<(), Error> {
    // A number is a draft's id unless a file has that name.
    let draft = match args.target.trim().parse::<i64>() {
        Ok(id) if !Path::new(&args.target).exists() => Some(id),
        _ => None,
    };
    let Some(id) = draft else {
        return record_file(store, args);
    };
    let recording = Recording {
        number: args.number.unwrap_or_default(),
        date: args.date.ok_or_else(date_needed)?,
        register_id: args.register_id,
    };
    let number = match &args.srikandi_pdf {
        Some(path) => {
            let pdf = SrikandiPdf::read(path)?;
            if args.force {
                for warning in pdf.warnings(&recording.number) {
                    eprintln!("Peringatan: {warning}");
                }
            }
            let number = store
                .record_from_srikandi(id, &recording, &pdf, args.force, &args.actor)
                .map_err(|e| match e {
                    Error::Invalid {
                        code: ErrorCode::PdfPerluKonfirmasi,
                        field,
                        message,
                    } => Error::invalid(
                        ErrorCode::PdfPerluKonfirmasi,
                        field,
                        format!("{message} Untuk tetap melampirkannya, ulangi dengan --force."),
                    ),
                    e => e,
                })?;
            println!(
                "PDF dari SRIKANDI ({}) disimpan sebagai PDF surat edaran {id}. {}",
                path.display(),
                pdf.describe()
            );
            number
        }
        None => store.record(id, &recording, &args.actor)?,
    };
    println!(
        "Surat edaran {id} dicatat dengan nomor {number} di buku agenda {}:",
        store.register_by_id(recording.register_id)?.name
    );
    println!("{id}");
    Ok(())
}

/// Imports the exchange file `args.target` and records its number, at once.
fn record_file(store: &mut Store, args: RecordArgs) -> Result<(), Error> {
    let file = Path::new(&args.target);
    if args.srikandi_pdf.is_some() {
        return Err(Error::invalid(
            ErrorCode::SrikandiPerluDraf,
            "pdf",
            "--srikandi-pdf hanya untuk draf yang tersimpan di Edaran: sebutkan id drafnya \
             (lihat `edaran circulars`), bukan berkas.",
        ));
    }
    let circular = exchange::from_json(&files::read_text_limited(
        file,
        files::MAX_EXCHANGE_BYTES,
        "berkas surat edaran (JSON)",
    )?)?;
    let recording = Recording {
        number: args.number.unwrap_or_else(|| circular.number.clone()),
        date: args.date.or(circular.issued_on).ok_or_else(date_needed)?,
        register_id: args.register_id,
    };
    let id = store.record_imported(&circular, &recording, &args.actor)?;
    println!(
        "Surat edaran dari {} dicatat dengan nomor {} di buku agenda {}:",
        file.display(),
        recording.number.trim(),
        store.register_by_id(recording.register_id)?.name
    );
    println!("{id}");
    Ok(())
}
