//! The bundled faces (Liberation Sans, metric twin of Arial, SIL OFL) and
//! their glyph widths, measured with ttf-parser.

use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A face's bytes and its parsed metrics.
pub struct Face {
    pub bytes: &'static [u8],
    metrics: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        let metrics = ttf_parser::Face::parse(bytes, 0).expect("bundled font parses");
        let units_per_em = metrics.units_per_em() as f32;
        Face {
            bytes,
            metrics,
            units_per_em,
        }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.advance(c)).sum();
        units as f32 * size / self.units_per_em
    }

    fn advance(&self, c: char) -> u32 {
        self.metrics
            .glyph_index(c)
            .and_then(|g| self.metrics.glyph_hor_advance(g))
            .unwrap_or(0) as u32
    }

    /// True when the face has a glyph for `c` (whitespace always passes).
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || self.metrics.glyph_index(c).is_some()
    }
}

pub fn face(weight: Weight) -> &'static Face {
    static FACES: OnceLock<[Face; 2]> = OnceLock::new();
    let faces = FACES.get_or_init(|| [Face::load(REGULAR), Face::load(BOLD)]);
    match weight {
        Weight::Regular => &faces[0],
        Weight::Bold => &faces[1],
    }
}

/// The first character in `text` that the faces cannot print.
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
    }
}
