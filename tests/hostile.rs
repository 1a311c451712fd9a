//! Hostile files: each one is generated here (no binary blobs), handed to
//! the `edaran` command that reads it in a child process limited to 1 GiB of
//! address space and 20 s, and must end in a non-zero exit with an
//! Indonesian message on stderr: no panic, no crash signal, no hang.
//!
//! The time and peak memory (the child's `VmHWM`, sampled every millisecond) of each case
//! are printed as a table (`--nocapture`) and written to
//! `test-output/hostile.txt`.

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use edaran_tests::built_binary;
use zip::write::SimpleFileOptions;

/// Address space the child may map.
const MEMORY_LIMIT: u64 = 1024 * 1024 * 1024;
/// Wall time after which the child is killed and the case fails.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// What stderr must contain, and what it must not.
const PANIC_SIGNS: [&str; 5] = [
    "panicked",
    "RUST_BACKTRACE",
    "memory allocation",
    "stack overflow",
    "Aborted",
];

struct Outcome {
    exit: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    elapsed: Duration,
    /// Highest `VmHWM` sampled, in kB.
    peak_kb: i64,
    stdout: String,
    stderr: String,
}

/// Runs `edaran ARGS` with the memory limit, kills it after the time limit,
/// and reports how it ended with its peak resident memory.
#[allow(clippy::zombie_processes)] // reaped by waitpid, which also gives the signal
fn run_limited(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Outcome {
    let mut command = Command::new(built_binary("edaran"));
    command
        .args(args)
        .env_remove("EDARAN_DB")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: MEMORY_LIMIT,
                rlim_max: MEMORY_LIMIT,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            let no_core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &no_core);
            Ok(())
        });
    }
    let started = Instant::now();
    let mut child = command.spawn().expect("edaran starts");
    let pid = child.id() as libc::pid_t;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err_pipe.read_to_end(&mut s);
        s
    });
    let mut status = 0;
    let mut timed_out = false;
    let mut peak_kb = 0;
    loop {
        peak_kb = peak_kb.max(high_water_kb(pid));
        // SAFETY: pid is our child; status is a valid out-pointer.
        let done = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if done == pid {
            break;
        }
        assert!(
            done == 0,
            "waitpid failed: {}",
            std::io::Error::last_os_error()
        );
        if started.elapsed() > TIME_LIMIT && !timed_out {
            timed_out = true;
            // SAFETY: killing our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let elapsed = started.elapsed();
    let (exit, signal) = if libc::WIFEXITED(status) {
        (Some(libc::WEXITSTATUS(status)), None)
    } else if libc::WIFSIGNALED(status) {
        (None, Some(libc::WTERMSIG(status)))
    } else {
        (None, None)
    };
    Outcome {
        exit,
        signal,
        timed_out,
        elapsed,
        peak_kb,
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// The child's peak resident memory so far (`VmHWM`), 0 once it has exited.
/// Sampled every millisecond: `wait4`'s `ru_maxrss` is no use here, as it
/// also counts the test process's pages the child had between fork and exec.
fn high_water_kb(pid: libc::pid_t) -> i64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// One case: the command line, the words stderr must carry.
struct Case {
    name: &'static str,
    args: Vec<std::ffi::OsString>,
    env: Vec<(&'static str, &'static str)>,
    expect: &'static str,
}

fn os(parts: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<std::ffi::OsString> {
    parts.iter().map(|p| p.as_ref().to_os_string()).collect()
}

// ------------------------------------------------------------- generators

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// A one-sheet workbook: `dimension` declared, `rows` inside `<sheetData>`,
/// and the shared strings written by `shared` (possibly huge).
fn workbook(path: &Path, dimension: &str, rows: &str, shared: impl FnOnce(&mut dyn Write)) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("xl/workbook.xml", WORKBOOK.to_string()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>"#
            ),
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/sharedStrings.xml", options).unwrap();
    shared(&mut zip);
    zip.finish().unwrap();
}

fn two_strings(out: &mut dyn Write) {
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>NIP</t></si><si><t>Nama</t></si></sst>"#).unwrap();
}

/// DER of `tag` around `content`.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let len = n.to_be_bytes();
        let skip = len.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (len.len() - skip) as u8);
        out.extend(&len[skip..]);
    }
    out.extend(content);
    out
}

