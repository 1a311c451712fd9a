//! Certificates: the office's internal root and signer certificates, PKCS#12
//! import and export, and the checks a signing certificate must pass.

use std::time::Duration;

use chrono::{DateTime, Utc};
use der::asn1::{Any, SetOfVec};
use der::{Decode, Encode, Tag};
use p256::ecdsa::DerSignature;
use p256::pkcs8::DecodePrivateKey;
use pkcs8::{EncodePrivateKey, PrivateKeyInfo};
use rand_core::{OsRng, RngCore};
use serde::Serialize;
use sha2::{Digest, Sha256};
use spki::EncodePublicKey;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

use super::{invalid, Signer, SigningKey};
use crate::error::{Error, Result};
use crate::words;
use crate::ErrorCode;

/// Organizational unit that marks a certificate made inside Edaran.
pub const INTERNAL_LABEL: &str = "Sertifikat Internal Kantor (bukan sertifikat BSrE)";
const OID_CN: der::oid::ObjectIdentifier = der::oid::db::rfc4519::CN;
const OID_O: der::oid::ObjectIdentifier = der::oid::db::rfc4519::O;
const OID_OU: der::oid::ObjectIdentifier = der::oid::db::rfc4519::OU;
const OID_RSA: der::oid::ObjectIdentifier = der::oid::db::rfc5912::RSA_ENCRYPTION;
const OID_EC: der::oid::ObjectIdentifier = der::oid::db::rfc5912::ID_EC_PUBLIC_KEY;
const OID_P256: der::oid::ObjectIdentifier = der::oid::db::rfc5912::SECP_256_R_1;

/// What a person needs to know about a certificate (UI and CLI).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct CertificateInfo {
    /// The holder's name (CN), e.g. the signatory.
    pub name: String,
    /// Full subject, RFC 4514 style.
    pub subject: String,
    /// The issuer's name (CN).
    pub issuer_name: String,
    pub issuer: String,
    pub serial: String,
    pub valid_from: DateTime<Utc>,
    pub valid_to: DateTime<Utc>,
    /// SHA-256 of the DER certificate, upper-case hex pairs joined by `:`.
    pub fingerprint: String,
    /// True for *sertifikat internal kantor* made by Edaran.
    pub internal: bool,
    /// `ECDSA P-256` or `RSA 2048` etc.
    pub key: String,
}

/// A freshly made internal root with the signer certificate it issued. The
/// root's private key is not kept: it issues this one certificate only.
pub struct InternalCertificates {
    pub root: Certificate,
    pub signer: Signer,
}

impl InternalCertificates {
    /// The root certificate as PEM, for `certutil`, `openssl` or a browser.
    pub fn root_pem(&self) -> String {
        to_pem(&self.root)
    }
}

/// Creates an office root CA (ECDSA P-256, CA:TRUE, keyCertSign) and a signer
/// certificate it issues (digitalSignature + nonRepudiation) for `signer_name`,
/// both labelled *sertifikat internal kantor*, valid `years` years from `now`.
pub fn new_internal(
    office: &str,
    signer_name: &str,
    now: DateTime<Utc>,
    years: u32,
) -> Result<InternalCertificates> {
    let (office, signer_name) = (office.trim(), signer_name.trim());
    if office.is_empty() {
        return Err(invalid(
            ErrorCode::KantorKosong,
            "office",
            "Nama kantor wajib diisi.",
        ));
    }
    if signer_name.is_empty() {
        return Err(invalid(
            ErrorCode::PenandaTanganKosong,
            "signer",
            "Nama penanda tangan wajib diisi.",
        ));
    }
    let validity = validity(now, now + chrono::Duration::days(365 * years.max(1) as i64))?;
    let root_key = p256::ecdsa::SigningKey::random(&mut OsRng);
    let root_name = name(&[
        (OID_CN, &format!("Root CA Internal {office}")),
        (OID_OU, INTERNAL_LABEL),
        (OID_O, office),
    ])?;
    let root = build(
        Profile::Root,
        validity,
        root_name.clone(),
        &root_key,
        &root_key,
    )?;
    let signer_key = p256::ecdsa::SigningKey::random(&mut OsRng);
    let leaf = build(
        Profile::Leaf {
            issuer: root_name,
            enable_key_agreement: false,
            enable_key_encipherment: false,
        },
        validity,
        name(&[
            (OID_CN, signer_name),
            (OID_OU, INTERNAL_LABEL),
            (OID_O, office),
        ])?,
        &signer_key,
        &root_key,
    )?;
    let signer = Signer::new(SigningKey::Ecdsa(signer_key), vec![leaf, root.clone()], now)?;
    Ok(InternalCertificates { root, signer })
}

