//! Printing circulars: the seed circulars re-created as exchange files are
//! rendered by `edaran render` and checked with qpdf and poppler, as a
//! reader of the PDF would see them.

use std::path::{Path, PathBuf};
use std::process::Command;

use edaran_tests::{built_binary, tool};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format!("{name}.json"))
}

/// Renders `file` to a PDF in `dir`, returning the PDF path or the error text.
fn render(file: &Path, dir: &Path, paper: &str) -> Result<PathBuf, String> {
    let out = dir.join("out.pdf");
    let o = Command::new(built_binary("edaran"))
        .args([
            "render",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--paper",
            paper,
        ])
        .output()
        .unwrap();
    if o.status.success() {
        Ok(out)
    } else {
        Err(String::from_utf8_lossy(&o.stderr).into_owned())
    }
}

fn text_of(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Each needle appears, in this order, in the text (whitespace folded).
fn assert_in_order(text: &str, needles: &[&str]) {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut from = 0;
    for needle in needles {
        let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
        match folded[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{needle:?} not found after position {from} in:\n{folded}"),
        }
    }
}

/// Numeric attribute `name="…"` of an element in pdftotext's bbox output.
fn attr(tag: &str, name: &str) -> f32 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    tag[start..].split('"').next().unwrap().parse().unwrap()
}

/// No word is printed past the 20 mm right margin or off the page.
fn assert_within_margins(pdf: &Path) {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut page_width = 0.0;
    for tag in html.split('<') {
        if tag.starts_with("page ") {
            page_width = attr(tag, "width");
        } else if tag.starts_with("word ") {
            let right = page_width - 20.0 * 72.0 / 25.4;
            let x_max = attr(tag, "xMax");
            assert!(
                x_max <= right + 1.0,
                "word past the right margin ({x_max} > {right}): <{tag}"
            );
            assert!(attr(tag, "xMin") >= 0.0);
        }
    }
}

