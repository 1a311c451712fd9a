//! Signing certificates of signatories (private keys sealed, never the
//! passphrase), the roots this office trusts, and the register's record of
//! signed PDFs.

use crate::db::params;
use crate::error::OptionalExtension;
use chrono::Utc;
use der::{Decode, Encode};
use serde::Serialize;
use x509_cert::Certificate;

use super::trash::{Deleted, Removed};
use super::{RegisterEntry, Store};
use crate::error::{Error, Result};
use crate::sign::{self, CertificateInfo, QrPayload, SealedKey, Signer};
use crate::words;
use crate::ErrorCode;

/// A signatory's certificate as stored.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CertificateRecord {
    pub id: i64,
    pub signatory_id: i64,
    pub label: String,
    pub certificate: CertificateInfo,
    pub created_at: String,
}

/// A root certificate the office trusts when verifying.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct TrustedRoot {
    pub id: i64,
    pub label: String,
    /// An internal office root, trusted automatically when it was made.
    pub internal: bool,
    pub certificate: CertificateInfo,
    pub added_at: String,
}

/// How a signed document's QR payload compares with the register.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RegisterMatch {
    /// The register entry with the payload's number, if any.
    pub entry: Option<RegisterEntry>,
    pub date_matches: bool,
    /// The SHA-256 recorded when the document was signed equals the payload's.
    pub hash_matches: bool,
    /// Number in use, date and hash all match.
    pub ok: bool,
    /// The comparison in one Indonesian sentence.
    pub text: String,
}

impl RegisterMatch {
    fn new(entry: Option<RegisterEntry>, date_matches: bool, hash_matches: bool) -> Self {
        let (ok, text) = match &entry {
            None => (
                false,
                "Nomor pada kode QR tidak tercatat di buku agenda kantor ini.".to_string(),
            ),
            Some(e) => {
                let at = format!(
                    "Nomor {}, {}: {}",
                    e.number,
                    words::date(e.issued_on),
                    e.subject
                );
                if e.status != "terpakai" {
                    let why = if e.note.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", e.note)
                    };
                    (false, format!("{at} — nomor ini DIBATALKAN{why}."))
                } else if !date_matches {
                    (
                        false,
                        format!("{at} — tanggal pada kode QR berbeda dengan buku agenda."),
                    )
                } else if !hash_matches {
                    (false, format!("{at} — sidik dokumen (SHA-256) berbeda dengan yang dicatat saat ditandatangani."))
                } else {
                    (true, format!("{at} — cocok (nomor, tanggal, dan SHA-256)."))
                }
            }
        };
        RegisterMatch {
            entry,
            date_matches,
            hash_matches,
            ok,
            text,
        }
    }
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

fn chain_der(chain: &[Certificate]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for cert in chain {
        cert.encode_to_vec(&mut out).map_err(|e| {
            Error::invalid(ErrorCode::SertifikatRusak, "certificate", e.to_string())
        })?;
    }
    Ok(out)
}

/// The root of a stored chain (its last certificate), when the chain has
/// more than the leaf.
fn root_of(chain: &[u8]) -> Option<Vec<u8>> {
    let chain = chain_from(chain);
    match chain.as_slice() {
        [_, .., root] => root.to_der().ok(),
        _ => None,
    }
}

fn chain_from(der: &[u8]) -> Vec<Certificate> {
    use der::Reader;
    let mut chain = Vec::new();
    let Ok(mut reader) = der::SliceReader::new(der) else {
        return chain;
    };
    while !reader.is_finished() {
        let Ok(cert) = Certificate::decode(&mut reader) else {
            break;
        };
        chain.push(cert);
    }
    chain
}

