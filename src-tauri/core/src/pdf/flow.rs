//! Page keeping. Everything under the kop is laid out as blocks — a line of
//! text, a table row — that know their height and whether they must share a
//! page with the block after them; [`Flow::place`] breaks pages only where
//! those ties allow. The rules of a typesetter live here, once: a paragraph
//! never leaves its first or last line alone on a page (orphan, widow), a
//! heading stays with what follows, a unit (the signature block, a short
//! tembusan) never splits.

use serde::Serialize;

use super::fonts::Weight;
use super::layout::Line;
use super::writer::{Align, Writer};

/// Which part of the document a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Addressees,
    Title,
    Body,
    Signature,
    Copies,
    Annex,
}

/// Where a block landed: the engine's own record of its layout.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placed {
    /// Page within its document, from 1.
    pub page: usize,
    pub part: Part,
    /// The paragraph, item or row the block is a line of, counted from 0 within the part.
    pub group: usize,
    /// The line within that group, from 0, and how many lines the group has.
    pub line: usize,
    pub lines: usize,
    /// The block's baseline, points from the bottom of the page.
    pub y: f32,
}

/// Draws a block with its first baseline at the writer's cursor.
pub type Draw<'a> = Box<dyn FnOnce(&mut Writer) + 'a>;

/// Draws a block again at the top of each page the flow breaks to (a
/// table's header row); returns nothing, advances nothing.
pub type Repeat<'a> = Box<dyn Fn(&mut Writer) + 'a>;

/// Where a labelled item prints (a numbered point, addressee or tembusan):
/// the label's column beside the first line, the text's column, the type.
#[derive(Clone, Copy)]
pub struct Item {
    pub label_x: f32,
    pub label_width: f32,
    pub text_x: f32,
    pub width: f32,
    pub size: f32,
    pub leading: f32,
    pub align: Align,
}

impl Item {
    /// The item's lines as blocks, `label` (if any) beside the first.
    pub fn blocks<'a>(self, label: Option<String>, lines: Vec<Line>) -> Vec<(f32, Draw<'a>)> {
        let mut label = label;
        lines
            .into_iter()
            .map(|line| {
                let label = label.take();
                let draw: Draw = Box::new(move |w| {
                    if let Some(label) = &label {
                        let Item {
                            label_x,
                            label_width,
                            size,
                            ..
                        } = self;
                        w.line_at(
                            label,
                            Weight::Regular,
                            size,
                            label_x,
                            label_width,
                            Align::Left,
                        );
                    }
                    w.laid_line(
                        &line,
                        Weight::Regular,
                        self.size,
                        self.text_x,
                        self.width,
                        self.align,
                    );
                });
                (self.leading, draw)
            })
            .collect()
    }
}

struct Block<'a> {
    /// The block's own line advance, and the space added after it.
    height: f32,
    gap: f32,
    keep: bool,
    /// Starts a new page (a lampiran).
    fresh_page: bool,
    part: Part,
    group: usize,
    line: usize,
    lines: usize,
    draw: Draw<'a>,
}

/// Blocks waiting to be placed, in order.
#[derive(Default)]
pub struct Flow<'a> {
    blocks: Vec<Block<'a>>,
    groups: [usize; 6],
    /// Headers a page break repeats: for blocks `from..to`, the header's height and drawing.
    repeats: Vec<(usize, usize, f32, Repeat<'a>)>,
    fresh_page: bool,
}

