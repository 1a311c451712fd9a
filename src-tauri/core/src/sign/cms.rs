//! Detached CMS SignedData (CAdES baseline): making one over a SHA-256
//! digest, and checking one against the signed bytes.

use chrono::{DateTime, Utc};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::ContentInfo;
use cms::signed_data::{EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{OctetString, SetOfVec};
use der::oid::db::{rfc5911, rfc5912};
use der::oid::ObjectIdentifier;
use der::{Any, Decode, Encode, Sequence};
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Time;
use x509_cert::Certificate;

use super::cert::failed;
use super::{Signer, SigningKey};
use crate::error::Result;

/// id-aa-signingCertificateV2 (RFC 5035), required by CAdES.
pub(crate) const SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// ESSCertIDv2 (RFC 5035): the signer certificate's hash, SHA-256 unless
/// another algorithm is named; the optional issuerSerial is not needed.
#[derive(Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<Any>,
}

/// SigningCertificateV2; policies, when present, are not needed.
#[derive(Sequence)]
pub(crate) struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

impl SigningCertificateV2 {
    /// The attribute value naming `cert` by its SHA-256.
    pub(crate) fn naming(cert: &Certificate) -> Result<Self> {
        let hash = Sha256::digest(cert.to_der().map_err(err)?);
        Ok(SigningCertificateV2 {
            certs: vec![EssCertIdV2 {
                hash_algorithm: None,
                cert_hash: OctetString::new(hash.to_vec()).map_err(err)?,
                issuer_serial: None,
            }],
            policies: None,
        })
    }
}

fn attribute(oid: ObjectIdentifier, value: &impl Encode) -> Result<Attribute> {
    let value = Any::from_der(&value.to_der().map_err(err)?).map_err(err)?;
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value]).map_err(err)?,
    })
}

/// DER `ContentInfo` of a detached SignedData over `digest` (SHA-256 of the
/// signed byte ranges), with contentType, messageDigest, signingTime and
/// signingCertificateV2 signed, and the signer's chain included.
fn err(e: impl std::fmt::Display) -> crate::error::Error {
    failed(e.to_string())
}

pub(crate) fn sign_detached(
    digest: &[u8],
    signer: &Signer,
    time: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let leaf = &signer.chain[0];
    let content = EncapsulatedContentInfo {
        econtent_type: rfc5911::ID_DATA,
        econtent: None,
    };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: leaf.tbs_certificate.issuer.clone(),
        serial_number: leaf.tbs_certificate.serial_number.clone(),
    });
    let sha256 = AlgorithmIdentifierOwned {
        oid: rfc5912::ID_SHA_256,
        parameters: None,
    };
    let seconds = std::time::Duration::from_secs(time.timestamp().max(0) as u64);
    let signing_time = Time::try_from(std::time::UNIX_EPOCH + seconds).map_err(err)?;
    let ess = SigningCertificateV2::naming(leaf)?;
    let mut builder = SignedDataBuilder::new(&content);
    builder.add_digest_algorithm(sha256.clone()).map_err(err)?;
    for cert in &signer.chain {
        builder
            .add_certificate(CertificateChoices::Certificate(cert.clone()))
            .map_err(err)?;
    }
    macro_rules! add_signer {
        ($key:expr, $sig:ty) => {{
            let mut info =
                SignerInfoBuilder::new($key, sid, sha256, &content, Some(digest)).map_err(err)?;
            info.add_signed_attribute(attribute(rfc5911::ID_SIGNING_TIME, &signing_time)?)
                .map_err(err)?;
            info.add_signed_attribute(attribute(SIGNING_CERTIFICATE_V2, &ess)?)
                .map_err(err)?;
            builder.add_signer_info::<_, $sig>(info).map_err(err)?;
        }};
    }
    match &signer.key {
        SigningKey::Ecdsa(key) => add_signer!(key, p256::ecdsa::DerSignature),
        SigningKey::Rsa(key) => add_signer!(&**key, rsa::pkcs1v15::Signature),
    }
    builder.build().map_err(err)?.to_der().map_err(err)
}

/// Whether the signed signing-certificate attribute binds the signer's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Binding {
    /// ESS signing-certificate-v2 names exactly the signer's certificate.
    Bound,
    /// The attribute is absent (allowed for `adbe.pkcs7.detached`).
    Absent,
    /// It names another certificate, or cannot be read.
    Mismatch,
}

