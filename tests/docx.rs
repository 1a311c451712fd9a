//! The Word files checked the way a reader checks them: `edaran render`
//! writes a circular as DOCX and as PDF, a real word processor (LibreOffice,
//! headless) turns the DOCX into a PDF, and the two PDFs must have the same
//! pages (±1) and the same words in the same order. Page images of one
//! circular, Edaran's PDF beside LibreOffice's rendering of the DOCX, land
//! in `test-output/docx/` to be looked at. Without LibreOffice the tests
//! say so and pass (CI installs it: `scripts/setup.sh test`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use edaran_core::circular::{Annex, Circular, KopKind, SigningMode};
use edaran_core::exchange;
use edaran_tests::{built_binary, ppm, tool};

fn fixture(name: &str) -> Circular {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/{name}.json"));
    exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A perangkat daerah's circular: office kop with emblem, signer with NIP,
/// a lampiran long enough to run over three pages.
fn office_circular() -> Circular {
    let mut c = fixture("sumsel-2020-03");
    c.letterhead.kind = KopKind::PerangkatDaerah;
    c.letterhead.tiers = vec![
        "Pemerintah Provinsi Sumatera Selatan".into(),
        "Badan Kepegawaian Daerah".into(),
    ];
    c.letterhead.address_lines = vec![
        "Jalan Kapten A. Rivai Nomor 3 Palembang 30129".into(),
        "Telepon (0711) 352180, Laman bkd.sumselprov.go.id".into(),
    ];
    c.letterhead.emblem = Some(
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/icon.png")).unwrap(),
    );
    c.signature.mode = SigningMode::Langsung;
    c.signature.principal_office = "Kepala Badan Kepegawaian Daerah".into();
    c.signature.name = "Drs. AHMAD RIVAI, M.Si.".into();
    c.signature.rank = "Pembina Utama Muda (IV/c)".into();
    c.signature.nip = "196805121990031004".into();
    c.annexes = vec![Annex {
        title: "Jadwal piket pegawai".into(),
        columns: ["No", "Nama", "Unit Kerja"].map(String::from).to_vec(),
        widths: vec![0.6, 3.0, 3.0],
        rows: (1..=150)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Pegawai Nomor {i}"),
                    "Bidang Pengadaan dan Pemberhentian".into(),
                ]
            })
            .collect(),
    }];
    c
}

/// `edaran render` of `c` (written as an exchange file in `dir`) to `out`.
fn render(c: &Circular, dir: &Path, out: &str, extra: &[&str]) -> edaran_tests::Run {
    let json = dir.join("surat.json");
    std::fs::write(&json, exchange::to_json(c)).unwrap();
    Command::new(built_binary("edaran"))
        .arg("render")
        .arg(&json)
        .arg("-o")
        .arg(dir.join(out))
        .args(extra)
        .output()
        .unwrap()
        .into()
}

/// LibreOffice's command, or `None` (and a note on stderr) when absent.
fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!(
            "LibreOffice (soffice) tidak terpasang: uji pembukaan berkas Word dilewati. \
             Pasang dengan `scripts/setup.sh test` (paket libreoffice-writer-nogui)."
        );
    }
    found.then_some("soffice")
}

/// Converts `docx` files to PDF with LibreOffice in its own profile (so
/// parallel runs do not clash); returns the PDFs, in `dir/lo/`.
fn convert(soffice: &str, dir: &Path, docx: &[PathBuf]) -> Vec<PathBuf> {
    let out = dir.join("lo");
    let o = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profil").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(docx)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    docx.iter()
        .map(|d| {
            let pdf = out.join(d.file_stem().unwrap()).with_extension("pdf");
            assert!(pdf.exists(), "LibreOffice wrote no {}", pdf.display());
            pdf
        })
        .collect()
}

fn pages(pdf: &Path) -> usize {
    tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The words of `pdf` as drawn (`pdftotext -raw`: row by row in tables),
/// without the top margin (where continuation pages carry their number,
/// `- 2 -`), without the `repeated` words a table's header row prints on
/// each page it runs onto, run together without spaces and line breaks:
/// renderers break pages and lines in different places.
fn letters(pdf: &Path, repeated: &[&str]) -> String {
    // Below 16 mm: the number's baseline is at 12 mm, the text starts at 20 mm.
    let top = (16.0 * 72.0 / 25.4) as i32;
    let text = tool(
        "pdftotext",
        &[
            "-raw",
            "-y",
            &top.to_string(),
            "-W",
            "10000",
            "-H",
            "10000",
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if !repeated.is_empty() {
        let mut kept = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            if words[i..].starts_with(repeated) {
                i += repeated.len();
            } else {
                kept.push(words[i]);
                i += 1;
            }
        }
        words = kept;
    }
    words.concat()
}

/// The same text in both, or where they part.
fn assert_same_text(edaran: &Path, word: &Path, repeated: &[&str]) {
    let (a, b) = (letters(edaran, repeated), letters(word, repeated));
    assert!(
        a.len() > 1000,
        "too little text read from {}",
        edaran.display()
    );
    if a != b {
        let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(40))
                .take(100)
                .collect::<String>()
        };
        panic!(
            "{} and {} part after {at} letters:\n  PDF : …{}\n  Word: …{}",
            edaran.display(),
            word.display(),
            around(&a),
            around(&b)
        );
    }
}

