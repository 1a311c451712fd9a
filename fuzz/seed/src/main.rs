//! Writes the seed corpora and dictionaries of the fuzz targets from the
//! project's fixtures: `seed FIXTURES_DIR CORPUS_DIR`.
//!
//! - `exchange_json/`: the fixtures as they are and as `to_json` rewrites them;
//! - `verify_pdf/`: each fixture rendered (what `edaran render` does), signed
//!   with a fresh internal certificate (with and without the QR mark, twice,
//!   with bytes appended), plus small hand-made PDFs, signed too;
//! - `import_csv/`, `import_xlsx/`: a few employee rows in each delimiter and
//!   as workbooks (whole files, and their XML parts for the structured mode);
//! - `numbering/`: the templates in use;
//! - `dict/TARGET.dict`: libFuzzer dictionaries.
//!
//! Files that exist already are left as they are, so the corpora do not grow
//! with re-signed copies on every run.

use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use edaran_core::exchange::{from_json, to_json};
use edaran_core::office::PaperSize;
use edaran_core::sign::{self, MarkInfo, SignOptions};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

struct Out {
    root: PathBuf,
    written: usize,
}

impl Out {
    fn put(&mut self, target: &str, name: &str, bytes: &[u8]) {
        let dir = self.root.join(target);
        std::fs::create_dir_all(&dir).expect("corpus dir");
        let path = dir.join(name);
        if !path.exists() {
            std::fs::write(&path, bytes).expect("write seed");
            self.written += 1;
        }
    }

    /// A libFuzzer dictionary (rewritten every time).
    fn dict(&self, target: &str, words: impl IntoIterator<Item = String>) {
        let dir = self.root.join("dict");
        std::fs::create_dir_all(&dir).expect("dict dir");
        let words: BTreeSet<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let text: String = words.iter().map(|w| format!("\"{}\"\n", escape(w))).collect();
        std::fs::write(dir.join(format!("{target}.dict")), text).expect("write dict");
    }
}

fn escape(word: &str) -> String {
    word.bytes()
        .map(|b| match b {
            b'"' => "\\\"".to_string(),
            b'\\' => "\\\\".to_string(),
            0x20..=0x7e => (b as char).to_string(),
            _ => format!("\\x{b:02X}"),
        })
        .collect()
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(fixtures), Some(root)) = (args.next(), args.next()) else {
        eprintln!("usage: seed FIXTURES_DIR CORPUS_DIR");
        std::process::exit(2);
    };
    let mut out = Out {
        root: PathBuf::from(root),
        written: 0,
    };
    let fixtures = read_fixtures(Path::new(&fixtures));
    exchange(&mut out, &fixtures);
    pdfs(&mut out, &fixtures);
    csvs(&mut out);
    xlsxs(&mut out);
    numbering(&mut out);
    println!("seed: {} new seed files in {}", out.written, out.root.display());
}

fn read_fixtures(dir: &Path) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("fixture"),
            )
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no fixtures in {}", dir.display());
    found
}

fn exchange(out: &mut Out, fixtures: &[(String, String)]) {
    let mut words = BTreeSet::new();
    for (name, text) in fixtures {
        out.put("exchange_json", &format!("seed-{name}.json"), text.as_bytes());
        let circular = from_json(text).expect("fixture reads");
        out.put(
            "exchange_json",
            &format!("seed-{name}-rewritten.json"),
            to_json(&circular).as_bytes(),
        );
        collect_words(&serde_json::from_str(text).unwrap(), &mut words);
    }
    out.put(
        "exchange_json",
        "seed-small.json",
        br#"{"format":"edaran.surat-edaran","version":1,"circular":{}}"#,
    );
    out.dict("exchange_json", words);
}