/// Builds and signs one certificate for `subject_key`, signed by `issuer_key`.
pub(crate) fn build(
    profile: Profile,
    validity: Validity,
    subject: Name,
    subject_key: &p256::ecdsa::SigningKey,
    issuer_key: &p256::ecdsa::SigningKey,
) -> Result<Certificate> {
    let spki = spki::SubjectPublicKeyInfoOwned::from_key(*subject_key.verifying_key())
        .map_err(|e| failed(e.to_string()))?;
    let mut serial = [0u8; 16];
    OsRng.fill_bytes(&mut serial);
    serial[0] &= 0x7f;
    let serial = SerialNumber::new(&serial).map_err(|e| failed(e.to_string()))?;
    CertificateBuilder::new(profile, serial, validity, subject, spki, issuer_key)
        .and_then(|b| b.build::<DerSignature>())
        .map_err(|e| failed(e.to_string()))
}

/// The validity period from `from` to `to`.
pub(crate) fn validity(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Validity> {
    let time = |t: DateTime<Utc>| {
        Time::try_from(std::time::UNIX_EPOCH + Duration::from_secs(t.timestamp().max(0) as u64))
            .map_err(|e| failed(e.to_string()))
    };
    Ok(Validity {
        not_before: time(from)?,
        not_after: time(to)?,
    })
}

/// A distinguished name from (attribute, UTF-8 value) pairs, one RDN each.
pub(crate) fn name(parts: &[(der::oid::ObjectIdentifier, &str)]) -> Result<Name> {
    let mut rdns = Vec::new();
    for (oid, value) in parts {
        let atv = AttributeTypeAndValue {
            oid: *oid,
            value: Any::new(Tag::Utf8String, value.as_bytes())
                .map_err(|e| failed(e.to_string()))?,
        };
        let set = SetOfVec::try_from(vec![atv]).map_err(|e| failed(e.to_string()))?;
        rdns.push(RelativeDistinguishedName::from(set));
    }
    Ok(RdnSequence(rdns))
}

/// Reads a PKCS#12 file (`.p12`/`.pfx`) protected by `passphrase` into a
/// signer, checking the certificate can sign at `now`.
pub fn import_pkcs12(bytes: &[u8], passphrase: &str, now: DateTime<Utc>) -> Result<Signer> {
    super::guard::check_pkcs12(bytes)?;
    let store = p12_keystore::KeyStore::from_pkcs12(bytes, passphrase).map_err(|e| match e {
        p12_keystore::error::Error::MacError(_) => wrong_passphrase(),
        _ => invalid(
            ErrorCode::SertifikatRusak,
            "certificate",
            "Berkas sertifikat (.p12/.pfx) rusak atau bukan berkas PKCS#12.",
        ),
    })?;
    let Some((_, chain)) = store.private_key_chain() else {
        return Err(invalid(
            ErrorCode::SertifikatTanpaKunci,
            "certificate",
            "Berkas sertifikat tidak memuat kunci privat; minta berkas .p12 yang berisi kunci penanda tangan.",
        ));
    };
    let certs = chain
        .chain()
        .iter()
        .map(|c| Certificate::from_der(c.as_der()))
        .collect::<der::Result<Vec<_>>>()
        .map_err(|_| corrupt())?;
    Signer::new(private_key(chain.key())?, certs, now)
}

/// Writes the signer's key and chain as a PKCS#12 file (AES-256, PBKDF2).
pub fn export_pkcs12(signer: &Signer, passphrase: &str) -> Result<Vec<u8>> {
    let chain = signer
        .chain()
        .iter()
        .map(|c| {
            let der = c.to_der().map_err(|e| failed(e.to_string()))?;
            p12_keystore::Certificate::from_der(&der).map_err(|e| failed(e.to_string()))
        })
        .collect::<Result<Vec<_>>>()?;
    let key = signer.key.pkcs8()?;
    let id = Sha256::digest(&key);
    let mut store = p12_keystore::KeyStore::new();
    store.add_entry(
        &signer.info().name,
        p12_keystore::KeyStoreEntry::PrivateKeyChain(p12_keystore::PrivateKeyChain::new(
            &key,
            &id[..20],
            chain,
        )),
    );
    store
        .writer(passphrase)
        .write()
        .map_err(|e| failed(e.to_string()))
}

/// A private key from PKCS#8 DER: RSA or EC P-256.
pub(crate) fn private_key(pkcs8_der: &[u8]) -> Result<SigningKey> {
    let info = PrivateKeyInfo::try_from(pkcs8_der).map_err(|_| corrupt())?;
    let unsupported = || {
        invalid(
            ErrorCode::KunciTidakDidukung,
            "certificate",
            "Jenis kunci sertifikat tidak didukung; Edaran menerima kunci RSA atau ECDSA P-256.",
        )
    };
    if info.algorithm.oid == OID_RSA {
        let key = rsa::RsaPrivateKey::from_pkcs8_der(pkcs8_der).map_err(|_| corrupt())?;
        Ok(SigningKey::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(
            key,
        ))))
    } else if info.algorithm.oid == OID_EC && info.algorithm.parameters_oid().ok() == Some(OID_P256)
    {
        let key = p256::ecdsa::SigningKey::from_pkcs8_der(pkcs8_der).map_err(|_| corrupt())?;
        Ok(SigningKey::Ecdsa(key))
    } else {
        Err(unsupported())
    }
}

