//! WordprocessingML pieces: runs, paragraphs and tables as XML text, sizes
//! given in points and written in Word's units (twentieths of a point,
//! half-points).

use std::fmt::Write;

use crate::markup;

/// `text` safe inside an XML element or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Points in twentieths of a point (Word's twips).
pub fn twips(pt: f32) -> i64 {
    (pt * 20.0).round() as i64
}

/// How a run is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Font {
    pub const fn regular(size: f32) -> Font {
        Font {
            size,
            bold: false,
            italic: false,
            underline: false,
        }
    }

    pub const fn bold(size: f32) -> Font {
        Font {
            bold: true,
            ..Font::regular(size)
        }
    }

    fn properties(&self) -> String {
        let mut p = String::from("<w:rPr>");
        if self.bold {
            p.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            p.push_str("<w:i/><w:iCs/>");
        }
        let half_points = (self.size * 2.0).round() as i64;
        let _ = write!(
            p,
            "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>"
        );
        if self.underline {
            p.push_str("<w:u w:val=\"single\"/>");
        }
        p.push_str("</w:rPr>");
        p
    }
}

/// `text` in `font` as runs, each merge field (`${nomor_naskah}`) a run of
/// its own: the tools that fill them find them by their whole text.
pub fn run(text: &str, font: Font) -> String {
    let properties = font.properties();
    let one = |piece: &str| {
        format!(
            "<w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(piece)
        )
    };
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            out.push_str(&one(&rest[..start]));
        }
        out.push_str(&one(&rest[start..start + end + 1]));
        rest = &rest[start + end + 1..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push_str(&one(rest));
    }
    out
}

/// A point's text with its emphasis (`_miring_`, `*tebal*`) as italic and
/// bold runs, the markers taken out.
pub fn marked(text: &str, font: Font) -> String {
    markup::spans(text)
        .into_iter()
        .map(|span| {
            let font = Font {
                bold: font.bold || span.emphasis.bold,
                italic: font.italic || span.emphasis.italic,
                ..font
            };
            run(&span.text, font)
        })
        .collect()
}

/// A tab character as a run.
pub fn tab() -> String {
    "<w:r><w:tab/></w:r>".into()
}

/// A paragraph, built up and then written with [`Para::xml`].
#[derive(Debug, Clone, Default)]
pub struct Para {
    content: String,
    align: Option<&'static str>,
    left: f32,
    hanging: f32,
    right: f32,
    before: f32,
    after: f32,
    /// Line height: exact, or at least this much (a line holding a picture).
    line: Option<(f32, bool)>,
    keep_next: bool,
    keep_lines: bool,
    page_break_before: bool,
    numbering: Option<(u32, usize)>,
    tabs: Vec<f32>,
    /// Size of the paragraph mark (and of a numbering label).
    size: Option<f32>,
}

impl Para {
    pub fn new() -> Para {
        Para::default()
    }

    /// Appends run XML (see [`run`], [`marked`], [`tab`]).
    pub fn push(mut self, runs: &str) -> Para {
        self.content.push_str(runs);
        self
    }

    /// Appends `text` in `font`.
    pub fn text(self, text: &str, font: Font) -> Para {
        self.push(&run(text, font))
    }

    pub fn center(mut self) -> Para {
        self.align = Some("center");
        self
    }

    /// Justified on both sides.
    pub fn justify(mut self) -> Para {
        self.align = Some("both");
        self
    }

    /// Left indent, and how far the first line hangs out of it.
    pub fn indent(mut self, left: f32, hanging: f32) -> Para {
        self.left = left;
        self.hanging = hanging;
        self
    }

    pub fn right_indent(mut self, right: f32) -> Para {
        self.right = right;
        self
    }

    /// Space above the paragraph, in points.
    pub fn before(mut self, before: f32) -> Para {
        self.before = before;
        self
    }

    /// Space below the paragraph, in points.
    pub fn after(mut self, after: f32) -> Para {
        self.after = after;
        self
    }

    /// Every line exactly `height` points apart.
    pub fn line(mut self, height: f32) -> Para {
        self.line = Some((height, true));
        self
    }

    /// Lines at least `height` points apart (a picture may make one taller).
    pub fn line_at_least(mut self, height: f32) -> Para {
        self.line = Some((height, false));
        self
    }

