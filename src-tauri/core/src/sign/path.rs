//! Certification path validation, the parts of RFC 5280 §6.1 a signed
//! circular needs: from the signer's certificate through the certificates
//! the signature carries to a root the office trusts, every link signed by
//! its issuer, every issuer a CA allowed to sign certificates and within its
//! path length, no unknown critical extension, every certificate valid at
//! the signing time, and the signer's key allowed to sign documents.
//!
//! No revocation (CRL/OCSP): verification is offline.

use chrono::{DateTime, Utc};
use der::oid::db::rfc5280;
use der::oid::{AssociatedOid, ObjectIdentifier};
use der::{Decode, Encode};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::time::Time;
use x509_cert::Certificate;

use super::cert::info;
use super::cms::verify_signature;

/// Longest path tried (leaf, intermediates, root).
const MAX_DEPTH: usize = 8;
/// Most certificates a signature may carry before the rest are ignored.
const MAX_POOL: usize = 32;

/// Extensions this validation understands; any other marked critical
/// makes the certificate unusable (RFC 5280 §4.2).
const KNOWN_EXTENSIONS: [ObjectIdentifier; 9] = [
    rfc5280::ID_CE_BASIC_CONSTRAINTS,
    rfc5280::ID_CE_KEY_USAGE,
    rfc5280::ID_CE_EXT_KEY_USAGE,
    rfc5280::ID_CE_SUBJECT_KEY_IDENTIFIER,
    rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER,
    rfc5280::ID_CE_SUBJECT_ALT_NAME,
    rfc5280::ID_CE_ISSUER_ALT_NAME,
    rfc5280::ID_CE_CERTIFICATE_POLICIES,
    rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS,
];

/// What the path from a signer's certificate to a trusted root gave.
#[derive(Debug, Clone, Default)]
pub(crate) struct PathCheck {
    /// A path to a trusted root exists and every structural rule holds.
    pub trusted: bool,
    /// A signing time is given and every certificate of the path (or the
    /// signer's alone, without a path) was valid at that time.
    pub in_validity: bool,
    /// What is wrong, in Indonesian, one sentence each.
    pub problems: Vec<String>,
}

/// Validates the path from `leaf` through `pool` to one of `roots` at the
/// signing time `at`. Of several candidate paths the first sound one wins;
/// without one, the faults of the first complete path are reported.
pub(crate) fn validate(
    leaf: &Certificate,
    pool: &[Certificate],
    roots: &[Certificate],
    at: Option<DateTime<Utc>>,
) -> PathCheck {
    let pool = &pool[..pool.len().min(MAX_POOL)];
    let mut paths = Vec::new();
    extend(&mut vec![leaf.clone()], pool, roots, &mut paths);
    let mut first_faults = None;
    for path in &paths {
        let faults = structural_faults(path);
        if faults.is_empty() {
            let (in_validity, problems) = validity(path, at);
            return PathCheck {
                trusted: true,
                in_validity,
                problems,
            };
        }
        first_faults.get_or_insert(faults);
    }
    let (in_validity, mut problems) = validity(std::slice::from_ref(leaf), at);
    let mut faults = first_faults.unwrap_or_else(|| {
        vec!["Sertifikat penanda tangan tidak berantai ke sertifikat akar yang dipercaya kantor ini.".into()]
    });
    if !may_sign(leaf) {
        faults.push(usage_fault());
    }
    faults.dedup();
    faults.append(&mut problems);
    PathCheck {
        trusted: false,
        in_validity,
        problems: faults,
    }
}

/// Depth-first search for paths ending in a trusted root; `path` is the
/// leaf and the issuers found so far.
fn extend(
    path: &mut Vec<Certificate>,
    pool: &[Certificate],
    roots: &[Certificate],
    found: &mut Vec<Vec<Certificate>>,
) {
    let current = path.last().expect("a path starts with the leaf").clone();
    if path.len() == 1 && roots.contains(&current) {
        found.push(path.clone());
        return;
    }
    if path.len() >= MAX_DEPTH || found.len() >= 4 {
        return;
    }
    for root in roots.iter().filter(|r| issued_by(&current, r)) {
        path.push(root.clone());
        found.push(path.clone());
        path.pop();
    }
    for parent in pool {
        if path.contains(parent) || roots.contains(parent) || !issued_by(&current, parent) {
            continue;
        }
        path.push(parent.clone());
        extend(path, pool, roots, found);
        path.pop();
    }
}

/// `child` names `parent` as issuer and `parent`'s key verifies its signature.
fn issued_by(child: &Certificate, parent: &Certificate) -> bool {
    let tbs = &child.tbs_certificate;
    tbs.issuer == parent.tbs_certificate.subject
        && tbs.signature == child.signature_algorithm
        && tbs.to_der().is_ok_and(|der| {
            verify_signature(
                &child.signature_algorithm,
                &der::oid::db::rfc5912::ID_SHA_256,
                &parent.tbs_certificate.subject_public_key_info,
                &der,
                child.signature.raw_bytes(),
            )
        })
}

