//! The addressees (`Yth.` … `di –` / `Tempat`) and the title block.

use super::flow::{Draw, Flow, Item, Part};
use super::fonts::{face, Weight};
use super::layout::wrap;
use super::writer::{Align, Sheet};
use super::{Heading, BODY, LEADING, MM};
use crate::circular::Circular;
use crate::printed::{self, Filled};

/// A line of body-size text at `x`, `width` wide.
fn text<'a>(text: String, weight: Weight, x: f32, width: f32, align: Align) -> Draw<'a> {
    Box::new(move |w| w.line_at(&text, weight, BODY, x, width, align))
}

/// `Yth.` block in the right half, numbered when there are several, then
/// `di –` / `Tempat`; each addressee stays whole on a page.
pub(super) fn addressees<'a>(flow: &mut Flow<'a>, sheet: Sheet, c: &'a Circular) {
    let x = sheet.left + sheet.text_width() * 0.5;
    let yth = face(Weight::Regular).width("Yth. ", BODY);
    let several = c.addressees.len() > 1;
    let label_width = if several {
        face(Weight::Regular).width("9. ", BODY)
    } else {
        0.0
    };
    let item = Item {
        label_x: x + yth,
        label_width,
        text_x: x + yth + label_width,
        width: sheet.width - sheet.right - x - yth - label_width,
        size: BODY,
        leading: LEADING,
        align: Align::Left,
    };
    let width = item.width;
    // `Yth.` takes no line of its own: it stands beside the first addressee.
    flow.unit(
        Part::Addressees,
        vec![(
            0.0,
            text("Yth.".into(), Weight::Regular, x, yth, Align::Left),
        )],
    );
    flow.keep_last(1);
    for (i, content) in printed::addressees(c).into_iter().enumerate() {
        let lines = wrap(&content, face(Weight::Regular), BODY, width);
        let label = several.then(|| format!("{}.", i + 1));
        flow.unit(Part::Addressees, item.blocks(label, lines));
    }
    flow.keep_last(1);
    let location = c.addressee_location.clone();
    flow.unit(
        Part::Addressees,
        vec![
            (
                LEADING,
                text("di –".into(), Weight::Regular, x + yth, width, Align::Left),
            ),
            (
                LEADING,
                text(
                    location,
                    Weight::Regular,
                    x + yth + 8.0 * MM,
                    width,
                    Align::Left,
                ),
            ),
        ],
    );
    flow.space(LEADING);
}

/// The share of the text width the subject in the title block wraps in.
pub(crate) const TITLE_WIDTH: f32 = 0.8;

/// `SURAT EDARAN` / `NOMOR …` / `TENTANG` / subject, centred, kept together
/// and with the first lines of the body; a notice has its own name and no
/// number line.
pub(super) fn title<'a>(flow: &mut Flow<'a>, sheet: Sheet, c: &'a Circular, heading: &Heading) {
    let (x, width) = (sheet.left, sheet.text_width());
    let centred = |t: String, weight| text(t, weight, x, width, Align::Center);
    let mut blocks: Vec<(f32, Draw<'a>)> = match heading {
        Heading::SuratEdaran => {
            let number = Filled::of(c).number_line();
            vec![
                (LEADING, centred("SURAT EDARAN".into(), Weight::Bold)),
                (LEADING * 1.5, centred(number, Weight::Regular)),
            ]
        }
        Heading::Notice(name) => vec![(LEADING * 1.5, centred(name.clone(), Weight::Bold))],
    };
    blocks.push((LEADING, centred("TENTANG".into(), Weight::Regular)));
    let inner = width * TITLE_WIDTH;
    let inner_x = x + (width - inner) / 2.0;
    for line in wrap(&c.subject.to_uppercase(), face(Weight::Bold), BODY, inner) {
        let draw: Draw = Box::new(move |w| {
            w.laid_line(&line, Weight::Bold, BODY, inner_x, inner, Align::Center)
        });
        blocks.push((LEADING, draw));
    }
    flow.unit(Part::Title, blocks);
    flow.keep_last(1);
    flow.space(LEADING);
}