    /// On the same page as the next paragraph.
    pub fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self
    }

    /// All its lines on one page.
    pub fn keep_lines(mut self) -> Para {
        self.keep_lines = true;
        self
    }

    pub fn page_break_before(mut self) -> Para {
        self.page_break_before = true;
        self
    }

    /// An item of list `num` at `level` (its label from the numbering part).
    pub fn numbered(mut self, num: u32, level: usize) -> Para {
        self.numbering = Some((num, level));
        self
    }

    /// A left tab stop at `at` points from the margin.
    pub fn tab_stop(mut self, at: f32) -> Para {
        self.tabs.push(at);
        self
    }

    /// The size of the paragraph mark, which a numbering label takes.
    pub fn size(mut self, size: f32) -> Para {
        self.size = Some(size);
        self
    }

    pub fn xml(&self) -> String {
        let mut p = String::from("<w:p><w:pPr>");
        if self.keep_next {
            p.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            p.push_str("<w:keepLines/>");
        }
        if self.page_break_before {
            p.push_str("<w:pageBreakBefore/>");
        }
        if let Some((num, level)) = self.numbering {
            let _ = write!(
                p,
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr>"
            );
        }
        if !self.tabs.is_empty() {
            p.push_str("<w:tabs>");
            for at in &self.tabs {
                let _ = write!(p, "<w:tab w:val=\"left\" w:pos=\"{}\"/>", twips(*at));
            }
            p.push_str("</w:tabs>");
        }
        let _ = write!(
            p,
            "<w:spacing w:before=\"{}\" w:after=\"{}\"",
            twips(self.before),
            twips(self.after)
        );
        if let Some((height, exact)) = self.line {
            let rule = if exact { "exact" } else { "atLeast" };
            let _ = write!(p, " w:line=\"{}\" w:lineRule=\"{rule}\"", twips(height));
        }
        p.push_str("/>");
        if self.left != 0.0 || self.hanging != 0.0 || self.right != 0.0 || self.numbering.is_some()
        {
            let _ = write!(
                p,
                "<w:ind w:left=\"{}\" w:right=\"{}\" w:hanging=\"{}\"/>",
                twips(self.left),
                twips(self.right),
                twips(self.hanging)
            );
        }
        if let Some(align) = self.align {
            let _ = write!(p, "<w:jc w:val=\"{align}\"/>");
        }
        if let Some(size) = self.size {
            let half_points = (size * 2.0).round() as i64;
            let _ = write!(
                p,
                "<w:rPr><w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr>"
            );
        }
        p.push_str("</w:pPr>");
        p.push_str(&self.content);
        p.push_str("</w:p>");
        p
    }
}

/// Which borders a table draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Borders {
    None,
    /// A single line around and between every cell, `width` points thick.
    Grid(f32),
    /// Only a rule under the table: a `w:bottom` border's attributes.
    Under(&'static str),
}

/// A table of fixed column `widths` (points) whose rows are given as XML
/// (see [`row`]), `pad` points inside each cell: above and below, beside.
pub fn table(widths: &[f32], borders: Borders, pad: [f32; 2], rows: &[String]) -> String {
    let total: f32 = widths.iter().sum();
    let mut t = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders>",
        twips(total)
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        match borders {
            Borders::Grid(width) => {
                let eighths = (width * 8.0).round().max(2.0) as i64;
                let _ = write!(
                    t,
                    "<w:{side} w:val=\"single\" w:sz=\"{eighths}\" w:space=\"0\" w:color=\"000000\"/>"
                );
            }
            Borders::Under(rule) if side == "bottom" => {
                let _ = write!(t, "<w:bottom {rule}/>");
            }
            Borders::None | Borders::Under(_) => {
                let _ = write!(t, "<w:{side} w:val=\"nil\"/>");
            }
        }
    }
    t.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>");
    for (side, pad) in [
        ("top", pad[0]),
        ("left", pad[1]),
        ("bottom", pad[0]),
        ("right", pad[1]),
    ] {
        let _ = write!(t, "<w:{side} w:w=\"{}\" w:type=\"dxa\"/>", twips(pad));
    }
    t.push_str("</w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in widths {
        let _ = write!(t, "<w:gridCol w:w=\"{}\"/>", twips(*w));
    }
    t.push_str("</w:tblGrid>");
    for r in rows {
        t.push_str(r);
    }
    t.push_str("</w:tbl>");
    t
}

/// A table row that never splits across pages; a `header` row repeats at
/// the top of every page the table runs onto. Each cell is its width and
/// its paragraphs' XML, centred vertically when `centred`.
pub fn row(cells: &[(f32, String)], header: bool, centred: bool) -> String {
    let mut r = String::from("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        r.push_str("<w:tblHeader/>");
    }
    r.push_str("</w:trPr>");
    for (width, content) in cells {
        let _ = write!(
            r,
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}</w:tcPr>{content}</w:tc>",
            twips(*width),
            if centred {
                "<w:vAlign w:val=\"center\"/>"
            } else {
                ""
            }
        );
    }
    r.push_str("</w:tr>");
    r
}
