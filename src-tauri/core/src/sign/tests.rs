use std::sync::atomic::AtomicBool;

use chrono::{Duration, NaiveDate, Utc};
use der::Encode;
use rand_core::OsRng;
use x509_cert::builder::Profile;

use super::cert::{build, name, validity};
use super::*;
use crate::office::PaperSize;

fn unsigned_pdf() -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/muba-800-439-bkpsdm-2020.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let c = crate::exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    crate::pdf::render(&c, PaperSize::F4).unwrap()
}

fn internal() -> InternalCertificates {
    new_internal(
        "BKPSDM Kabupaten Contoh",
        "Dr. H. Apriyadi, M.Si",
        Utc::now(),
        2,
    )
    .unwrap()
}

fn options() -> SignOptions {
    SignOptions {
        reason: "Penetapan surat edaran".into(),
        location: "Sekayu".into(),
        time: Utc::now(),
        mark: Some(MarkInfo {
            number: "800/439/BKPSDM/2020".into(),
            date: NaiveDate::from_ymd_opt(2020, 3, 17).unwrap(),
            signer: String::new(),
        }),
    }
}

/// A PKCS#12 file holding `key` and `chain` without Edaran's checks.
fn raw_p12(key: &p256::ecdsa::SigningKey, chain: &[x509_cert::Certificate], pass: &str) -> Vec<u8> {
    use pkcs8::EncodePrivateKey;
    let chain = chain
        .iter()
        .map(|c| p12_keystore::Certificate::from_der(&c.to_der().unwrap()).unwrap());
    let mut store = p12_keystore::KeyStore::new();
    let key = key.to_pkcs8_der().unwrap();
    store.add_entry(
        "k",
        p12_keystore::KeyStoreEntry::PrivateKeyChain(p12_keystore::PrivateKeyChain::new(
            key.as_bytes(),
            [1u8; 20],
            chain,
        )),
    );
    store.writer(pass).write().unwrap()
}

fn code(r: Result<Signer>) -> (&'static str, String) {
    let e = r.err().expect("must fail");
    (e.code(), e.to_string())
}