/// What a CMS signature says and whether it holds.
pub(crate) struct Checked {
    /// The signer's certificate, when found among the included ones.
    pub signer: Option<Certificate>,
    /// All certificates the CMS carries.
    pub certificates: Vec<Certificate>,
    pub signing_time: Option<DateTime<Utc>>,
    /// The digest of the signed bytes equals the messageDigest attribute.
    pub digest_matches: bool,
    /// The signature over the signed attributes verifies with the signer's key.
    pub signature_valid: bool,
    pub binding: Binding,
}

/// Parses the DER `ContentInfo` in `/Contents` and checks it against the
/// `parts` of the file it covers (the `/ByteRange` slices). The signature
/// is checked over the signed attributes exactly as they were encoded.
pub(crate) fn check(cms_der: &[u8], parts: &[&[u8]]) -> Option<Checked> {
    let cms_der = trim_padding(cms_der);
    let info = ContentInfo::from_der(cms_der).ok()?;
    if info.content_type != rfc5911::ID_SIGNED_DATA {
        return None;
    }
    let data: SignedData = info.content.decode_as().ok()?;
    let si: &SignerInfo = data.signer_infos.0.get(0)?;
    let certificates: Vec<Certificate> = data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let signer = certificates
        .iter()
        .find(|c| match &si.sid {
            SignerIdentifier::IssuerAndSerialNumber(ias) => {
                c.tbs_certificate.issuer == ias.issuer
                    && c.tbs_certificate.serial_number == ias.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => {
                super::path::extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>(c)
                    .is_some_and(|own| own == *ski)
            }
        })
        .cloned();
    let digest = hash(&si.digest_alg.oid, parts);
    let attrs = si.signed_attrs.as_ref();
    let find = |oid: ObjectIdentifier| {
        attrs
            .and_then(|a| a.iter().find(|a| a.oid == oid))
            .and_then(|a| a.values.get(0))
    };
    let digest_matches = match (&digest, find(rfc5911::ID_MESSAGE_DIGEST)) {
        (Some(d), Some(v)) => {
            v.decode_as::<OctetString>()
                .ok()
                .map(|o| o.as_bytes() == d.as_slice())
                == Some(true)
        }
        _ => false,
    };
    let signing_time = find(rfc5911::ID_SIGNING_TIME)
        .and_then(|v| Time::from_der(&v.to_der().ok()?).ok())
        .and_then(|t| DateTime::from_timestamp(t.to_unix_duration().as_secs() as i64, 0));
    let signature_valid = match (&signer, signed_attributes(cms_der)) {
        (Some(cert), Some(signed)) => verify_signature(
            &si.signature_algorithm,
            &si.digest_alg.oid,
            &cert.tbs_certificate.subject_public_key_info,
            &signed,
            si.signature.as_bytes(),
        ),
        _ => false,
    };
    let binding = match (&signer, find(SIGNING_CERTIFICATE_V2)) {
        (_, None) => Binding::Absent,
        (None, Some(_)) => Binding::Mismatch,
        (Some(cert), Some(v)) => {
            let bound = v.decode_as::<SigningCertificateV2>().ok().and_then(|s| {
                let first = s.certs.into_iter().next()?;
                let oid = first.hash_algorithm.map_or(rfc5912::ID_SHA_256, |a| a.oid);
                let own = hash(&oid, &[&cert.to_der().ok()?])?;
                Some(own == first.cert_hash.as_bytes())
            });
            if bound == Some(true) {
                Binding::Bound
            } else {
                Binding::Mismatch
            }
        }
    };
    Some(Checked {
        signer,
        certificates,
        signing_time,
        digest_matches,
        signature_valid,
        binding,
    })
}

/// The first SignerInfo's signed attributes as they appear in `cms_der`,
/// with the `[0] IMPLICIT` tag turned back into `SET OF` (RFC 5652 §5.4):
/// the bytes the signature covers, never a re-encoding.
fn signed_attributes(cms_der: &[u8]) -> Option<Vec<u8>> {
    let content_info = children(cms_der)?;
    let explicit = content_info.get(1).filter(|t| t.tag == 0xA0)?;
    let signed_data = children(children(explicit.whole)?.first()?.whole)?;
    let signer_infos = signed_data.iter().rev().find(|t| t.tag == 0x31)?;
    let signer_info = children(children(signer_infos.whole)?.first()?.whole)?;
    let attrs = signer_info.get(3).filter(|t| t.tag == 0xA0)?;
    let mut bytes = attrs.whole.to_vec();
    bytes[0] = 0x31;
    Some(bytes)
}

/// One DER element: its tag byte and its bytes, header included.
struct Tlv<'a> {
    tag: u8,
    whole: &'a [u8],
}

