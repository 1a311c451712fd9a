//! What a circular's parts say, as text, for every way it is written out
//! (the PDF, the Word file): the title's number line, the addressees and
//! tembusan with their punctuation, the place-and-date lines, a lampiran's
//! header. The layout is each writer's; the words are decided here once.

use crate::circular::Circular;
use crate::words;

/// The kind of file a circular is written to, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    /// Word (DOCX).
    Docx,
}

impl FileKind {
    /// `.pdf` or `.docx` (any case); anything else is refused, naming both.
    pub fn of_file(path: &std::path::Path) -> crate::error::Result<FileKind> {
        crate::files::output_kind(
            path,
            "surat edaran",
            &[("pdf", FileKind::Pdf), ("docx", FileKind::Docx)],
            ".pdf atau .docx (Word)",
        )
    }
}

/// What the title block says: a circular's `SURAT EDARAN` and its number,
/// or the name of a notice that carries a circular out (it has no number of
/// its own and cites the circular's in its text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    SuratEdaran,
    /// e.g. `PEMBERITAHUAN` over the subject.
    Notice(String),
}

/// What the issue fills in: the number, the date, the signer's name and
/// NIP. Edaran's own ([`Filled::of`]) or another system's merge fields
/// (SRIKANDI's, see `docx::srikandi`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// Empty while the circular has no number.
    pub number: String,
    /// Empty while the circular has no date of issue.
    pub date: String,
    pub name: String,
    /// Pangkat (may be empty) and NIP, where the signature block prints them.
    pub rank_and_nip: Option<(String, String)>,
    /// Text standing in the signing space in place of a handwritten
    /// signature (a merge field); `None`: room for the signature and stamp.
    pub signing: Option<String>,
}

impl Filled {
    /// As Edaran prints `c`: its number and date of issue, the signer's
    /// printed name (Pasal 44 applied) and pangkat/NIP where due.
    pub fn of(c: &Circular) -> Filled {
        let s = &c.signature;
        Filled {
            number: c.number.trim().to_string(),
            date: c.issued_on.map(words::date).unwrap_or_default(),
            name: s.printed_name(),
            rank_and_nip: s
                .rank_and_nip()
                .map(|(rank, nip)| (rank.to_string(), nip.to_string())),
            signing: None,
        }
    }

    /// The title's number line: `NOMOR 800/439/BKPSDM/2020`, dotted while
    /// there is no number.
    pub fn number_line(&self) -> String {
        match self.number.as_str() {
            "" => "NOMOR ............................".into(),
            n => format!("NOMOR {n}"),
        }
    }

    /// The lines above the signer's office: `Ditetapkan di X` / `pada
    /// tanggal D` for a circular, `X, D` for a notice (dated like a letter).
    pub fn date_lines(&self, c: &Circular, heading: &Heading) -> Vec<String> {
        let place = c.place.trim();
        match heading {
            Heading::SuratEdaran => vec![
                format!("Ditetapkan di {place}"),
                format!("pada tanggal {}", self.date),
            ],
            Heading::Notice(_) => vec![format!("{place}, {}", self.date)],
        }
    }

    /// A lampiran header's fields: `NOMOR`, `TANGGAL`, `TENTANG` and their
    /// values (dots for what is not known yet).
    pub fn annex_fields(&self, c: &Circular) -> [(&'static str, String); 3] {
        let known = |v: &str| match v {
            "" => "....................".to_string(),
            v => v.to_string(),
        };
        [
            ("NOMOR", known(&self.number)),
            ("TANGGAL", known(&self.date)),
            ("TENTANG", c.subject.to_uppercase()),
        ]
    }
}

/// The addressees as printed: with a `;` closing each when there are
/// several (they are numbered then).
pub fn addressees(c: &Circular) -> Vec<String> {
    let several = c.addressees.len() > 1;
    c.addressees
        .iter()
        .map(|a| {
            let mut line = a.trim().to_string();
            if several && !line.ends_with([';', '.', ',']) {
                line.push(';');
            }
            line
        })
        .collect()
}

/// The tembusan as printed: `;` after each, `.` after the last.
pub fn copies(c: &Circular) -> Vec<String> {
    let count = c.copies.len();
    c.copies
        .iter()
        .enumerate()
        .map(|(i, copy)| {
            let mut line = copy.trim().to_string();
            if !line.ends_with([';', '.']) {
                line.push(if i + 1 == count { '.' } else { ';' });
            }
            line
        })
        .collect()
}

/// The first line of lampiran `index`'s header: `LAMPIRAN I SURAT EDARAN
/// BUPATI X`, or for a notice `LAMPIRAN PEMBERITAHUAN PELAKSANAAN SURAT
/// EDARAN BUPATI X`.
pub fn annex_of(c: &Circular, heading: &Heading, index: usize) -> String {
    let principal = c.signature.principal_office.to_uppercase();
    let of = match heading {
        Heading::SuratEdaran => format!("SURAT EDARAN {principal}"),
        Heading::Notice(name) => format!("{name} PELAKSANAAN SURAT EDARAN {principal}"),
    };
    format!(
        "{} {of}",
        crate::circular::lampiran_label(index, c.annexes.len()).to_uppercase()
    )
}

/// Seed circular `name` of `tests/fixtures/`, for the writers' tests.
#[cfg(test)]
pub(crate) fn fixture(name: &str) -> Circular {
    let path = format!(
        "{}/../../tests/fixtures/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    crate::exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Circular {
        super::fixture("muba-800-439-bkpsdm-2020")
    }

    #[test]
    fn the_extension_names_the_kind_of_file() {
        use std::path::Path;
        assert_eq!(
            FileKind::of_file(Path::new("se.PDF")).unwrap(),
            FileKind::Pdf
        );
        assert_eq!(
            FileKind::of_file(Path::new("a/se.docx")).unwrap(),
            FileKind::Docx
        );
        for bad in ["se.doc", "se", "se.odt"] {
            let e = FileKind::of_file(Path::new(bad)).unwrap_err();
            assert!(e.to_string().contains(".pdf atau .docx"), "{e}");
        }
    }

    #[test]
    fn lists_close_with_their_punctuation_and_a_draft_prints_dots() {
        let mut c = fixture();
        c.addressees = vec!["Para Camat".into(), "Para Lurah.".into()];
        c.copies = vec!["Gubernur".into(), "Menteri;".into(), "DPRD".into()];
        assert_eq!(addressees(&c), ["Para Camat;", "Para Lurah."]);
        assert_eq!(copies(&c), ["Gubernur;", "Menteri;", "DPRD."]);
        c.addressees.truncate(1);
        assert_eq!(addressees(&c), ["Para Camat"]);
        c.number.clear();
        c.issued_on = None;
        let f = Filled::of(&c);
        assert_eq!(f.number_line(), "NOMOR ............................");
        assert_eq!(f.annex_fields(&c)[1].1, "....................");
        assert_eq!(
            f.date_lines(&c, &Heading::Notice("PEMBERITAHUAN".into())),
            [format!("{}, ", c.place.trim())]
        );
    }
}
