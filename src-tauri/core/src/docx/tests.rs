use std::io::{Cursor, Read};

use super::srikandi::{self, Sheet, Sifat, Urgensi};
use super::*;
use crate::circular::{numbering_label, Annex, KopKind, Point, SigningMode};
use crate::markup;
use crate::pdf::png;
use crate::printed::fixture;

const MUBA: &str = "muba-800-439-bkpsdm-2020";

/// The part `name` of the package `docx`, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

/// What a reader sees of `xml`: the text of its runs, tags taken out.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ch in xml.chars() {
        match ch {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn annex(rows: usize) -> Annex {
    Annex {
        title: "Daftar pegawai piket".into(),
        columns: vec!["No".into(), "Nama".into(), "Tanggal".into()],
        widths: vec![1.0, 4.0, 3.0],
        rows: (1..=rows)
            .map(|i| vec![i.to_string(), format!("Pegawai {i}"), "1 Juni 2020".into()])
            .collect(),
    }
}

#[test]
fn the_package_has_its_parts_the_papers_size_and_the_pdfs_margins() {
    let c = fixture(MUBA);
    for (paper, width, height) in [(PaperSize::F4, 12189, 18709), (PaperSize::A4, 11906, 16838)] {
        let docx = render(&c, paper).unwrap();
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/numbering.xml",
            "word/header1.xml",
            "docProps/core.xml",
        ] {
            assert!(names(&docx).contains(&name.to_string()), "{name}");
        }
        let doc = part(&docx, "word/document.xml");
        assert!(doc.contains(&format!("<w:pgSz w:w=\"{width}\" w:h=\"{height}\"/>")));
        // Left 3 cm, right 2 cm, top 2 cm, bottom 2.5 cm, in twips.
        assert!(doc.contains(
            "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1417\" w:left=\"1701\""
        ));
        assert!(doc.contains("<w:titlePg/>"), "no number on the first page");
        assert!(part(&docx, "word/header1.xml").contains("w:instr=\" PAGE \""));
        assert!(part(&docx, "word/styles.xml").contains("w:ascii=\"Arial\""));
        assert!(part(&docx, "docProps/core.xml").contains("800/439/BKPSDM/2020"));
    }
}

#[test]
fn every_point_is_numbered_by_the_numbering_part_with_its_text_whole() {
    let mut c = fixture(MUBA);
    c.points[1].children = vec![
        Point::with("Sub-butir pertama", vec![Point::new("Rincian satu")]),
        Point::new("Sub-butir kedua"),
    ];
    let docx = render(&c, PaperSize::F4).unwrap();
    let doc = part(&docx, "word/document.xml");
    let text = text_of(&doc);
    for (name, depth, p) in Point::named(&c.points) {
        assert!(text.contains(&markup::plain(&p.text)), "{name} lost");
        let at = doc.find(&xml::escape(&markup::plain(&p.text))).unwrap();
        let paragraph = &doc[doc[..at].rfind("<w:p>").unwrap()..at];
        let numbered = format!("<w:ilvl w:val=\"{depth}\"/><w:numId w:val=\"{POINTS}\"/>");
        assert_eq!(paragraph.contains(&numbered), !p.unnumbered, "{name}");
        assert!(!text.contains(&format!("{}{}", numbering_label(depth, 0), p.text)));
    }
    let numbering = part(&docx, "word/numbering.xml");
    for (format, label) in package::LEVELS {
        assert!(numbering.contains(&format!(
            "<w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{label}\"/>"
        )));
    }
    // Hanging indents: level 2 (`1)`) text at three steps, label one step out.
    assert!(numbering.contains(&format!(
        "<w:ind w:left=\"{}\" w:hanging=\"{}\"/>",
        xml::twips(crate::pdf::STEP * 3.0),
        xml::twips(crate::pdf::STEP)
    )));
}

#[test]
fn the_word_levels_print_the_pdfs_labels() {
    for (level, (format, text)) in package::LEVELS.iter().enumerate() {
        for index in 0..26 {
            let value = match *format {
                "lowerLetter" => ((b'a' + index as u8) as char).to_string(),
                _ => (index + 1).to_string(),
            };
            let word = text.replace(&format!("%{}", level + 1), &value);
            assert_eq!(word, numbering_label(level, index));
        }
    }
}