/// Breaches of the rules that do not depend on time, for `path` = leaf,
/// intermediates…, trusted root.
fn structural_faults(path: &[Certificate]) -> Vec<String> {
    let mut faults = Vec::new();
    let name = |c: &Certificate| info(c).name;
    for (i, cert) in path.iter().enumerate().skip(1) {
        let child = name(&path[i - 1]);
        match extension::<BasicConstraints>(cert) {
            Some(bc) if bc.ca => {
                // Intermediates below this issuer (the leaf not counted).
                let below = i - 1;
                if let Some(limit) = bc.path_len_constraint {
                    if below > limit as usize {
                        faults.push(format!(
                            "Sertifikat CA «{}» hanya boleh menerbitkan rantai sepanjang {limit} sertifikat perantara, tetapi di bawahnya ada {below}.",
                            name(cert)
                        ));
                    }
                }
            }
            _ => faults.push(format!(
                "Sertifikat «{}» yang menerbitkan «{child}» bukan sertifikat CA (basicConstraints CA:FALSE atau tidak ada): ia tidak berwenang menerbitkan sertifikat.",
                name(cert)
            )),
        }
        if let Some(KeyUsage(usage)) = extension::<KeyUsage>(cert) {
            if !usage.contains(KeyUsages::KeyCertSign) {
                faults.push(format!(
                    "Penggunaan kunci sertifikat CA «{}» tidak memuat keyCertSign: ia tidak boleh menandatangani sertifikat.",
                    name(cert)
                ));
            }
        }
    }
    if !may_sign(&path[0]) {
        faults.push(usage_fault());
    }
    for cert in path {
        let unknown = cert
            .tbs_certificate
            .extensions
            .iter()
            .flatten()
            .find(|e| e.critical && !KNOWN_EXTENSIONS.contains(&e.extn_id));
        if let Some(e) = unknown {
            faults.push(format!(
                "Sertifikat «{}» memuat ekstensi kritis yang tidak dikenal ({}).",
                name(cert),
                e.extn_id
            ));
        }
    }
    faults
}

fn usage_fault() -> String {
    "Penggunaan kunci (key usage) sertifikat penanda tangan tidak memuat digitalSignature atau nonRepudiation: sertifikat ini tidak boleh menandatangani dokumen.".into()
}

/// Whether every certificate of `path` was valid at `at`, with the reasons.
fn validity(path: &[Certificate], at: Option<DateTime<Utc>>) -> (bool, Vec<String>) {
    let Some(at) = at else {
        return (
            false,
            vec!["Tanda tangan tidak memuat waktu penandatanganan (signingTime): masa berlaku sertifikat tidak dapat diperiksa.".into()],
        );
    };
    let problems: Vec<String> = path
        .iter()
        .enumerate()
        .filter_map(|(i, cert)| {
            let facts = info(cert);
            let whose = if i == 0 {
                "Sertifikat penanda tangan".to_string()
            } else {
                format!("Sertifikat penerbit «{}»", facts.name)
            };
            let day = |t: DateTime<Utc>| crate::words::date(t.date_naive());
            if at < time(&cert.tbs_certificate.validity.not_before) {
                Some(format!(
                    "{whose} belum berlaku saat ditandatangani ({}): berlaku mulai {}.",
                    day(at),
                    day(facts.valid_from)
                ))
            } else if at > time(&cert.tbs_certificate.validity.not_after) {
                Some(format!(
                    "{whose} sudah kedaluwarsa saat ditandatangani ({}): berlaku sampai {}.",
                    day(at),
                    day(facts.valid_to)
                ))
            } else {
                None
            }
        })
        .collect();
    (problems.is_empty(), problems)
}

fn time(t: &Time) -> DateTime<Utc> {
    DateTime::from_timestamp(t.to_unix_duration().as_secs() as i64, 0).unwrap_or_default()
}

/// True when the certificate's key usage allows signing documents (a
/// certificate without the extension may be used for anything).
pub(crate) fn may_sign(cert: &Certificate) -> bool {
    match extension::<KeyUsage>(cert) {
        Some(KeyUsage(usage)) => {
            usage.contains(KeyUsages::DigitalSignature) || usage.contains(KeyUsages::NonRepudiation)
        }
        // Absent: unrestricted; present but unreadable: not allowed.
        None => !cert
            .tbs_certificate
            .extensions
            .iter()
            .flatten()
            .any(|e| e.extn_id == KeyUsage::OID),
    }
}

/// Decodes extension `E` of `cert`, if present and well formed.
pub(crate) fn extension<E: AssociatedOid + for<'a> Decode<'a>>(cert: &Certificate) -> Option<E> {
    cert.tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id == E::OID)
        .and_then(|e| E::from_der(e.extn_value.as_bytes()).ok())
}