#[test]
fn internal_certificates_are_labelled_and_chained() {
    let made = internal();
    let leaf = made.signer.info();
    assert_eq!(leaf.name, "Dr. H. Apriyadi, M.Si");
    assert!(leaf.internal && leaf.subject.contains("BKPSDM Kabupaten Contoh"));
    assert_eq!(leaf.key, "ECDSA P-256");
    assert_eq!(leaf.issuer_name, "Root CA Internal BKPSDM Kabupaten Contoh");
    assert_eq!(leaf.fingerprint.len(), 32 * 3 - 1);
    assert!(made.root_pem().starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(from_pem(&made.root_pem()).unwrap(), vec![made.root.clone()]);
}

#[test]
fn pkcs12_round_trip_and_its_errors_are_clear() {
    let made = internal();
    let p12 = export_pkcs12(&made.signer, "rahasia-kantor").unwrap();
    let back = import_pkcs12(&p12, "rahasia-kantor", Utc::now()).unwrap();
    assert_eq!(back.info(), made.signer.info());
    assert_eq!(back.chain().len(), 2);

    let (c, m) = code(import_pkcs12(&p12, "salah", Utc::now()));
    assert_eq!(
        (c, m.as_str()),
        ("kata_sandi_salah", "Kata sandi berkas sertifikat salah.")
    );
    let mut corrupt = p12.clone();
    corrupt.truncate(p12.len() / 2);
    assert_eq!(
        code(import_pkcs12(&corrupt, "rahasia-kantor", Utc::now())).0,
        "sertifikat_rusak"
    );
    assert_eq!(
        code(import_pkcs12(b"not a p12", "x", Utc::now())).0,
        "sertifikat_rusak"
    );
}

#[test]
fn expired_certificates_are_refused_with_the_date() {
    let key = p256::ecdsa::SigningKey::random(&mut OsRng);
    let from = NaiveDate::from_ymd_opt(2023, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    let to = NaiveDate::from_ymd_opt(2025, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    let subject = name(&[(der::oid::db::rfc4519::CN, "Kedaluwarsa")]).unwrap();
    let issuer = name(&[(der::oid::db::rfc4519::CN, "CA")]).unwrap();
    let profile = Profile::Leaf {
        issuer,
        enable_key_agreement: false,
        enable_key_encipherment: false,
    };
    let cert = build(profile, validity(from, to).unwrap(), subject, &key, &key).unwrap();
    let p12 = raw_p12(&key, &[cert], "rahasia");
    let (c, m) = code(import_pkcs12(&p12, "rahasia", Utc::now()));
    assert_eq!(c, "sertifikat_kedaluwarsa");
    assert_eq!(m, "Sertifikat sudah kedaluwarsa sejak 1 Januari 2025.");
}

#[test]
fn a_certificate_without_digital_signature_usage_is_refused() {
    let key = p256::ecdsa::SigningKey::random(&mut OsRng);
    let subject = name(&[(der::oid::db::rfc4519::CN, "Hanya CA")]).unwrap();
    let now = Utc::now();
    let cert = build(
        Profile::Root,
        validity(now - Duration::days(1), now + Duration::days(30)).unwrap(),
        subject,
        &key,
        &key,
    )
    .unwrap();
    let p12 = raw_p12(&key, &[cert], "rahasia");
    let (c, m) = code(import_pkcs12(&p12, "rahasia", now));
    assert_eq!(c, "sertifikat_bukan_penanda_tangan");
    assert!(m.contains("digitalSignature"), "{m}");
}

#[test]
fn sealed_keys_open_only_with_their_passphrase() {
    let made = internal();
    let sealed = SealedKey::seal(&made.signer, "kata sandi panjang").unwrap();
    let chain = made.signer.chain().to_vec();
    assert!(sealed
        .open("kata sandi panjang", chain.clone(), Utc::now())
        .is_ok());
    assert_eq!(
        code(sealed.open("kata sandi lain!", chain, Utc::now())).0,
        "kata_sandi_salah"
    );
    assert!(!sealed
        .ciphertext
        .windows(8)
        .any(|w| w == &made.signer.key.pkcs8().unwrap()[..8]));
    assert_eq!(
        SealedKey::seal(&made.signer, "pendek").unwrap_err().code(),
        "kata_sandi_pendek"
    );
}

#[test]
fn a_signed_pdf_keeps_the_original_and_verifies() {
    let made = internal();
    let original = unsigned_pdf();
    let signed = sign_pdf(&original, &made.signer, &options()).unwrap();
    assert_eq!(
        &signed[..original.len()],
        &original[..],
        "original bytes unchanged"
    );
    let text = String::from_utf8_lossy(&signed[original.len()..]);
    for needle in [
        "/SubFilter /ETSI.CAdES.detached",
        "/ByteRange [0 ",
        "/SigFlags 3",
        "/Prev ",
    ] {
        assert!(text.contains(needle), "update lacks {needle}");
    }

    let report = verify_pdf(&signed, std::slice::from_ref(&made.root));
    assert!(report.is_valid(), "{report:#?}");
    let s = &report.signatures[0];
    assert!(s.intact && s.covers_whole_file && s.chain_trusted, "{s:#?}");
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(
        s.certificate.as_ref().unwrap().name,
        "Dr. H. Apriyadi, M.Si"
    );
    let qr = s.qr.as_ref().expect("QR mark");
    assert!(qr.drawn_matches && qr.hash_matches);
    assert_eq!(qr.payload.sha256, sha256_hex(&original));
    assert_eq!(qr.payload.signer, "Dr. H. Apriyadi, M.Si");

    let untrusted = verify_pdf(&signed, &[]);
    assert!(untrusted.is_valid() && !untrusted.signatures[0].chain_trusted);
    assert!(verify_pdf(&original, &[]).signatures.is_empty());
}

#[test]
fn a_flipped_byte_in_the_signed_range_shows_as_not_intact() {
    let made = internal();
    let original = unsigned_pdf();
    let mut signed = sign_pdf(&original, &made.signer, &options()).unwrap();
    signed[original.len() / 2] ^= 0x01;
    let report = verify_pdf(&signed, std::slice::from_ref(&made.root));
    let s = &report.signatures[0];
    assert!(!s.intact && !report.is_valid());
    assert!(
        s.problems.iter().any(|p| p.contains("tidak utuh")),
        "{:?}",
        s.problems
    );
}

#[test]
fn appended_bytes_are_not_covered() {
    let made = internal();
    let mut signed = sign_pdf(&unsigned_pdf(), &made.signer, &options()).unwrap();
    signed.extend_from_slice(b"\n% appended\n");
    let report = verify_pdf(&signed, std::slice::from_ref(&made.root));
    let s = &report.signatures[0];
    assert!(s.intact && !s.covers_whole_file && !report.is_valid());
}

#[test]
fn an_rsa_certificate_signs_and_verifies_too() {
    use p256::ecdsa::signature::Keypair;
    use x509_cert::builder::{Builder, CertificateBuilder};
    let key = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(
        rsa::RsaPrivateKey::new(&mut OsRng, 2048).unwrap(),
    );
    let subject = name(&[(der::oid::db::rfc4519::CN, "Penanda Tangan RSA")]).unwrap();
    let spki = spki::SubjectPublicKeyInfoOwned::from_key(key.verifying_key()).unwrap();
    let now = Utc::now();
    let profile = Profile::Leaf {
        issuer: subject.clone(),
        enable_key_agreement: false,
        enable_key_encipherment: false,
    };
    let serial = x509_cert::serial_number::SerialNumber::from(7u32);
    let period = validity(now - Duration::days(1), now + Duration::days(30)).unwrap();
    let cert = CertificateBuilder::new(profile, serial, period, subject, spki, &key)
        .unwrap()
        .build::<rsa::pkcs1v15::Signature>()
        .unwrap();
    let signer = Signer::new(SigningKey::Rsa(Box::new(key)), vec![cert.clone()], now).unwrap();
    assert_eq!(signer.info().key, "RSA 2048");
    let signed = sign_pdf(&unsigned_pdf(), &signer, &options()).unwrap();
    let report = verify_pdf(&signed, &[cert]);
    assert!(
        report.is_valid() && report.signatures[0].chain_trusted,
        "{report:#?}"
    );
}

#[test]
fn a_batch_signs_each_item_and_stops_when_cancelled() {
    let made = internal();
    let pdf = unsigned_pdf();
    let items = (0..3).map(|i| {
        Ok(BatchItem {
            pdf: pdf.clone(),
            mark: Some(MarkInfo {
                number: format!("800/{i}/BKPSDM/2020"),
                date: NaiveDate::from_ymd_opt(2020, 3, 17).unwrap(),
                signer: String::new(),
            }),
        })
    });
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let mut progress = Vec::new();
    let outcome = sign_many(
        items,
        3,
        &made.signer,
        &options(),
        &cancel,
        |i, bytes| {
            let r = verify_pdf(&bytes, std::slice::from_ref(&made.root));
            assert!(r.is_valid());
            seen.push((i, r.signatures[0].qr.clone().unwrap().payload.number));
            Ok(())
        },
        |p| progress.push(p.done),
    )
    .unwrap();
    assert_eq!(
        outcome,
        BatchOutcome {
            signed: 3,
            cancelled: false
        }
    );
    assert_eq!(seen[2], (2, "800/2/BKPSDM/2020".to_string()));
    assert_eq!(progress, vec![1, 2, 3]);

    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let items = std::iter::repeat_with(|| {
        Ok(BatchItem {
            pdf: pdf.clone(),
            mark: None,
        })
    })
    .take(5);
    let outcome = sign_many(
        items,
        5,
        &made.signer,
        &options(),
        &cancel,
        |_, _| Ok(()),
        |_| {},
    )
    .unwrap();
    assert_eq!(
        outcome,
        BatchOutcome {
            signed: 0,
            cancelled: true
        }
    );
}