#[test]
fn word_files_open_in_a_word_processor_as_the_pdf_prints() {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("muba", fixture("muba-800-439-bkpsdm-2020"), "f4"),
        ("pandeglang", fixture("pandeglang-800-2688-bkd-2020"), "a4"),
        ("kantor", office_circular(), "f4"),
    ];
    let mut docx = Vec::new();
    for (name, c, paper) in &cases {
        let case = dir.path().join(name);
        std::fs::create_dir(&case).unwrap();
        for out in ["surat.pdf", "surat.docx"] {
            let run = render(c, &case, out, &["--paper", paper]);
            assert!(run.ok, "{name} {out}: {}", run.stderr);
        }
        let named = dir.path().join(format!("{name}.docx"));
        std::fs::rename(case.join("surat.docx"), &named).unwrap();
        docx.push(named);
    }
    let converted = convert(soffice, dir.path(), &docx);
    for ((name, ..), word) in cases.iter().zip(&converted) {
        let edaran = dir.path().join(name).join("surat.pdf");
        let (p, w) = (pages(&edaran), pages(word));
        assert!(p.abs_diff(w) <= 1, "{name}: PDF {p} pages, Word {w} pages");
        assert_same_text(&edaran, word, &["No", "Nama", "Unit", "Kerja"]);
    }
    // The lampiran's header row stands at the top of each page it runs onto.
    let kantor = &converted[2];
    let annex_pages: Vec<String> = (1..=pages(kantor))
        .map(|p| {
            let p = p.to_string();
            tool(
                "pdftotext",
                &["-f", &p, "-l", &p, "-layout", kantor.to_str().unwrap(), "-"],
            )
        })
        .filter(|t| t.contains("Pegawai Nomor"))
        .collect();
    assert!(
        annex_pages.len() >= 3,
        "{} lampiran pages",
        annex_pages.len()
    );
    for page in &annex_pages {
        assert!(page.contains("No") && page.contains("Unit Kerja"), "{page}");
    }
    look(
        "kantor",
        &dir.path().join("kantor/surat.pdf"),
        kantor,
        dir.path(),
    );
}

#[test]
fn the_srikandi_handoff_keeps_its_merge_fields_whole_and_comes_with_its_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let c = office_circular();
    let run = render(
        &c,
        dir.path(),
        "se-srikandi.docx",
        &[
            "--srikandi",
            "--urgensi",
            "segera",
            "--klasifikasi",
            "800.1.11",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("Naskah untuk SRIKANDI ditulis"),
        "{}",
        run.stdout
    );
    let docx = dir.path().join("se-srikandi.docx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    for field in [
        "${nomor_naskah}",
        "${tanggal_naskah}",
        "${ttd_pengirim}",
        "${nama_pengirim}",
        "${nip_pengirim}",
    ] {
        assert!(
            document.contains(&format!(">{field}</w:t>")),
            "{field} is not one run"
        );
    }
    let sheet = std::fs::read_to_string(dir.path().join("se-srikandi-metadata.txt")).unwrap();
    for line in [
        "Jenis Naskah    : Surat Edaran",
        "Tingkat Urgensi : Segera",
        "Klasifikasi     : 800.1.11",
        "Para Kepala Perangkat Daerah",
        "Menteri Dalam Negeri di Jakarta",
    ] {
        assert!(sheet.contains(line), "{line} in\n{sheet}");
    }
    // As a word processor shows it: the fields are there for SRIKANDI to fill.
    let Some(soffice) = soffice() else { return };
    let shown = tool(
        "pdftotext",
        &[
            convert(soffice, dir.path(), &[docx])[0].to_str().unwrap(),
            "-",
        ],
    );
    for text in [
        "NOMOR ${nomor_naskah}",
        "pada tanggal ${tanggal_naskah}",
        "NIP. ${nip_pengirim}",
    ] {
        assert!(shown.contains(text), "{text} in\n{shown}");
    }
}

#[test]
fn what_cannot_become_a_word_file_is_refused_in_indonesian_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = fixture("muba-800-439-bkpsdm-2020");
    let cases: [(&str, &[&str], &str); 3] = [
        ("se.doc", &[], "berakhiran .pdf atau .docx"),
        ("se.pdf", &["--srikandi"], "berkas Word"),
        ("se.docx", &["--sifat", "rahasia"], "tambahkan --srikandi"),
    ];
    for (out, extra, message) in cases {
        let run = render(&c, dir.path(), out, extra);
        assert!(
            !run.ok && run.stderr.contains(message),
            "{out}: {}",
            run.stderr
        );
        assert!(!dir.path().join(out).exists());
    }
    // A truncated emblem, an image of another kind.
    let mut png =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/icon.png")).unwrap();
    png.truncate(png.len() / 2);
    for (emblem, message) in [
        (png, "Gambar lambang tidak dapat dibaca"),
        (b"GIF89a\x01\x00".to_vec(), "PNG atau JPEG"),
    ] {
        c.letterhead.emblem = Some(emblem);
        for extra in [&[][..], &["--srikandi"]] {
            let run = render(&c, dir.path(), "se.docx", extra);
            assert!(!run.ok && run.stderr.contains(message), "{}", run.stderr);
            assert!(!dir.path().join("se.docx").exists());
            assert!(!dir.path().join("se-metadata.txt").exists());
        }
    }
}