fn check_pdf(pdf: &Path) {
    assert_within_margins(pdf);
    let check = Command::new("qpdf")
        .args(["--check", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        (2..=4).contains(&rows.len()),
        "regular and bold, italic faces when used: {fonts}"
    );
    for row in rows {
        assert!(row.contains("LiberationSans"), "{row}");
        // emb, sub and uni columns are all "yes": embedded, subset, with a ToUnicode map.
        assert!(row.contains("yes yes yes"), "{row}");
        assert!(
            row.split_whitespace().next().unwrap().contains('+'),
            "subset prefix: {row}"
        );
    }
}

#[test]
fn an_issued_circular_is_dated_its_issue_and_a_draft_today() {
    let dir = tempfile::tempdir().unwrap();
    let dated = |file: &Path| {
        let pdf = render(file, dir.path(), "f4").unwrap();
        let info = tool("pdfinfo", &["-isodates", pdf.to_str().unwrap()]);
        ["CreationDate:", "ModDate:"].map(|key| {
            info.lines()
                .find_map(|l| l.strip_prefix(key))
                .unwrap_or_else(|| panic!("{key} in {info}"))
                .trim()
                .to_string()
        })
    };
    let muba = fixture("muba-800-439-bkpsdm-2020");
    assert_eq!(dated(&muba), ["2020-05-12T00:00:00Z"; 2]);
    let mut draft: Value = serde_json::from_str(&std::fs::read_to_string(&muba).unwrap()).unwrap();
    draft["circular"]["issued_on"] = Value::Null;
    draft["circular"]["number"] = json!("");
    let file = dir.path().join("draf.json");
    std::fs::write(&file, draft.to_string()).unwrap();
    let today = chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let [created, modified] = dated(&file);
    assert!(
        created.starts_with(&today) && modified == created,
        "{created} {modified}"
    );
}

#[test]
fn the_seed_circulars_print_with_number_subject_points_and_signature_in_order() {
    let cases: [(&str, &[&str]); 3] = [
        (
            "muba-800-439-bkpsdm-2020",
            &[
                "BUPATI MUSI BANYUASIN",
                "Yth. 1. Para Kepala Perangkat Daerah;",
                "2. Para Camat;",
                "Tempat",
                "SURAT EDARAN",
                "NOMOR 800/439/BKPSDM/2020",
                "TENTANG",
                "PERPANJANGAN PENYESUAIAN SISTEM KERJA",
                "1. Menindaklanjuti Surat Edaran Menteri",
                "2. Pelaksanaan tugas kedinasan",
                "29 Mei 2020",
                "3. Setiap Sekretariat dan Bidang",
                "2 (dua) orang pegawai",
                "5. Selama bekerja di rumah",
                "a. wajib mengisi laporan kerja harian",
                "b. melaksanakan jam kerja",
                "c. dilarang bepergian",
                "7. Demikian Surat Edaran ini",
                "Ditetapkan di Sekayu",
                "pada tanggal 12 Mei 2020",
                "BUPATI MUSI BANYUASIN,",
                "DODI REZA ALEX NOERDIN",
                "Tembusan:",
                "1. Gubernur Sumatera Selatan di Palembang;",
                "3. Inspektur Kabupaten Musi Banyuasin di Sekayu.",
            ],
        ),
        (
            "pandeglang-800-2688-bkd-2020",
            &[
                "BUPATI PANDEGLANG",
                "NOMOR 800/2688-BKD/2020",
                "TATANAN NORMAL BARU",
                "16 November 2020",
                "18 Desember 2020",
                "kikipinh.pandeglangkab.go.id",
                "a. Organisasi Perangkat Daerah pelayanan",
                "Ditetapkan di Pandeglang",
                "BUPATI PANDEGLANG,",
            ],
        ),
        (
            "sumsel-2020-03",
            &[
                "GUBERNUR SUMATERA SELATAN",
                "SURAT EDARAN",
                "26 Maret 2020",
                "8 April 2020",
                "2 (dua) level pejabat struktural tertinggi",
                "c. perjalanan dinas ke luar negeri ditunda",
                "Ditetapkan di Palembang",
                "pada tanggal 25 Maret 2020",
                "GUBERNUR SUMATERA SELATAN,",
                "HERMAN DERU",
            ],
        ),
    ];
    for (name, needles) in cases {
        let dir = tempfile::tempdir().unwrap();
        let pdf =
            render(&fixture(name), dir.path(), "f4").unwrap_or_else(|e| panic!("{name}: {e}"));
        check_pdf(&pdf);
        assert_in_order(&text_of(&pdf), needles);
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(
            size < 120_000,
            "{name}: {size} bytes — fonts must be subset"
        );
    }
}

fn seed() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("muba-800-439-bkpsdm-2020")).unwrap())
        .unwrap()
}

fn render_value(v: &Value, paper: &str) -> (tempfile::TempDir, Result<PathBuf, String>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("se.json");
    std::fs::write(&file, serde_json::to_string(v).unwrap()).unwrap();
    let result = render(&file, dir.path(), paper);
    (dir, result)
}

