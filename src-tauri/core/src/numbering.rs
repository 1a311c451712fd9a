//! Penomoran surat: the office's letter-number template, e.g.
//! `{klasifikasi}/{nomor}/{unit}/{tahun}` → `800/439/BKPSDM/2020`.

use crate::error::{Error, Result};
use crate::ErrorCode;

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Token(Token),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Classification,
    Sequence,
    Unit,
    Year,
    Month,
    RomanMonth,
}

const TOKENS: [(&str, Token); 6] = [
    ("klasifikasi", Token::Classification),
    ("nomor", Token::Sequence),
    ("unit", Token::Unit),
    ("tahun", Token::Year),
    ("bulan", Token::Month),
    ("bulan_romawi", Token::RomanMonth),
];

/// The values that fill a template for one letter.
#[derive(Debug, Clone)]
pub struct NumberParts<'a> {
    pub classification: &'a str,
    pub sequence: u32,
    pub unit: &'a str,
    pub year: i32,
    pub month: u32,
}

/// A checked numbering template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberTemplate(Vec<Piece>);

const FIELD: &str = "numbering_template";

impl NumberTemplate {
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find(['{', '}']) {
            if rest[open..].starts_with('}') {
                return Err(bad(format!(
                    "Templat nomor: \"}}\" tanpa \"{{\" pada posisi {}.",
                    pos(text, rest, open)
                )));
            }
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_string()));
            }
            let close = rest[open..].find('}').ok_or_else(|| {
                bad(format!(
                    "Templat nomor: \"{{\" pada posisi {} tidak ditutup dengan \"}}\".",
                    pos(text, rest, open)
                ))
            })? + open;
            let name = &rest[open + 1..close];
            let token = TOKENS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .ok_or_else(|| {
                    let known: Vec<String> =
                        TOKENS.iter().map(|(n, _)| format!("{{{n}}}")).collect();
                    bad(format!(
                        "Templat nomor: penanda {{{name}}} tidak dikenal. Yang dikenal: {}.",
                        known.join(", ")
                    ))
                })?;
            pieces.push(Piece::Token(token));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_string()));
        }
        let sequences = pieces
            .iter()
            .filter(|p| **p == Piece::Token(Token::Sequence))
            .count();
        if sequences != 1 {
            return Err(bad(format!(
                "Templat nomor harus memuat {{nomor}} tepat satu kali (ditemukan {sequences})."
            )));
        }
        // Sequences restart every year (max(sequence)+1 of the year), so
        // without the year two years would print the same number.
        if !pieces.contains(&Piece::Token(Token::Year)) {
            return Err(Error::invalid(
                ErrorCode::TemplatTanpaTahun,
                FIELD,
                "Templat nomor harus memuat {tahun}: nomor urut dimulai lagi dari 1 setiap tahun, \
                 sehingga tanpa tahun nomor surat tahun ini sama dengan nomor tahun lalu \
                 (misalnya {klasifikasi}/{nomor}/{unit}/{tahun}).",
            ));
        }
        Ok(NumberTemplate(pieces))
    }

    /// The letter number for `parts`.
    pub fn render(&self, parts: &NumberParts) -> String {
        render_pieces(&self.0, parts)
    }

    /// The sequence `number` carries when it is exactly this template
    /// filled with `parts` (whose own sequence is ignored): `061/412/ORG/2020`
    /// in `{klasifikasi}/{nomor}/ORG/{tahun}` with classification 061 and
    /// year 2020 → 412.
    pub fn sequence_in(&self, number: &str, parts: &NumberParts) -> Option<u32> {
        let at = self
            .0
            .iter()
            .position(|p| *p == Piece::Token(Token::Sequence))?;
        let digits = number
            .strip_prefix(&render_pieces(&self.0[..at], parts))?
            .strip_suffix(&render_pieces(&self.0[at + 1..], parts))?;
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.starts_with('0')
        {
            return None;
        }
        digits.parse().ok()
    }
}