#[test]
fn the_notices_of_an_issued_circular_come_as_word_files_one_per_letter() {
    let (dir, db) = edaran_tests::demo_database();
    let json = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/muba-800-439-bkpsdm-2020.json");
    let imported = edaran_tests::edaran(&db, &["circular", "import", json.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    let issued = edaran_tests::edaran(&db, &["circular", "issue", &id, "--date", "2020-05-12"]);
    assert!(issued.ok, "{}", issued.stderr);
    let out = dir.path().to_str().unwrap();
    let signed = edaran_tests::edaran(&db, &["notices", &id, "-o", out, "--word", "--cert", "1"]);
    assert!(
        !signed.ok && signed.stderr.contains("hanya untuk PDF"),
        "{}",
        signed.stderr
    );
    let run = edaran_tests::edaran(&db, &["notices", &id, "-o", out, "--word"]);
    assert!(run.ok, "{}", run.stderr);
    let folder = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir() && p.to_string_lossy().ends_with("(Word)"))
        .expect("the notices' folder");
    let files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() > 10, "{} notices", files.len());
    assert!(run.stdout.starts_with(&format!(
        "{} pemberitahuan ditulis sebagai berkas Word",
        files.len()
    )));
    for file in &files {
        assert_eq!(file.extension().unwrap(), "docx");
        let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
        let mut document = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut document)
            .unwrap();
        for text in [
            ">PEMBERITAHUAN<",
            ">Yth.<",
            "/BKPSDM/2020",
            ">Sekayu, 12 Mei 2020<",
        ] {
            assert!(document.contains(text), "{text} in {}", file.display());
        }
    }
    // Once written, the folder is never written over.
    let again = edaran_tests::edaran(&db, &["notices", &id, "-o", out, "--word"]);
    assert!(
        !again.ok && again.stderr.contains("sudah ada"),
        "{}",
        again.stderr
    );
}

/// Writes each page of `edaran` beside the same page of `word` as one PNG
/// under `test-output/docx/NAME-N.png`.
fn look(name: &str, edaran: &Path, word: &Path, scratch: &Path) {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/docx");
    std::fs::create_dir_all(&out).unwrap();
    let images = |pdf: &Path, prefix: &str| -> Vec<PathBuf> {
        let prefix = scratch.join(prefix);
        tool(
            "pdftoppm",
            &["-r", "50", pdf.to_str().unwrap(), prefix.to_str().unwrap()],
        );
        let mut found: Vec<PathBuf> = std::fs::read_dir(scratch)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(prefix.file_name().unwrap().to_str().unwrap())
                    && p.extension().is_some_and(|e| e == "ppm")
            })
            .collect();
        found.sort();
        found
    };
    let (left, right) = (images(edaran, "pdf"), images(word, "word"));
    for old in std::fs::read_dir(&out).unwrap() {
        let old = old.unwrap().path();
        if old
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(&format!("{name}-"))
        {
            std::fs::remove_file(old).unwrap();
        }
    }
    // A page one side has and the other not stands beside a blank one.
    let page = |pages: &[PathBuf], other: &[PathBuf], i: usize| {
        pages.get(i).map(|p| ppm(p)).unwrap_or_else(|| {
            let (w, h, _) = ppm(&other[i]);
            (w, h, vec![255; w * h * 3])
        })
    };
    for i in 0..left.len().max(right.len()) {
        let png = side_by_side(&page(&left, &right, i), &page(&right, &left, i));
        std::fs::write(out.join(format!("{name}-{}.png", i + 1)), png).unwrap();
    }
}

/// A picture: width, height, RGB bytes.
type Picture = (usize, usize, Vec<u8>);

/// `left` and `right` side by side on grey, as PNG bytes.
fn side_by_side(left: &Picture, right: &Picture) -> Vec<u8> {
    const GAP: usize = 12;
    let (width, height) = (left.0 + GAP + right.0, left.1.max(right.1));
    let mut raw = Vec::with_capacity((width * 3 + 1) * height);
    for y in 0..height {
        raw.push(0);
        for (i, (w, h, rgb)) in [left, right].into_iter().enumerate() {
            if y < *h {
                raw.extend_from_slice(&rgb[y * w * 3..(y + 1) * w * 3]);
            } else {
                raw.extend(std::iter::repeat_n(160, w * 3));
            }
            if i == 0 {
                raw.extend(std::iter::repeat_n(160, GAP * 3));
            }
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(&raw).unwrap();
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend((width as u32).to_be_bytes());
    header.extend((height as u32).to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &z.finish().unwrap());
    chunk(&mut png, b"IEND", &[]);
    png
}
