//! Signed PDFs from the `edaran` CLI, checked by independent tools:
//! poppler's `pdfsig` (with an NSS database trusting the office root),
//! `openssl cms -verify`, and `pdftoppm` renders of signed vs unsigned.
//! Needs poppler-utils, libnss3-tools and openssl (scripts/setup.sh test).

use std::path::{Path, PathBuf};
use std::process::Command;

use edaran_tests::{built_binary, ppm, Run};

const PASS: &str = "rahasia-kantor-123";
const FIXTURE: &str = "fixtures/muba-800-439-bkpsdm-2020.json";

/// Runs `edaran ARGS…` with the test passphrase in `EDARAN_TEST_PASS`.
fn edaran(args: &[&str]) -> Run {
    Command::new(built_binary("edaran"))
        .args(args)
        .env("EDARAN_TEST_PASS", PASS)
        .env("EDARAN_WRONG_PASS", "bukan-kata-sandinya")
        .env_remove("EDARAN_DB")
        .output()
        .expect("edaran runs")
        .into()
}

fn tool(program: &str, args: &[&str]) -> Run {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} tidak dapat dijalankan ({e}); jalankan scripts/setup.sh test")
        })
        .into()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// An unsigned rendered circular, the internal certificates, and the signed PDF.
struct Signed {
    dir: tempfile::TempDir,
    unsigned: PathBuf,
    signed: PathBuf,
    root: PathBuf,
}

fn signed_fixture() -> Signed {
    let dir = tempfile::tempdir().unwrap();
    let unsigned = dir.path().join("unsigned.pdf");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let run = edaran(&["render", s(&fixture), "-o", s(&unsigned)]);
    assert!(run.ok, "render: {}", run.stderr);
    let certs = dir.path().join("certs");
    let run = edaran(&[
        "cert",
        "new-internal",
        "--office",
        "BKPSDM Kabupaten Musi Banyuasin",
        "--signer",
        "Drs. H. Apriyadi, M.Si",
        "--pass-env",
        "EDARAN_TEST_PASS",
        "-o",
        s(&certs),
    ]);
    assert!(run.ok, "cert new-internal: {}", run.stderr);
    let signed = dir.path().join("signed.pdf");
    let run = edaran(&[
        "sign",
        s(&unsigned),
        "--p12",
        s(&certs.join("penanda-tangan.p12")),
        "--pass-env",
        "EDARAN_TEST_PASS",
        "--number",
        "800/439/BKPSDM/2020",
        "--date",
        "2020-03-17",
        "--location",
        "Sekayu",
        "-o",
        s(&signed),
    ]);
    assert!(run.ok, "sign: {}", run.stderr);
    Signed {
        root: certs.join("akar-internal.pem"),
        dir,
        unsigned,
        signed,
    }
}

/// A fresh NSS database that trusts `root`.
fn nss_trusting(dir: &Path, root: &Path) -> String {
    let db = dir.join("nssdb");
    std::fs::create_dir_all(&db).unwrap();
    let spec = format!("sql:{}", db.display());
    let run = tool("certutil", &["-N", "--empty-password", "-d", &spec]);
    assert!(run.ok, "certutil -N: {}", run.stderr);
    let run = tool(
        "certutil",
        &[
            "-A",
            "-n",
            "root",
            "-t",
            "C,C,C",
            "-i",
            s(root),
            "-d",
            &spec,
        ],
    );
    assert!(run.ok, "certutil -A: {}", run.stderr);
    spec
}

/// The last `/ByteRange` of `pdf` and the DER CMS in its `/Contents`.
fn signature_parts(pdf: &[u8]) -> ([usize; 4], Vec<u8>) {
    let at = pdf.windows(10).rposition(|w| w == b"/ByteRange").unwrap();
    let text = String::from_utf8_lossy(&pdf[at + 10..at + 60]);
    let inner = &text[text.find('[').unwrap() + 1..text.find(']').unwrap()];
    let r: Vec<usize> = inner
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let hex = &pdf[r[1] + 1..r[2] - 1];
    let mut der: Vec<u8> = hex
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect();
    // Cut the zero padding: the outer SEQUENCE's long-form length.
    let n = (der[1] & 0x7f) as usize;
    let len = der[2..2 + n]
        .iter()
        .fold(0usize, |a, b| a << 8 | *b as usize);
    der.truncate(2 + n + len);
    ([r[0], r[1], r[2], r[3]], der)
}

