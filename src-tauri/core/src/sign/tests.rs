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
    crate::pdf::render(&c, PaperSize::F4, chrono::DateTime::UNIX_EPOCH).unwrap()
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
    (e.code().as_str(), e.to_string())
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
        ErrorCode::KataSandiPendek
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

    let report = verify_pdf(&signed, std::slice::from_ref(&made.root)).unwrap();
    assert_eq!(report.verdict, Verdict::Sah, "{report:#?}");
    let s = &report.signatures[0];
    assert!(
        s.intact && s.covers_whole_file && s.chain_trusted && s.in_validity,
        "{s:#?}"
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(
        s.certificate.as_ref().unwrap().name,
        "Dr. H. Apriyadi, M.Si"
    );
    let qr = s.qr.as_ref().expect("QR mark");
    assert!(qr.drawn_matches && qr.hash_matches);
    assert_eq!(qr.payload.sha256, sha256_hex(&original));
    assert_eq!(qr.payload.signer, "Dr. H. Apriyadi, M.Si");

    let untrusted = verify_pdf(&signed, &[]).unwrap();
    assert_eq!(untrusted.verdict, Verdict::TidakDipercaya);
    assert!(untrusted.signatures[0].intact && !untrusted.signatures[0].chain_trusted);
    assert_eq!(
        verify_pdf(&original, &[]).unwrap().verdict,
        Verdict::TanpaTandaTangan
    );
}