#[test]
fn emphasis_becomes_italic_and_bold_runs_without_the_markers() {
    let mut c = fixture(MUBA);
    c.points[0].text = "Pegawai *wajib* bekerja _work from home_ ke bkd_muba@mail.go.id.".into();
    let doc = part(&render(&c, PaperSize::F4).unwrap(), "word/document.xml");
    let run = |text: &str| {
        let at = doc
            .find(&format!(">{text}</w:t>"))
            .unwrap_or_else(|| panic!("{text}"));
        doc[doc[..at].rfind("<w:r>").unwrap()..at].to_string()
    };
    assert!(run("wajib").contains("<w:b/>") && !run("wajib").contains("<w:i/>"));
    assert!(run("work from home").contains("<w:i/>"));
    assert!(doc.contains("bkd_muba@mail.go.id"));
    assert!(!doc.contains("*wajib*") && !doc.contains("_work"));
}

#[test]
fn an_office_kop_is_a_borderless_table_with_the_emblem_and_a_double_rule() {
    let mut c = fixture(MUBA);
    c.letterhead.kind = KopKind::PerangkatDaerah;
    c.letterhead.emblem = Some(png(80, 96));
    c.letterhead.tiers = vec![
        "Pemerintah Kabupaten Musi Banyuasin".into(),
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into(),
    ];
    c.letterhead.address_lines = vec!["Jalan Kolonel Wahid Udin Nomor 254 Sekayu".into()];
    let docx = render(&c, PaperSize::F4).unwrap();
    assert!(names(&docx).contains(&"word/media/gambar1.png".to_string()));
    assert!(part(&docx, "word/_rels/document.xml.rels").contains("Target=\"media/gambar1.png\""));
    let doc = part(&docx, "word/document.xml");
    let kop = &doc[doc.find("<w:tbl>").unwrap()..doc.find("</w:tbl>").unwrap()];
    assert!(doc.find("<w:tbl>").unwrap() < doc.find(">Yth.<").unwrap());
    assert!(kop.contains("<wp:inline") && kop.contains("r:embed=\"rIdGambar1\""));
    assert!(kop.contains("<w:top w:val=\"nil\"/>") && kop.contains("<w:insideV w:val=\"nil\"/>"));
    assert!(kop.contains("<w:bottom w:val=\"thinThickSmallGap\""));
    for tier in ["PEMERINTAH KABUPATEN MUSI BANYUASIN", "JALAN KOLONEL"] {
        assert!(text_of(kop).to_uppercase().contains(tier), "{tier}");
    }
    // A head of region's kop: the emblem centred, no table, no rule.
    let mut c = fixture(MUBA);
    c.letterhead.emblem = Some(png(100, 110));
    let doc = part(&render(&c, PaperSize::F4).unwrap(), "word/document.xml");
    assert!(!doc[..doc.find(">Yth.<").unwrap()].contains("<w:tbl>"));
    assert!(!doc.contains("SmallGap"));
    let emblem = doc.find("<wp:inline").unwrap();
    assert!(emblem < doc.find(">BUPATI MUSI BANYUASIN<").unwrap());
    assert!(doc[..emblem].contains("<w:jc w:val=\"center\"/>"));
}

