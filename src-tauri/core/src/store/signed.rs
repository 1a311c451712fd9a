//! Issuing with an electronic signature: the number, the signed PDF and the
//! register's hash in one transaction; recording a number from SRIKANDI
//! with the PDF signed there, in one transaction too; the signed PDF kept
//! with its circular, and verification of any PDF against this office's
//! trusted roots, register and the PDFs kept from SRIKANDI.

use crate::db::params;
use crate::error::OptionalExtension;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{CertificateRecord, Issue, Recording, RegisterMatch, Store};
use crate::circular::{Signature, SigningMode};
use crate::error::{Error, Result};
use crate::office::{PaperSize, Signatory};
use crate::sign::{self, MarkInfo, Report, SignOptions, Verdict};
use crate::srikandi::SrikandiPdf;
use crate::ErrorCode;

/// What signing on issue produced.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignedIssue {
    pub number: String,
    /// SHA-256 of the unsigned PDF (the hash in the QR code and the register).
    pub sha256: String,
    /// Name on the signing certificate.
    pub signer: String,
}

/// A PDF's verification: the signatures as found, and for each one with a
/// QR mark, how it compares with this office's register.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Verification {
    pub report: Report,
    /// The report's verdict (only `sah` may be shown as good).
    pub verdict: Verdict,
    /// Every signature carries an Edaran QR mark that matches this
    /// office's register (number in use, date, hash).
    pub register_matched: bool,
    /// The verdict and the register comparison in Indonesian.
    pub headline: String,
    /// One per signature of `report`, in order; `None` without a QR mark.
    pub register: Vec<Option<RegisterMatch>>,
    /// The file is byte for byte a PDF recorded from SRIKANDI here.
    pub srikandi: Option<SrikandiCopy>,
}

/// A PDF recorded from SRIKANDI that a verified file is, byte for byte.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SrikandiCopy {
    pub circular_id: i64,
    pub number: String,
    pub issued_on: NaiveDate,
    /// `Sama persis dengan PDF dari SRIKANDI yang dicatat untuk …`.
    pub text: String,
}

impl Verification {
    /// Joins a report with its register comparisons (see
    /// [`Store::register_matches`]) and the PDF from SRIKANDI it is, if any
    /// (see [`Store::srikandi_copy`]).
    pub fn new(
        report: Report,
        register: Vec<Option<RegisterMatch>>,
        srikandi: Option<SrikandiCopy>,
    ) -> Verification {
        let verdict = report.verdict;
        let register_matched =
            !register.is_empty() && register.iter().all(|m| m.as_ref().is_some_and(|m| m.ok));
        let mut headline = verdict.headline().to_string();
        if let Some(copy) = &srikandi {
            headline.push(' ');
            headline.push_str(&copy.text);
            // Honest about what was not checked: BSrE's roots are not shipped.
            if report.signatures.iter().any(|s| !s.chain_trusted) {
                headline.push_str(
                    " Sertifikat BSrE-nya tidak diverifikasi oleh Edaran: sertifikat akar BSrE \
                     tidak ada di antara sertifikat akar yang dipercaya kantor ini.",
                );
            }
        } else if verdict != Verdict::TanpaTandaTangan {
            headline.push(' ');
            headline.push_str(if register_matched {
                "Cocok dengan buku agenda kantor ini."
            } else if register.iter().all(Option::is_none) {
                "Tanpa kode QR Edaran: tidak dicocokkan dengan buku agenda."
            } else {
                "TIDAK cocok dengan buku agenda kantor ini (lihat rinciannya)."
            });
        }
        Verification {
            report,
            verdict,
            register_matched,
            headline,
            register,
            srikandi,
        }
    }
}

/// A signatory's name as the signature block prints it, titles included.
fn printed_name(s: &Signatory) -> String {
    Signature::by(s, SigningMode::Langsung, "", "").name
}