impl<'a> Flow<'a> {
    pub fn new() -> Flow<'a> {
        Flow::default()
    }

    /// A paragraph of `part`: its lines as `(advance, draw)`, tied so that
    /// neither its first nor its last line stands alone on a page.
    pub fn paragraph(&mut self, part: Part, lines: Vec<(f32, Draw<'a>)>) {
        let n = lines.len();
        self.group(part, lines, |i| n >= 2 && (i == 0 || i + 2 == n));
    }

    /// Lines that never split over two pages (a tembusan item, a table row).
    pub fn unit(&mut self, part: Part, lines: Vec<(f32, Draw<'a>)>) {
        let n = lines.len();
        self.group(part, lines, |i| i + 1 < n);
    }

    fn group(&mut self, part: Part, lines: Vec<(f32, Draw<'a>)>, keep: impl Fn(usize) -> bool) {
        let slot = &mut self.groups[part as usize];
        let group = *slot;
        *slot += 1;
        let count = lines.len();
        let fresh = std::mem::take(&mut self.fresh_page);
        self.blocks.extend(
            lines
                .into_iter()
                .enumerate()
                .map(|(line, (height, draw))| Block {
                    height,
                    gap: 0.0,
                    keep: keep(line),
                    fresh_page: fresh && line == 0,
                    part,
                    group,
                    line,
                    lines: count,
                    draw,
                }),
        );
    }

    /// Ties the last `n` blocks to each other and to whatever comes next
    /// (a heading to its text; the body's last lines to the signature).
    pub fn keep_last(&mut self, n: usize) {
        let len = self.blocks.len();
        for b in &mut self.blocks[len.saturating_sub(n)..] {
            b.keep = true;
        }
    }

    /// Adds `extra` points of space after the last block (not kept at a page's foot).
    pub fn space(&mut self, extra: f32) {
        if let Some(b) = self.blocks.last_mut() {
            b.gap += extra;
        }
    }

    /// The next block starts a new page (unless nothing is printed yet).
    pub fn new_page(&mut self) {
        self.fresh_page = true;
    }

    /// From the next block on, until [`Flow::end_repeat`], a page break
    /// draws `header` (taking `height`) at the top of the new page first.
    pub fn repeat_on_break(&mut self, height: f32, header: Repeat<'a>) {
        let at = self.blocks.len();
        self.repeats.push((at, usize::MAX, height, header));
    }

    /// Ends the header [`Flow::repeat_on_break`] started.
    pub fn end_repeat(&mut self) {
        if let Some(r) = self.repeats.last_mut() {
            r.1 = self.blocks.len();
        }
    }

    /// Places every block from the cursor on. The page breaks before a
    /// run of tied blocks that does not fit in the room left; inside a run
    /// too long for any page, it breaks where the next line does not fit.
    pub fn place(self, w: &mut Writer) -> Vec<Placed> {
        let Flow {
            blocks, repeats, ..
        } = self;
        // The height of the tied run starting at each block, from the end
        // (the space after its last block is not needed on the page).
        let mut run = vec![0.0f32; blocks.len()];
        for i in (0..blocks.len()).rev() {
            let b = &blocks[i];
            run[i] = b.height
                + match run.get(i + 1) {
                    Some(rest) if b.keep => b.gap + rest,
                    _ => 0.0,
                };
        }
        let mut placed = Vec::with_capacity(blocks.len());
        let mut tied = false;
        for (i, b) in blocks.into_iter().enumerate() {
            let need = if tied { b.height } else { run[i] };
            if b.fresh_page && !w.is_blank() {
                w.new_page();
            } else if need > w.room() && !w.is_blank() {
                w.new_page();
                if let Some((.., height, header)) = repeats
                    .iter()
                    .find(|(from, to, ..)| (*from..*to).contains(&i))
                {
                    header(w);
                    w.y -= height;
                }
            }
            placed.push(Placed {
                page: w.page_count(),
                part: b.part,
                group: b.group,
                line: b.line,
                lines: b.lines,
                y: w.y,
            });
            (b.draw)(w);
            w.y -= b.height + b.gap;
            tied = b.keep;
        }
        placed
    }
}

/// The page-keeping rules stated as checks over a finished layout: what
/// a typesetter would refuse in `placed` (empty when nothing). For tests
/// and audits; [`Flow`] is what keeps the rules.
pub fn faults(placed: &[Placed]) -> Vec<String> {
    let mut faults = Vec::new();
    let pages_of = |part: Part, group: usize| -> Vec<usize> {
        placed
            .iter()
            .filter(|p| p.part == part && p.group == group)
            .map(|p| p.page)
            .collect()
    };
    // Signature blocks: one page each, never without what they close.
    let signatures: std::collections::BTreeSet<usize> = placed
        .iter()
        .filter(|p| p.part == Part::Signature)
        .map(|p| p.group)
        .collect();
    for group in signatures {
        let pages = pages_of(Part::Signature, group);
        if pages.first() != pages.last() {
            faults.push(format!("tanda tangan {group} terbelah: halaman {pages:?}"));
        }
        let first = placed
            .iter()
            .position(|p| p.part == Part::Signature && p.group == group)
            .unwrap();
        let before = &placed[..first];
        let with_text = before
            .iter()
            .rev()
            .take(2)
            .all(|p| p.page == pages[0] && matches!(p.part, Part::Body | Part::Annex));
        if !with_text {
            faults.push(format!(
                "tanda tangan {group} di halaman {} tanpa dua baris isi sebelumnya",
                pages[0]
            ));
        }
    }
    // No orphan or widow line in a body paragraph.
    for p in placed
        .iter()
        .filter(|p| p.part == Part::Body && p.lines >= 2 && p.line == 0)
    {
        let pages = pages_of(Part::Body, p.group);
        let n = pages.len();
        if pages[0] != pages[1] || pages[n - 2] != pages[n - 1] {
            faults.push(format!("paragraf {} terputus: {pages:?}", p.group));
        }
    }
    // Tembusan: whole up to five items, never a single item on a page.
    let items: Vec<(usize, usize)> = placed
        .iter()
        .filter(|p| p.part == Part::Copies && p.group > 0 && p.line == 0)
        .map(|p| (p.group, p.page))
        .collect();
    let pages: std::collections::BTreeSet<usize> = items.iter().map(|i| i.1).collect();
    if items.len() <= 5 && pages.len() > 1 {
        faults.push(format!("tembusan pendek terbelah: {items:?}"));
    }
    for page in &pages {
        if pages.len() > 1 && items.iter().filter(|i| i.1 == *page).count() == 1 {
            faults.push(format!("satu butir tembusan sendirian di halaman {page}"));
        }
    }
    // The title block stays with the first lines of the body.
    let title = placed
        .iter()
        .filter(|p| p.part == Part::Title)
        .map(|p| p.page);
    let first_body = placed.iter().find(|p| p.part == Part::Body).map(|p| p.page);
    if title.clone().any(|page| Some(page) != first_body) {
        faults.push("judul terpisah dari isi".into());
    }
    faults
}
