//! The addressees (`Yth.` … `di –` / `Tempat`) and the title block, in Word.

use super::xml::{tab, Font, Para};
use super::Doc;
use crate::pdf::{text_width, BODY, LEADING, MM, TITLE_WIDTH};
use crate::printed::{self, Heading};

/// `Yth.` in the right half beside the first addressee, the addressees
/// (numbered when several) under one another, then `di –` / `Tempat`.
pub(super) fn addressees(doc: &mut Doc) {
    let font = Font::regular(BODY);
    let half = doc.width() * 0.5;
    let yth = text_width("Yth. ", BODY);
    let lines = printed::addressees(doc.c);
    let label = if lines.len() > 1 {
        text_width("9. ", BODY)
    } else {
        0.0
    };
    let text_at = half + yth + label;
    for (i, line) in lines.iter().enumerate() {
        let mut p = Para::new().line(LEADING).keep_lines().keep_next();
        if i == 0 {
            p = p
                .before(LEADING * 0.5)
                .indent(text_at, yth + label)
                .text("Yth.", font)
                .push(&tab());
            if label > 0.0 {
                p = p.tab_stop(half + yth);
            }
        } else {
            p = p.indent(text_at, label);
        }
        if label > 0.0 {
            p = p.text(&format!("{}.", i + 1), font).push(&tab());
        }
        doc.push(p.text(line, font));
    }
    let location = doc.c.addressee_location.clone();
    doc.push(
        Para::new()
            .line(LEADING)
            .indent(half + yth, 0.0)
            .keep_next()
            .text("di –", font),
    );
    doc.push(
        Para::new()
            .line(LEADING)
            .after(LEADING)
            .indent(half + yth + 8.0 * MM, 0.0)
            .text(&location, font),
    );
}

/// `SURAT EDARAN` / `NOMOR …` / `TENTANG` / the subject, centred and kept
/// with the first lines of the body; a notice has its name and no number.
pub(super) fn title(doc: &mut Doc) {
    let centred = |text: &str, font: Font, after: f32| {
        Para::new()
            .center()
            .line(LEADING)
            .after(after)
            .keep_next()
            .text(text, font)
    };
    match doc.heading {
        Heading::SuratEdaran => {
            doc.push(centred("SURAT EDARAN", Font::bold(BODY), 0.0));
            let number = doc.filled.number_line();
            doc.push(centred(&number, Font::regular(BODY), LEADING * 0.5));
        }
        Heading::Notice(name) => {
            let name = name.clone();
            doc.push(centred(&name, Font::bold(BODY), LEADING * 0.5));
        }
    }
    doc.push(centred("TENTANG", Font::regular(BODY), 0.0));
    let side = doc.width() * (1.0 - TITLE_WIDTH) / 2.0;
    let subject = doc.c.subject.to_uppercase();
    doc.push(
        centred(&subject, Font::bold(BODY), LEADING)
            .indent(side, 0.0)
            .right_indent(side),
    );
}