impl Store {
    /// Issues draft `id` as `issue` says and signs its PDF (rendered on `paper`)
    /// with certificate `certificate_id`, unlocked by `passphrase`. All or
    /// nothing: a wrong passphrase, an expired certificate, a certificate of
    /// someone else than the circular's signer, or any failure while signing
    /// leaves the draft unissued and the number unused.
    pub fn issue_signed(
        &mut self,
        id: i64,
        issue: &Issue,
        actor: &str,
        certificate_id: i64,
        passphrase: &str,
        paper: PaperSize,
    ) -> Result<SignedIssue> {
        let signer = self.signer(certificate_id, passphrase)?;
        self.check_owner(id, certificate_id)?;
        self.in_transaction(|store| {
            let number = store.issue(id, issue, actor)?;
            let document = store.circular(id)?.document;
            let now = Utc::now();
            let unsigned = crate::pdf::render(&document, paper, now)?;
            let sha256 = sign::sha256_hex(&unsigned);
            let options = SignOptions {
                reason: "Penetapan surat edaran".into(),
                location: document.place.trim().to_string(),
                time: now,
                mark: Some(MarkInfo {
                    number: number.clone(),
                    date: issue.date,
                    signer: document.signature.name.trim().to_string(),
                }),
            };
            let signed = sign::sign_pdf(&unsigned, &signer, &options)?;
            store.keep_signed_pdf(id, &signed, Some(certificate_id), options.time)?;
            store.record_signed_pdf(&number, &sha256)?;
            let name = signer.info().name.clone();
            store.log(
                id,
                "ditandatangani",
                actor,
                &format!("secara elektronik oleh {name}"),
            )?;
            Ok(SignedIssue {
                number,
                sha256,
                signer: name,
            })
        })
    }

    /// Refuses certificate `certificate_id` for circular `id` unless it
    /// belongs to the circular's signer (see [`Store::signing_certificates`]),
    /// naming both people.
    pub fn check_owner(&self, id: i64, certificate_id: i64) -> Result<()> {
        if self
            .signing_certificates(id)?
            .iter()
            .any(|c| c.id == certificate_id)
        {
            return Ok(());
        }
        let owner = self.signatory(self.certificate(certificate_id)?.signatory_id)?;
        Err(Error::invalid(
            ErrorCode::SertifikatOrangLain,
            "certificate",
            format!(
                "Sertifikat ini milik {}, sedangkan surat edaran ditandatangani oleh {}.",
                printed_name(&owner),
                self.circular(id)?.document.signature.name.trim()
            ),
        ))
    }

    /// [`Store::check_owner`] for a certificate given as a file: its owner
    /// is the signatory it is stored for; one stored for nobody is refused,
    /// as its owner cannot be told.
    pub fn check_owner_of(&self, id: i64, certificate: &sign::CertificateInfo) -> Result<()> {
        match self.certificate_with_fingerprint(&certificate.fingerprint)? {
            Some(stored) => self.check_owner(id, stored),
            None => Err(Error::invalid(
                ErrorCode::SertifikatTidakTersimpan,
                "certificate",
                format!(
                    "Sertifikat {} tidak tersimpan untuk penanda tangan mana pun (Pengaturan → Penanda tangan), \
                     sehingga tidak dapat dipastikan milik {}, penanda tangan surat edaran ini.",
                    certificate.name,
                    self.circular(id)?.document.signature.name.trim()
                ),
            )),
        }
    }

    /// Certificates that may sign circular `id`: those of the stored
    /// signatory the circular's signature names ([`Signature::is_by`]).
    pub fn signing_certificates(&self, id: i64) -> Result<Vec<CertificateRecord>> {
        let signature = self.circular(id)?.document.signature;
        let mut found = Vec::new();
        for s in self.signatories()? {
            if signature.is_by(&s) {
                found.extend(self.certificates(s.id)?);
            }
        }
        Ok(found)
    }