#[test]
fn a_lampiran_table_repeats_its_header_row_and_never_splits_a_row() {
    let mut c = fixture(MUBA);
    c.annexes = vec![annex(120), annex(3)];
    let doc = part(&render(&c, PaperSize::A4).unwrap(), "word/document.xml");
    assert_eq!(
        doc.matches("<w:tblHeader/>").count(),
        2,
        "one header row per table"
    );
    // The header row and the last two rows are tied to what follows.
    let first = &doc[doc.find("<w:tblHeader/>").unwrap()..];
    let first = &first[..first.find("</w:tbl>").unwrap()];
    let tied: Vec<bool> = first
        .split("<w:tr>")
        .map(|r| r.contains("<w:keepNext/>"))
        .collect();
    assert!(tied[0] && tied[119] && tied[120] && !tied[1] && !tied[118]);
    // Never two tables in a row: a word processor would join them.
    assert!(!doc.contains("</w:tbl><w:tbl>"));
    // The tables' rows, and the three signature blocks' (one row each).
    assert_eq!(doc.matches("<w:tr>").count(), 121 + 4 + 3);
    assert_eq!(doc.matches("<w:cantSplit/>").count(), 121 + 4 + 3);
    assert_eq!(doc.matches("<w:pageBreakBefore/>").count(), 2);
    let text = text_of(&doc);
    for needle in [
        "LAMPIRAN I SURAT EDARAN",
        "LAMPIRAN II SURAT EDARAN",
        "DAFTAR PEGAWAI PIKET",
        "Pegawai 120",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // Widths 1:4:3 of the 160 mm between A4's margins.
    let column = xml::twips(crate::pdf::Sheet::new(PaperSize::A4).text_width() / 8.0);
    assert!(doc.contains(&format!("<w:gridCol w:w=\"{column}\"/>")));
    // A signature block under every lampiran, and under the body.
    assert_eq!(text.matches(&c.signature.printed_name()).count(), 3);
}

#[test]
fn the_signature_block_is_one_row_in_the_right_half_tied_to_the_body() {
    let mut c = fixture(MUBA);
    c.signature.stamp_image = Some(png(60, 60));
    let doc = part(&render(&c, PaperSize::F4).unwrap(), "word/document.xml");
    let at = doc.find(">Ditetapkan di Sekayu<").unwrap();
    let block = &doc[doc[..at].rfind("<w:tbl>").unwrap()..];
    let block = &block[..block.find("</w:tbl>").unwrap()];
    let half = xml::twips(crate::pdf::Sheet::new(PaperSize::F4).text_width() * 0.5);
    assert!(
        block.starts_with("<w:tbl>") && block.contains(&format!("<w:gridCol w:w=\"{half}\"/>"))
    );
    assert_eq!(block.matches("<w:tr>").count(), 1);
    assert!(block.contains("<w:cantSplit/>"));
    for line in [
        "pada tanggal 12 Mei 2020",
        "BUPATI MUSI BANYUASIN,",
        &c.signature.printed_name(),
    ] {
        assert!(text_of(block).contains(line), "{line}");
    }
    assert!(block.contains("behindDoc=\"1\"") && block.contains("name=\"cap\""));
    // Tied through the space above it to the body's last point.
    let closing = &doc[..doc[..at].rfind("<w:tbl>").unwrap()];
    let space = closing.rfind("<w:p>").unwrap();
    let last = &closing[closing[..space].rfind("<w:p>").unwrap()..space];
    assert!(closing[space..].contains("<w:keepNext/>"));
    assert!(last.contains("<w:keepNext/>") && last.contains("Demikian"));
}

#[test]
fn srikandis_merge_fields_stand_unsplit_where_edaran_fills_in() {
    let mut c = fixture(MUBA);
    c.signature.mode = SigningMode::AtasNama;
    c.signature.signer_office = "Sekretaris Daerah".into();
    c.signature.name = "Drs. ARMAN SYAH, M.Si.".into();
    c.signature.rank = "Pembina Utama Madya (IV/d)".into();
    c.signature.nip = "196805121994031004".into();
    c.annexes = vec![annex(2)];
    let docx = srikandi::render(&c, PaperSize::F4).unwrap();
    let doc = part(&docx, "word/document.xml");
    let whole = |field: &str| format!("<w:t xml:space=\"preserve\">{field}</w:t>");
    for (field, times) in [
        (srikandi::NOMOR, 2),
        (srikandi::TANGGAL, 2),
        (srikandi::NAMA, 2),
        (srikandi::NIP, 2),
        (srikandi::TTD, 1),
    ] {
        assert_eq!(doc.matches(&whole(field)).count(), times, "{field}");
        assert_eq!(doc.matches(field).count(), times, "{field} elsewhere");
    }
    assert!(text_of(&doc).contains(&format!("NOMOR {}", srikandi::NOMOR)));
    assert!(text_of(&doc).contains(&format!("pada tanggal {}", srikandi::TANGGAL)));
    assert!(text_of(&doc).contains(&format!("NIP. {}", srikandi::NIP)));
    for edaran in ["800/439/BKPSDM/2020", "ARMAN SYAH", "196805121994031004"] {
        assert!(!doc.contains(edaran), "{edaran} left in");
    }
    assert!(!text_of(&doc).contains("pada tanggal 12 Mei 2020"));
    for kept in [
        "a.n. BUPATI MUSI BANYUASIN",
        "SEKRETARIS DAERAH,",
        "Pembina Utama Madya (IV/d)",
    ] {
        assert!(text_of(&doc).contains(kept), "{kept}");
    }
    // An acting head of region signs without NIP: no NIP field either.
    c.signature.mode = SigningMode::Plt;
    let doc = part(
        &srikandi::render(&c, PaperSize::F4).unwrap(),
        "word/document.xml",
    );
    assert!(!doc.contains(srikandi::NIP) && doc.contains(srikandi::NAMA));
}

#[test]
fn the_metadata_sheet_lists_what_srikandis_form_asks() {
    let mut c = fixture(MUBA);
    c.copies = vec![
        "Gubernur Sumatera Selatan di Palembang".into(),
        "Ketua DPRD".into(),
    ];
    let sheet = Sheet::new(&c, None, Sifat::Biasa, Urgensi::Segera);
    assert_eq!(sheet.klasifikasi, "800", "from the number");
    assert_eq!(
        sheet.tembusan,
        ["Gubernur Sumatera Selatan di Palembang", "Ketua DPRD"]
    );
    let text = sheet.text("se.docx");
    for line in [
        "Jenis Naskah    : Surat Edaran",
        "Sifat Naskah    : Biasa",
        "Tingkat Urgensi : Segera",
        "Klasifikasi     : 800",
        "  2. Ketua DPRD",
        "unggah berkas Word se.docx",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert!(text.contains(&format!("Hal             : {}", c.subject.trim())));
    assert_eq!(
        Sheet::new(&c, Some("000.8.3"), Sifat::Biasa, Urgensi::Biasa).klasifikasi,
        "000.8.3"
    );
    c.number.clear();
    let draft = Sheet::new(&c, Some(" "), Sifat::Biasa, Urgensi::Biasa);
    assert!(draft.text("x.docx").contains("(isi kode klasifikasi"));
}

#[test]
fn a_stored_circulars_sheet_takes_the_offices_classification() {
    let mut store = crate::Store::for_test().unwrap();
    let mut office = crate::demo::office_profile();
    office.classification = "000.8.3".into();
    store.save_office(&office).unwrap();
    let sheet = store
        .srikandi_sheet(&fixture(MUBA), Sifat::Rahasia, Urgensi::Biasa)
        .unwrap();
    assert_eq!(sheet.klasifikasi, "000.8.3", "not the number's 800");
    assert_eq!(sheet.sifat, Sifat::Rahasia);
}

#[test]
fn the_sheet_and_the_word_file_are_written_together() {
    let dir = tempfile::tempdir().unwrap();
    let c = fixture(MUBA);
    let sheet = Sheet::new(&c, None, Sifat::Biasa, Urgensi::Biasa);
    let docx = dir.path().join("se-srikandi.docx");
    let written = srikandi::save(&docx, b"PK", &sheet).unwrap();
    assert_eq!(written, dir.path().join("se-srikandi-metadata.txt"));
    assert!(std::fs::read_to_string(&written)
        .unwrap()
        .starts_with('\u{feff}'));
    // A Word file that cannot be written leaves no sheet behind.
    let blocked = dir.path().join("folder.docx");
    std::fs::create_dir(&blocked).unwrap();
    let e = srikandi::save(&blocked, b"PK", &sheet).unwrap_err();
    assert!(e.to_string().contains("tidak dapat ditulis"), "{e}");
    assert!(!dir.path().join("folder-metadata.txt").exists());
}

#[test]
fn a_notice_is_dated_like_a_letter_under_its_own_name() {
    let c = fixture(MUBA);
    let heading = Heading::Notice("PEMBERITAHUAN".into());
    let text = text_of(&part(
        &super::notice(&c, &heading, PaperSize::F4).unwrap(),
        "word/document.xml",
    ));
    assert!(text.contains("PEMBERITAHUAN") && !text.contains("SURAT EDARAN"));
    assert!(text.contains(&format!("{}, 12 Mei 2020", c.place.trim())));
    assert!(!text.contains("Ditetapkan di"));
}

#[test]
fn the_same_circular_gives_the_same_bytes() {
    let c = fixture("pandeglang-800-2688-bkd-2020");
    assert_eq!(
        render(&c, PaperSize::F4).unwrap(),
        render(&c, PaperSize::F4).unwrap()
    );
}

#[test]
fn a_broken_picture_or_circular_is_refused_in_indonesian() {
    let mut c = fixture(MUBA);
    c.letterhead.emblem = Some(b"\x89PNG\r\n\x1a\nterpotong".to_vec());
    let e = render(&c, PaperSize::F4).unwrap_err();
    assert!(
        e.to_string().contains("Gambar lambang tidak dapat dibaca"),
        "{e}"
    );
    let mut c = fixture(MUBA);
    c.signature.stamp_image = Some(b"GIF89a".to_vec());
    let e = render(&c, PaperSize::F4).unwrap_err();
    assert!(
        e.to_string().contains("Gambar cap tidak dapat dibaca"),
        "{e}"
    );
    let mut c = fixture(MUBA);
    c.points[0].text = " ".into();
    assert!(srikandi::render(&c, PaperSize::F4)
        .unwrap_err()
        .to_string()
        .contains("kosong"));
}