fn render_pieces(pieces: &[Piece], parts: &NumberParts) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Token(Token::Classification) => parts.classification.to_string(),
            Piece::Token(Token::Sequence) => parts.sequence.to_string(),
            Piece::Token(Token::Unit) => parts.unit.to_string(),
            Piece::Token(Token::Year) => parts.year.to_string(),
            Piece::Token(Token::Month) => parts.month.to_string(),
            Piece::Token(Token::RomanMonth) => crate::words::roman(parts.month as usize),
        })
        .collect()
}

fn pos(whole: &str, rest: &str, at: usize) -> usize {
    whole[..whole.len() - rest.len() + at].chars().count() + 1
}

fn bad(message: String) -> Error {
    Error::invalid(ErrorCode::TemplatNomor, FIELD, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(
        classification: &'static str,
        sequence: u32,
        unit: &'static str,
    ) -> NumberParts<'static> {
        NumberParts {
            classification,
            sequence,
            unit,
            year: 2020,
            month: 5,
        }
    }

    #[test]
    fn renders_the_seed_patterns() {
        let t = |s: &str| NumberTemplate::parse(s).unwrap();
        assert_eq!(
            t("{klasifikasi}/{nomor}/{unit}/{tahun}").render(&parts("800", 439, "BKPSDM")),
            "800/439/BKPSDM/2020"
        );
        assert_eq!(
            t("{klasifikasi}/{nomor}-{unit}/{tahun}").render(&parts("800", 2688, "BKD")),
            "800/2688-BKD/2020"
        );
        assert_eq!(
            t("{klasifikasi}/{nomor}/{unit}/{tahun}").render(&parts("061.1", 1882, "ORG")),
            "061.1/1882/ORG/2020"
        );
        assert_eq!(
            t("{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}").render(&parts(
                "800.1.11.1",
                7,
                "BKPSDM"
            )),
            "800.1.11.1/7/BKPSDM/V/2020"
        );
    }

    #[test]
    fn rejects_templates_that_cannot_number() {
        let msg = |s: &str| NumberTemplate::parse(s).unwrap_err().to_string();
        assert!(
            msg("{klasifikasi}/{unit}/{tahun}").contains("{nomor} tepat satu kali (ditemukan 0)")
        );
        assert!(msg("{nomor}/{nomor}").contains("ditemukan 2"));
        assert!(msg("{klasifikasi}/{nomer}/{tahun}").contains("penanda {nomer} tidak dikenal"));
        assert!(msg("800/{nomor/2020").contains("posisi 5 tidak ditutup"));
        assert!(msg("800}/{nomor}").contains("posisi 4"));
    }

    #[test]
    fn a_number_of_the_templates_own_pattern_gives_back_its_sequence() {
        let t = NumberTemplate::parse("{klasifikasi}/{nomor}/ORG/{tahun}").unwrap();
        let p = parts("061", 0, "");
        assert_eq!(t.sequence_in("061/412/ORG/2020", &p), Some(412));
        for other in [
            "061/412/ORG/2021",
            "800.1.11/77/ORG",
            "061/412a/ORG/2020",
            "061//ORG/2020",
            "061/0412/ORG/2020",
        ] {
            assert_eq!(t.sequence_in(other, &p), None, "{other}");
        }
    }

    #[test]
    fn a_template_without_the_year_is_refused() {
        // The Setda's `061.1/1882/ORG`: sequences restart each year, so
        // 2020's letter 1882 and 2021's would carry the same number.
        let e = NumberTemplate::parse("{klasifikasi}/{nomor}/{unit}").unwrap_err();
        assert_eq!(e.code(), ErrorCode::TemplatTanpaTahun);
        assert_eq!(e.field(), Some("numbering_template"));
        assert!(e
            .to_string()
            .starts_with("Templat nomor harus memuat {tahun}"));
        // The month alone does not tell the years apart either.
        let e = NumberTemplate::parse("{nomor}/{bulan_romawi}").unwrap_err();
        assert_eq!(e.code(), ErrorCode::TemplatTanpaTahun);
        // {nomor} is checked first: a template lacking both names {nomor}.
        assert_eq!(
            NumberTemplate::parse("{unit}").unwrap_err().code(),
            ErrorCode::TemplatNomor
        );
        assert!(NumberTemplate::parse("{nomor}/{tahun}").is_ok());
    }
}