    /// Records draft `id` with the number and date SRIKANDI gave it (an
    /// entry of kind `srikandi` in `recording`'s register) and keeps
    /// SRIKANDI's signed PDF as its signed document, in one transaction:
    /// *Simpan PDF* then gives that PDF back byte for byte. A PDF with
    /// [`SrikandiPdf::warnings`] for the number is refused
    /// (`pdf_perlu_konfirmasi`, nothing saved) until the clerk has
    /// `confirmed` them; confirmed warnings stay in the audit trail.
    pub fn record_from_srikandi(
        &mut self,
        id: i64,
        recording: &Recording,
        pdf: &SrikandiPdf,
        confirmed: bool,
        actor: &str,
    ) -> Result<String> {
        self.in_transaction(|store| {
            let number = store.record_in(id, recording, "srikandi", actor)?;
            let warnings = pdf.warnings(&number);
            if !warnings.is_empty() && !confirmed {
                return Err(Error::invalid(
                    ErrorCode::PdfPerluKonfirmasi,
                    "pdf",
                    format!(
                        "Periksa PDF ini sebelum dilampirkan: {} Lampirkan hanya bila PDF ini memang \
                         surat edaran ini yang sudah ditandatangani di SRIKANDI.",
                        warnings.join(" ")
                    ),
                ));
            }
            let at = pdf.signed_at().unwrap_or_else(Utc::now);
            store.keep_signed_pdf(id, pdf.bytes(), None, at)?;
            let mut detail = format!("SHA-256 {}. {}", pdf.sha256(), pdf.describe());
            if !warnings.is_empty() {
                detail = format!(
                    "{detail} Dilampirkan atas konfirmasi petugas: {}",
                    warnings.join(" ")
                );
            }
            store.log(id, "PDF dari SRIKANDI dilampirkan", actor, &detail)?;
            Ok(number)
        })
    }

    /// Keeps `pdf` as circular `id`'s signed document, signed with stored
    /// certificate `certificate_id` (none: signed in SRIKANDI) at `at`.
    fn keep_signed_pdf(
        &mut self,
        circular_id: i64,
        pdf: &[u8],
        certificate_id: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO signed_document (circular_id, pdf, certificate_id, signed_at, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![circular_id, pdf, certificate_id, at.to_rfc3339(), sign::sha256_hex(pdf)],
        )?;
        Ok(())
    }

    /// The PDF recorded from SRIKANDI whose whole file has SHA-256 `sha256`, if any.
    pub fn srikandi_copy(&self, sha256: &str) -> Result<Option<SrikandiCopy>> {
        let found = self
            .conn
            .query_row(
                "SELECT e.circular_id, e.number, e.issued_on, e.status, e.note
                 FROM signed_document d JOIN register_entry e ON e.circular_id = d.circular_id
                 WHERE d.sha256 = ?1 AND e.kind = 'srikandi'",
                [sha256],
                |r| {
                    Ok((
                        r.get::<i64>(0)?,
                        r.get::<String>(1)?,
                        r.get::<NaiveDate>(2)?,
                        r.get::<String>(3)?,
                        r.get::<String>(4)?,
                    ))
                },
            )
            .optional()?;
        Ok(found.map(|(circular_id, number, issued_on, status, note)| {
            let mut text = format!(
                "Sama persis dengan PDF dari SRIKANDI yang dicatat untuk surat edaran {number} tanggal {}",
                crate::words::date(issued_on)
            );
            if status == "dibatalkan" {
                text.push_str(&format!(", tetapi nomor ini DIBATALKAN ({note})"));
            }
            text.push('.');
            SrikandiCopy {
                circular_id,
                number,
                issued_on,
                text,
            }
        }))
    }

