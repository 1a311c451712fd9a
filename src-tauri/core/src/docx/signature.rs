//! The signature block (right half) and the tembusan under it, in Word.

use super::xml::{row, run, table, Borders, Font, Para};
use super::{Doc, COPIES};
use crate::error::Result;
use crate::pdf::{text_width, BODY, COPIES_SIZE, COPIES_WIDTH, LEADING, MM, SIGNING_SPACE};
use crate::printed;

/// The signature block in the right half: a borderless table row that
/// never splits, tied to the last lines before it. Place and date when
/// `dated` (a lampiran's block has none), the office lines in bold, the
/// signing space (with the signature and stamp images, or the merge field
/// standing for the signature), the name in bold and underlined, pangkat
/// and NIP where they are printed.
pub(super) fn block(doc: &mut Doc, dated: bool) -> Result<()> {
    let line = |text: &str, font: Font| Para::new().line(LEADING).text(text, font);
    let regular = Font::regular(BODY);
    let bold = Font::bold(BODY);
    let mut paras = Vec::new();
    if dated {
        let dates = doc.filled.date_lines(doc.c, doc.heading);
        let count = dates.len();
        for (i, text) in dates.iter().enumerate() {
            let after = if i + 1 == count { LEADING * 0.5 } else { 0.0 };
            paras.push(line(text, regular).after(after));
        }
    }
    for office in doc.c.signature.office_lines() {
        paras.push(line(&office, bold));
    }
    paras.push(signing_space(doc, dated)?);
    let name = Font {
        underline: true,
        ..bold
    };
    paras.push(line(&doc.filled.name, name));
    if let Some((rank, nip)) = &doc.filled.rank_and_nip {
        if !rank.is_empty() {
            paras.push(line(rank, regular));
        }
        paras.push(line(&format!("NIP. {nip}"), regular));
    }
    let count = paras.len();
    let mut right = String::new();
    for (i, mut p) in paras.into_iter().enumerate() {
        if i + 1 == count {
            p = p.after(LEADING);
        }
        right.push_str(&p.xml());
    }
    // The space above the block, as a paragraph: two tables in a row (a
    // lampiran's and this one) would be read as one.
    let above = if dated { LEADING * 0.5 } else { LEADING * 1.5 };
    doc.push(Para::new().line(above).keep_next());
    let half = doc.width() * 0.5;
    let cells = [(half, Para::new().xml()), (doc.width() - half, right)];
    let block = table(
        &[half, doc.width() - half],
        Borders::None,
        [0.0; 2],
        &[row(&cells, false, false)],
    );
    doc.xml.push_str(&block);
    Ok(())
}

/// Room for the handwritten signature and the stamp between the office
/// lines and the name, with their images when the circular has them; or
/// the merge field that stands for the signature, in the main (`dated`)
/// block only: a lampiran's block keeps the room.
fn signing_space(doc: &mut Doc, dated: bool) -> Result<Para> {
    let height = SIGNING_SPACE - LEADING;
    let p = Para::new().line_at_least(height);
    if let Some(field) = &doc.filled.signing {
        return Ok(match dated {
            true => p.push(&run(field, Font::regular(BODY))),
            false => p,
        });
    }
    let s = &doc.c.signature;
    let mut images = String::new();
    if let Some(stamp) = doc.pictures.add(&s.stamp_image, "cap")? {
        let width = 35.0 * MM;
        let y = height - stamp.height_at(width);
        images.push_str(&doc.pictures.behind(&stamp, width, -12.0 * MM, y, "cap"));
    }
    if let Some(signature) = doc.pictures.add(&s.signature_image, "tanda tangan")? {
        let width = 40.0 * MM;
        let y = height - 2.0 * MM - signature.height_at(width);
        images.push_str(
            &doc.pictures
                .behind(&signature, width, 4.0 * MM, y, "tanda tangan"),
        );
    }
    Ok(p.push(&images))
}

/// `Tembusan:` and its numbered list at the tembusan's size, in the left
/// three quarters; kept whole up to five items, a longer list never
/// leaving one item alone on a page.
pub(super) fn copies(doc: &mut Doc) {
    const WHOLE: usize = 5;
    let lines = printed::copies(doc.c);
    if lines.is_empty() {
        return;
    }
    let font = Font::regular(COPIES_SIZE);
    let leading = COPIES_SIZE * 1.3;
    let right = doc.width() * (1.0 - COPIES_WIDTH);
    doc.push(
        Para::new()
            .line(leading)
            .keep_next()
            .text("Tembusan:", font),
    );
    let label = text_width("99. ", COPIES_SIZE);
    let count = lines.len();
    for (i, text) in lines.iter().enumerate() {
        let mut p = Para::new()
            .numbered(COPIES, 0)
            .indent(label, label)
            .right_indent(right)
            .line(leading)
            .size(COPIES_SIZE)
            .keep_lines()
            .text(text, font);
        let tie = count <= WHOLE || i == 0 || i + 2 == count;
        if tie && i + 1 < count {
            p = p.keep_next();
        }
        doc.push(p);
    }
}