impl Store {
    /// Stores `signer` for signatory `signatory_id`, its key sealed under
    /// `passphrase`. An internal certificate's root becomes trusted.
    pub fn add_certificate(
        &mut self,
        signatory_id: i64,
        signer: &Signer,
        label: &str,
        passphrase: &str,
    ) -> Result<CertificateRecord> {
        self.signatory(signatory_id)?;
        let sealed = SealedKey::seal(signer, passphrase)?;
        let info = signer.info();
        self.in_transaction(|store| {
                        let id = store.conn.insert(
                "INSERT INTO certificate (signatory_id, label, chain, sealed_key, kdf_salt, nonce, internal, fingerprint, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![signatory_id, label.trim(), chain_der(signer.chain())?, sealed.ciphertext,
                    sealed.salt, sealed.nonce, info.internal, info.fingerprint, now()],
            )?;
            if info.internal {
                if let Some(root) = signer.chain().last().filter(|_| signer.chain().len() > 1) {
                    store.trust_root(root, "Akar sertifikat internal kantor", true)?;
                }
            }
            store.certificate(id)
        })
    }

    /// Imports a PKCS#12 file for a signatory; its key is sealed under the
    /// file's own passphrase.
    pub fn import_certificate(
        &mut self,
        signatory_id: i64,
        p12: &[u8],
        passphrase: &str,
    ) -> Result<CertificateRecord> {
        let signer = sign::import_pkcs12(p12, passphrase, Utc::now())?;
        let label = format!("Sertifikat dari {}", signer.info().issuer_name);
        self.add_certificate(signatory_id, &signer, &label, passphrase)
    }

    /// Makes an internal office certificate (valid 2 years) for a signatory,
    /// named after the signatory and the office profile.
    pub fn create_internal_certificate(
        &mut self,
        signatory_id: i64,
        passphrase: &str,
    ) -> Result<CertificateRecord> {
        let s = self.signatory(signatory_id)?;
        let office = self
            .office()?
            .map(|o| o.office_name)
            .ok_or_else(|| Error::NotFound("Profil kantor".into()))?;
        let titled = [s.front_title.trim(), s.name.trim()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        // As names are written: `Dr. Nama, M.Si.`
        let name = match s.back_title.trim() {
            "" => titled,
            back => format!("{titled}, {back}"),
        };
        let made = sign::new_internal(&office, &name, Utc::now(), 2)?;
        self.add_certificate(signatory_id, &made.signer, sign::INTERNAL_LABEL, passphrase)
    }

    /// One stored certificate.
    pub fn certificate(&self, id: i64) -> Result<CertificateRecord> {
        self.conn
            .query_row(
                "SELECT id, signatory_id, label, chain, created_at FROM certificate WHERE id = ?1",
                [id],
                |r| {
                    let chain: Vec<u8> = r.get(3)?;
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, chain, r.get(4)?))
                },
            )
            .optional()?
            .and_then(|(id, signatory_id, label, chain, created_at)| {
                let leaf = chain_from(&chain).into_iter().next()?;
                Some(CertificateRecord {
                    id,
                    signatory_id,
                    label,
                    certificate: sign::info(&leaf),
                    created_at,
                })
            })
            .ok_or_else(|| Error::NotFound(format!("Sertifikat dengan id {id}")))
    }

    /// The stored certificate with this SHA-256 fingerprint, if any.
    pub fn certificate_with_fingerprint(&self, fingerprint: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM certificate WHERE fingerprint = ?1 ORDER BY id DESC LIMIT 1",
                [fingerprint],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A signatory's certificates, newest first.
    pub fn certificates(&self, signatory_id: i64) -> Result<Vec<CertificateRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM certificate WHERE signatory_id = ?1 ORDER BY id DESC",
        )?;
        let ids = stmt
            .query_map([signatory_id], |r| r.get(0))?
            .collect::<Result<Vec<i64>>>()?;
        ids.into_iter().map(|id| self.certificate(id)).collect()
    }

    /// Decrypts certificate `id`'s key with `passphrase`: a signer for
    /// [`sign::sign_pdf`] or [`sign::sign_many`]. Wrong passphrase, expired
    /// certificate → an Indonesian error.
    pub fn signer(&self, id: i64, passphrase: &str) -> Result<Signer> {
        let (chain, ciphertext, salt, nonce): (Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>) = self
            .conn
            .query_row(
                "SELECT chain, sealed_key, kdf_salt, nonce FROM certificate WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Sertifikat dengan id {id}")))?;
        SealedKey {
            salt,
            nonce,
            ciphertext,
        }
        .open(passphrase, chain_from(&chain), Utc::now())
    }

    /// Removes certificate `id` and its sealed key. The internal root made
    /// with it leaves the trusted roots too, unless another stored
    /// certificate still chains to it: its key is gone, so it vouches for
    /// nothing else, and left trusted it would keep the removed
    /// certificate's signatures *sah*.
    pub fn remove_certificate(&mut self, id: i64) -> Result<Deleted> {
        let record = self.certificate(id)?;
        self.in_transaction(|store| {
            let roots = store.chain_roots(&[id])?;
            let mut removed = Removed::default();
            removed.take(store, "certificate", "id = ?1", &[&id])?;
            store
                .conn
                .execute("DELETE FROM certificate WHERE id = ?1", [id])?;
            store.forget_internal_roots(&roots, &mut removed)?;
            store.trash(format!("Sertifikat “{}”", record.label), &removed)
        })
    }

    /// The root each of the stored certificates `ids` chains to (the last
    /// certificate of a chain longer than the leaf), as DER.
    pub(super) fn chain_roots(&self, ids: &[i64]) -> Result<Vec<Vec<u8>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT chain FROM certificate WHERE id = ?1")?;
        let mut roots = Vec::new();
        for id in ids {
            let chain: Option<Vec<u8>> = stmt.query_row([id], |r| r.get(0)).optional()?;
            roots.extend(chain.as_deref().and_then(root_of));
        }
        Ok(roots)
    }

    /// Drops from the trusted roots each of `roots` that was trusted
    /// automatically as an internal office root (the `internal` row flag
    /// and the internal OU label) once no stored certificate chains to it.
    /// A root the office trusted by hand stays. What goes is added to `removed`.
    pub(super) fn forget_internal_roots(
        &mut self,
        roots: &[Vec<u8>],
        removed: &mut Removed,
    ) -> Result<()> {
        if roots.is_empty() {
            return Ok(());
        }
        let still_used: Vec<Vec<u8>> = {
            let mut stmt = self.conn.prepare_cached("SELECT chain FROM certificate")?;
            let chains = stmt
                .query_map([], |r| r.get::<Vec<u8>>(0))?
                .collect::<Result<Vec<_>>>()?;
            chains.iter().filter_map(|c| root_of(c)).collect()
        };
        for der in roots {
            let internal = Certificate::from_der(der).is_ok_and(|c| sign::info(&c).internal);
            if internal && !still_used.contains(der) {
                removed.take(self, "trusted_root", "der = ?1 AND internal = 1", &[der])?;
                self.conn.execute(
                    "DELETE FROM trusted_root WHERE der = ?1 AND internal = 1",
                    [der],
                )?;
            }
        }
        Ok(())
    }

    /// Adds `cert` to the trusted roots (no change if already there).
    fn trust_root(&mut self, cert: &Certificate, label: &str, internal: bool) -> Result<()> {
        let der = cert.to_der().map_err(|e| {
            Error::invalid(ErrorCode::SertifikatRusak, "certificate", e.to_string())
        })?;
        self.conn.execute(
            "INSERT INTO trusted_root (der, label, internal, added_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (der) DO NOTHING",
            params![der, label.trim(), internal, now()],
        )?;
        Ok(())
    }

    /// Trusts every certificate in the PEM text (e.g. a national CA root).
    pub fn add_trusted_roots_pem(&mut self, pem: &str, label: &str) -> Result<Vec<TrustedRoot>> {
        let certs = sign::from_pem(pem)?;
        self.in_transaction(|store| {
            for cert in &certs {
                store.trust_root(cert, label, false)?;
            }
            Ok(())
        })?;
        self.trusted_roots()
    }

    /// The trusted roots, internal ones first.
    pub fn trusted_roots(&self) -> Result<Vec<TrustedRoot>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, label, internal, der, added_at FROM trusted_root ORDER BY internal DESC, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let der: Vec<u8> = r.get(3)?;
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, der, r.get(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, label, internal, der, added_at) = row?;
            if let Ok(cert) = Certificate::from_der(&der) {
                out.push(TrustedRoot {
                    id,
                    label,
                    internal,
                    certificate: sign::info(&cert),
                    added_at,
                });
            }
        }
        Ok(out)
    }

    /// The trusted roots as certificates, for [`sign::verify_pdf`].
    pub fn trust_anchors(&self) -> Result<Vec<Certificate>> {
        let mut stmt = self.conn.prepare_cached("SELECT der FROM trusted_root")?;
        let rows = stmt.query_map([], |r| r.get::<Vec<u8>>(0))?;
        let ders = rows.collect::<Result<Vec<_>>>()?;
        Ok(ders
            .iter()
            .filter_map(|d| Certificate::from_der(d).ok())
            .collect())
    }

    /// Removes a trusted root, kept in the trash for *Urungkan*.
    pub fn remove_trusted_root(&mut self, id: i64) -> Result<Deleted> {
        let label: String = self
            .conn
            .query_row("SELECT label FROM trusted_root WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Sertifikat akar dengan id {id}")))?;
        self.in_transaction(|store| {
            let mut removed = Removed::default();
            removed.take(store, "trusted_root", "id = ?1", &[&id])?;
            store
                .conn
                .execute("DELETE FROM trusted_root WHERE id = ?1", [id])?;
            store.trash(format!("Sertifikat akar “{label}”"), &removed)
        })
    }

    /// Records in the register that the document numbered `number` was
    /// signed, with `sha256` the hash of its unsigned PDF (the QR's hash).
    pub fn record_signed_pdf(&mut self, number: &str, sha256: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE register_entry SET pdf_sha256 = ?2 WHERE number = ?1 AND status = 'terpakai'",
            params![number.trim(), sha256.trim().to_lowercase()],
        )?;
        if n == 0 {
            return Err(Error::NotFound(format!(
                "Nomor {} dalam buku agenda",
                number.trim()
            )));
        }
        Ok(())
    }

    /// Compares a signed document's QR payload with this office's register.
    pub fn register_match(&self, payload: &QrPayload) -> Result<RegisterMatch> {
        let entry = self
            .register(&payload.number, None)?
            .into_iter()
            .find(|e| e.number == payload.number);
        // The circular's own PDF, or one of the notices signed under its number.
        let recorded = match &entry {
            Some(_) => self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM register_entry WHERE number = ?1 AND pdf_sha256 = ?2)
                     OR EXISTS (SELECT 1 FROM signed_notice n JOIN register_entry r ON r.circular_id = n.circular_id
                                WHERE r.number = ?1 AND n.pdf_sha256 = ?2)",
                [&payload.number, &payload.sha256],
                |r| r.get(0),
            )?,
            None => false,
        };
        let date_matches = entry.as_ref().is_some_and(|e| e.issued_on == payload.date);
        Ok(RegisterMatch::new(entry, date_matches, recorded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn an_internal_certificate_is_stored_sealed_and_its_root_trusted() {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let signatory = store.signatories().unwrap()[0].id;
        let record = store
            .create_internal_certificate(signatory, "kata sandi panjang")
            .unwrap();
        assert!(record.certificate.internal);
        assert_eq!(store.certificates(signatory).unwrap().len(), 1);
        let sealed: Vec<u8> = store
            .conn
            .query_row("SELECT sealed_key FROM certificate", [], |r| r.get(0))
            .unwrap();
        assert!(!sealed.is_empty());

        let signer = store.signer(record.id, "kata sandi panjang").unwrap();
        assert_eq!(signer.info().fingerprint, record.certificate.fingerprint);
        let wrong = store.signer(record.id, "kata sandi keliru").err().unwrap();
        assert_eq!(wrong.code(), ErrorCode::KataSandiSalah);

        let roots = store.trusted_roots().unwrap();
        assert_eq!(roots.len(), 1);
        assert!(roots[0].internal);
        assert_eq!(
            store.trust_anchors().unwrap()[0],
            *signer.chain().last().unwrap()
        );

        store.remove_certificate(record.id).unwrap();
        assert!(store.certificates(signatory).unwrap().is_empty());
    }

    #[test]
    fn removing_an_internal_certificate_forgets_its_root_once_nothing_chains_to_it() {
        const PASS: &str = "kata sandi panjang";
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let signatories = store.signatories().unwrap();
        let (a, b) = (signatories[0].id, signatories[1].id);
        let root = |store: &Store, id: i64| -> Certificate {
            store
                .signer(id, PASS)
                .unwrap()
                .chain()
                .last()
                .unwrap()
                .clone()
        };
        let trusted =
            |store: &Store, cert: &Certificate| store.trust_anchors().unwrap().contains(cert);

        let first = store.create_internal_certificate(a, PASS).unwrap();
        let second = store.create_internal_certificate(b, PASS).unwrap();
        let (first_root, second_root) = (root(&store, first.id), root(&store, second.id));
        // The first certificate stored again (its PKCS#12 imported for b).
        let signer = store.signer(first.id, PASS).unwrap();
        let copy = store.add_certificate(b, &signer, "Salinan", PASS).unwrap();
        assert_eq!(store.trusted_roots().unwrap().len(), 2);

        store.remove_certificate(first.id).unwrap();
        assert!(trusted(&store, &first_root), "the copy still chains to it");
        store.remove_certificate(copy.id).unwrap();
        assert!(!trusted(&store, &first_root));
        assert!(
            trusted(&store, &second_root),
            "another certificate's root stays"
        );
        assert_eq!(store.trusted_roots().unwrap().len(), 1);

        // A root the office trusted by hand stays when its certificate goes.
        let third = store.create_internal_certificate(a, PASS).unwrap();
        let third_root = root(&store, third.id);
        let automatic = store
            .trusted_roots()
            .unwrap()
            .into_iter()
            .find(|r| r.certificate.fingerprint == sign::info(&third_root).fingerprint)
            .unwrap();
        store.remove_trusted_root(automatic.id).unwrap();
        store
            .add_trusted_roots_pem(&sign::to_pem(&third_root), "Akar kantor")
            .unwrap();
        store.remove_certificate(third.id).unwrap();
        assert!(trusted(&store, &third_root));

        // Deleting a signatory takes their certificates' internal roots too.
        store.delete_signatory(b).unwrap();
        assert!(!trusted(&store, &second_root));
        assert_eq!(store.trust_anchors().unwrap(), vec![third_root]);
    }

    #[test]
    fn a_signed_document_matches_its_register_entry_by_number_date_and_hash() {
        let mut store = Store::for_test().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO register_entry (year, sequence, number, subject, issued_on)
                 VALUES (2020, 439, '800/439/BKPSDM/2020', 'Sistem kerja', '2020-03-17')",
                [],
            )
            .unwrap();
        let mut payload = QrPayload {
            number: "800/439/BKPSDM/2020".into(),
            date: NaiveDate::from_ymd_opt(2020, 3, 17).unwrap(),
            signer: "Kepala".into(),
            sha256: "ab".repeat(32),
        };
        let before = store.register_match(&payload).unwrap();
        assert!(before.entry.is_some() && before.date_matches && !before.hash_matches);
        store
            .record_signed_pdf(&payload.number, &payload.sha256)
            .unwrap();
        assert!(store.register_match(&payload).unwrap().hash_matches);
        payload.sha256 = "cd".repeat(32);
        assert!(!store.register_match(&payload).unwrap().hash_matches);
        payload.number = "800/1/X/2020".into();
        assert!(store.register_match(&payload).unwrap().entry.is_none());
        assert!(store.record_signed_pdf("800/1/X/2020", "00").is_err());
    }
}
