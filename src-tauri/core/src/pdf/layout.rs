//! Line breaking and justification: words, each made of runs in one
//! emphasis, are measured with their faces and packed greedily into lines of
//! a given width.

use super::fonts::Face;
use crate::markup::{self, Emphasis, Span};

/// A word as runs of text, each in one emphasis (`(_online_)` is three).
pub type Word = Vec<Span>;

/// One laid-out line: its words, the width they need with single spaces,
/// and whether it ends its paragraph (such lines are not stretched).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub words: Vec<Word>,
    pub natural: f32,
    pub last: bool,
}

/// The emphasis of the space between two words: what both sides share.
pub fn gap(before: &Word, after: &Word) -> Emphasis {
    let end = before.last().map(|s| s.emphasis).unwrap_or_default();
    let start = after.first().map(|s| s.emphasis).unwrap_or_default();
    end.common(start)
}

/// Breaks `text`, taken literally, into lines no wider than `width`; a word
/// longer than a line is split by characters. Runs of white space count as
/// one space.
pub fn wrap(text: &str, face: &Face, size: f32, width: f32) -> Vec<Line> {
    let words = text.split_whitespace().map(|w| {
        vec![Span {
            text: w.to_string(),
            emphasis: Emphasis::default(),
        }]
    });
    pack(words, face, size, width)
}

/// Like [`wrap`] for text with inline emphasis ([`markup`]): the markers
/// are read, not printed, and each run is measured in its own face.
pub fn wrap_marked(text: &str, face: &Face, size: f32, width: f32) -> Vec<Line> {
    let mut words: Vec<Word> = Vec::new();
    let mut word = Word::new();
    for span in markup::spans(text) {
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            } else {
                push_char(&mut word, c, span.emphasis);
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    pack(words.into_iter(), face, size, width)
}

fn push_char(word: &mut Word, c: char, emphasis: Emphasis) {
    match word.last_mut() {
        Some(run) if run.emphasis == emphasis => run.text.push(c),
        _ => word.push(Span {
            text: c.to_string(),
            emphasis,
        }),
    }
}

fn measure(word: &Word, face: &Face, size: f32) -> f32 {
    word.iter()
        .map(|s| face.with(s.emphasis).width(&s.text, size))
        .sum()
}

fn pack(words: impl Iterator<Item = Word>, face: &Face, size: f32, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for word in words.flat_map(|w| split_long(w, face, size, width)) {
        let w = measure(&word, face, size);
        let needed = match current.last() {
            None => w,
            Some(before) => used + face.with(gap(before, &word)).width(" ", size) + w,
        };
        if needed > width && !current.is_empty() {
            lines.push(Line {
                words: std::mem::take(&mut current),
                natural: used,
                last: false,
            });
            used = w;
        } else {
            used = needed;
        }
        current.push(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(Line {
            words: current,
            natural: used,
            last: true,
        });
    }
    if let Some(l) = lines.last_mut() {
        l.last = true;
    }
    lines
}

/// A word wider than the line, cut into pieces that fit.
fn split_long(word: Word, face: &Face, size: f32, width: f32) -> Vec<Word> {
    if measure(&word, face, size) <= width {
        return vec![word];
    }
    let mut pieces = vec![Word::new()];
    let mut used = 0.0;
    let mut buf = [0u8; 4];
    for span in &word {
        let run_face = face.with(span.emphasis);
        for c in span.text.chars() {
            let w = run_face.width(c.encode_utf8(&mut buf), size);
            let piece = pieces.last_mut().expect("one piece");
            if used + w > width && !piece.is_empty() {
                pieces.push(Word::new());
                used = 0.0;
            }
            used += w;
            push_char(pieces.last_mut().expect("one piece"), c, span.emphasis);
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::super::fonts::{face, Weight};
    use super::*;

    fn printed(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let words: Vec<String> = l
                    .words
                    .iter()
                    .map(|w| w.iter().map(|s| s.text.as_str()).collect())
                    .collect();
                words.join(" ")
            })
            .collect()
    }

    #[test]
    fn wraps_within_the_width_and_keeps_every_word() {
        let f = face(Weight::Regular);
        let text = "Para Kepala Perangkat Daerah memastikan agar penyesuaian sistem kerja ini tidak mengganggu kelancaran penyelenggaraan pemerintahan dan pelayanan kepada masyarakat.";
        let lines = wrap(text, f, 12.0, 200.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.natural <= 200.0));
        assert!(lines.iter().rev().skip(1).all(|l| !l.last) && lines.last().unwrap().last);
        assert_eq!(printed(&lines).join(" "), text);
    }

    #[test]
    fn splits_a_word_longer_than_the_line() {
        let f = face(Weight::Regular);
        let lines = wrap(&"x".repeat(300), f, 12.0, 100.0);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| l.natural <= 100.0));
    }

    #[test]
    fn breaks_marked_text_over_its_runs_and_measures_each_in_its_face() {
        let f = face(Weight::Regular);
        let text = "bekerja di rumah (_Work From Home_) dan *wajib* melapor ke bkd_muba@mail.go.id";
        let lines = wrap_marked(text, f, 12.0, 150.0);
        assert_eq!(
            printed(&lines).join(" "),
            "bekerja di rumah (Work From Home) dan wajib melapor ke bkd_muba@mail.go.id"
        );
        let words: Vec<&Word> = lines.iter().flat_map(|l| &l.words).collect();
        let italic: Vec<&str> = words
            .iter()
            .flat_map(|w| w.iter())
            .filter(|s| s.emphasis.italic)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(italic, ["Work", "From", "Home"]);
        let open = words.iter().find(|w| w[0].text == "(").unwrap();
        assert_eq!(open.len(), 2, "the bracket stays upright");
        let bold = words.iter().find(|w| w[0].text == "wajib").unwrap();
        let wide = face(Weight::Bold).width("wajib", 12.0);
        assert!(wide > f.width("wajib", 12.0));
        let line = lines
            .iter()
            .find(|l| l.words.iter().any(|w| std::ptr::eq(w, *bold)))
            .unwrap();
        let upright: f32 = f.width(&printed(std::slice::from_ref(line))[0], 12.0);
        assert!((line.natural - (upright - f.width("wajib", 12.0) + wide)).abs() < 0.01);
        // Taken literally, the same text keeps its markers.
        assert!(printed(&wrap(text, f, 12.0, 150.0))
            .join(" ")
            .contains("(_Work"));
    }
}
