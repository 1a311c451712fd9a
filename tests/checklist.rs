//! The printed circular as a Kabag Organisasi checks it before signing:
//! the seed circulars and variants (an office kop with emblem and two
//! lampiran, a.n., u.b., a Pj. draft) on F4 and A4, each rule asserted from
//! the PDF (pdftotext) or the engine's own layout records, and every page
//! written as an image to `test-output/checklist/` to be looked at.

use std::path::{Path, PathBuf};

use edaran_core::circular::{Annex, Circular, KopKind, SigningMode};
use edaran_core::office::PaperSize;
use edaran_core::{exchange, pdf};
use edaran_tests::tool;

const MM: f32 = 72.0 / 25.4;

fn fixture(name: &str) -> Circular {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/{name}.json"));
    exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn annex(title: &str, rows: usize) -> Annex {
    Annex {
        title: title.into(),
        columns: ["No", "Nama", "Unit"].map(String::from).to_vec(),
        widths: vec![0.6, 3.0, 3.0],
        rows: (1..=rows)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Pegawai Nomor {i}"),
                    "Bidang Pelayanan".into(),
                ]
            })
            .collect(),
    }
}

/// The circulars checked, by name.
fn variants() -> Vec<(&'static str, Circular)> {
    let muba = fixture("muba-800-439-bkpsdm-2020");
    let mut office = muba.clone();
    office.letterhead.kind = KopKind::PerangkatDaerah;
    office.letterhead.tiers = vec![
        "Pemerintah Kabupaten Musi Banyuasin".into(),
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into(),
    ];
    office.letterhead.address_lines = vec![
        "Jalan Kolonel Wahid Udin Nomor 254 Sekayu 30711".into(),
        "Telepon (0714) 321123, Laman bkpsdm.mubakab.go.id, Pos-el bkpsdm@mubakab.go.id".into(),
    ];
    office.letterhead.emblem = Some(
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/icon.png")).unwrap(),
    );
    office.signature.mode = SigningMode::Langsung;
    office.signature.principal_office =
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into();
    office.signature.name = "Drs. AHMAD RIVAI, M.Si.".into();
    office.signature.rank = "Pembina Utama Muda (IV/c)".into();
    office.signature.nip = "196805121990031004".into();
    office.annexes = vec![
        annex("Jadwal piket pegawai", 70),
        annex("Daftar perangkat daerah yang dikecualikan", 3),
    ];
    let first = office.points.len() - 1;
    office.points[0].unnumbered = true;
    office.points[first].unnumbered = true;

    let mut an = muba.clone();
    an.signature.mode = SigningMode::AtasNama;
    an.signature.signer_office = "Sekretaris Daerah".into();
    an.signature.name = "Drs. H. APRIYADI, M.Si.".into();
    an.signature.nip = "196504101986031012".into();
    an.signature.rank = "Pembina Utama Madya (IV/d)".into();

    let mut ub = an.clone();
    ub.signature.mode = SigningMode::UntukBeliau;
    ub.signature.intermediate_office = "Sekretaris Daerah".into();
    ub.signature.signer_office = "Kepala BKPSDM".into();
    ub.signature.name = "Drs. AHMAD RIVAI, M.Si.".into();

    let mut pj = muba.clone();
    pj.signature.mode = SigningMode::Pj;
    pj.signature.name = "Dr. H. ANDI WIJAYA BUSRO, S.E., M.Si.".into();
    pj.signature.nip = "197001011990031001".into();
    pj.number.clear();
    pj.issued_on = None;

    vec![
        ("muba", muba),
        ("pandeglang", fixture("pandeglang-800-2688-bkd-2020")),
        ("sumsel", fixture("sumsel-2020-03")),
        ("kop-dinas-lampiran", office),
        ("an", an),
        ("ub", ub),
        ("pj-draf", pj),
    ]
}

/// Renders `c`, writes the PDF and its page images under test-output.
fn print(name: &str, c: &Circular, paper: PaperSize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/checklist");
    std::fs::create_dir_all(&dir).unwrap();
    let stem = format!(
        "{name}-{}",
        if paper == PaperSize::F4 { "f4" } else { "a4" }
    );
    let file = dir.join(format!("{stem}.pdf"));
    std::fs::write(
        &file,
        pdf::render(c, paper, chrono::DateTime::UNIX_EPOCH).unwrap(),
    )
    .unwrap();
    let prefix = dir.join(&stem);
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "70",
            file.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    file
}

/// A word pdftotext found, with its box in points from the top-left.
struct Word {
    page: usize,
    text: String,
    x_min: f32,
    x_max: f32,
    y_min: f32,
    y_max: f32,
}