/// The elements inside the constructed element `outer`.
fn children(outer: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let (header, body) = split(outer)?;
    let mut rest = &outer[header..header + body];
    let mut found = Vec::new();
    while !rest.is_empty() {
        let (h, b) = split(rest)?;
        found.push(Tlv {
            tag: rest[0],
            whole: &rest[..h + b],
        });
        rest = &rest[h + b..];
    }
    Some(found)
}

/// Header and body lengths of the DER element at the start of `bytes`.
fn split(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut reader = der::SliceReader::new(bytes).ok()?;
    let header = der::Header::decode(&mut reader).ok()?;
    let header_len = u32::from(header.encoded_len().ok()?) as usize;
    let body = u32::from(header.length) as usize;
    (header_len.checked_add(body)? <= bytes.len()).then_some((header_len, body))
}

/// `/Contents` is zero-padded after the DER: cut it to the outer TLV's length.
fn trim_padding(der: &[u8]) -> &[u8] {
    let header = der::SliceReader::new(der).and_then(|mut r| der::Header::decode(&mut r));
    match header {
        Ok(h) => {
            let header_len = h.encoded_len().map(u32::from).unwrap_or(0) as usize;
            let total = header_len + u32::from(h.length) as usize;
            &der[..total.min(der.len())]
        }
        Err(_) => der,
    }
}

/// The digest of `parts` with the algorithm `oid`, if supported.
fn hash(oid: &ObjectIdentifier, parts: &[&[u8]]) -> Option<Vec<u8>> {
    fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
        let mut d = D::new();
        parts.iter().for_each(|p| d.update(p));
        d.finalize().to_vec()
    }
    match *oid {
        rfc5912::ID_SHA_256 => Some(run::<Sha256>(parts)),
        rfc5912::ID_SHA_384 => Some(run::<Sha384>(parts)),
        rfc5912::ID_SHA_512 => Some(run::<Sha512>(parts)),
        _ => None,
    }
}

/// Verifies `signature` over `message` with the public key `spki`, for
/// ECDSA P-256/SHA-256 and RSA PKCS#1 v1.5 with SHA-256/384/512.
/// `digest` is the digest algorithm to use when `algorithm` is bare RSA.
pub(crate) fn verify_signature(
    algorithm: &AlgorithmIdentifierOwned,
    digest: &ObjectIdentifier,
    spki: &SubjectPublicKeyInfoOwned,
    message: &[u8],
    signature: &[u8],
) -> bool {
    use p256::ecdsa::signature::Verifier;
    use spki::DecodePublicKey;
    let Ok(spki_der) = spki.to_der() else {
        return false;
    };
    let rsa = |digest: ObjectIdentifier| -> bool {
        let Ok(key) = rsa::RsaPublicKey::from_public_key_der(&spki_der) else {
            return false;
        };
        let Ok(sig) = rsa::pkcs1v15::Signature::try_from(signature) else {
            return false;
        };
        match digest {
            rfc5912::ID_SHA_256 => rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key)
                .verify(message, &sig)
                .is_ok(),
            rfc5912::ID_SHA_384 => rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key)
                .verify(message, &sig)
                .is_ok(),
            rfc5912::ID_SHA_512 => rsa::pkcs1v15::VerifyingKey::<Sha512>::new(key)
                .verify(message, &sig)
                .is_ok(),
            _ => false,
        }
    };
    match algorithm.oid {
        rfc5912::ECDSA_WITH_SHA_256 => {
            let (Ok(key), Ok(sig)) = (
                p256::ecdsa::VerifyingKey::from_public_key_der(&spki_der),
                p256::ecdsa::DerSignature::try_from(signature),
            ) else {
                return false;
            };
            key.verify(message, &sig).is_ok()
        }
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => rsa(rfc5912::ID_SHA_256),
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => rsa(rfc5912::ID_SHA_384),
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => rsa(rfc5912::ID_SHA_512),
        rfc5912::RSA_ENCRYPTION => rsa(*digest),
        _ => false,
    }
}
