//! Faces subset once for a whole [`Book`](super::Book): every file cut from
//! it embeds the same small faces instead of subsetting (and re-parsing)
//! Liberation Sans again. Works for any number of faces.

use std::collections::BTreeMap;

use printpdf::{
    FontEmbeddingMode, FontId, Op, ParsedFont, PdfFont, PdfFontHandle, PdfPage, PrintpdfFontMeta,
    TextItem,
};

/// Each face of `fonts` cut down to the glyphs `pages` show, marked to be
/// embedded whole (it is already a subset). Faces the pages do not use are
/// left out, as the printpdf serializer leaves them out.
pub(super) fn subset_fonts(
    fonts: &BTreeMap<FontId, PdfFont>,
    pages: &[PdfPage],
) -> BTreeMap<FontId, PdfFont> {
    used_glyphs(fonts, pages)
        .into_iter()
        .filter_map(|(id, glyphs)| {
            let font = &fonts[&id];
            let subset = printpdf::subset_font(&font.parsed_font, &glyphs).ok()?;
            let mut parsed = ParsedFont::from_bytes(&subset.bytes, 0, &mut Vec::new())?;
            // The subset tag (ISO 32000-1, 9.6.4) as printpdf writes it when it subsets.
            let name = font.parsed_font.font_name.clone().unwrap_or_default();
            parsed.font_name = Some(format!("{}+{name}", id.0.get(..6).unwrap_or(&id.0)));
            let meta = PrintpdfFontMeta {
                embedding_mode: FontEmbeddingMode::Full,
                requires_subsetting: false,
                ..Default::default()
            };
            Some((id, PdfFont::with_meta(parsed, meta)))
        })
        .collect()
}

/// Glyph id → its text, per face, for every character `pages` show.
fn used_glyphs(
    fonts: &BTreeMap<FontId, PdfFont>,
    pages: &[PdfPage],
) -> BTreeMap<FontId, BTreeMap<u16, String>> {
    let mut chars: BTreeMap<&FontId, std::collections::BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        let mut current = None;
        for op in &page.ops {
            match op {
                Op::SetFont { font, .. } => {
                    current = match font {
                        PdfFontHandle::External(id) => Some(id),
                        PdfFontHandle::Builtin(_) => None,
                    }
                }
                Op::ShowText { items } => {
                    let Some(id) = current else { continue };
                    let set = chars.entry(id).or_default();
                    for item in items {
                        if let TextItem::Text(text) = item {
                            set.extend(text.chars());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    chars
        .into_iter()
        .filter_map(|(id, set)| {
            let font = &fonts.get(id)?.parsed_font;
            let glyphs: BTreeMap<u16, String> = set
                .into_iter()
                .filter_map(|c| Some((font.lookup_glyph_index(c as u32)?, c.to_string())))
                .collect();
            (!glyphs.is_empty()).then(|| (id.clone(), glyphs))
        })
        .collect()
}
