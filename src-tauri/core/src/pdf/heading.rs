//! The addressees (`Yth.` … `di –` / `Tempat`) and the title block.

use super::fonts::{face, Weight};
use super::layout::wrap;
use super::writer::{Align, Writer};
use super::{Heading, BODY, LEADING, MM};
use crate::circular::Circular;

/// `Yth.` block in the right half, numbered when there are several, then `di –` / `Tempat`.
pub(super) fn addressees(w: &mut Writer, c: &Circular) {
    let sheet = w.sheet;
    let x = sheet.left + sheet.text_width() * 0.5;
    let yth = face(Weight::Regular).width("Yth. ", BODY);
    let several = c.addressees.len() > 1;
    let label_width = if several {
        face(Weight::Regular).width("9. ", BODY)
    } else {
        0.0
    };
    let width = sheet.width - sheet.right - x - yth - label_width;
    w.y -= LEADING * 0.5;
    w.line_at("Yth.", Weight::Regular, BODY, x, yth, Align::Left);
    for (i, addressee) in c.addressees.iter().enumerate() {
        let mut text = addressee.trim().to_string();
        if several && !text.ends_with([';', '.', ',']) {
            text.push(';');
        }
        if several {
            w.line_at(
                &format!("{}.", i + 1),
                Weight::Regular,
                BODY,
                x + yth,
                label_width,
                Align::Left,
            );
        }
        for line in wrap(&text, face(Weight::Regular), BODY, width) {
            w.laid_line(
                &line,
                Weight::Regular,
                BODY,
                x + yth + label_width,
                width,
                Align::Left,
            );
            w.y -= LEADING;
        }
    }
    w.line_at("di –", Weight::Regular, BODY, x + yth, width, Align::Left);
    w.y -= LEADING;
    w.line_at(
        &c.addressee_location,
        Weight::Regular,
        BODY,
        x + yth + 8.0 * MM,
        width,
        Align::Left,
    );
    w.y -= LEADING * 2.0;
}

/// `SURAT EDARAN` / `NOMOR …` / `TENTANG` / subject, centred; a notice
/// has its own name and no number line.
pub(super) fn title(w: &mut Writer, c: &Circular, heading: &Heading) {
    let sheet = w.sheet;
    let (x, width) = (sheet.left, sheet.text_width());
    match heading {
        Heading::SuratEdaran => {
            w.line_at("SURAT EDARAN", Weight::Bold, BODY, x, width, Align::Center);
            w.y -= LEADING;
            let number = if c.number.trim().is_empty() {
                "NOMOR ............................".to_string()
            } else {
                format!("NOMOR {}", c.number.trim())
            };
            w.line_at(&number, Weight::Regular, BODY, x, width, Align::Center);
        }
        Heading::Notice(name) => {
            w.line_at(name, Weight::Bold, BODY, x, width, Align::Center);
        }
    }
    w.y -= LEADING * 1.5;
    w.line_at("TENTANG", Weight::Regular, BODY, x, width, Align::Center);
    w.y -= LEADING;
    let inner = width * 0.8;
    for line in wrap(&c.subject.to_uppercase(), face(Weight::Bold), BODY, inner) {
        w.laid_line(
            &line,
            Weight::Bold,
            BODY,
            x + (width - inner) / 2.0,
            inner,
            Align::Center,
        );
        w.y -= LEADING;
    }
    w.y -= LEADING;
}
