//! The bundled faces (Liberation Sans, metric twin of Arial, SIL OFL) and
//! their glyph widths, measured with ttf-parser.

use std::sync::OnceLock;

use crate::markup::Emphasis;

const REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../fonts/LiberationSans-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf");

/// Regular or bold: the weight a part of the document is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// The four faces (regular, bold, italic, bold italic), by [`Face::index`].
pub const FACES: usize = 4;

/// A face's bytes and its parsed metrics.
pub struct Face {
    pub bytes: &'static [u8],
    /// Position among the [`FACES`]: bold adds 1, italic 2.
    pub index: usize,
    metrics: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advances of U+0000–U+00FF, looked up once: nearly every character
    /// of a circular, measured many times while lines are broken.
    latin: [u16; 256],
}

impl Face {
    fn load(bytes: &'static [u8], index: usize) -> Face {
        let metrics = ttf_parser::Face::parse(bytes, 0).expect("bundled font parses");
        let units_per_em = metrics.units_per_em() as f32;
        let lookup = |c: char| {
            metrics
                .glyph_index(c)
                .and_then(|g| metrics.glyph_hor_advance(g))
                .unwrap_or(0)
        };
        let latin = std::array::from_fn(|i| lookup(char::from(i as u8)));
        Face {
            bytes,
            index,
            metrics,
            units_per_em,
            latin,
        }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.advance(c)).sum();
        units as f32 * size / self.units_per_em
    }

    fn advance(&self, c: char) -> u32 {
        match self.latin.get(c as usize) {
            Some(units) => u32::from(*units),
            None => self
                .metrics
                .glyph_index(c)
                .and_then(|g| self.metrics.glyph_hor_advance(g))
                .map_or(0, u32::from),
        }
    }

    pub fn bold(&self) -> bool {
        self.index & 1 == 1
    }

    pub fn italic(&self) -> bool {
        self.index & 2 == 2
    }

    /// This face with `emphasis` added (bold text made italic is bold italic).
    pub fn with(&self, emphasis: Emphasis) -> &'static Face {
        &all()[self.index | emphasis.bold as usize | (emphasis.italic as usize) << 1]
    }

    /// True when the face has a glyph for `c` (whitespace always passes).
    pub fn covers(&self, c: char) -> bool {
        let known = self.latin.get(c as usize).is_some_and(|units| *units > 0);
        known || c.is_whitespace() || self.metrics.glyph_index(c).is_some()
    }
}

/// The upright face of `weight`.
pub fn face(weight: Weight) -> &'static Face {
    &all()[(weight == Weight::Bold) as usize]
}

/// Every face, by [`Face::index`].
pub fn all() -> &'static [Face; FACES] {
    static LOADED: OnceLock<[Face; FACES]> = OnceLock::new();
    LOADED.get_or_init(|| {
        let bytes = [REGULAR, BOLD, ITALIC, BOLD_ITALIC];
        std::array::from_fn(|i| Face::load(bytes[i], i))
    })
}

/// The first character in `text` that the faces cannot print (the four
/// faces of Liberation Sans 2.1.5 cover the same characters).
pub fn uncovered(text: &str) -> Option<char> {
    let face = face(Weight::Regular);
    text.chars().find(|c| !face.covers(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_like_arial() {
        // Liberation Sans shares Arial's advance widths: "SURAT EDARAN" in Arial Bold
        // is 8,000 font units (S 667, U R A N 722, T 611, E 667, space 278) → 96 pt at 12 pt.
        let w = face(Weight::Bold).width("SURAT EDARAN", 12.0);
        assert!((w - 96.0).abs() < 0.01, "{w}");
        assert!(
            face(Weight::Regular).width("iiii", 12.0) < face(Weight::Regular).width("MMMM", 12.0)
        );
        assert_eq!(uncovered("Tanggal 12 Mei 2020 – “Tempat”"), None);
        assert_eq!(uncovered("Salam 🙂"), Some('🙂'));
        let italic = Emphasis {
            italic: true,
            bold: false,
        };
        // Italic shares the upright advances too; bold italic is bold's.
        let regular = face(Weight::Regular);
        assert_eq!(regular.with(italic).index, 2);
        assert_eq!(face(Weight::Bold).with(italic).index, 3);
        assert_eq!(
            regular.with(italic).width("Work From Home", 12.0),
            regular.width("Work From Home", 12.0)
        );
    }
}