impl SigningKey {
    /// The key as PKCS#8 DER, for the keystore and PKCS#12 export.
    pub(crate) fn pkcs8(&self) -> Result<Vec<u8>> {
        let doc = match self {
            SigningKey::Ecdsa(k) => k.to_pkcs8_der(),
            SigningKey::Rsa(k) => (**k).as_ref().to_pkcs8_der(),
        };
        Ok(doc.map_err(|e| failed(e.to_string()))?.as_bytes().to_vec())
    }

    /// The public key as SubjectPublicKeyInfo DER, to pair it with a certificate.
    pub(crate) fn public_der(&self) -> Result<Vec<u8>> {
        let doc = match self {
            SigningKey::Ecdsa(k) => k.verifying_key().to_public_key_der(),
            SigningKey::Rsa(k) => (**k).as_ref().to_public_key().to_public_key_der(),
        };
        Ok(doc.map_err(|e| failed(e.to_string()))?.as_bytes().to_vec())
    }
}

/// Checks that the leaf certificate belongs to the key, is valid at `now`
/// and may sign documents.
pub(crate) fn check_signing(
    leaf: &Certificate,
    key: &SigningKey,
    now: DateTime<Utc>,
) -> Result<()> {
    let spki = leaf
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|_| corrupt())?;
    if spki != key.public_der()? {
        return Err(invalid(
            ErrorCode::KunciTidakCocok,
            "certificate",
            "Kunci privat dalam berkas tidak cocok dengan sertifikatnya.",
        ));
    }
    let info = info(leaf);
    if now < info.valid_from {
        return Err(invalid(
            ErrorCode::SertifikatBelumBerlaku,
            "certificate",
            format!(
                "Sertifikat baru berlaku mulai {}.",
                words::date(info.valid_from.date_naive())
            ),
        ));
    }
    if now > info.valid_to {
        return Err(invalid(
            ErrorCode::SertifikatKedaluwarsa,
            "certificate",
            format!(
                "Sertifikat sudah kedaluwarsa sejak {}.",
                words::date(info.valid_to.date_naive())
            ),
        ));
    }
    if !super::path::may_sign(leaf) {
        return Err(invalid(
            ErrorCode::SertifikatBukanPenandaTangan,
            "certificate",
            "Sertifikat ini tidak boleh dipakai untuk tanda tangan dokumen: penggunaan kuncinya (key usage) tidak memuat digitalSignature atau nonRepudiation.",
        ));
    }
    Ok(())
}