fn der_int(n: u64) -> Vec<u8> {
    let mut bytes = n.to_be_bytes().to_vec();
    while bytes.len() > 1 && bytes[0] == 0 && bytes[1] & 0x80 == 0 {
        bytes.remove(0);
    }
    if bytes[0] & 0x80 != 0 {
        bytes.insert(0, 0);
    }
    tlv(0x02, &bytes)
}

/// OID content octets from dotted text.
fn der_oid(text: &str) -> Vec<u8> {
    let arcs: Vec<u64> = text.split('.').map(|a| a.parse().unwrap()).collect();
    let mut body = vec![(arcs[0] * 40 + arcs[1]) as u8];
    for &arc in &arcs[2..] {
        let mut chunk = vec![(arc & 0x7f) as u8];
        let mut rest = arc >> 7;
        while rest > 0 {
            chunk.insert(0, 0x80 | (rest & 0x7f) as u8);
            rest >>= 7;
        }
        body.extend(chunk);
    }
    tlv(0x06, &body)
}

/// A PKCS#12 (PFX) whose MAC asks for two billion PKCS#12-KDF iterations;
/// its one bag is a shrouded key under PBES2/PBKDF2 (junk ciphertext).
fn absurd_p12() -> Vec<u8> {
    let seq = |parts: &[Vec<u8>]| tlv(0x30, &parts.concat());
    let pbkdf2 = seq(&[
        der_oid("1.2.840.113549.1.5.12"),
        seq(&[tlv(0x04, &[7; 8]), der_int(2048)]),
    ]);
    let aes = seq(&[der_oid("2.16.840.1.101.3.4.1.42"), tlv(0x04, &[1; 16])]);
    let pbes2 = seq(&[der_oid("1.2.840.113549.1.5.13"), seq(&[pbkdf2, aes])]);
    let shrouded = seq(&[pbes2, tlv(0x04, &[9; 48])]);
    let bag = seq(&[der_oid("1.2.840.113549.1.12.10.1.2"), tlv(0xa0, &shrouded)]);
    let data = seq(&[
        der_oid("1.2.840.113549.1.7.1"),
        tlv(0xa0, &tlv(0x04, &seq(&[bag]))),
    ]);
    let auth = seq(&[
        der_oid("1.2.840.113549.1.7.1"),
        tlv(0xa0, &tlv(0x04, &seq(&[data]))),
    ]);
    let digest = seq(&[
        seq(&[der_oid("2.16.840.1.101.3.4.2.1"), vec![0x05, 0x00]]),
        tlv(0x04, &[0; 32]),
    ]);
    let mac = seq(&[digest, tlv(0x04, &[3; 8]), der_int(2_000_000_000)]);
    seq(&[der_int(3), auth, mac])
}

/// The start of a PDF with a (fake) signature, so verification goes on to
/// parse the file, followed by `body`.
fn pdf_with(body: &[u8]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30] /Contents <00> >>\nendobj\n".to_vec();
    pdf.extend(body);
    pdf
}

fn xref_width_pdf() -> Vec<u8> {
    let mut pdf = pdf_with(b"");
    let at = pdf.len();
    pdf.extend(b"4 0 obj\n<< /Type /XRef /Size 5 /W [1 2000000000 1] /Root 1 0 R /Length 4 >>\nstream\n\x01\x00\x00\x00\nendstream\nendobj\n");
    pdf.extend(format!("startxref\n{at}\n%%EOF\n").as_bytes());
    pdf
}