#[test]
fn a_long_body_breaks_pages_and_a_long_annex_repeats_its_header_row() {
    let mut v = seed();
    let c = &mut v["circular"];
    let clause = "Kepala Perangkat Daerah menetapkan pembagian tugas pegawai secara bergiliran dan melaporkan pelaksanaannya setiap minggu kepada Bupati melalui Badan Kepegawaian dan Pengembangan Sumber Daya Manusia.";
    for _ in 0..30 {
        c["points"]
            .as_array_mut()
            .unwrap()
            .insert(5, json!({"text": clause, "children": []}));
    }
    let rows: Vec<Value> = (1..=150)
        .map(|i| {
            json!([
                i.to_string(),
                format!("Pegawai Nomor {i}"),
                format!("19800101200501{:04}", i),
                "Bidang Pelayanan",
                if i % 2 == 0 {
                    "Senin, Rabu"
                } else {
                    "Selasa, Kamis"
                }
            ])
        })
        .collect();
    c["annexes"] = json!([{
        "title": "Jadwal piket pegawai",
        "columns": ["No", "Nama", "NIP", "Unit", "Hari piket"],
        "widths": [0.6, 3.0, 2.6, 2.4, 2.0],
        "rows": rows
    }]);
    let (_dir, pdf) = render_value(&v, "a4");
    let pdf = pdf.unwrap();
    check_pdf(&pdf);
    let n = pages(&pdf);
    assert!(n >= 6, "{n} pages");
    let text = text_of(&pdf);
    let annex_pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| p.contains("Pegawai Nomor"))
        .collect();
    assert!(
        annex_pages.len() >= 3,
        "annex spans {} pages",
        annex_pages.len()
    );
    for page in &annex_pages {
        assert!(
            page.contains("Hari piket"),
            "header row on every annex page"
        );
    }
    assert!(
        annex_pages[0].contains("LAMPIRAN")
            && annex_pages[0].contains("NOMOR")
            && annex_pages[0].contains("800/439/BKPSDM/2020")
    );
    assert_in_order(
        &text,
        &["Pegawai Nomor 1 ", "Pegawai Nomor 75 ", "Pegawai Nomor 150"],
    );
    for page in 2..=n {
        // pdftotext may drop the spaces of the centred "- N -".
        let marker =
            |t: &str| t.contains(&format!("- {page} -")) || t.contains(&format!("-{page}-"));
        assert!(marker(&text), "continuation page {page} is numbered");
    }
}