#[test]
fn pdfsig_reports_a_valid_signature_trusted_through_the_office_root() {
    let f = signed_fixture();
    let run = tool("pdfsig", &[s(&f.signed)]);
    assert!(
        run.stdout.contains("Signature is Valid"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    assert!(run.stdout.contains("ETSI.CAdES.detached"), "{}", run.stdout);
    let nss = nss_trusting(f.dir.path(), &f.root);
    let run = tool("pdfsig", &["-nssdir", &nss, s(&f.signed)]);
    assert!(run.stdout.contains("Signature is Valid"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Certificate is Trusted"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stdout.contains("Drs. H. Apriyadi, M.Si"),
        "{}",
        run.stdout
    );

    let unsigned = std::fs::read(&f.unsigned).unwrap();
    let signed = std::fs::read(&f.signed).unwrap();
    assert_eq!(
        &signed[..unsigned.len()],
        &unsigned[..],
        "the original revision is kept"
    );
}

#[test]
fn openssl_verifies_the_extracted_cms_against_the_root() {
    let f = signed_fixture();
    let pdf = std::fs::read(&f.signed).unwrap();
    let (r, der) = signature_parts(&pdf);
    assert_eq!(
        r[2] + r[3],
        pdf.len(),
        "the signature covers the whole file"
    );
    let content = [&pdf[r[0]..r[1]], &pdf[r[2]..r[2] + r[3]]].concat();
    let (cms, data) = (
        f.dir.path().join("sig.der"),
        f.dir.path().join("signed-bytes.bin"),
    );
    std::fs::write(&cms, der).unwrap();
    std::fs::write(&data, content).unwrap();
    let args = [
        "cms",
        "-verify",
        "-inform",
        "DER",
        "-in",
        s(&cms),
        "-binary",
        "-content",
        s(&data),
        "-CAfile",
        s(&f.root),
        "-purpose",
        "any",
        "-out",
        "/dev/null",
    ];
    let run = tool("openssl", &args);
    assert!(run.ok, "openssl cms -verify: {}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("Verification successful"),
        "{}",
        run.stderr
    );

    // The same CMS no longer verifies once a signed byte changes.
    let mut tampered = std::fs::read(&data).unwrap();
    tampered[1000] ^= 0x01;
    std::fs::write(&data, tampered).unwrap();
    assert!(!tool("openssl", &args).ok);
}

#[test]
fn edaran_verify_accepts_the_signed_file_and_rejects_tampering_and_appending() {
    let f = signed_fixture();
    let run = edaran(&[
        "verify",
        s(&f.signed),
        "--trust",
        s(&f.root),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["verdict"], "sah");
    let sig = &report["signatures"][0];
    assert_eq!(sig["intact"], true);
    assert_eq!(sig["covers_whole_file"], true);
    assert_eq!(sig["chain_trusted"], true);
    assert_eq!(sig["qr"]["payload"]["number"], "800/439/BKPSDM/2020");
    assert_eq!(sig["qr"]["hash_matches"], true);
    assert_eq!(sig["certificate"]["internal"], true);
    let table = edaran(&["verify", s(&f.signed), "--trust", s(&f.root)]);
    assert!(
        table.ok && table.stdout.contains("Keutuhan            : utuh"),
        "{}",
        table.stdout
    );

    // One flipped byte inside a stream of the signed range.
    let mut pdf = std::fs::read(&f.signed).unwrap();
    let stream = pdf.windows(7).position(|w| w == b"stream\n").unwrap();
    pdf[stream + 40] ^= 0x01;
    let tampered = f.dir.path().join("tampered.pdf");
    std::fs::write(&tampered, &pdf).unwrap();
    let run = edaran(&["verify", s(&tampered), "--trust", s(&f.root)]);
    assert_eq!(run.code, Some(2), "tampered file must fail: {}", run.stdout);
    assert!(run.stdout.contains("TIDAK UTUH"), "{}", run.stdout);
    let run = tool("pdfsig", &[s(&tampered)]);
    assert!(
        run.stdout.contains("Digest Mismatch"),
        "{}{}",
        run.stdout,
        run.stderr
    );

    // Bytes appended after the signature.
    let mut pdf = std::fs::read(&f.signed).unwrap();
    pdf.extend_from_slice(b"\n% tambahan\n");
    let appended = f.dir.path().join("appended.pdf");
    std::fs::write(&appended, &pdf).unwrap();
    let run = edaran(&[
        "verify",
        s(&appended),
        "--trust",
        s(&f.root),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, Some(2));
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["verdict"], "tidak_mencakup_berkas");
    assert_eq!(report["signatures"][0]["intact"], true);
    assert_eq!(report["signatures"][0]["covers_whole_file"], false);

    // Intact but its root not trusted here: not sah, exit 1, said plainly.
    let run = edaran(&["verify", s(&f.signed)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "Kesimpulan: TIDAK SAH: dokumen utuh, tetapi tanda tangannya tidak dipercaya"
        ),
        "{}",
        run.stdout
    );

    // An unsigned PDF has nothing to verify; a file that is no PDF is unreadable.
    let run = edaran(&["verify", s(&f.unsigned)]);
    assert_eq!(run.code, Some(3));
    assert!(
        run.stdout.contains("tidak memuat tanda tangan elektronik"),
        "{}",
        run.stdout
    );
    let run = edaran(&["verify", s(&f.root)]);
    assert_eq!(run.code, Some(3));
    assert!(run.stderr.contains("bukan PDF"), "{}", run.stderr);
}

#[test]
fn a_wrong_passphrase_is_named_and_nothing_is_written() {
    let f = signed_fixture();
    let out = f.dir.path().join("never.pdf");
    let p12 = f.dir.path().join("certs/penanda-tangan.p12");
    let args = [
        "sign",
        s(&f.unsigned),
        "--p12",
        s(&p12),
        "--pass-env",
        "EDARAN_WRONG_PASS",
        "-o",
        s(&out),
    ];
    let run = edaran(&args);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("Kata sandi berkas sertifikat salah."),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    let run = edaran(&[
        "sign",
        s(&f.unsigned),
        "--p12",
        s(&f.unsigned),
        "--pass-env",
        "EDARAN_TEST_PASS",
        "-o",
        s(&out),
    ]);
    assert!(run.stderr.contains("rusak"), "{}", run.stderr);
    assert!(!out.exists());
}

/// The pages of `pdf` rendered at 70 dpi, in page order.
fn render(pdf: &Path, prefix: &Path) -> Vec<(usize, usize, Vec<u8>)> {
    let run = tool("pdftoppm", &["-r", "70", s(pdf), s(prefix)]);
    assert!(run.ok, "pdftoppm: {}", run.stderr);
    let dir = prefix.parent().unwrap();
    let stem = prefix.file_name().unwrap().to_str().unwrap();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with(&format!("{stem}-"))
        })
        .collect();
    pages.sort();
    pages.iter().map(|p| ppm(p)).collect()
}

#[test]
fn the_signed_page_looks_like_the_unsigned_one_apart_from_the_mark() {
    let f = signed_fixture();
    let before = render(&f.unsigned, &f.dir.path().join("before"));
    let after = render(&f.signed, &f.dir.path().join("after"));
    assert_eq!(before.len(), after.len());
    let px = |mm: f64| mm / 25.4 * 70.0;
    let last = before.len() - 1;
    for (page, ((w, h, a), (w2, h2, b))) in before.iter().zip(&after).enumerate() {
        assert_eq!((w, h), (w2, h2));
        // The mark's box (mm from the left and bottom edges, inside the
        // 3 cm / 2 cm / 2.5 cm margins), with 2 px slack.
        let (left, right) = (px(30.0) - 2.0, *w as f64 - px(20.0) + 2.0);
        let (top, bottom) = (*h as f64 - px(22.0) - 2.0, *h as f64 - px(4.0) + 2.0);
        let mut inside = 0;
        for y in 0..*h {
            for x in 0..*w {
                let i = (y * w + x) * 3;
                if a[i..i + 3] != b[i..i + 3] {
                    let (xf, yf) = (x as f64, y as f64);
                    assert!(
                        page == last && xf >= left && xf <= right && yf >= top && yf <= bottom,
                        "page {} pixel ({x}, {y}) changed outside the mark",
                        page + 1
                    );
                    inside += 1;
                }
            }
        }
        if page == last {
            assert!(inside > 500, "the mark is drawn ({inside} pixels)");
        }
    }
}

/// An office CA made with openssl (RSA, as BSrE-style certificates are):
/// root, signer certificate and key, and the signer as a PKCS#12 file.
struct OpensslCa {
    root: PathBuf,
    leaf: PathBuf,
    key: PathBuf,
    p12: PathBuf,
}

fn openssl_ca(dir: &Path) -> OpensslCa {
    // Test paths live as long as the test process.
    let p = |n: &str| -> &'static str { Box::leak(s(&dir.join(n)).to_string().into_boxed_str()) };
    std::fs::write(
        dir.join("leaf.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    let steps: [&[&str]; 4] = [
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            (p("root.key")),
            "-out",
            (p("root.pem")),
            "-days",
            "3650",
            "-subj",
            "/CN=Root CA Uji OpenSSL/O=Pemerintah Contoh",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            (p("leaf.key")),
            "-out",
            (p("leaf.csr")),
            "-subj",
            "/CN=Dr. H. Penanda Tangan RSA/O=Pemerintah Contoh",
        ],
        &[
            "x509",
            "-req",
            "-in",
            (p("leaf.csr")),
            "-CA",
            (p("root.pem")),
            "-CAkey",
            (p("root.key")),
            "-CAcreateserial",
            "-days",
            "365",
            "-extfile",
            (p("leaf.ext")),
            "-out",
            (p("leaf.pem")),
        ],
        &[
            "pkcs12",
            "-export",
            "-in",
            (p("leaf.pem")),
            "-inkey",
            (p("leaf.key")),
            "-certfile",
            (p("root.pem")),
            "-passout",
            &format!("pass:{PASS}"),
            "-out",
            (p("rsa.p12")),
        ],
    ];
    for args in steps {
        let run = tool("openssl", args);
        assert!(run.ok, "openssl {args:?}: {}", run.stderr);
    }
    OpensslCa {
        root: dir.join("root.pem"),
        leaf: dir.join("leaf.pem"),
        key: dir.join("leaf.key"),
        p12: dir.join("rsa.p12"),
    }
}

/// `edaran verify` and `pdfsig` (NSS trusting `root`) on `pdf`: the exit
/// code, and whether pdfsig calls the signature valid and trusted.
fn both_verdicts(pdf: &Path, root: &Path, dir: &Path) -> (Option<i32>, bool) {
    let run = edaran(&["verify", s(pdf), "--trust", s(root)]);
    let nss = nss_trusting(dir, root);
    let sig = tool("pdfsig", &["-nssdir", &nss, s(pdf)]);
    let pdfsig_ok =
        sig.stdout.contains("Signature is Valid") && sig.stdout.contains("Certificate is Trusted");
    (run.code, pdfsig_ok)
}

#[test]
fn third_party_signatures_verify_and_pdfsig_agrees() {
    let f = signed_fixture();
    let dir = f.dir.path().join("openssl");
    std::fs::create_dir_all(&dir).unwrap();
    let ca = openssl_ca(&dir);

    // An RSA PKCS#12 made by openssl signs through Edaran and verifies sah.
    let rsa_signed = dir.join("rsa-signed.pdf");
    let run = edaran(&[
        "sign",
        s(&f.unsigned),
        "--p12",
        s(&ca.p12),
        "--pass-env",
        "EDARAN_TEST_PASS",
        "--number",
        "800/439/BKPSDM/2020",
        "--date",
        "2020-03-17",
        "-o",
        s(&rsa_signed),
    ]);
    assert!(run.ok, "sign with openssl p12: {}", run.stderr);
    assert_eq!(
        both_verdicts(&rsa_signed, &ca.root, &dir.join("a")),
        (Some(0), true)
    );

    // A CMS built by `openssl cms` (its own attribute encoding, no ESS
    // attribute) placed into the same signature slot verifies sah too.
    let mut pdf = std::fs::read(&rsa_signed).unwrap();
    let (r, _) = signature_parts(&pdf);
    let content = dir.join("content.bin");
    std::fs::write(&content, [&pdf[..r[1]], &pdf[r[2]..r[2] + r[3]]].concat()).unwrap();
    let der = dir.join("openssl.der");
    let run = tool(
        "openssl",
        &[
            "cms",
            "-sign",
            "-binary",
            "-md",
            "sha256",
            "-in",
            s(&content),
            "-signer",
            s(&ca.leaf),
            "-inkey",
            s(&ca.key),
            "-certfile",
            s(&ca.root),
            "-outform",
            "DER",
            "-out",
            s(&der),
        ],
    );
    assert!(run.ok, "openssl cms -sign: {}", run.stderr);
    let hex: String = std::fs::read(&der)
        .unwrap()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(
        hex.len() <= r[2] - r[1] - 2,
        "the slot holds the openssl CMS"
    );
    pdf[r[1] + 1..r[1] + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    pdf[r[1] + 1 + hex.len()..r[2] - 1].fill(b'0');
    let cms_signed = dir.join("openssl-cms.pdf");
    std::fs::write(&cms_signed, &pdf).unwrap();
    assert_eq!(
        both_verdicts(&cms_signed, &ca.root, &dir.join("b")),
        (Some(0), true)
    );

    // Against another root, both say not trusted (Edaran: exit 1).
    assert_eq!(
        both_verdicts(&cms_signed, &f.root, &dir.join("c")),
        (Some(1), false)
    );
}
