//! `edaran sign`, `verify`, `cert new-internal`: electronic signatures from
//! the terminal.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use edaran_core::sign::{self, MarkInfo, SignOptions};
use edaran_core::ErrorCode;
use edaran_core::{files, Error, Store};

use crate::args::{passphrase, today, SignArgs};
use crate::output::{emit, report, Format};
use crate::tracking::circular_id;

/// Signs a PDF; with `--circular`, the mark says that circular's number,
/// date and signer, and the certificate must be its signer's.
pub fn sign(path: &Path, args: SignArgs) -> Result<(), Error> {
    let SignArgs {
        file,
        p12,
        pass_env,
        output,
        circular,
        allow_other_signer,
        number,
        date,
        signer,
        reason,
        location,
        no_mark,
    } = args;
    let signer_cert = sign::import_pkcs12(
        &files::read_limited(
            &p12,
            files::MAX_PKCS12_BYTES,
            "berkas sertifikat (.p12/.pfx)",
        )?,
        &passphrase(&pass_env)?,
        chrono::Utc::now(),
    )?;
    // The QR's number, date and signer: as given, else the circular's.
    let (mut of_number, mut of_date, mut of_signer) = (None, None, None);
    if let Some(key) = circular {
        let store = Store::open(path)?;
        let id = circular_id(&store, &key)?;
        match store.check_owner_of(id, signer_cert.info()) {
            Ok(()) => {}
            Err(e) if allow_other_signer => {
                eprintln!("Peringatan: {e} Tetap ditandatangani karena --allow-other-signer.")
            }
            Err(e) => return Err(e),
        }
        let record = store.circular(id)?;
        of_number = record.summary.number;
        of_date = record.document.issued_on;
        of_signer = Some(record.document.signature.name.trim().to_string());
    }
    let mark = MarkInfo {
        number: number.or(of_number).unwrap_or_else(|| "-".into()),
        date: date.or(of_date).unwrap_or_else(today),
        signer: signer.or(of_signer).unwrap_or_default(),
    };
    let options = SignOptions {
        reason,
        location,
        time: chrono::Utc::now(),
        mark: (!no_mark).then_some(mark),
    };
    let signed = sign::sign_pdf(
        &files::read_limited(&file, files::MAX_PDF_BYTES, "PDF")?,
        &signer_cert,
        &options,
    )?;
    std::fs::write(&output, signed)?;
    println!(
        "PDF ditandatangani oleh {} ditulis ke {}.",
        signer_cert.info().name,
        output.display()
    );
    Ok(())
}

/// Verifies a PDF's signatures; the exit code is the verdict's.
pub fn verify(file: &Path, trust: &[PathBuf], format: Format) -> Result<ExitCode, Error> {
    let mut roots = Vec::new();
    for path in trust {
        roots.extend(sign::from_pem(&files::read_text_limited(
            path,
            files::MAX_PEM_BYTES,
            "berkas sertifikat akar (PEM)",
        )?)?);
    }
    // An unreadable or hostile file is verdict 3, like no signature.
    let report = match files::read_limited(file, files::MAX_PDF_BYTES, "PDF")
        .and_then(|pdf| sign::verify_pdf(&pdf, &roots))
    {
        Ok(report) => report,
        Err(e) => {
            report(&e, format);
            return Ok(ExitCode::from(3));
        }
    };
    emit(format, &report, || verify_table(&report));
    Ok(ExitCode::from(report.verdict.exit_code() as u8))
}

/// Writes a new internal root (PEM) and its signer's certificate (.p12) into `output`.
pub fn new_internal(
    office: &str,
    signer: &str,
    pass_env: &str,
    years: u32,
    output: &Path,
) -> Result<(), Error> {
    let pass = passphrase(pass_env)?;
    if pass.chars().count() < 8 {
        return Err(Error::invalid(
            ErrorCode::KataSandiPendek,
            "passphrase",
            "Kata sandi berkas .p12 minimal 8 karakter.",
        ));
    }
    let made = sign::new_internal(office, signer, chrono::Utc::now(), years)?;
    std::fs::create_dir_all(output)?;
    let (pem, p12) = (
        output.join("akar-internal.pem"),
        output.join("penanda-tangan.p12"),
    );
    std::fs::write(&pem, made.root_pem())?;
    std::fs::write(&p12, sign::export_pkcs12(&made.signer, &pass)?)?;
    let info = made.signer.info();
    println!(
        "Sertifikat internal kantor untuk {} (berlaku sampai {}):",
        info.name,
        info.valid_to.date_naive()
    );
    println!("  akar kantor      : {}", pem.display());
    println!("  penanda tangan   : {}", p12.display());
    println!("  sidik jari SHA-256: {}", info.fingerprint);
    Ok(())
}

/// The verification report for people.
fn verify_table(report: &sign::Report) -> String {
    let yes_no = |ok: bool, yes: &str, no: &str| if ok { yes.to_string() } else { no.to_string() };
    let mut out = String::new();
    for (i, s) in report.signatures.iter().enumerate() {
        let (name, issuer) = s
            .certificate
            .as_ref()
            .map(|c| (c.name.clone(), c.issuer_name.clone()))
            .unwrap_or_else(|| ("-".into(), "-".into()));
        out.push_str(&format!("Tanda tangan {}: {name}\n", i + 1));
        out.push_str(&format!("  Penerbit sertifikat : {issuer}\n"));
        let time = s
            .signing_time
            .map(|t| t.to_rfc3339())
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!("  Waktu tanda tangan  : {time}\n"));
        out.push_str(&format!(
            "  Keutuhan            : {}\n",
            yes_no(s.intact, "utuh", "TIDAK UTUH")
        ));
        out.push_str(&format!(
            "  Cakupan             : {}\n",
            yes_no(
                s.covers_whole_file,
                "seluruh berkas",
                "TIDAK seluruh berkas"
            )
        ));
        out.push_str(&format!(
            "  Rantai sertifikat   : {}\n",
            yes_no(s.chain_trusted, "dipercaya", "TIDAK DIPERCAYA")
        ));
        out.push_str(&format!(
            "  Masa berlaku        : {}\n",
            yes_no(
                s.in_validity,
                "berlaku saat ditandatangani",
                "TIDAK berlaku saat ditandatangani"
            )
        ));
        if let Some(q) = &s.qr {
            out.push_str(&format!(
                "  Kode QR             : {} tanggal {}, {}\n",
                q.payload.number,
                q.payload.date,
                yes_no(
                    q.drawn_matches && q.hash_matches,
                    "sesuai dokumen",
                    "TIDAK SESUAI"
                )
            ));
        }
        for p in &s.problems {
            out.push_str(&format!("  ! {p}\n"));
        }
    }
    out.push_str(&format!("Kesimpulan: {}\n", report.verdict.headline()));
    out
}
