//! The kop (letterhead) at the top of a circular's first page, drawn as its
//! issuer's: a head of region's or a perangkat daerah's.

use printpdf::XObjectId;

use super::fonts::{face, Weight};
use super::layout::wrap;
use super::writer::{Align, Writer};
use super::{LEADING, MM};
use crate::circular::{Circular, KopKind};

/// A head of region's title line (`BUPATI X`) and the emblem's height above it.
pub(crate) const HEAD_TITLE: f32 = 16.0;
pub(crate) const HEAD_EMBLEM: f32 = 25.0 * MM;
/// An office kop's tiers: the lines above the office name (`PEMERINTAH
/// KABUPATEN X`), the office name, the address lines. The tradition's 2:3:1
/// is kept as an order, pulled together: a 28 pt office name over a 9.5 pt
/// address would wrap most names into three lines.
pub(crate) const GOVERNMENT: f32 = 14.0;
pub(crate) const OFFICE: f32 = 18.0;
pub(crate) const ADDRESS: f32 = 9.5;
/// Width of an office kop's emblem at the left, and the gap beside it.
pub(crate) const OFFICE_EMBLEM: f32 = 22.0 * MM;
pub(crate) const GAP: f32 = 3.0 * MM;

/// The kop of `c`, as its kind says.
pub(super) fn letterhead(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    match c.letterhead.kind {
        KopKind::KepalaDaerah => head_of_region(w, c, emblem),
        KopKind::PerangkatDaerah => office(w, c, emblem),
    }
}

/// Head of region: the emblem centred at the top margin, the title line(s)
/// centred below it, no rule.
fn head_of_region(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    let sheet = w.sheet;
    if let Some((id, px_w, px_h)) = emblem {
        let width = (HEAD_EMBLEM * *px_w as f32 / *px_h as f32).min(sheet.text_width());
        let height = width * *px_h as f32 / *px_w as f32;
        let x = sheet.left + (sheet.text_width() - width) / 2.0;
        w.image(id, *px_w, x, w.y - height, width);
        w.y -= height + 1.0 * MM;
    }
    let lines = c
        .letterhead
        .tiers
        .iter()
        .map(|t| (t.to_uppercase(), HEAD_TITLE));
    tiers(w, lines, sheet.left, sheet.text_width());
    address(w, c, sheet.left, sheet.text_width());
    w.y -= LEADING * 1.5;
}

/// Perangkat daerah: the emblem at the left, tiers centred beside it, each
/// wrapped at its own size (never smaller than the tier above), the
/// address lines, and a double rule under all of it.
fn office(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    let sheet = w.sheet;
    let top = w.y;
    let (x, width) = match emblem {
        Some(_) => (
            sheet.left + OFFICE_EMBLEM + GAP,
            sheet.text_width() - OFFICE_EMBLEM - GAP,
        ),
        None => (sheet.left, sheet.text_width()),
    };
    let last = c.letterhead.tiers.len().saturating_sub(1);
    let lines = c.letterhead.tiers.iter().enumerate().map(|(i, tier)| {
        let size = if i == last { OFFICE } else { GOVERNMENT };
        (tier.to_uppercase(), size)
    });
    tiers(w, lines, x, width);
    address(w, c, x, width);
    let mut bottom = w.y - 6.0;
    if let Some((id, px_w, px_h)) = emblem {
        let height = OFFICE_EMBLEM * *px_h as f32 / *px_w as f32;
        let y = top - ((top - bottom).max(height) + height) / 2.0;
        w.image(id, *px_w, sheet.left, y, OFFICE_EMBLEM);
        bottom = bottom.min(y - 3.0);
    }
    w.rule(sheet.left, sheet.width - sheet.right, bottom, 2.2);
    w.rule(sheet.left, sheet.width - sheet.right, bottom - 2.8, 0.7);
    w.y = bottom - 2.8 - LEADING;
}

/// Bold centred lines, each wrapped within `width` at its size.
fn tiers(w: &mut Writer, lines: impl Iterator<Item = (String, f32)>, x: f32, width: f32) {
    for (text, size) in lines {
        for line in wrap(&text, face(Weight::Bold), size, width) {
            w.y -= size * 1.15;
            w.laid_line(&line, Weight::Bold, size, x, width, Align::Center);
        }
    }
}

