//! The signature block and the tembusan under it.

use printpdf::XObjectId;

use super::fonts::{face, Weight};
use super::kop::fit;
use super::layout::{self, wrap};
use super::writer::{Align, Writer};
use super::{Heading, BODY, LEADING, MM};
use crate::circular::Circular;
use crate::words;

/// Place and date, the office lines, room for signature and stamp, the name,
/// and pangkat/NIP where they belong; kept together on one page.
pub(super) fn signature_block(
    w: &mut Writer,
    c: &Circular,
    heading: &Heading,
    signature: Option<&(XObjectId, usize, usize)>,
    stamp: Option<&(XObjectId, usize, usize)>,
) {
    let sheet = w.sheet;
    let x = sheet.left + sheet.text_width() * 0.5;
    let width = sheet.width - sheet.right - x;
    let s = &c.signature;
    let offices: Vec<layout::Line> = s
        .office_lines()
        .iter()
        .flat_map(|line| wrap(line, face(Weight::Bold), BODY, width))
        .collect();
    let space = 24.0 * MM;
    let rank_lines = if s.rank_and_nip().is_some() { 2.0 } else { 0.0 };
    w.y -= LEADING * 0.5;
    w.ensure(LEADING * (3.5 + offices.len() as f32 + 1.0 + rank_lines) + space);
    let date = c.issued_on.map(words::date).unwrap_or_default();
    // A circular is *ditetapkan*; a notice is dated like a letter.
    let lines = match heading {
        Heading::SuratEdaran => vec![
            format!("Ditetapkan di {}", c.place.trim()),
            format!("pada tanggal {date}"),
        ],
        Heading::Notice(_) => vec![format!("{}, {date}", c.place.trim())],
    };
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            w.y -= LEADING;
        }
        w.line_at(line, Weight::Regular, BODY, x, width, Align::Left);
    }
    w.y -= LEADING * 1.5;
    for line in &offices {
        w.laid_line(line, Weight::Bold, BODY, x, width, Align::Left);
        w.y -= LEADING;
    }
    let space_bottom = w.y - space + LEADING;
    if let Some((id, px, _)) = stamp {
        w.image(id, *px, x - 12.0 * MM, space_bottom, 35.0 * MM);
    }
    if let Some((id, px, _)) = signature {
        w.image(id, *px, x + 4.0 * MM, space_bottom + 2.0 * MM, 40.0 * MM);
    }
    w.y -= space;
    let name = s.name.trim();
    let size = fit(name, Weight::Bold, BODY, 9.0, width);
    w.line_at(name, Weight::Bold, size, x, width, Align::Left);
    let name_width = face(Weight::Bold).width(name, size);
    w.rule(x, x + name_width, w.y - 1.5, 0.6);
    if let Some((rank, nip)) = s.rank_and_nip() {
        if !rank.is_empty() {
            w.y -= LEADING;
            w.line_at(rank, Weight::Regular, BODY, x, width, Align::Left);
        }
        w.y -= LEADING;
        w.line_at(
            &format!("NIP. {nip}"),
            Weight::Regular,
            BODY,
            x,
            width,
            Align::Left,
        );
    }
    w.y -= LEADING * 2.0;
}

/// `Tembusan:` and its numbered list.
pub(super) fn copies(w: &mut Writer, c: &Circular) {
    if c.copies.is_empty() {
        return;
    }
    let size = 11.0;
    let leading = size * 1.3;
    let sheet = w.sheet;
    let label = face(Weight::Regular).width("99. ", size);
    let width = sheet.text_width() * 0.75 - label;
    w.ensure(leading * 2.0);
    w.line_at(
        "Tembusan:",
        Weight::Regular,
        size,
        sheet.left,
        width,
        Align::Left,
    );
    w.y -= leading;
    let last = c.copies.len() - 1;
    for (i, copy) in c.copies.iter().enumerate() {
        let mut text = copy.trim().to_string();
        if !text.ends_with([';', '.']) {
            text.push(if i == last { '.' } else { ';' });
        }
        let lines = wrap(&text, face(Weight::Regular), size, width);
        w.ensure(leading * lines.len() as f32);
        w.line_at(
            &format!("{}.", i + 1),
            Weight::Regular,
            size,
            sheet.left,
            label,
            Align::Left,
        );
        for line in &lines {
            w.laid_line(
                line,
                Weight::Regular,
                size,
                sheet.left + label,
                width,
                Align::Left,
            );
            w.y -= leading;
        }
    }
}