    /// The signed PDF of circular `id` as it was issued, if it was signed
    /// electronically. It must be saved as is: rendering again would give
    /// other bytes than the ones signed.
    pub fn signed_pdf(&self, id: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row(
                "SELECT pdf FROM signed_document WHERE circular_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Verifies `pdf` offline against the trusted roots and the register.
    /// (The app reads the roots, verifies without the store, then asks
    /// [`Store::register_matches`], so a large file never holds the store.)
    pub fn verify_document(&self, pdf: &[u8]) -> Result<Verification> {
        let report = sign::verify_pdf(pdf, &self.trust_anchors()?)?;
        let register = self.register_matches(&report)?;
        let srikandi = self.srikandi_copy(&report.sha256)?;
        Ok(Verification::new(report, register, srikandi))
    }

    /// For each signature of `report`, how its QR mark compares with the register.
    pub fn register_matches(&self, report: &Report) -> Result<Vec<Option<RegisterMatch>>> {
        report
            .signatures
            .iter()
            .map(|s| {
                s.qr.as_ref()
                    .map(|q| self.register_match(&q.payload))
                    .transpose()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::circular::CircularStatus;
    use chrono::NaiveDate;

    const PASS: &str = "kata sandi kepala";

    /// A demo store with the head of region's internal certificate and a
    /// fresh draft signed by the head of region; returns (cert id, draft id).
    fn setup() -> (Store, i64, i64) {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let draft = store
            .create_from_template(crate::circular::CircularKind::WfhBaru, day, "uji")
            .unwrap();
        let signer_name = store.circular(draft).unwrap().document.signature.name;
        let head = store
            .signatories()
            .unwrap()
            .into_iter()
            .find(|s| printed_name(s) == signer_name)
            .expect("the template's signer is a stored signatory");
        let cert = store.create_internal_certificate(head.id, PASS).unwrap();
        (store, cert.id, draft)
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn issuing_signed_keeps_a_pdf_that_verifies_against_the_register() {
        let (mut store, cert, draft) = setup();
        let offered = store.signing_certificates(draft).unwrap();
        assert_eq!(offered.iter().map(|c| c.id).collect::<Vec<_>>(), [cert]);
        let issued = store
            .issue_signed(draft, &Issue::on(day()), "uji", cert, PASS, PaperSize::F4)
            .unwrap();
        let pdf = store.signed_pdf(draft).unwrap().expect("kept");
        let v = store.verify_document(&pdf).unwrap();
        assert_eq!(v.verdict, Verdict::Sah);
        assert!(
            v.register_matched && v.headline.contains("Cocok dengan buku agenda"),
            "{v:?}"
        );
        let s = &v.report.signatures[0];
        assert!(s.intact && s.covers_whole_file && s.chain_trusted, "{s:?}");
        assert_eq!(s.qr.as_ref().unwrap().payload.number, issued.number);
        let m = v.register[0].as_ref().unwrap();
        assert!(m.entry.is_some() && m.date_matches && m.hash_matches);
        let audit = store.audit(draft).unwrap();
        assert!(audit.iter().any(|a| a.action == "ditandatangani"));
    }

    #[test]
    fn a_wrong_passphrase_or_someone_elses_certificate_issues_nothing() {
        let (mut store, cert, draft) = setup();
        let register_before = store.register("", None).unwrap().len();
        let e = store
            .issue_signed(
                draft,
                &Issue::on(day()),
                "uji",
                cert,
                "salah sekali",
                PaperSize::F4,
            )
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::KataSandiSalah);
        let other = store
            .signatories()
            .unwrap()
            .into_iter()
            .find(|s| s.id != store.certificate(cert).unwrap().signatory_id)
            .unwrap();
        let theirs = store.create_internal_certificate(other.id, PASS).unwrap();
        let e = store
            .issue_signed(
                draft,
                &Issue::on(day()),
                "uji",
                theirs.id,
                PASS,
                PaperSize::F4,
            )
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::SertifikatOrangLain);
        assert!(e.to_string().contains("milik"), "{e}");
        let record = store.circular(draft).unwrap();
        assert_eq!(record.summary.status, CircularStatus::Draf);
        assert_eq!(store.register("", None).unwrap().len(), register_before);
        assert!(store.signed_pdf(draft).unwrap().is_none());
    }

    #[test]
    fn a_certificate_file_passes_the_owner_check_only_as_its_owners_stored_certificate() {
        let (mut store, cert, draft) = setup();
        let mine = store.certificate(cert).unwrap().certificate;
        assert!(store.check_owner_of(draft, &mine).is_ok());
        let other = store
            .signatories()
            .unwrap()
            .into_iter()
            .find(|s| s.id != store.certificate(cert).unwrap().signatory_id)
            .unwrap();
        let theirs = store.create_internal_certificate(other.id, PASS).unwrap();
        let e = store
            .check_owner_of(draft, &theirs.certificate)
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::SertifikatOrangLain);
        assert!(e.to_string().contains(&printed_name(&other)), "{e}");
        let unknown = sign::new_internal("Kantor Lain", "Orang Lain", Utc::now(), 1)
            .unwrap()
            .signer;
        let e = store.check_owner_of(draft, unknown.info()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::SertifikatTidakTersimpan);
        assert!(e.to_string().contains("Orang Lain"), "{e}");
    }

    mod srikandi {
        use super::*;
        use crate::srikandi::tests::{printed, signed, NUMBER};

        fn recording() -> Recording {
            Recording {
                number: NUMBER.into(),
                date: day(),
                register_id: None,
            }
        }

        /// What a refused recording must leave as it was.
        fn state(store: &Store, id: i64) -> (CircularStatus, usize, usize, bool) {
            (
                store.circular(id).unwrap().summary.status,
                store.register("", None).unwrap().len(),
                store.audit(id).unwrap().len(),
                store.signed_pdf(id).unwrap().is_some(),
            )
        }

        #[test]
        fn recording_from_srikandi_numbers_the_draft_and_keeps_its_pdf_byte_for_byte() {
            let (mut store, _, draft) = setup();
            let bytes = signed(&printed(NUMBER));
            let pdf = SrikandiPdf::from_bytes(bytes.clone()).unwrap();
            let number = store
                .record_from_srikandi(draft, &recording(), &pdf, false, "Rina")
                .unwrap();
            assert_eq!(number, NUMBER);
            let record = store.circular(draft).unwrap();
            assert_eq!(record.summary.status, CircularStatus::Terbit);
            assert_eq!(record.document.number, NUMBER);
            assert_eq!(record.document.issued_on, Some(day()));
            // Simpan PDF gives SRIKANDI's bytes, not Edaran's rendering.
            assert_eq!(store.signed_pdf(draft).unwrap().unwrap(), bytes);
            let entry = store.register(NUMBER, None).unwrap().remove(0);
            assert_eq!(
                (entry.kind.as_str(), entry.status_label, entry.circular_id),
                ("srikandi", "Dicatat dari SRIKANDI", Some(draft))
            );
            let audit = store.audit(draft).unwrap();
            let actions: Vec<_> = audit.iter().map(|a| a.action.as_str()).collect();
            assert!(
                actions.ends_with(&["dicatat dari SRIKANDI", "PDF dari SRIKANDI dilampirkan"]),
                "{actions:?}"
            );
            let attached = &audit.last().unwrap().detail;
            assert!(
                attached.contains(&sign::sha256_hex(&bytes))
                    && attached.contains("H. RUSDI HAMZAH")
                    && attached.contains("tidak diverifikasi oleh Edaran"),
                "{attached}"
            );
            // Frozen like any issued circular; the number is taken.
            let again = store
                .create_from_template(crate::circular::CircularKind::WfhBaru, day(), "uji")
                .unwrap();
            let e = store
                .record_from_srikandi(again, &recording(), &pdf, false, "Rina")
                .unwrap_err();
            assert_eq!(
                (e.code().as_str(), e.field()),
                ("nomor_sudah_ada", Some("number"))
            );
            assert!(store.signed_pdf(again).unwrap().is_none());
        }

        #[test]
        fn a_pdf_with_warnings_is_kept_only_once_the_clerk_confirms_them() {
            let (mut store, _, draft) = setup();
            let unsigned = SrikandiPdf::from_bytes(printed("800.1.11/124/BKPSDM/2026")).unwrap();
            let before = state(&store, draft);
            let e = store
                .record_from_srikandi(draft, &recording(), &unsigned, false, "Rina")
                .unwrap_err();
            assert_eq!(
                (e.code().as_str(), e.field()),
                ("pdf_perlu_konfirmasi", Some("pdf"))
            );
            let message = e.to_string();
            assert!(
                message.contains("tidak memuat tanda tangan elektronik")
                    && message.contains("Nomor 800.1.11/123/BKPSDM/2026 tidak ditemukan di PDF"),
                "{message}"
            );
            assert_eq!(state(&store, draft), before, "nothing saved");
            store
                .record_from_srikandi(draft, &recording(), &unsigned, true, "Rina")
                .unwrap();
            assert_eq!(store.signed_pdf(draft).unwrap().unwrap(), unsigned.bytes());
            let detail = store.audit(draft).unwrap().pop().unwrap().detail;
            assert!(
                detail.contains("Tanpa tanda tangan elektronik.")
                    && detail.contains("Dilampirkan atas konfirmasi petugas"),
                "{detail}"
            );
        }

        #[test]
        fn a_refused_number_keeps_neither_the_number_nor_the_pdf() {
            let (mut store, _, draft) = setup();
            let pdf = SrikandiPdf::from_bytes(signed(&printed(NUMBER))).unwrap();
            let before = state(&store, draft);
            let blank = Recording {
                number: "  ".into(),
                ..recording()
            };
            let e = store
                .record_from_srikandi(draft, &blank, &pdf, true, "Rina")
                .unwrap_err();
            assert_eq!(
                (e.code().as_str(), e.field()),
                ("wajib_diisi", Some("number"))
            );
            assert_eq!(state(&store, draft), before);
        }

        #[test]
        fn verification_recognises_the_kept_pdf_and_says_bsre_was_not_verified() {
            let (mut store, _, draft) = setup();
            let bytes = signed(&printed(NUMBER));
            let pdf = SrikandiPdf::from_bytes(bytes.clone()).unwrap();
            store
                .record_from_srikandi(draft, &recording(), &pdf, false, "Rina")
                .unwrap();
            let v = store.verify_document(&bytes).unwrap();
            assert_eq!(v.verdict, Verdict::TidakDipercaya);
            let copy = v.srikandi.as_ref().expect("found by its bytes");
            assert_eq!((copy.circular_id, copy.number.as_str()), (draft, NUMBER));
            assert!(
                v.headline.contains("Sama persis dengan PDF dari SRIKANDI yang dicatat untuk surat edaran 800.1.11/123/BKPSDM/2026 tanggal 24 November 2026.")
                    && v.headline.ends_with("Sertifikat BSrE-nya tidak diverifikasi oleh Edaran: sertifikat akar BSrE tidak ada di antara sertifikat akar yang dipercaya kantor ini."),
                "{}",
                v.headline
            );
            store.cancel_number(draft, "salah tujuan", "Rina").unwrap();
            let v = store.verify_document(&bytes).unwrap();
            assert!(
                v.headline
                    .contains("tetapi nomor ini DIBATALKAN (salah tujuan)"),
                "{}",
                v.headline
            );
            // Another file (one more byte at the end) is not the kept one.
            let mut other = bytes;
            other.push(b'\n');
            assert!(store.verify_document(&other).unwrap().srikandi.is_none());
        }
    }

    #[test]
    fn a_changed_byte_or_an_unknown_document_shows_in_the_verification() {
        let (mut store, cert, draft) = setup();
        store
            .issue_signed(draft, &Issue::on(day()), "uji", cert, PASS, PaperSize::F4)
            .unwrap();
        let mut pdf = store.signed_pdf(draft).unwrap().unwrap();
        let at = pdf.len() / 3;
        pdf[at] ^= 0x01;
        let v = store.verify_document(&pdf).unwrap();
        assert!(v.verdict == Verdict::TidakUtuh && !v.report.signatures[0].intact);
        let plain = crate::pdf::render(
            &store.circular(draft).unwrap().document,
            PaperSize::F4,
            Utc::now(),
        )
        .unwrap();
        let v = store.verify_document(&plain).unwrap();
        assert!(
            v.verdict == Verdict::TanpaTandaTangan
                && v.report.signatures.is_empty()
                && v.register.is_empty()
        );
    }
}
