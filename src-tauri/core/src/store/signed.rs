//! Issuing with an electronic signature: the number, the signed PDF and the
//! register's hash in one transaction, the signed PDF kept with its
//! circular, and verification of any PDF against this office's trusted
//! roots and register.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{CertificateRecord, Issue, RegisterMatch, Store};
use crate::circular::{Signature, SigningMode};
use crate::error::{Error, Result};
use crate::office::{PaperSize, Signatory};
use crate::sign::{self, MarkInfo, Report, SignOptions, Verdict};

/// What signing on issue produced.
#[derive(Debug, Clone, Serialize)]
pub struct SignedIssue {
    pub number: String,
    /// SHA-256 of the unsigned PDF (the hash in the QR code and the register).
    pub sha256: String,
    /// Name on the signing certificate.
    pub signer: String,
}

/// A PDF's verification: the signatures as found, and for each one with a
/// QR mark, how it compares with this office's register.
#[derive(Debug, Clone, Serialize)]
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
}

impl Verification {
    /// Joins a report with its register comparisons (see [`Store::register_matches`]).
    pub fn new(report: Report, register: Vec<Option<RegisterMatch>>) -> Verification {
        let verdict = report.verdict;
        let register_matched =
            !register.is_empty() && register.iter().all(|m| m.as_ref().is_some_and(|m| m.ok));
        let mut headline = verdict.headline().to_string();
        if verdict != Verdict::TanpaTandaTangan {
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
            store.keep_signed_pdf(id, &signed, certificate_id, options.time)?;
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
            "sertifikat_orang_lain",
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
                "sertifikat_tidak_tersimpan",
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
    /// signatory whose printed name is the circular's signer.
    pub fn signing_certificates(&self, id: i64) -> Result<Vec<CertificateRecord>> {
        let signer = self.circular(id)?.document.signature.name;
        let mut found = Vec::new();
        for s in self.signatories()? {
            if printed_name(&s).eq_ignore_ascii_case(signer.trim()) {
                found.extend(self.certificates(s.id)?);
            }
        }
        Ok(found)
    }

    fn keep_signed_pdf(
        &mut self,
        circular_id: i64,
        pdf: &[u8],
        certificate_id: i64,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO signed_document (circular_id, pdf, certificate_id, signed_at) VALUES (?1, ?2, ?3, ?4)",
            params![circular_id, pdf, certificate_id, at.to_rfc3339()],
        )?;
        Ok(())
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
        Ok(Verification::new(report, register))
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
        let mut store = Store::open_in_memory().unwrap();
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
        assert_eq!(e.code(), "kata_sandi_salah");
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
        assert_eq!(e.code(), "sertifikat_orang_lain");
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
        assert_eq!(e.code(), "sertifikat_orang_lain");
        assert!(e.to_string().contains(&printed_name(&other)), "{e}");
        let unknown = sign::new_internal("Kantor Lain", "Orang Lain", Utc::now(), 1)
            .unwrap()
            .signer;
        let e = store.check_owner_of(draft, unknown.info()).unwrap_err();
        assert_eq!(e.code(), "sertifikat_tidak_tersimpan");
        assert!(e.to_string().contains("Orang Lain"), "{e}");
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