fn address(w: &mut Writer, c: &Circular, x: f32, width: f32) {
    for text in &c.letterhead.address_lines {
        for line in wrap(text, face(Weight::Regular), ADDRESS, width) {
            w.y -= ADDRESS * 1.3;
            w.laid_line(&line, Weight::Regular, ADDRESS, x, width, Align::Center);
        }
    }
}

/// What the tests read back from laid-out pages.
#[cfg(test)]
pub(super) mod tests {
    use std::io::Write;

    use printpdf::{Op, PdfFontHandle, TextItem};

    use super::super::fonts;
    use super::super::writer::Sheet;
    use super::super::{Book, Heading};
    use crate::circular::{Circular, KopKind, Letterhead};
    use crate::office::PaperSize;

    /// A text run as printed: its text, size, left and right ends, baseline.
    #[derive(Debug)]
    pub struct Run {
        pub text: String,
        pub size: f32,
        pub x: f32,
        pub right: f32,
        pub y: f32,
    }

    /// The pages of `c` laid out on `paper`.
    pub fn book(c: &Circular, paper: PaperSize) -> Book {
        let mut book = Book::new("uji", paper, chrono::DateTime::UNIX_EPOCH);
        book.add(c, &Heading::SuratEdaran).unwrap();
        book
    }

    /// Text runs of page `page` (0-based), in drawing order.
    pub fn runs(book: &Book, page: usize) -> Vec<Run> {
        let (mut size, mut face, mut at) = (0.0, &fonts::all()[0], (0.0, 0.0));
        let mut out = Vec::new();
        for op in &book.pages[page].ops {
            match op {
                Op::SetFont {
                    font: PdfFontHandle::External(id),
                    size: s,
                } => {
                    size = s.0;
                    let index = book.fonts.iter().position(|f| f == id).unwrap_or(0);
                    face = &fonts::all()[index];
                }
                Op::SetTextCursor { pos } => at = (pos.x.0, pos.y.0),
                Op::ShowText { items } => {
                    let (mut text, mut width) = (String::new(), 0.0);
                    for item in items {
                        match item {
                            TextItem::Text(t) => {
                                text.push_str(t);
                                width += face.width(t, size);
                            }
                            TextItem::Offset(o) => width -= o * size / 1000.0,
                            _ => {}
                        }
                    }
                    out.push(Run {
                        text,
                        size,
                        x: at.0,
                        right: at.0 + width,
                        y: at.1,
                    });
                }
                _ => {}
            }
        }
        out
    }