#[test]
fn every_signing_mode_prints_its_office_lines_and_nip_only_where_due() {
    let cases = [
        (
            json!({"mode": "an", "principal_office": "Bupati Tanjung Seroja", "signer_office": "Sekretaris Daerah", "name": "Drs. ARMAN SYAH, M.Si.", "rank": "Pembina Utama Madya (IV/d)", "nip": "196805121994031004"}),
            vec![
                "a.n. BUPATI TANJUNG SEROJA",
                "SEKRETARIS DAERAH,",
                "ARMAN SYAH",
                "Pembina Utama Madya (IV/d)",
                "NIP. 196805121994031004",
            ],
            true,
        ),
        (
            json!({"mode": "ub", "principal_office": "Bupati Tanjung Seroja", "intermediate_office": "Sekretaris Daerah", "signer_office": "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "name": "RINA HAKIM", "rank": "Pembina Tingkat I (IV/b)", "nip": "197002101995032002"}),
            vec![
                "a.n. BUPATI TANJUNG SEROJA",
                "SEKRETARIS DAERAH",
                "u.b.",
                "KEPALA BADAN KEPEGAWAIAN",
                "RINA HAKIM",
                "NIP. 197002101995032002",
            ],
            true,
        ),
        (
            json!({"mode": "plt", "principal_office": "Bupati Tanjung Seroja", "name": "HENDRA GUNAWAN", "rank": "Pembina (IV/a)", "nip": "197002101995031002"}),
            vec!["Plt. BUPATI TANJUNG SEROJA,", "HENDRA GUNAWAN"],
            false,
        ),
        (
            json!({"mode": "plh", "principal_office": "Bupati Tanjung Seroja", "name": "HENDRA GUNAWAN"}),
            vec!["Plh. BUPATI TANJUNG SEROJA,", "HENDRA GUNAWAN"],
            false,
        ),
        (
            json!({"mode": "pj", "principal_office": "Bupati Tanjung Seroja", "name": "HENDRA GUNAWAN"}),
            vec!["Pj. BUPATI TANJUNG SEROJA,", "HENDRA GUNAWAN"],
            false,
        ),
        (
            json!({"mode": "wakil", "principal_office": "Bupati Tanjung Seroja", "signer_office": "Wakil Bupati Tanjung Seroja", "name": "MARLINA FITRIANI"}),
            vec![
                "a.n. BUPATI TANJUNG SEROJA",
                "WAKIL BUPATI TANJUNG SEROJA,",
                "MARLINA FITRIANI",
            ],
            false,
        ),
    ];
    for (signature, lines, nip) in cases {
        let mut v = seed();
        v["circular"]["signature"] = signature.clone();
        let (_dir, pdf) = render_value(&v, "f4");
        let pdf = pdf.unwrap_or_else(|e| panic!("{signature}: {e}"));
        assert_within_margins(&pdf);
        let text = text_of(&pdf);
        let mut needles = vec!["Ditetapkan di Sekayu"];
        needles.extend(lines.iter().copied());
        assert_in_order(&text, &needles);
        assert_eq!(
            text.contains("NIP."),
            nip,
            "NIP printed only for officials below the Sekda: {signature}"
        );
    }
}

#[test]
fn bad_circulars_are_refused_with_a_message_naming_the_problem() {
    let cases = [
        (
            "/circular/subject",
            json!("  "),
            "Perihal (tentang) surat edaran wajib diisi.",
        ),
        (
            "/circular/addressees",
            json!(["Para Camat", " "]),
            "Tujuan surat baris 2 kosong",
        ),
        (
            "/circular/points/1/text",
            json!("x".repeat(10_000)),
            "Butir 2. terlalu panjang (10000 karakter",
        ),
        (
            "/circular/points/4/children/0/text",
            json!("Kirim laporan 🙂 setiap hari"),
            "Karakter \"🙂\" (U+1F642) pada butir 5. a.",
        ),
    ];
    for (pointer, value, message) in cases {
        let mut v = seed();
        *v.pointer_mut(pointer).unwrap() = value;
        let (_dir, result) = render_value(&v, "f4");
        let err = result.expect_err(pointer);
        assert!(err.contains(message), "{pointer}: {err}");
    }
    let mut v = seed();
    v["version"] = json!(7);
    let err = render_value(&v, "f4").1.expect_err("newer version");
    assert!(err.contains("skema versi 7"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rusak.json");
    std::fs::write(&file, "{\"format\": \"edaran.surat-edaran\",\n \"version\": 1,\n \"circular\": {\"kind\": \"cuti\"}}").unwrap();
    let err = render(&file, dir.path(), "f4").expect_err("malformed");
    assert!(
        err.contains("(baris 3, kolom 29): Jenis surat edaran tidak dikenal: cuti"),
        "{err}"
    );
    assert!(
        !err.contains(" at line "),
        "the message stays Indonesian: {err}"
    );
}

/// The Muba fixture in the demo office, issued: its roster as a PDF
/// lampiran and its notices (per agency head, per employee on duty) as one
/// merged PDF and separate files.
#[test]
fn the_roster_lampiran_and_the_notices_of_an_issued_circular_print_as_letters() {
    let (dir, db) = edaran_tests::demo_database();
    let imported = edaran_tests::edaran(
        &db,
        &[
            "circular",
            "import",
            fixture("muba-800-439-bkpsdm-2020").to_str().unwrap(),
        ],
    );
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    let lampiran = dir.path().join("piket.pdf");
    let roster = edaran_tests::edaran(&db, &["roster", &id, "-o", lampiran.to_str().unwrap()]);
    assert!(roster.ok, "{}", roster.stderr);
    assert_in_order(
        &text_of(&lampiran),
        &[
            "LAMPIRAN",
            "SURAT EDARAN BUPATI MUSI BANYUASIN",
            "JADWAL PIKET PEGAWAI",
            "Hari, tanggal",
            "Rabu, 13 Mei 2020",
        ],
    );

    let draft = edaran_tests::edaran(&db, &["notices", &id, "-o", dir.path().to_str().unwrap()]);
    assert!(
        !draft.ok && draft.stderr.contains("sudah terbit"),
        "{}",
        draft.stderr
    );
    let issued = edaran_tests::edaran(&db, &["circular", "issue", &id, "--date", "2020-05-12"]);
    assert!(issued.ok, "{}", issued.stderr);
    let out = dir.path().join("cetak");
    let run = edaran_tests::edaran_json(
        &db,
        &[
            "notices",
            &id,
            "-o",
            out.to_str().unwrap(),
            "--per-employee",
            "--paper",
            "a4",
        ],
    );
    let merged = PathBuf::from(run["merged"].as_str().unwrap());
    let folder = PathBuf::from(run["folder"].as_str().unwrap());
    let files = run["files"].as_u64().unwrap() as usize;
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), files);
    assert_eq!(pages(&merged), run["pages"].as_u64().unwrap() as usize);
    let text = text_of(&merged);
    assert_in_order(
        &text,
        &[
            "PEMBERITAHUAN",
            "TENTANG",
            "JADWAL PIKET PEGAWAI",
            "Menindaklanjuti Surat Edaran Bupati Musi Banyuasin Nomor",
            "sebagaimana tercantum dalam lampiran",
            "Sekayu, 12 Mei 2020",
            "LAMPIRAN",
            "PEMBERITAHUAN PELAKSANAAN SURAT EDARAN",
            "PEMBERITAHUAN TUGAS PIKET",
            "ditugaskan melaksanakan piket di kantor",
        ],
    );
    assert!(text.contains("Yth.") && text.contains("Kepala "));
    let qpdf = Command::new("qpdf")
        .arg("--check")
        .arg(&merged)
        .output()
        .unwrap();
    assert!(
        qpdf.status.success(),
        "{}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
}

#[test]
fn emphasis_prints_in_the_italic_and_bold_faces_and_its_markers_never_print() {
    let mut v = seed();
    let points = &mut v["circular"]["points"];
    for (i, term) in [(1, "Work From Home"), (5, "online")] {
        let text = points[i]["text"].as_str().unwrap();
        points[i]["text"] = json!(text.replace(term, &format!("_{term}_")));
    }
    points[2]["text"] = json!(
        "Setiap pegawai *wajib* melapor secara _online_ ke bkd_muba@mail.go.id dengan *_tanda tangan elektronik_*; nilai 3*4, tanda * dan \\_ini\\_ tetap tertulis."
    );
    let (_dir, pdf) = render_value(&v, "f4");
    let pdf = pdf.unwrap();
    check_pdf(&pdf);
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    for face in ["LiberationSans-Italic", "LiberationSans-BoldItalic"] {
        assert!(
            fonts.lines().any(|l| l.contains(&format!("+{face} "))),
            "{face} embedded as a subset: {fonts}"
        );
    }
    let text = text_of(&pdf);
    assert_in_order(
        &text,
        &[
            "bekerja di rumah (Work From Home) bagi",
            "Setiap pegawai wajib melapor secara online ke bkd_muba@mail.go.id dengan tanda tangan elektronik; nilai 3*4, tanda * dan _ini_ tetap tertulis.",
            "pelayanan secara daring (online) dengan",
        ],
    );
    assert!(
        !text.contains("*wajib") && !text.contains("_online"),
        "{text}"
    );
    // pdftohtml marks each run with the style of its font.
    let xml = tool(
        "pdftohtml",
        &[
            "-xml",
            "-i",
            "-stdout",
            "-f",
            "1",
            "-l",
            "1",
            pdf.to_str().unwrap(),
        ],
    );
    let xml = xml.split_whitespace().collect::<Vec<_>>().join(" ");
    for run in [
        "<i>Work From Home</i>",
        "<i>online</i>",
        "<b>wajib</b>",
        "tangan elektronik</b></i>",
    ] {
        assert!(xml.contains(run), "{run} in {xml}");
    }
    assert!(
        !xml.contains("<i>ini"),
        "an escaped marker is literal: {xml}"
    );
}
