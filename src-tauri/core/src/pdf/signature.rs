//! The signature block and the tembusan under it.

use printpdf::XObjectId;

use super::flow::{Draw, Flow, Item, Part};
use super::fonts::{face, Weight};
use super::layout::wrap;
use super::writer::{Align, Sheet};
use super::{Heading, BODY, LEADING, MM};
use crate::circular::Circular;
use crate::printed::{self, Filled};

/// An embedded image: its id and pixel size.
pub(super) type Picture = (XObjectId, usize, usize);

/// The signature's and the stamp's images, when the circular has them.
#[derive(Clone, Copy)]
pub(super) struct Marks<'a> {
    pub signature: Option<&'a Picture>,
    pub stamp: Option<&'a Picture>,
}

/// Room left for the handwritten signature and the stamp.
pub(crate) const SIGNING_SPACE: f32 = 24.0 * MM;

/// The signature block, one unit that never splits: place and date when
/// `dated` (the circular's end; a lampiran's block has only the office and
/// the name), the office lines, room for signature and stamp, the name in
/// bold at body size (wrapped, never shrunk), pangkat and NIP where they
/// belong. The last two lines before it are tied to it, so it never starts
/// a page alone.
pub(super) fn signature_block<'a>(
    flow: &mut Flow<'a>,
    sheet: Sheet,
    c: &'a Circular,
    heading: &Heading,
    marks: Marks<'a>,
    dated: bool,
) {
    let x = sheet.left + sheet.text_width() * 0.5;
    let width = sheet.width - sheet.right - x;
    let s = &c.signature;
    let line = |text: String, weight: Weight| -> Draw<'a> {
        Box::new(move |w| w.line_at(&text, weight, BODY, x, width, Align::Left))
    };
    let mut blocks: Vec<(f32, Draw<'a>)> = Vec::new();
    let filled = Filled::of(c);
    if dated {
        let lines = filled.date_lines(c, heading);
        let last = lines.len() - 1;
        for (i, text) in lines.into_iter().enumerate() {
            let height = if i == last { LEADING * 1.5 } else { LEADING };
            blocks.push((height, line(text, Weight::Regular)));
        }
    }
    for office in s.office_lines() {
        for l in wrap(&office, face(Weight::Bold), BODY, width) {
            let draw: Draw =
                Box::new(move |w| w.laid_line(&l, Weight::Bold, BODY, x, width, Align::Left));
            blocks.push((LEADING, draw));
        }
    }
    if let Some(last) = blocks.last_mut() {
        last.0 += SIGNING_SPACE - LEADING;
    }
    for (i, l) in wrap(&filled.name, face(Weight::Bold), BODY, width)
        .into_iter()
        .enumerate()
    {
        let draw: Draw = Box::new(move |w| {
            if i == 0 {
                // The images sit in the signing space above the name.
                let space_bottom = w.y + LEADING;
                if let Some((id, px, _)) = marks.stamp {
                    w.image(id, *px, x - 12.0 * MM, space_bottom, 35.0 * MM);
                }
                if let Some((id, px, _)) = marks.signature {
                    w.image(id, *px, x + 4.0 * MM, space_bottom + 2.0 * MM, 40.0 * MM);
                }
            }
            w.laid_line(&l, Weight::Bold, BODY, x, width, Align::Left);
            w.rule(x, x + l.natural, w.y - 1.5, 0.6);
        });
        blocks.push((LEADING, draw));
    }
    if let Some((rank, nip)) = filled.rank_and_nip {
        if !rank.is_empty() {
            blocks.push((LEADING, line(rank, Weight::Regular)));
        }
        blocks.push((LEADING, line(format!("NIP. {nip}"), Weight::Regular)));
    }
    flow.keep_last(2);
    // Under a lampiran table the block needs more air than under text.
    flow.space(if dated { LEADING * 0.5 } else { LEADING * 1.5 });
    flow.unit(Part::Signature, blocks);
    flow.space(LEADING);
}

/// The tembusan's type size, and the share of the text width it takes.
pub(crate) const COPIES_SIZE: f32 = 11.0;
pub(crate) const COPIES_WIDTH: f32 = 0.75;

/// Tembusan at 11 pt, kept whole up to five items; a longer list may
/// break, but never with a single item on either page.
pub(super) fn copies<'a>(flow: &mut Flow<'a>, sheet: Sheet, c: &'a Circular) {
    const WHOLE: usize = 5;
    if c.copies.is_empty() {
        return;
    }
    let size = COPIES_SIZE;
    let leading = size * 1.3;
    let label = face(Weight::Regular).width("99. ", size);
    let width = sheet.text_width() * COPIES_WIDTH - label;
    let left = sheet.left;
    let heading: Draw =
        Box::new(move |w| w.line_at("Tembusan:", Weight::Regular, size, left, width, Align::Left));
    flow.unit(Part::Copies, vec![(leading, heading)]);
    flow.keep_last(1);
    let item = Item {
        label_x: left,
        label_width: label,
        text_x: left + label,
        width,
        size,
        leading,
        align: Align::Left,
    };
    let count = c.copies.len();
    for (i, text) in printed::copies(c).into_iter().enumerate() {
        let lines = wrap(&text, face(Weight::Regular), size, width);
        let blocks = item.blocks(Some(format!("{}.", i + 1)), lines);
        flow.unit(Part::Copies, blocks);
        let tie = count <= WHOLE || i == 0 || i + 2 == count;
        if tie && i + 1 < count {
            flow.keep_last(1);
        }
    }
}
