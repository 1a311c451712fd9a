//! The kop in Word: a head of region's (emblem centred above the title
//! lines, no rule) or a perangkat daerah's (a borderless table: the emblem
//! in the left cell, the tiers and address centred in the right one, a
//! double rule under it), at the PDF's sizes.

use super::xml::{row, table, Borders, Font, Para};
use super::Doc;
use crate::circular::KopKind;
use crate::error::Result;
use crate::pdf::{
    ADDRESS, GAP, GOVERNMENT, HEAD_EMBLEM, HEAD_TITLE, LEADING, OFFICE, OFFICE_EMBLEM,
};

/// The double rule closing an office kop: a thick line over a thin one
/// (as Word and LibreOffice draw this style under a table).
const RULE: &str = r#"w:val="thinThickSmallGap" w:sz="24" w:space="0" w:color="000000""#;

pub(super) fn letterhead(doc: &mut Doc) -> Result<()> {
    let emblem = doc.pictures.add(&doc.c.letterhead.emblem, "lambang")?;
    match doc.c.letterhead.kind {
        KopKind::KepalaDaerah => {
            if let Some(p) = emblem {
                let width = (HEAD_EMBLEM * p.width_over_height()).min(doc.width());
                let image = doc.pictures.inline(&p, width, "lambang");
                doc.push(Para::new().center().after(3.0).push(&image));
            }
            // The space under the kop before the addressees.
            let lines = lines(doc, HEAD_TITLE, HEAD_TITLE, LEADING * 1.5);
            doc.xml.push_str(&lines);
        }
        KopKind::PerangkatDaerah => {
            // Room under the last line for the rule.
            let text = lines(doc, GOVERNMENT, OFFICE, 6.0);
            let rule = Borders::Under(RULE);
            let kop = match emblem {
                Some(p) => {
                    let image = doc.pictures.inline(&p, OFFICE_EMBLEM, "lambang");
                    let left = OFFICE_EMBLEM + GAP;
                    let cells = [
                        (left, Para::new().push(&image).xml()),
                        (doc.width() - left, text),
                    ];
                    table(
                        &[left, doc.width() - left],
                        rule,
                        [0.0; 2],
                        &[row(&cells, false, true)],
                    )
                }
                None => table(
                    &[doc.width()],
                    rule,
                    [0.0; 2],
                    &[row(&[(doc.width(), text)], false, true)],
                ),
            };
            doc.xml.push_str(&kop);
        }
    }
    Ok(())
}

/// The tiers in bold capitals, centred (the last, the office name, at
/// `last` points, those above it at `size`), then the address lines; `after`
/// points of space under the final line.
fn lines(doc: &Doc, size: f32, last: f32, after: f32) -> String {
    let l = &doc.c.letterhead;
    let final_tier = l.tiers.len().saturating_sub(1);
    let tiers = l.tiers.iter().enumerate().map(|(i, tier)| {
        let size = if i == final_tier { last } else { size };
        Para::new()
            .center()
            .line(size * 1.15)
            .text(&tier.to_uppercase(), Font::bold(size))
    });
    let address = l.address_lines.iter().map(|a| {
        Para::new()
            .center()
            .line(ADDRESS * 1.3)
            .text(a, Font::regular(ADDRESS))
    });
    let mut paras: Vec<Para> = tiers.chain(address).collect();
    let final_line = paras.pop().unwrap_or_default();
    paras.push(final_line.after(after));
    paras.iter().map(Para::xml).collect()
}