    /// Heights of the horizontal lines drawn on page `page`.
    pub fn rules(book: &Book, page: usize) -> Vec<f32> {
        book.pages[page]
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::DrawLine { line } => Some(line.points[0].p.y.0),
                _ => None,
            })
            .collect()
    }

    /// Images on page `page`: left, bottom and scale (points per pixel).
    fn images(book: &Book, page: usize) -> Vec<(f32, f32, f32)> {
        book.pages[page]
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::UseXobject { transform: t, .. } => Some((
                    t.translate_x.unwrap().0,
                    t.translate_y.unwrap().0,
                    t.scale_x.unwrap(),
                )),
                _ => None,
            })
            .collect()
    }

    /// A plain `width` × `height` PNG, standing in for an emblem.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            out.extend(kind);
            out.extend(data);
            out.extend(crc.sum().to_be_bytes());
        }
        let mut header = Vec::new();
        header.extend(width.to_be_bytes());
        header.extend(height.to_be_bytes());
        header.extend([8, 2, 0, 0, 0]);
        let row: Vec<u8> = std::iter::once(0)
            .chain((0..width).flat_map(|_| [212, 175, 55]))
            .collect();
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        for _ in 0..height {
            z.write_all(&row).unwrap();
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(&mut out, b"IHDR", &header);
        chunk(&mut out, b"IDAT", &z.finish().unwrap());
        chunk(&mut out, b"IEND", &[]);
        out
    }

    pub fn fixture(name: &str) -> Circular {
        let path = format!(
            "{}/../../tests/fixtures/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    const OFFICE_NAME: &str =
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Musi Banyuasin";

    fn office_kop(emblem: Option<Vec<u8>>) -> Circular {
        let mut c = fixture("muba-800-439-bkpsdm-2020");
        c.letterhead = Letterhead {
            kind: KopKind::PerangkatDaerah,
            emblem,
            tiers: vec![
                "Pemerintah Kabupaten Musi Banyuasin".into(),
                OFFICE_NAME.into(),
            ],
            address_lines: vec![
                "Jalan Kolonel Wahid Udin Nomor 254 Sekayu 30711".into(),
                "Telepon (0714) 321234, Faksimile (0714) 321235".into(),
            ],
        };
        c
    }

    #[test]
    fn a_long_office_name_wraps_at_its_size_above_a_legible_address_and_a_double_rule() {
        for paper in [PaperSize::F4, PaperSize::A4] {
            for emblem in [None, Some(png(80, 96))] {
                let with_emblem = emblem.is_some();
                let book = book(&office_kop(emblem), paper);
                let runs = runs(&book, 0);
                let government = &runs[0];
                assert_eq!(government.text, "PEMERINTAH KABUPATEN MUSI BANYUASIN");
                let address = runs
                    .iter()
                    .position(|r| r.text.starts_with("Jalan Kolonel"))
                    .unwrap();
                let name = &runs[1..address];
                assert!(name.len() >= 2, "the office name wraps: {name:?}");
                assert_eq!(
                    name.iter()
                        .map(|r| r.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    OFFICE_NAME.to_uppercase()
                );
                for line in name {
                    assert!(
                        line.size >= government.size + 2.0,
                        "{paper:?}, emblem {with_emblem}: office name at {} pt under a {} pt line",
                        line.size,
                        government.size
                    );
                }
                for line in &runs[address..address + 2] {
                    assert!(line.size >= 9.0, "address at {} pt", line.size);
                }
                let yth = runs.iter().find(|r| r.text.starts_with("Yth.")).unwrap();
                let kop_rules: Vec<f32> = rules(&book, 0)
                    .into_iter()
                    .filter(|y| *y > yth.y && *y < runs[address + 1].y)
                    .collect();
                assert_eq!(kop_rules.len(), 2, "a double rule under the kop");
                let sheet = Sheet::new(paper);
                let images = images(&book, 0);
                if with_emblem {
                    assert_eq!(images.len(), 1);
                    assert!(
                        (images[0].0 - sheet.left).abs() < 0.01,
                        "emblem at the left margin"
                    );
                    assert!(name.iter().all(|r| r.x > images[0].0 + 80.0 * images[0].2));
                } else {
                    assert!(images.is_empty());
                }
            }
        }
    }

    #[test]
    fn a_head_of_regions_kop_centres_the_emblem_above_the_title_without_a_rule() {
        for paper in [PaperSize::F4, PaperSize::A4] {
            let sheet = Sheet::new(paper);
            let centre = sheet.left + sheet.text_width() / 2.0;
            let mut c = fixture("muba-800-439-bkpsdm-2020");
            assert_eq!(c.letterhead.kind, KopKind::KepalaDaerah);
            c.letterhead.emblem = Some(png(100, 110));
            let book = book(&c, paper);
            let runs = runs(&book, 0);
            let title = &runs[0];
            assert_eq!(title.text, "BUPATI MUSI BANYUASIN");
            assert!(((title.x + title.right) / 2.0 - centre).abs() < 0.5);
            let (x, y, scale) = images(&book, 0)[0];
            assert!((x + 50.0 * scale - centre).abs() < 0.5, "emblem centred");
            assert!(y > title.y + title.size, "emblem above the title");
            let top = y + 110.0 * scale;
            assert!(
                (top - (sheet.height - sheet.top)).abs() < 0.5,
                "emblem at the top margin"
            );
            let heading = runs.iter().find(|r| r.text == "SURAT EDARAN").unwrap();
            assert!(
                rules(&book, 0).iter().all(|y| *y < heading.y),
                "no rule in a head of region's kop"
            );
        }
    }

    #[test]
    fn a_missing_emblem_is_warned_about_in_the_preview() {
        let c = fixture("muba-800-439-bkpsdm-2020");
        let preview = super::super::preview(&c, PaperSize::F4, 1).unwrap();
        assert_eq!(preview.warnings.len(), 1);
        assert!(preview.warnings[0].contains("lambang negara (Garuda)"));
        let c = office_kop(Some(png(10, 10)));
        assert!(super::super::preview(&c, PaperSize::F4, 1)
            .unwrap()
            .warnings
            .is_empty());
        assert!(office_kop(None).warnings()[0].contains("lambang daerah"));
    }
}