/// Keys, short strings and every punctuation the schema uses.
fn collect_words(value: &serde_json::Value, words: &mut BTreeSet<String>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                words.insert(format!("\"{k}\":"));
                collect_words(v, words);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_words(v, words)),
        Value::String(s) if s.chars().count() <= 24 => {
            words.insert(format!("\"{s}\""));
        }
        _ => {}
    }
    for w in ["null", "true", "false", "[]", "{}", "\"\"", "1", "-1", "1e999", "\"\\u0000\""] {
        words.insert(w.to_string());
    }
}

/// A one-page PDF with a classic cross-reference table.
fn tiny_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>",
        "<< /Length 18 >>\nstream\n0 0 m 100 100 l S\nendstream",
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// The same page with a cross-reference stream (uncompressed, `/W [1 2 1]`).
fn tiny_pdf_xref_stream() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> >>",
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    let mut rows = vec![0u8, 0, 0, 255];
    for o in offsets.iter().chain([&xref]) {
        rows.extend_from_slice(&[1, (o >> 8) as u8, *o as u8, 0]);
    }
    let n = objects.len() + 2;
    pdf.extend_from_slice(
        format!(
            "{} 0 obj\n<< /Type /XRef /Size {n} /W [1 2 1] /Root 1 0 R /Length {} >>\nstream\n",
            n - 1,
            rows.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&rows);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    pdf
}

fn pdfs(out: &mut Out, fixtures: &[(String, String)]) {
    let made = sign::new_internal(
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Dr. Contoh Penanda Tangan, S.E., M.Si.",
        Utc::now(),
        2,
    )
    .expect("internal certificate");
    let options = |mark: bool| SignOptions {
        reason: "Penetapan surat edaran".into(),
        location: "Sekayu".into(),
        time: Utc::now(),
        mark: mark.then(|| MarkInfo {
            number: "800/439/BKPSDM/2020".into(),
            date: NaiveDate::from_ymd_opt(2020, 5, 25).unwrap(),
            signer: String::new(),
        }),
    };
    let signed = |pdf: &[u8], mark: bool| match sign::sign_pdf(pdf, &made.signer, &options(mark)) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("seed: could not sign a seed PDF: {e}");
            None
        }
    };
    let put_signed = |out: &mut Out, stem: &str, pdf: &[u8]| {
        out.put("verify_pdf", &format!("seed-{stem}.pdf"), pdf);
        if let Some(s) = signed(pdf, true) {
            out.put("verify_pdf", &format!("seed-{stem}-signed.pdf"), &s);
            if let Some(twice) = signed(&s, false) {
                out.put("verify_pdf", &format!("seed-{stem}-signed-twice.pdf"), &twice);
            }
            let mut appended = s.clone();
            appended.extend_from_slice(b"\n% appended after signing\n");
            out.put("verify_pdf", &format!("seed-{stem}-signed-appended.pdf"), &appended);
        }
        if let Some(s) = signed(pdf, false) {
            out.put("verify_pdf", &format!("seed-{stem}-signed-nomark.pdf"), &s);
        }
    };
    put_signed(out, "tiny", &tiny_pdf());
    put_signed(out, "tiny-xref-stream", &tiny_pdf_xref_stream());
    for (i, (name, text)) in fixtures.iter().enumerate() {
        let circular = from_json(text).expect("fixture reads");
        let paper = if i % 2 == 0 { PaperSize::F4 } else { PaperSize::A4 };
        let pdf = edaran_core::pdf::render(&circular, paper).expect("fixture renders");
        put_signed(out, name, &pdf);
    }
    out.dict(
        "verify_pdf",
        [
            "%PDF-1.7", "%%EOF", " obj", "endobj", "stream\n", "\nendstream", "xref", "trailer",
            "startxref", "<<", ">>", "[", "]", "(", ")", "<", ">", " R", "/Type", "/Catalog",
            "/Pages", "/Page", "/Kids", "/Count", "/Parent", "/Root", "/Size", "/Prev", "/Info",
            "/XRef", "/ObjStm", "/W", "/Index", "/N", "/First", "/Extends", "/Length", "/Filter",
            "/FlateDecode", "/DecodeParms", "/Predictor", "/Columns", "/Sig", "/ByteRange",
            "/Contents", "/Filter /Adobe.PPKLite", "/SubFilter", "/ETSI.CAdES.detached",
            "/adbe.pkcs7.detached", "/M", "/Reason", "/Location", "/Name", "/AcroForm",
            "/Fields", "/SigFlags", "/Annots", "/Annot", "/Widget", "/FT", "/V", "/T", "/Rect",
            "/AP", "/Resources", "/XObject", "/Subtype", "/Image", "/Form", "/BBox", "/MediaBox",
            "/ByteRange [0 ", "9999999999", "-1", "0 0 R", "1 0 R",
        ]
        .map(String::from),
    );
}