fn byte_ranges_pdf() -> Vec<u8> {
    let mut body = Vec::new();
    for i in 0..10_000u32 {
        body.extend(
            format!(
                "{} 0 obj\n<< /Type /Sig /ByteRange [0 {} {} 10] /Contents <00> >>\nendobj\n",
                i + 10,
                i + 1,
                i + 100
            )
            .as_bytes(),
        );
    }
    body.extend(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf_with(&body)
}

fn nested_pdf() -> Vec<u8> {
    let mut body = b"4 0 obj\n".to_vec();
    body.extend(std::iter::repeat_n(b'[', 1_000_000));
    body.extend(std::iter::repeat_n(b']', 1_000_000));
    body.extend(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf_with(&body)
}

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

// ------------------------------------------------------------------ runs

/// The hostile files, generated in one temporary folder.
struct Corpus {
    dir: tempfile::TempDir,
    db: PathBuf,
    /// `edaran cert new-internal`'s PKCS#12, to sign hostile PDFs with.
    signer_p12: PathBuf,
}

const PASS_VAR: &str = "EDARAN_UJI_SANDI";
const PASS: &str = "rahasia-sekali";

impl Corpus {
    fn new() -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let p = |name: &str| d.join(name);
        // Employee import.
        workbook(
            &p("dimensi.xlsx"),
            "A1:XFD1048576",
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576" t="s"><v>1</v></c></row>"#,
            two_strings,
        );
        workbook(&p("bom-zip.xlsx"), "A1:B1", "", |out| {
            out.write_all(b"<sst><si><t>").unwrap();
            let block = vec![b'a'; 1024 * 1024];
            for _ in 0..600 {
                out.write_all(&block).unwrap();
            }
            out.write_all(b"</t></si></sst>").unwrap();
        });
        workbook(
            &p("utuh.xlsx"),
            "A1:B2",
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>198001012005011001</t></is></c><c r="B2" t="inlineStr"><is><t>Ani</t></is></c></row>"#,
            two_strings,
        );
        let whole = std::fs::read(p("utuh.xlsx")).unwrap();
        std::fs::write(p("terpotong.xlsx"), &whole[..whole.len() * 6 / 10]).unwrap();
        std::fs::File::create(p("besar.csv"))
            .unwrap()
            .set_len(2 * 1024 * 1024 * 1024 + 100 * 1024 * 1024)
            .unwrap();
        mkfifo(&p("pipa.csv"));
        mkfifo(&p("pipa.pdf"));
        // Exchange files: bare nesting, and nesting under a key serde skips.
        std::fs::write(p("sarang.json"), vec![b'['; 10_000_000]).unwrap();
        let mut keyed = br#"{"format": "edaran-surat-edaran", "x": "#.to_vec();
        keyed.extend(vec![b'['; 10_000_000]);
        std::fs::write(p("sarang-kunci.json"), keyed).unwrap();
        // Certificates.
        std::fs::write(p("iterasi.p12"), absurd_p12()).unwrap();
        // PDFs.
        std::fs::write(p("lebar-w.pdf"), xref_width_pdf()).unwrap();
        std::fs::write(p("byterange.pdf"), byte_ranges_pdf()).unwrap();
        std::fs::write(p("sarang.pdf"), nested_pdf()).unwrap();
        let cert_dir = p("sertifikat");
        let made = Command::new(built_binary("edaran"))
            .args(["cert", "new-internal", "--office", "Pemkab Uji"])
            .args(["--signer", "Kepala Uji", "--pass-env", PASS_VAR, "-o"])
            .arg(&cert_dir)
            .env(PASS_VAR, PASS)
            .output()
            .unwrap();
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        Corpus {
            db: p("edaran.db"),
            signer_p12: cert_dir.join("penanda-tangan.p12"),
            dir,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn import(&self, file: &dyn AsRef<std::ffi::OsStr>) -> Vec<std::ffi::OsString> {
        os(&[&"--db", &self.db, &"import", &"employees", file])
    }

    fn sign(&self, file: &str, p12: &Path) -> Vec<std::ffi::OsString> {
        os(&[
            &"sign",
            &self.path(file),
            &"--p12",
            &p12,
            &"--pass-env",
            &PASS_VAR,
            &"-o",
            &self.path("keluaran.pdf"),
        ])
    }

    fn verify(&self, file: &dyn AsRef<std::ffi::OsStr>) -> Vec<std::ffi::OsString> {
        os(&[&"verify", file])
    }
}

/// Runs every case; the table of times and peaks, and what went wrong.
fn run_all(cases: &[Case]) -> (String, Vec<String>) {
    let mut table = format!(
        "{:<44} {:>7} {:>9} {:>5}  {}\n",
        "kasus", "ms", "puncak MB", "exit", "pesan (stderr, baris pertama)"
    );
    let mut failures = Vec::new();
    for case in cases {
        let args: Vec<&std::ffi::OsStr> = case.args.iter().map(|a| a.as_os_str()).collect();
        let o = run_limited(&args, &case.env);
        let first_line = o.stderr.lines().next().unwrap_or("").to_string();
        table.push_str(&format!(
            "{:<44} {:>7} {:>9.1} {:>5}  {}\n",
            case.name,
            o.elapsed.as_millis(),
            o.peak_kb as f64 / 1024.0,
            o.exit.map_or_else(
                || format!("sig{}", o.signal.unwrap_or(0)),
                |c| c.to_string()
            ),
            first_line
        ));
        let mut wrong = Vec::new();
        if o.timed_out {
            wrong.push(format!("dihentikan setelah {TIME_LIMIT:?}"));
        }
        if let Some(s) = o.signal {
            wrong.push(format!("berakhir oleh sinyal {s}"));
        }
        if o.exit == Some(0) {
            wrong.push("status keluar 0".into());
        }
        if !o.stderr.contains(case.expect) {
            wrong.push(format!("stderr tanpa \"{}\"", case.expect));
        }
        if let Some(sign) = PANIC_SIGNS.iter().find(|s| o.stderr.contains(*s)) {
            wrong.push(format!("stderr memuat \"{sign}\""));
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{}: {}\n  stderr: {}\n  stdout: {}",
                case.name,
                wrong.join("; "),
                o.stderr.trim(),
                o.stdout.chars().take(400).collect::<String>().trim()
            ));
        }
    }
    (table, failures)
}

/// Prints the table and writes it to `test-output/NAME`.
fn report(name: &str, table: &str, failures: &[String]) {
    println!("\n{table}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(name), table).unwrap();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn hostile_files_end_in_an_indonesian_error_within_limits() {
    let c = Corpus::new();
    let env = vec![(PASS_VAR, PASS)];
    let dbf = c.db.as_os_str();
    let cases = vec![
        Case {
            name: "XLSX rentang A1:XFD1048576, dua sel",
            args: c.import(&c.path("dimensi.xlsx")),
            env: vec![],
            expect: "rentang lembar kerja A1:XFD1048576",
        },
        Case {
            name: "XLSX bom zip di sharedStrings (600 MB)",
            args: c.import(&c.path("bom-zip.xlsx")),
            env: vec![],
            expect: "yang bila dibuka berukuran 600 MB; batasnya 100 MB",
        },
        Case {
            name: "XLSX terpotong",
            args: c.import(&c.path("terpotong.xlsx")),
            env: vec![],
            expect: "bukan buku kerja XLSX yang utuh",
        },
        Case {
            name: "CSV 2 GB (sparse)",
            args: c.import(&c.path("besar.csv")),
            env: vec![],
            expect: "terlalu besar: 2,1 GB; batasnya 50 MB",
        },
        Case {
            name: "/dev/zero sebagai berkas impor",
            args: c.import(&"/dev/zero"),
            env: vec![],
            expect: "bukan berkas biasa (FIFO/perangkat): /dev/zero",
        },
        Case {
            name: "FIFO sebagai berkas impor",
            args: c.import(&c.path("pipa.csv")),
            env: vec![],
            expect: "bukan berkas biasa (FIFO/perangkat)",
        },
        Case {
            name: "JSON pertukaran 10 MB '['",
            args: os(&[
                &"--db",
                &dbf,
                &"circular",
                &"import",
                &c.path("sarang.json"),
            ]),
            env: vec![],
            expect: "bukan JSON yang sah",
        },
        Case {
            name: "JSON pertukaran, 10 MB '[' di bawah kunci",
            args: os(&[
                &"--db",
                &dbf,
                &"circular",
                &"import",
                &c.path("sarang-kunci.json"),
            ]),
            env: vec![],
            expect: "bukan JSON yang sah",
        },
        Case {
            name: ".p12 dengan 2 miliar iterasi MAC",
            args: c.sign("sarang.pdf", &c.path("iterasi.p12")),
            env: env.clone(),
            expect: "putaran MAC sebesar 2.000.000.000; batasnya 1.000.000",
        },
        Case {
            name: "/dev/zero sebagai PDF (verify)",
            args: c.verify(&"/dev/zero"),
            env: vec![],
            expect: "bukan berkas biasa (FIFO/perangkat): /dev/zero",
        },
        Case {
            name: "FIFO sebagai PDF (verify)",
            args: c.verify(&c.path("pipa.pdf")),
            env: vec![],
            expect: "bukan berkas biasa (FIFO/perangkat)",
        },
        Case {
            name: "PDF xref /W [1 2000000000 1] (sign)",
            args: c.sign("lebar-w.pdf", &c.signer_p12),
            env: env.clone(),
            expect: "lebar kolom /W 2000000000 bita; batasnya 8",
        },
        Case {
            name: "PDF 10.000 /ByteRange (sign)",
            args: c.sign("byterange.pdf", &c.signer_p12),
            env: env.clone(),
            expect: "10001 entri /ByteRange; batasnya 100",
        },
        Case {
            name: "PDF larik bersarang 1.000.000 (sign)",
            args: c.sign("sarang.pdf", &c.signer_p12),
            env: env.clone(),
            expect: "lebih dari 64 tingkat",
        },
    ];
    let (table, failures) = run_all(&cases);
    report("hostile.txt", &table, &failures);
}

/// `edaran verify` on the hostile PDFs: exit 3 with the guard's message
/// (`verify_pdf` runs `guard::check_pdf` before lopdf sees the file).
#[test]
fn hostile_pdfs_are_refused_by_verify() {
    let c = Corpus::new();
    let cases = vec![
        Case {
            name: "PDF xref /W [1 2000000000 1] (verify)",
            args: c.verify(&c.path("lebar-w.pdf")),
            env: vec![],
            expect: "lebar kolom /W 2000000000 bita; batasnya 8",
        },
        Case {
            name: "PDF 10.000 /ByteRange (verify)",
            args: c.verify(&c.path("byterange.pdf")),
            env: vec![],
            expect: "/ByteRange",
        },
        Case {
            name: "PDF larik bersarang 1.000.000 (verify)",
            args: c.verify(&c.path("sarang.pdf")),
            env: vec![],
            expect: "lebih dari 64 tingkat",
        },
    ];
    let (table, failures) = run_all(&cases);
    report("hostile-verify.txt", &table, &failures);
}

/// `edaran circular record ID --srikandi-pdf FILE` on hostile files: each is
/// refused in Indonesian within the limits, and the draft stays a draft.
#[test]
fn hostile_pdfs_from_srikandi_are_refused_and_the_draft_stays_a_draft() {
    let c = Corpus::new();
    let (_demo, db) = edaran_tests::demo_database();
    std::fs::write(c.path("kosong.pdf"), b"").unwrap();
    std::fs::write(
        c.path("surat.docx.pdf"),
        b"PK\x03\x04\x14\x00word/document.xml",
    )
    .unwrap();
    std::fs::write(
        c.path("terpotong.pdf"),
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type",
    )
    .unwrap();
    let record = |file: &dyn AsRef<std::ffi::OsStr>| {
        os(&[
            &"--db",
            &db,
            &"circular",
            &"record",
            &"3",
            &"--number",
            &"800.1.11/123/BKPSDM/2026",
            &"--date",
            &"2026-01-05",
            &"--srikandi-pdf",
            file,
            &"--force",
        ])
    };
    let case = |name: &'static str, file: &dyn AsRef<std::ffi::OsStr>, expect: &'static str| Case {
        name,
        args: record(file),
        env: vec![],
        expect,
    };
    let cases = vec![
        case(
            "SRIKANDI: PDF kosong",
            &c.path("kosong.pdf"),
            "kosong (0 bita)",
        ),
        case(
            "SRIKANDI: DOCX bernama .pdf",
            &c.path("surat.docx.pdf"),
            "bukan PDF (dokumen Word (DOCX)",
        ),
        case(
            "SRIKANDI: PDF terpotong",
            &c.path("terpotong.pdf"),
            "PDF ini terpotong",
        ),
        case(
            "SRIKANDI: PDF 2 GB (sparse)",
            &c.path("besar.csv"),
            "terlalu besar: 2,1 GB; batasnya 20 MB",
        ),
        case(
            "SRIKANDI: /dev/zero",
            &"/dev/zero",
            "bukan berkas biasa (FIFO/perangkat): /dev/zero",
        ),
        case(
            "SRIKANDI: FIFO",
            &c.path("pipa.pdf"),
            "bukan berkas biasa (FIFO/perangkat)",
        ),
        case(
            "SRIKANDI: xref /W [1 2000000000 1]",
            &c.path("lebar-w.pdf"),
            "lebar kolom /W 2000000000 bita; batasnya 8",
        ),
        case(
            "SRIKANDI: 10.000 /ByteRange",
            &c.path("byterange.pdf"),
            "10001 entri /ByteRange; batasnya 100",
        ),
        case(
            "SRIKANDI: larik bersarang 1.000.000",
            &c.path("sarang.pdf"),
            "lebih dari 64 tingkat",
        ),
    ];
    let (table, failures) = run_all(&cases);
    let store = edaran_core::Store::open(&db).unwrap();
    let draft = store.circular(3).unwrap();
    assert_eq!(draft.summary.status.code(), "draf", "nothing recorded");
    assert!(store.signed_pdf(3).unwrap().is_none(), "nothing kept");
    report("hostile-srikandi.txt", &table, &failures);
}
