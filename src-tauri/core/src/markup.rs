//! Inline emphasis in a point's text, as clerks know it from chat apps:
//! `_miring_` for italic, `*tebal*` for bold. A marker counts only at a word
//! boundary — an opening one not preceded by a letter or digit and followed
//! by a non-space, a closing one preceded by a non-space and not followed by
//! a letter or digit — and only when it has a partner, so `bkd_muba@mail.go.id`,
//! `3*4` or a lone `*` print as written. `\_`, `\*` and `\\` print the
//! character itself. This module is the one reading of the markup: the PDF,
//! the preview and the search excerpts all go through it.

/// How a stretch of text is emphasised.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Emphasis {
    pub italic: bool,
    pub bold: bool,
}

impl Emphasis {
    /// What two stretches share (a space between an italic and an upright
    /// word is upright).
    pub fn common(self, other: Emphasis) -> Emphasis {
        Emphasis {
            italic: self.italic && other.italic,
            bold: self.bold && other.bold,
        }
    }
}

/// Text in one emphasis, markers removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub emphasis: Emphasis,
}

const ITALIC: char = '_';
const BOLD: char = '*';
const ESCAPE: char = '\\';

/// `term` marked as italic, e.g. a foreign term in a generated clause.
pub fn italic(term: &str) -> String {
    format!("{ITALIC}{term}{ITALIC}")
}

/// The spans of `text`: what prints, and in which emphasis.
pub fn spans(text: &str) -> Vec<Span> {
    read(text)
}

/// What a reader sees of `text`: the markers taken out.
pub fn plain(text: &str) -> String {
    spans(text).into_iter().map(|s| s.text).collect()
}

enum Token {
    Char(char),
    Marker {
        ch: char,
        opens: bool,
        closes: bool,
        role: Role,
    },
}

/// What a marker turned out to be once paired.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Literal,
    Open,
    Close,
}

fn read(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == ESCAPE && matches!(next, Some(ITALIC | BOLD | ESCAPE)) {
            tokens.push(Token::Char(chars[i + 1]));
            i += 2;
            continue;
        }
        if c == ITALIC || c == BOLD {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            tokens.push(Token::Marker {
                ch: c,
                opens: next.is_some_and(|n| !n.is_whitespace())
                    && !prev.is_some_and(char::is_alphanumeric),
                closes: prev.is_some_and(|p| !p.is_whitespace())
                    && !next.is_some_and(char::is_alphanumeric),
                role: Role::Literal,
            });
        } else {
            tokens.push(Token::Char(c));
        }
        i += 1;
    }
    pair(&mut tokens);

    let mut spans: Vec<Span> = Vec::new();
    // Open runs of each kind (`**x**` nests bold in bold).
    let (mut italic, mut bold) = (0usize, 0usize);
    for token in tokens {
        let c = match token {
            Token::Char(c) => c,
            Token::Marker { ch, role, .. } if role != Role::Literal => {
                let depth = if ch == ITALIC { &mut italic } else { &mut bold };
                if role == Role::Open {
                    *depth += 1;
                } else {
                    *depth -= 1;
                }
                continue;
            }
            Token::Marker { ch, .. } => ch,
        };
        let emphasis = Emphasis {
            italic: italic > 0,
            bold: bold > 0,
        };
        match spans.last_mut() {
            Some(last) if last.emphasis == emphasis => last.text.push(c),
            _ => spans.push(Span {
                text: c.to_string(),
                emphasis,
            }),
        }
    }
    spans
}

/// Matches each closing marker with the nearest open one of its kind that
/// does not touch it (a run is never empty); open markers between the two
/// stay literal, so runs nest but never cross.
fn pair(tokens: &mut [Token]) {
    let mut open: Vec<usize> = Vec::new();
    for i in 0..tokens.len() {
        let Token::Marker {
            ch, opens, closes, ..
        } = tokens[i]
        else {
            continue;
        };
        let partner = open
            .iter()
            .rposition(|&o| matches!(tokens[o], Token::Marker { ch: c, .. } if c == ch))
            .filter(|&k| closes && open[k] + 1 != i);
        if let Some(k) = partner {
            set_role(&mut tokens[open[k]], Role::Open);
            set_role(&mut tokens[i], Role::Close);
            open.truncate(k);
        } else if opens {
            open.push(i);
        }
    }
}

fn set_role(token: &mut Token, to: Role) {
    if let Token::Marker { role, .. } = token {
        *role = to;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, &'static str)> {
        spans(text)
            .into_iter()
            .map(|s| {
                let style = match (s.emphasis.italic, s.emphasis.bold) {
                    (false, false) => "",
                    (true, false) => "i",
                    (false, true) => "b",
                    (true, true) => "bi",
                };
                (s.text, style)
            })
            .collect()
    }

    fn s(text: &str, style: &'static str) -> (String, &'static str) {
        (text.to_string(), style)
    }

    #[test]
    fn marks_italic_and_bold_runs_at_word_boundaries() {
        assert_eq!(
            shown("bekerja dari rumah (_Work From Home_) dan *wajib* hadir."),
            [
                s("bekerja dari rumah (", ""),
                s("Work From Home", "i"),
                s(") dan ", ""),
                s("wajib", "b"),
                s(" hadir.", ""),
            ]
        );
        assert_eq!(
            shown("*_rapat daring_* saja"),
            [s("rapat daring", "bi"), s(" saja", "")]
        );
        assert_eq!(
            shown("rapat _online_, _offline_."),
            [
                s("rapat ", ""),
                s("online", "i"),
                s(", ", ""),
                s("offline", "i"),
                s(".", "")
            ]
        );
        assert_eq!(plain("**tebal**"), "tebal");
        assert_eq!(italic("online"), "_online_");
        assert_eq!(plain(&italic("Work From Home")), "Work From Home");
    }

    #[test]
    fn leaves_markers_inside_words_and_lone_markers_as_written() {
        for literal in [
            "bkd_muba@mail.go.id",
            "a_b",
            "3*4 = 12",
            "nilai 2 * 3",
            "tanda * saja",
            "_ awal",
            "akhir _",
            "__",
            "snake_case_name",
            "_tanpa pasangan",
            "C:\\data",
        ] {
            assert_eq!(shown(literal), [s(literal, "")], "{literal}");
        }
        assert_eq!(
            shown("_kirim ke bkd_muba@mail.go.id_"),
            [s("kirim ke bkd_muba@mail.go.id", "i")]
        );
    }

    #[test]
    fn escapes_print_the_marker_itself() {
        assert_eq!(shown(r"\_bukan miring\_"), [s("_bukan miring_", "")]);
        assert_eq!(shown(r"\*5\* dan \\"), [s(r"*5* dan \", "")]);
    }

    #[test]
    fn runs_nest_but_never_cross() {
        assert_eq!(shown("*a _b* c_"), [s("a _b", "b"), s(" c_", "")]);
    }
}