const HEADER: [&str; 12] = [
    "nip_baru",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_pegawai",
    "gol_akhir_nama",
    "jabatan_nama",
    "jenis_jabatan",
    "eselon",
    "satuan_kerja_kerja",
    "unor_nama",
    "tanggal_lahir",
];

/// Employee rows as the national export writes them: PNS, PPPK, contract.
fn rows() -> Vec<Vec<String>> {
    [
        [
            "198503122010011001", "Siti Aminah", "Dr.", "S.E., M.Si.", "PNS", "III/a",
            "Analis Kepegawaian", "Fungsional Tertentu", "", "Dinas Kesehatan",
            "Bidang Pelayanan", "12-03-1985",
        ],
        [
            "197001012000032002", "Budi Santoso", "", "S.H.", "PNS", "IV/b", "Kepala Bidang",
            "Struktural", "III.b", "Badan Kepegawaian Daerah", "Bidang Mutasi", "1970-01-01",
        ],
        [
            "199002152021212003", "Rina, \"Rin\"", "", "A.Md.", "PPPK", "IX", "Perawat",
            "Fungsional Tertentu", "", "RSUD Sekayu", "Instalasi Rawat Inap", "15/02/1990",
        ],
        [
            "", "Andi", "", "", "Tenaga Kontrak", "", "Pengemudi", "Pelaksana", "",
            "Dinas Kesehatan", "Sekretariat", "",
        ],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect()
}

fn csv(delimiter: char, rows: &[Vec<String>]) -> String {
    let quote = |c: &str| {
        if c.contains([delimiter, '"', '\n']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let line = |cells: Vec<String>| {
        cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(&delimiter.to_string()) + "\n"
    };
    let mut text = line(HEADER.iter().map(|h| h.to_string()).collect());
    for r in rows {
        text += &line(r.clone());
    }
    text
}

fn csvs(out: &mut Out) {
    let rows = rows();
    for (name, d) in [("comma", ','), ("semicolon", ';'), ("tab", '\t'), ("pipe", '|')] {
        out.put("import_csv", &format!("seed-{name}.csv"), csv(d, &rows).as_bytes());
    }
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(csv(';', &rows[..1]).as_bytes());
    out.put("import_csv", "seed-bom-one-row.csv", &bom);
    out.put(
        "import_csv",
        "seed-short-header.csv",
        b"NIP;Nama;Perangkat Daerah\n198503122010011001;Siti;Dinas Kesehatan\n",
    );
    let mut words: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    words.extend(
        [
            ",", ";", "\t", "|", "\"", "\"\"", "\r\n", "\u{FEFF}", "PNS", "CPNS", "PPPK",
            "PTT", "Honorer", "Tenaga Kontrak", "III/a", "IV/e", "I/a", "II/d", "XVII", "II.a",
            "Struktural", "Fungsional Tertentu", "Fungsional Umum", "Pelaksana",
            "198503122010011001", "29-02-2000", "2020-02-29", "31/12/1999",
        ]
        .map(String::from),
    );
    out.dict("import_csv", words);
}

/// A workbook of `rows`; `dates` writes birth dates as date cells, `formula`
/// puts a formula in a name cell, `number_nip` a NIP as a number.
fn xlsx(rows: &[Vec<String>], dates: bool, formula: bool, number_nip: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Pegawai").unwrap();
    let date_format = Format::new().set_num_format("dd-mm-yyyy");
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            let parsed = NaiveDate::parse_from_str(v, "%d-%m-%Y").ok();
            match (c, parsed) {
                (11, Some(d)) if dates => {
                    let at = ExcelDateTime::from_ymd(d.format("%Y").to_string().parse().unwrap(),
                        d.format("%m").to_string().parse().unwrap(),
                        d.format("%d").to_string().parse().unwrap())
                    .unwrap();
                    sheet.write_datetime_with_format(r, c, &at, &date_format).unwrap();
                }
                (1, _) if formula && r == 1 => {
                    sheet.write_formula(r, c, Formula::new("=UPPER(\"x\")")).unwrap();
                }
                (0, _) if number_nip && !v.is_empty() => {
                    sheet.write_number(r, c, v.parse::<f64>().unwrap()).unwrap();
                }
                _ if v.is_empty() => {}
                _ => {
                    sheet.write_string(r, c, v).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// The XML parts of a workbook, in the order the structured mode reads them.
fn parts(xlsx: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).expect("zip");
    let mut joined = Vec::new();
    for (i, name) in [
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/workbook.xml",
        "xl/styles.xml",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            joined.push(0xFF);
        }
        if let Ok(mut f) = zip.by_name(name) {
            f.read_to_end(&mut joined).expect("zip read");
        }
    }
    joined
}

fn xlsxs(out: &mut Out) {
    let rows = rows();
    for (name, dates, formula, number_nip) in [
        ("plain", false, false, false),
        ("dates", true, false, false),
        ("formula", false, true, false),
        ("number-nip", false, false, true),
    ] {
        let book = xlsx(&rows, dates, formula, number_nip);
        out.put("import_xlsx", &format!("seed-{name}.xlsx"), &book);
        out.put("import_xlsx", &format!("seed-{name}.parts"), &parts(&book));
    }
    out.dict(
        "import_xlsx",
        [
            "<row r=\"1\">", "</row>", "<c r=\"A1\"", " t=\"s\"", " t=\"n\"", " t=\"b\"",
            " t=\"e\"", " t=\"d\"", " t=\"str\"", " t=\"inlineStr\"", "<is><t>", "</t></is>",
            "<v>", "</v>", "<f>", "</f>", " s=\"1\"", "<sheetData>", "</sheetData>",
            "<dimension ref=\"A1:XFD1048576\"/>", "<dimension ref=\"A1:L5\"/>", "<si><t>",
            "</t></si>", "<sst count=\"1\" uniqueCount=\"1\">", "<sheet name=\"Pegawai\" sheetId=\"1\" r:id=\"rId1\"/>",
            "<cellXfs count=\"2\">", "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/>",
            "<numFmt numFmtId=\"164\" formatCode=\"dd-mm-yyyy\"/>", "<workbookPr date1904=\"1\"/>",
            "XFD1048576", "&amp;", "&#0;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
        ]
        .map(String::from),
    );
}

fn numbering(out: &mut Out) {
    let templates = [
        "{klasifikasi}/{nomor}/{unit}/{tahun}",
        "{klasifikasi}/{nomor}-{unit}/{tahun}",
        "{klasifikasi}/{nomor}/{unit}",
        "{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}",
        "SE-{nomor}/{bulan}/{tahun}",
    ];
    for (i, t) in templates.iter().enumerate() {
        let mut input = t.as_bytes().to_vec();
        input.extend_from_slice(b"\0800.1.11.1\0BKPSDM\0");
        input.extend_from_slice(&439u32.to_le_bytes());
        input.extend_from_slice(&2020i32.to_le_bytes());
        input.extend_from_slice(&5u32.to_le_bytes());
        out.put("numbering", &format!("seed-{i}"), &input);
    }
    out.dict(
        "numbering",
        [
            "{klasifikasi}", "{nomor}", "{unit}", "{tahun}", "{bulan}", "{bulan_romawi}", "{", "}",
            "/", "\0",
        ]
        .map(String::from),
    );
}
