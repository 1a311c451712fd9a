//! Line breaking and justification: words are measured with the face and
//! packed greedily into lines of a given width.

use super::fonts::Face;

/// One laid-out line: its words, the width they need with single spaces,
/// and whether it ends its paragraph (such lines are not stretched).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub words: Vec<String>,
    pub natural: f32,
    pub last: bool,
}

impl Line {
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// Breaks `text` into lines no wider than `width`; a word longer than a line
/// is split by characters. Runs of white space count as one space.
pub fn wrap(text: &str, face: &Face, size: f32, width: f32) -> Vec<Line> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut used = 0.0;
    for word in text
        .split_whitespace()
        .flat_map(|w| split_long(w, face, size, width))
    {
        let w = face.width(&word, size);
        let needed = if words.is_empty() {
            w
        } else {
            used + space + w
        };
        if needed > width && !words.is_empty() {
            lines.push(Line {
                words: std::mem::take(&mut words),
                natural: used,
                last: false,
            });
            used = w;
        } else {
            used = needed;
        }
        words.push(word);
    }
    if !words.is_empty() || lines.is_empty() {
        lines.push(Line {
            words,
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
fn split_long(word: &str, face: &Face, size: f32, width: f32) -> Vec<String> {
    if face.width(word, size) <= width {
        return vec![word.to_string()];
    }
    let mut pieces = vec![String::new()];
    for c in word.chars() {
        let current = pieces.last_mut().expect("one piece");
        current.push(c);
        if face.width(current, size) > width && current.chars().count() > 1 {
            current.pop();
            pieces.push(c.to_string());
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::super::fonts::{face, Weight};
    use super::*;

    #[test]
    fn wraps_within_the_width_and_keeps_every_word() {
        let f = face(Weight::Regular);
        let text = "Para Kepala Perangkat Daerah memastikan agar penyesuaian sistem kerja ini tidak mengganggu kelancaran penyelenggaraan pemerintahan dan pelayanan kepada masyarakat.";
        let lines = wrap(text, f, 12.0, 200.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.natural <= 200.0));
        assert!(lines.iter().rev().skip(1).all(|l| !l.last) && lines.last().unwrap().last);
        let joined: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn splits_a_word_longer_than_the_line() {
        let f = face(Weight::Regular);
        let lines = wrap(&"x".repeat(300), f, 12.0, 100.0);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| l.natural <= 100.0));
    }
}
