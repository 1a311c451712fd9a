//! Electronic signatures (*tanda tangan elektronik*): certificates, encrypted
//! key storage, PDF signing as an incremental update with a detached CAdES
//! CMS, the visible QR mark, and offline verification.
//!
//! Typical use:
//! 1. get a [`Signer`]: [`import_pkcs12`], [`new_internal`], or
//!    `Store::signer(certificate_id, passphrase)`;
//! 2. [`sign_pdf`] one document or [`sign_many`] a batch;
//! 3. [`verify_pdf`] any PDF against the office's trusted roots.

mod cert;
mod cms;
mod guard;
mod keystore;
mod mark;
mod path;
mod pdf;
mod verify;

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, NaiveDate, Utc};
use x509_cert::Certificate;

use crate::error::{Error, Result};
use crate::ErrorCode;

pub use cert::{
    export_pkcs12, from_pem, import_pkcs12, info, new_internal, to_pem, CertificateInfo,
    InternalCertificates, INTERNAL_LABEL,
};
pub use keystore::{check_passphrase, SealedKey};
pub use mark::QrPayload;
pub use verify::{verify_pdf, QrCheck, Report, SignatureReport, Verdict, MAX_SIGNATURES};

/// A private key Edaran can sign with.
pub(crate) enum SigningKey {
    Ecdsa(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
}

/// A decrypted private key with its certificate chain, ready to sign.
/// Built once per passphrase entry and reused for a whole batch.
pub struct Signer {
    key: SigningKey,
    /// Leaf first, then its issuers as far as known.
    chain: Vec<Certificate>,
    info: CertificateInfo,
}

impl Signer {
    /// Pairs `key` with `chain` (leaf first) after checking the leaf may sign at `now`.
    pub(crate) fn new(
        key: SigningKey,
        chain: Vec<Certificate>,
        now: DateTime<Utc>,
    ) -> Result<Signer> {
        let leaf = chain.first().ok_or_else(|| {
            invalid(
                ErrorCode::SertifikatKosong,
                "certificate",
                "Berkas tidak memuat sertifikat penanda tangan.",
            )
        })?;
        cert::check_signing(leaf, &key, now)?;
        let info = cert::info(leaf);
        Ok(Signer { key, chain, info })
    }

    /// The signing certificate's facts.
    pub fn info(&self) -> &CertificateInfo {
        &self.info
    }

    /// The certificate chain, leaf first.
    pub fn chain(&self) -> &[Certificate] {
        &self.chain
    }
}

/// The visible mark's content: what the QR code and the footer line say.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MarkInfo {
    /// Register number of the document (`800/439/BKPSDM/2020`).
    pub number: String,
    /// Date of issue.
    pub date: NaiveDate,
    /// Signer as printed (name with titles); the certificate's name if empty.
    pub signer: String,
}

/// How to sign.
#[derive(Debug, Clone)]
pub struct SignOptions {
    /// `/Reason`, e.g. `Penetapan surat edaran`.
    pub reason: String,
    /// `/Location`, e.g. the place of issue.
    pub location: String,
    /// Signing time, written to `/M` and the CMS signing-time attribute.
    pub time: DateTime<Utc>,
    /// The visible QR mark and footer line; `None` signs invisibly.
    pub mark: Option<MarkInfo>,
}

/// Signs `pdf`: returns the original bytes unchanged followed by one
/// incremental update holding the signature field, its visible mark and a
/// detached CAdES signature (`/ETSI.CAdES.detached`) over SHA-256.
pub fn sign_pdf(pdf: &[u8], signer: &Signer, options: &SignOptions) -> Result<Vec<u8>> {
    cert::check_signing(&signer.chain[0], &signer.key, options.time)?;
    pdf::sign(pdf, signer, options)
}

/// Progress of a batch: `done` of `total` documents signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// One document of a batch: its unsigned bytes and its mark.
pub struct BatchItem {
    pub pdf: Vec<u8>,
    pub mark: Option<MarkInfo>,
}

/// How a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BatchOutcome {
    pub signed: usize,
    /// True when the cancel flag stopped the batch before the end.
    pub cancelled: bool,
}

/// Signs `total` documents one at a time with one decrypted key: each item
/// is read from `items`, signed with `options` (its own mark), handed to
/// `save` (e.g. written to disk) and dropped, so memory stays flat.
/// `progress` is called after every document; setting `cancel` stops the
/// batch before the next document. The first error stops the batch.
pub fn sign_many(
    items: impl IntoIterator<Item = Result<BatchItem>>,
    total: usize,
    signer: &Signer,
    options: &SignOptions,
    cancel: &AtomicBool,
    mut save: impl FnMut(usize, Vec<u8>) -> Result<()>,
    mut progress: impl FnMut(Progress),
) -> Result<BatchOutcome> {
    cert::check_signing(&signer.chain[0], &signer.key, options.time)?;
    let mut signed = 0;
    for (index, item) in items.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Ok(BatchOutcome {
                signed,
                cancelled: true,
            });
        }
        let item = item?;
        let options = SignOptions {
            mark: item.mark,
            ..options.clone()
        };
        save(index, pdf::sign(&item.pdf, signer, &options)?)?;
        signed += 1;
        progress(Progress {
            done: signed,
            total,
        });
    }
    Ok(BatchOutcome {
        signed,
        cancelled: false,
    })
}

/// SHA-256 of `bytes` as lower-case hex (the form printed in the QR code
/// and kept in the register).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    cert::hex(&sha2::Sha256::digest(bytes), "").to_lowercase()
}

/// Shorthand for a signing error about `field`.
pub(crate) fn invalid(
    code: crate::ErrorCode,
    field: &'static str,
    message: impl Into<String>,
) -> Error {
    Error::invalid(code, field, message)
}

#[cfg(test)]
mod tests;