/// The facts about `cert` shown to people.
pub fn info(cert: &Certificate) -> CertificateInfo {
    let tbs = &cert.tbs_certificate;
    let time = |t: &Time| {
        DateTime::<Utc>::from_timestamp(t.to_unix_duration().as_secs() as i64, 0)
            .unwrap_or_default()
    };
    let der = cert.to_der().unwrap_or_default();
    let key = &tbs.subject_public_key_info;
    let key = if key.algorithm.oid == OID_EC {
        "ECDSA P-256".to_string()
    } else if key.algorithm.oid == OID_RSA {
        use spki::DecodePublicKey;
        key.to_der()
            .ok()
            .and_then(|der| rsa::RsaPublicKey::from_public_key_der(&der).ok())
            .map(|k| format!("RSA {}", rsa::traits::PublicKeyParts::size(&k) * 8))
            .unwrap_or_else(|| "RSA".into())
    } else {
        key.algorithm.oid.to_string()
    };
    CertificateInfo {
        name: attribute(&tbs.subject, OID_CN).unwrap_or_else(|| tbs.subject.to_string()),
        subject: tbs.subject.to_string(),
        issuer_name: attribute(&tbs.issuer, OID_CN).unwrap_or_else(|| tbs.issuer.to_string()),
        issuer: tbs.issuer.to_string(),
        serial: hex(tbs.serial_number.as_bytes(), ""),
        valid_from: time(&tbs.validity.not_before),
        valid_to: time(&tbs.validity.not_after),
        fingerprint: hex(&Sha256::digest(&der), ":"),
        internal: attribute(&tbs.subject, OID_OU).as_deref() == Some(INTERNAL_LABEL),
        key,
    }
}

/// The first value of attribute `oid` in `name`, as text.
fn attribute(name: &Name, oid: der::oid::ObjectIdentifier) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == oid)
        .map(|atv| String::from_utf8_lossy(atv.value.value()).into_owned())
}

/// Certificates from PEM text (one or more `BEGIN CERTIFICATE` blocks).
pub fn from_pem(pem: &str) -> Result<Vec<Certificate>> {
    use der::DecodePem;
    let certs = Certificate::load_pem_chain(pem.as_bytes())
        .or_else(|_| Certificate::from_pem(pem.as_bytes()).map(|c| vec![c]))
        .map_err(|_| {
            invalid(
                ErrorCode::PemRusak,
                "certificate",
                "Berkas sertifikat CA tidak dapat dibaca: harus berformat PEM (-----BEGIN CERTIFICATE-----).",
            )
        })?;
    if certs.is_empty() {
        return Err(invalid(
            ErrorCode::PemKosong,
            "certificate",
            "Berkas sertifikat CA tidak memuat satu pun sertifikat.",
        ));
    }
    Ok(certs)
}

/// `cert` as PEM text.
pub fn to_pem(cert: &Certificate) -> String {
    use der::EncodePem;
    cert.to_pem(der::pem::LineEnding::LF).unwrap_or_default()
}

/// Bytes as upper-case hex, pairs joined by `sep`.
pub(crate) fn hex(bytes: &[u8], sep: &str) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(sep)
}

fn wrong_passphrase() -> Error {
    invalid(
        ErrorCode::KataSandiSalah,
        "passphrase",
        "Kata sandi berkas sertifikat salah.",
    )
}

fn corrupt() -> Error {
    invalid(
        ErrorCode::SertifikatRusak,
        "certificate",
        "Berkas sertifikat (.p12/.pfx) rusak atau bukan berkas PKCS#12.",
    )
}

/// A failure inside the cryptography libraries (not the user's doing).
pub(crate) fn failed(detail: String) -> Error {
    Error::Refused {
        code: ErrorCode::Kriptografi,
        message: format!("Proses kriptografi gagal: {detail}"),
    }
}