fn words(pdf: &Path) -> (f32, f32, Vec<Word>) {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let (mut width, mut height, mut page) = (0.0, 0.0, 0);
    let mut out = Vec::new();
    for tag in html.split('<') {
        if tag.starts_with("page ") {
            (width, height) = (attr(tag, "width"), attr(tag, "height"));
            page += 1;
        } else if let Some(rest) = tag.strip_prefix("word ") {
            out.push(Word {
                page,
                text: rest.split('>').nth(1).unwrap_or_default().to_string(),
                x_min: attr(tag, "xMin"),
                x_max: attr(tag, "xMax"),
                y_min: attr(tag, "yMin"),
                y_max: attr(tag, "yMax"),
            });
        }
    }
    (width, height, out)
}

fn pages_text(pdf: &Path) -> Vec<String> {
    tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

#[test]
fn every_printed_circular_passes_the_checklist() {
    let mut failures = Vec::new();
    for (name, c) in variants() {
        for paper in [PaperSize::F4, PaperSize::A4] {
            let case = format!("{name} {paper:?}");
            let file = print(name, &c, paper);
            let mut fail = |what: String| failures.push(format!("{case}: {what}"));
            // Page keeping, from the engine's own records.
            for fault in pdf::faults(&pdf::layout(&c, paper).unwrap()) {
                fail(fault);
            }
            let pages = pages_text(&file);
            // The signature page has body text above "Ditetapkan di".
            let signed = pages.iter().find(|p| p.contains("Ditetapkan di")).unwrap();
            let above = signed.split("Ditetapkan di").next().unwrap();
            let body_lines = above
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('-'))
                .count();
            if body_lines < 2 {
                fail(format!("halaman tanda tangan tanpa isi: {above:?}"));
            }
            let (width, height, words) = words(&file);
            // Margins: left 3 cm, right 2 cm, bottom 2.5 cm; top 2 cm below the page number.
            for w in &words {
                if w.x_min < 30.0 * MM - 1.0 || w.x_max > width - 20.0 * MM + 1.0 {
                    fail(format!(
                        "\"{}\" di luar margin kiri/kanan (halaman {})",
                        w.text, w.page
                    ));
                }
                if w.y_max > height - 25.0 * MM + 1.0 {
                    fail(format!(
                        "\"{}\" di margin bawah (halaman {})",
                        w.text, w.page
                    ));
                }
            }
            // The signer's name: bold at body size, never smaller than the body.
            let printed = c.signature.printed_name();
            // The name's longest word, to find it among the others.
            let name_word_text = printed.split_whitespace().max_by_key(|w| w.len()).unwrap();
            let body_height = words
                .iter()
                .find(|w| w.text == "Demikian" || w.text == "Menindaklanjuti")
                .map(|w| w.y_max - w.y_min)
                .unwrap();
            let name_word = words
                .iter()
                .rev()
                .find(|w| w.text == name_word_text)
                .unwrap();
            if (name_word.y_max - name_word.y_min) + 0.2 < body_height {
                fail(format!(
                    "nama penanda tangan lebih kecil dari isi ({name_word_text})"
                ));
            }
            let all = pages.concat();
            // Lampiran: numbered when several, each closed by the signature.
            if c.annexes.len() > 1 {
                for label in ["LAMPIRAN I SURAT EDARAN", "LAMPIRAN II SURAT EDARAN"] {
                    if !all.contains(label) {
                        fail(format!("tidak ada \"{label}\""));
                    }
                }
            }
            let signatures = all.matches(name_word_text).count();
            if signatures != 1 + c.annexes.len() {
                fail(format!(
                    "{signatures} blok tanda tangan untuk {} lampiran",
                    c.annexes.len()
                ));
            }
            // Pasal 44 for an acting head of region.
            if c.signature.acting() && (all.contains("NIP") || all.contains("M.Si.")) {
                fail("Pj. mencetak gelar atau NIP".into());
            }
            if c.signature.rank_and_nip().is_some()
                && !all.contains(&format!("NIP. {}", c.signature.nip))
            {
                fail("NIP penanda tangan tidak tercetak".into());
            }
            // Unnumbered opening: the first numbered point is "1." after it.
            if c.points[0].unnumbered {
                let opening = all.lines().find(|l| l.contains("Menindaklanjuti")).unwrap();
                if opening.trim_start().starts_with("1.") {
                    fail("pembukaan bernomor".into());
                }
                if !all
                    .lines()
                    .any(|l| l.trim_start().starts_with("1.") && !l.contains("Menindaklanjuti"))
                {
                    fail("butir pertama sesudah pembukaan bukan 1.".into());
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} temuan:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
