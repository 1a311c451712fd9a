//! The excerpt under a search hit: the words of a circular's body around
//! the searched words, those marked. Words are read as both search indexes
//! read them: runs of letters and digits, any case, diacritics ignored, the
//! last searched word also as a prefix. One reading for SQLite and
//! PostgreSQL, so an office sees the same excerpt on either.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::markup;

/// Marks around the matched words in an excerpt.
pub const MATCH_START: char = '\u{2}';
pub const MATCH_END: char = '\u{3}';

/// Words an excerpt shows.
const WIDTH: usize = 16;

/// A word as the indexes compare it: lower case, diacritics taken off.
fn folded(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The byte ranges of `text`'s words.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                found.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, text.len()));
    }
    found
}

/// The searched words, each as its runs of letters and digits (`800/1` →
/// `800`, `1`), which the indexes match in a row; words without any left out.
pub(crate) fn phrases(searched: &str) -> Vec<Vec<&str>> {
    searched
        .split_whitespace()
        .map(|w| {
            words(w)
                .into_iter()
                .map(|(s, e)| &w[s..e])
                .collect::<Vec<_>>()
        })
        .filter(|runs| !runs.is_empty())
        .collect()
}

/// The words of `body` (emphasis markers taken out) around the best
/// stretch of `searched`'s words, matches between [`MATCH_START`] and
/// [`MATCH_END`], `…` where the body goes on; the body's start when none
/// of the words is in it (the match was in the number or subject). A
/// searched word of several runs (`800/1`) matches only as those runs in a
/// row, as in the index.
pub fn excerpt(body: &str, searched: &str) -> String {
    let text = markup::plain(body);
    let spans = words(&text);
    let body_words: Vec<String> = spans.iter().map(|&(s, e)| folded(&text[s..e])).collect();
    let phrases: Vec<Vec<String>> = phrases(searched)
        .into_iter()
        .map(|runs| runs.into_iter().map(folded).collect())
        .collect();
    // Which searched word each word of the body is part of, if any.
    let mut hits: Vec<Option<usize>> = vec![None; spans.len()];
    for (p, runs) in phrases.iter().enumerate() {
        let prefix_at = (p + 1 == phrases.len()).then(|| runs.len() - 1);
        for at in 0..spans.len().saturating_sub(runs.len() - 1) {
            let found = runs.iter().enumerate().all(|(r, run)| {
                let word = &body_words[at + r];
                word == run || (prefix_at == Some(r) && word.starts_with(run.as_str()))
            });
            if found {
                hits[at..at + runs.len()].fill(Some(p));
            }
        }
    }
    let (from, to) = window(&hits, phrases.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = if from == 0 { 0 } else { spans[from].0 };
    for (&(s, e), hit) in spans[from..to].iter().zip(&hits[from..to]) {
        push_spaced(&mut out, &text[at..s]);
        match hit {
            Some(_) => {
                out.push(MATCH_START);
                out.push_str(&text[s..e]);
                out.push(MATCH_END);
            }
            None => out.push_str(&text[s..e]),
        }
        at = e;
    }
    // What follows the last word up to the next space (its full stop…).
    let tail = if to == spans.len() {
        &text[at..]
    } else {
        let rest = &text[at..];
        &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
    };
    push_spaced(&mut out, tail.trim_end());
    if to < spans.len() {
        out.push('…');
    }
    out
}

/// `piece` with each run of white space (line breaks too) as one space.
fn push_spaced(out: &mut String, piece: &str) {
    let mut space = false;
    for c in piece.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
}

/// The [`WIDTH`] words to show, as a range: the stretch with the most
/// different searched words (then the most matched words, then the
/// earliest), its matches then centred.
fn window(hits: &[Option<usize>], searched: usize) -> (usize, usize) {
    let n = hits.len();
    if n <= WIDTH {
        return (0, n);
    }
    let mut best = (0, 0, 0usize);
    for from in 0..=n - WIDTH {
        let part = &hits[from..from + WIDTH];
        let mut seen = vec![false; searched];
        let mut count = 0;
        for t in part.iter().flatten() {
            seen[*t] = true;
            count += 1;
        }
        let distinct = seen.iter().filter(|s| **s).count();
        if (distinct, count) > (best.0, best.1) {
            best = (distinct, count, from);
        }
    }
    let from = best.2;
    let part = &hits[from..from + WIDTH];
    let (Some(first), Some(last)) = (
        part.iter().position(Option::is_some),
        part.iter().rposition(Option::is_some),
    ) else {
        return (0, WIDTH);
    };
    let spare = WIDTH - (last - first + 1);
    let start = (from + first).saturating_sub(spare / 2).min(n - WIDTH);
    (start, start + WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &str) -> String {
        s.replace(MATCH_START, "[").replace(MATCH_END, "]")
    }

    #[test]
    fn marks_the_words_any_case_without_diacritics_the_last_as_a_prefix() {
        let body = "Pegawai bekerja dari RUMAH/tempat tinggal; Café dibuka pukul 08.00.";
        assert_eq!(
            marked(&excerpt(body, "rumah cafe 08.0")),
            "Pegawai bekerja dari [RUMAH]/tempat tinggal; [Café] dibuka pukul [08].[00]."
        );
        // Only the last word is a prefix.
        assert_eq!(
            marked(&excerpt(body, "rum tempat")),
            "Pegawai bekerja dari RUMAH/[tempat] tinggal; Café dibuka pukul 08.00."
        );
        // A number's runs count only in a row: 800/1 is not the 1 of 15.
        assert_eq!(
            marked(&excerpt(
                "Nomor 800/1/BKD selama 1 (satu) hari, 15 hari",
                "800/1"
            )),
            "Nomor [800]/[1]/BKD selama 1 (satu) hari, 15 hari"
        );
    }

    #[test]
    fn shows_the_words_around_the_best_stretch_and_where_the_body_goes_on() {
        let words: Vec<String> = (1..=60).map(|i| format!("kata{i}")).collect();
        let mut body = words.join(" ");
        body.push_str(" akhir.");
        let one = marked(&excerpt(&body, "kata30"));
        assert_eq!(
            one,
            "…kata23 kata24 kata25 kata26 kata27 kata28 kata29 [kata30] kata31 kata32 kata33 kata34 kata35 kata36 kata37 kata38…"
        );
        // Two different words close together beat one repeated elsewhere.
        let body = format!(
            "cuti cuti cuti {} cuti bersama {}",
            words[..30].join(" "),
            words[30..].join(" ")
        );
        let two = marked(&excerpt(&body, "cuti bersama"));
        assert!(two.contains("[cuti] [bersama]"), "{two}");
        assert!(two.starts_with('…') && two.ends_with('…'), "{two}");
        // The end of the body: no trailing mark, the full stop kept.
        assert!(marked(&excerpt(&format!("{body} terakhir."), "terakhir")).ends_with("[terakhir]."));
    }

    #[test]
    fn takes_emphasis_out_and_keeps_one_line() {
        let body = "Rapat dilaksanakan secara _daring_\nmelalui *zebrakuda*.";
        assert_eq!(
            marked(&excerpt(body, "zebrakuda")),
            "Rapat dilaksanakan secara daring melalui [zebrakuda]."
        );
    }

    #[test]
    fn without_a_match_in_the_body_shows_its_start() {
        let body = (1..=40)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let shown = excerpt(&body, "tidakada");
        assert!(
            shown.starts_with("w1 w2") && shown.ends_with("w16…"),
            "{shown}"
        );
        assert_eq!(excerpt("", "apa"), "");
    }
}