#[test]
fn a_flipped_byte_in_the_signed_range_shows_as_not_intact() {
    let made = internal();
    let original = unsigned_pdf();
    let mut signed = sign_pdf(&original, &made.signer, &options()).unwrap();
    signed[original.len() / 2] ^= 0x01;
    let report = verify_pdf(&signed, std::slice::from_ref(&made.root)).unwrap();
    let s = &report.signatures[0];
    assert!(!s.intact);
    assert_eq!(report.verdict, Verdict::TidakUtuh);
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
    let report = verify_pdf(&signed, std::slice::from_ref(&made.root)).unwrap();
    let s = &report.signatures[0];
    assert!(s.intact && !s.covers_whole_file);
    assert_eq!(report.verdict, Verdict::TidakMencakupBerkas);
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
    let report = verify_pdf(&signed, &[cert]).unwrap();
    assert_eq!(report.verdict, Verdict::Sah, "{report:#?}");
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
            let r = verify_pdf(&bytes, std::slice::from_ref(&made.root)).unwrap();
            assert_eq!(r.verdict, Verdict::Sah);
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

/// Certificate-path negatives: hand-built chains signed through the PDF
/// writer directly (past `Signer::new`'s checks, as a forger would).
mod paths {
    use super::*;
    use chrono::DateTime;
    use x509_cert::builder::{Builder, CertificateBuilder};
    use x509_cert::Certificate;

    struct Holder {
        key: p256::ecdsa::SigningKey,
        cert: Certificate,
    }

    fn days(n: i64) -> DateTime<Utc> {
        Utc::now() + Duration::days(n)
    }

    /// A certificate for `cn` with `profile` (issuer name inside it), signed
    /// by `issuer` (itself when `None`), valid `from..to` days from now.
    fn issue(
        cn: &str,
        issuer: Option<&Holder>,
        ca: Option<Option<u8>>,
        from: i64,
        to: i64,
    ) -> Holder {
        let key = p256::ecdsa::SigningKey::random(&mut OsRng);
        let subject = name(&[(der::oid::db::rfc4519::CN, cn)]).unwrap();
        let issuer_name =
            issuer.map_or(subject.clone(), |i| i.cert.tbs_certificate.subject.clone());
        let profile = match (ca, issuer) {
            (Some(_), None) => Profile::Root,
            (Some(len), Some(_)) => Profile::SubCA {
                issuer: issuer_name,
                path_len_constraint: len,
            },
            (None, _) => Profile::Leaf {
                issuer: issuer_name,
                enable_key_agreement: false,
                enable_key_encipherment: false,
            },
        };
        let spki = spki::SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).unwrap();
        let serial = x509_cert::serial_number::SerialNumber::from(
            rand_core::RngCore::next_u32(&mut OsRng) >> 1,
        );
        let signing_key = issuer.map_or(&key, |i| &i.key).clone();
        let cert = CertificateBuilder::new(
            profile,
            serial,
            validity(days(from), days(to)).unwrap(),
            subject,
            spki,
            &signing_key,
        )
        .unwrap()
        .build::<p256::ecdsa::DerSignature>()
        .unwrap();
        Holder { key, cert }
    }

    fn signed_by(leaf: &Holder, chain: Vec<Certificate>, time: DateTime<Utc>) -> Vec<u8> {
        let signer = Signer {
            key: SigningKey::Ecdsa(leaf.key.clone()),
            info: info(&chain[0]),
            chain,
        };
        let options = SignOptions { time, ..options() };
        super::super::pdf::sign(&unsigned_pdf(), &signer, &options).unwrap()
    }

    fn verdict(pdf: &[u8], roots: &[&Holder]) -> (Verdict, Vec<String>) {
        let roots: Vec<Certificate> = roots.iter().map(|r| r.cert.clone()).collect();
        let report = verify_pdf(pdf, &roots).unwrap();
        (report.verdict, report.signatures[0].problems.clone())
    }

    fn says(problems: &[String], words: &str) -> bool {
        problems.iter().any(|p| p.contains(words))
    }

    #[test]
    fn a_sound_chain_through_an_intermediate_is_sah() {
        let root = issue("Akar", None, Some(None), -10, 3650);
        let sub = issue("CA Perantara", Some(&root), Some(Some(0)), -10, 3650);
        let leaf = issue("Bupati Tanjung Seroja", Some(&sub), None, -1, 365);
        let pdf = signed_by(&leaf, vec![leaf.cert.clone(), sub.cert.clone()], Utc::now());
        let (v, problems) = verdict(&pdf, &[&root]);
        assert_eq!(v, Verdict::Sah, "{problems:?}");
        assert_eq!(v.exit_code(), 0);
    }

    #[test]
    fn a_self_signed_head_of_region_is_not_trusted() {
        let forged = issue("Bupati Tanjung Seroja", None, None, -1, 365);
        let pdf = signed_by(&forged, vec![forged.cert.clone()], Utc::now());
        let (v, problems) = verdict(&pdf, &[]);
        assert_eq!(v, Verdict::TidakDipercaya);
        assert_eq!(v.exit_code(), 1);
        assert!(says(&problems, "tidak berantai"), "{problems:?}");
    }

    #[test]
    fn a_staff_certificate_cannot_issue_a_head_of_region() {
        let root = issue("Akar", None, Some(None), -10, 3650);
        let staff = issue("Staf Biasa", Some(&root), None, -10, 365);
        let forged = issue("Bupati Tanjung Seroja", Some(&staff), None, -1, 365);
        let chain = vec![forged.cert.clone(), staff.cert.clone()];
        let (v, problems) = verdict(&signed_by(&forged, chain, Utc::now()), &[&root]);
        assert_eq!(v, Verdict::TidakDipercaya);
        assert!(
            says(
                &problems,
                "«Staf Biasa» yang menerbitkan «Bupati Tanjung Seroja» bukan sertifikat CA"
            ),
            "{problems:?}"
        );
        assert!(says(&problems, "keyCertSign"), "{problems:?}");
    }

    #[test]
    fn a_path_longer_than_path_len_is_refused() {
        let root = issue("Akar", None, Some(None), -10, 3650);
        let first = issue("CA Satu", Some(&root), Some(Some(0)), -10, 3650);
        let second = issue("CA Dua", Some(&first), Some(None), -10, 3650);
        let leaf = issue("Penanda Tangan", Some(&second), None, -1, 365);
        let chain = vec![leaf.cert.clone(), second.cert.clone(), first.cert.clone()];
        let (v, problems) = verdict(&signed_by(&leaf, chain, Utc::now()), &[&root]);
        assert_eq!(v, Verdict::TidakDipercaya);
        assert!(
            says(&problems, "sepanjang 0 sertifikat perantara"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_expired_intermediate_or_signer_at_signing_time_is_not_in_validity() {
        let root = issue("Akar", None, Some(None), -100, 3650);
        let old_sub = issue("CA Lama", Some(&root), Some(None), -100, -10);
        let leaf = issue("Penanda Tangan", Some(&old_sub), None, -1, 365);
        let chain = vec![leaf.cert.clone(), old_sub.cert.clone()];
        let (v, problems) = verdict(&signed_by(&leaf, chain, Utc::now()), &[&root]);
        assert_eq!(v, Verdict::TidakBerlaku);
        assert_eq!(v.exit_code(), 1);
        assert!(
            says(
                &problems,
                "Sertifikat penerbit «CA Lama» sudah kedaluwarsa saat ditandatangani"
            ),
            "{problems:?}"
        );

        let expired = issue("Penanda Tangan", Some(&root), None, -60, -30);
        let (v, problems) = verdict(
            &signed_by(&expired, vec![expired.cert.clone()], Utc::now()),
            &[&root],
        );
        assert_eq!(v, Verdict::TidakBerlaku);
        assert!(
            says(
                &problems,
                "Sertifikat penanda tangan sudah kedaluwarsa saat ditandatangani"
            ),
            "{problems:?}"
        );
        // Signed while it was valid, checked later: still sah.
        let (v, _) = verdict(
            &signed_by(&expired, vec![expired.cert.clone()], days(-45)),
            &[&root],
        );
        assert_eq!(v, Verdict::Sah);
    }
}
