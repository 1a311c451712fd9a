//! One circular's parts in the order a *surat edaran* prints them: kop,
//! addressees, title, numbered body, signature block, tembusan, lampiran;
//! and the check that the bundled faces can print every text.

use super::flow::{Flow, Placed};
use super::signature::{Marks, Picture};
use super::writer::Writer;
use super::{annex, body, fonts, heading, kop, signature, Heading, LEADING};
use crate::circular::{Circular, Point};
use crate::error::{Error, Result};
use crate::ErrorCode;

/// Lays out `c` under `heading` on `w`'s new pages; returns where each block landed.
pub(super) fn lay_out(
    w: &mut Writer,
    c: &Circular,
    heading: &Heading,
    emblem: Option<&Picture>,
    marks: Marks,
) -> Vec<Placed> {
    kop::letterhead(w, c, emblem);
    w.y -= LEADING * 0.5;
    let sheet = w.sheet;
    let mut flow = Flow::new();
    heading::addressees(&mut flow, sheet, c);
    heading::title(&mut flow, sheet, c, heading);
    body::body(&mut flow, sheet, &c.points, 0);
    signature::signature_block(&mut flow, sheet, c, heading, marks, true);
    signature::copies(&mut flow, sheet, c);
    for index in 0..c.annexes.len() {
        annex::annex_pages(&mut flow, sheet, c, heading, index, marks);
    }
    flow.place(w)
}

/// `c`'s first lampiran alone, unsigned, from the first page on.
pub(super) fn annex_alone(w: &mut Writer, c: &Circular, heading: &Heading) {
    let marks = Marks {
        signature: None,
        stamp: None,
    };
    let mut flow = Flow::new();
    annex::annex_pages(&mut flow, w.sheet, c, heading, 0, marks);
    flow.place(w);
}

/// Every text must be printable with the bundled faces (no emoji and the like).
pub(super) fn check_glyphs(c: &Circular) -> Result<()> {
    let mut texts: Vec<(String, &str)> = vec![
        ("perihal".into(), &c.subject),
        ("tempat".into(), &c.place),
        ("nomor".into(), &c.number),
    ];
    texts.extend(
        c.letterhead
            .tiers
            .iter()
            .chain(&c.letterhead.address_lines)
            .map(|t| ("kop".to_string(), t.as_str())),
    );
    texts.extend(
        c.addressees
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("tujuan baris {}", i + 1), t.as_str())),
    );
    texts.extend(
        c.copies
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("tembusan baris {}", i + 1), t.as_str())),
    );
    let s = &c.signature;
    for t in [
        &s.principal_office,
        &s.signer_office,
        &s.intermediate_office,
        &s.name,
        &s.rank,
        &s.nip,
    ] {
        texts.push(("penandatangan".into(), t));
    }
    // A point prints its text without the emphasis markers.
    let printed: Vec<(String, String)> = Point::named(&c.points)
        .into_iter()
        .map(|(name, _, p)| (name, crate::markup::plain(&p.text)))
        .collect();
    texts.extend(
        printed
            .iter()
            .map(|(name, text)| (name.clone(), text.as_str())),
    );
    for (i, annex) in c.annexes.iter().enumerate() {
        texts.push((format!("lampiran {}", i + 1), &annex.title));
        for (r, row) in annex.rows.iter().enumerate() {
            texts.extend(
                row.iter()
                    .map(|cell| (format!("lampiran {} baris {}", i + 1, r + 1), cell.as_str())),
            );
        }
    }
    for (place, text) in texts {
        if let Some(ch) = fonts::uncovered(text) {
            return Err(Error::invalid(
                ErrorCode::KarakterTidakTersedia,
                "text",
                format!(
                    "Karakter \"{ch}\" (U+{:04X}) pada {place} tidak tersedia di huruf dokumen (Liberation Sans); hapus atau ganti karakter itu.",
                    ch as u32
                ),
            ));
        }
    }
    Ok(())
}
