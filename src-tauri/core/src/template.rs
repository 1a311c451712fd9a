//! Templates: the clauses a circular's kind writes from its facts (scope,
//! period, references) in formal Indonesian. Generated points carry their
//! [`Clause`] tag; the user's own points are never touched.

use std::collections::HashMap;

use crate::circular::{Circular, CircularKind, Clause, Period, Point, UNTIL_EVALUATED};
use crate::words;

fn references(c: &Circular) -> Vec<String> {
    c.references
        .iter()
        .map(|r| r.text.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The circular this one follows (extends, amends, revokes): the last linked
/// reference, named short (`Surat Edaran … Nomor … tanggal …`, no subject).
fn predecessor(c: &Circular) -> Option<String> {
    let text = c
        .references
        .iter()
        .rev()
        .find(|r| r.circular_id.is_some())?
        .text
        .trim();
    Some(match text.find(" tentang ") {
        Some(cut) => text[..cut].to_string(),
        None => text.to_string(),
    })
}

fn scope(c: &Circular) -> &str {
    match c.scope.trim() {
        "" => "Aparatur Sipil Negara",
        s => s,
    }
}

/// Lower-cases the first letter, for a subject used inside a sentence.
fn in_sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The arrangement's name, its foreign term in italics (PUEBI).
const WFH: &str = "tugas kedinasan dengan bekerja di rumah/tempat tinggal (_Work From Home_)";

/// The text of one template clause for this circular, if its kind has it.
pub fn clause_text(c: &Circular, clause: Clause) -> Option<String> {
    let refs = references(c);
    let scope = scope(c);
    let earlier = predecessor(c).unwrap_or_else(|| "Surat Edaran sebelumnya".into());
    let period = c.period.as_ref().map(Period::phrase);
    match clause {
        Clause::Dasar => Some(if refs.is_empty() {
            format!(
                "Dalam rangka {}, dengan ini disampaikan hal-hal sebagai berikut:",
                in_sentence(&c.subject)
            )
        } else {
            format!(
                "Menindaklanjuti {}, dengan ini disampaikan hal-hal sebagai berikut:",
                words::list(&refs)
            )
        }),
        Clause::Masa => match c.kind {
            CircularKind::WfhBaru => Some(format!(
                "{scope} melaksanakan {WFH} {}.",
                period.unwrap_or_else(|| UNTIL_EVALUATED.into())
            )),
            CircularKind::Perpanjangan => Some(format!(
                "Masa pelaksanaan {WFH} bagi {scope} sebagaimana dimaksud dalam {earlier} diperpanjang {}.",
                period.unwrap_or_else(|| UNTIL_EVALUATED.into())
            )),
            CircularKind::PenerapanKembali => Some(format!(
                "Pelaksanaan {WFH} bagi {scope} diberlakukan kembali {}.",
                period.unwrap_or_else(|| UNTIL_EVALUATED.into())
            )),
            CircularKind::Perubahan => Some(match period {
                Some(p) => format!("Ketentuan dalam {earlier} diubah sebagaimana tersebut dalam Surat Edaran ini dan berlaku {p}."),
                None => format!("Ketentuan dalam {earlier} diubah sebagaimana tersebut dalam Surat Edaran ini dan berlaku sejak tanggal ditetapkan."),
            }),
            CircularKind::Pencabutan => Some(match &c.period {
                Some(p) => format!(
                    "{earlier} dicabut dan dinyatakan tidak berlaku. Terhitung mulai tanggal {}, {scope} kembali melaksanakan tugas kedinasan di kantor sesuai dengan ketentuan hari dan jam kerja.",
                    words::date(p.start)
                ),
                None => format!(
                    "{earlier} dicabut dan dinyatakan tidak berlaku. Sejak tanggal Surat Edaran ini ditetapkan, {scope} kembali melaksanakan tugas kedinasan di kantor sesuai dengan ketentuan hari dan jam kerja."
                ),
            }),
            CircularKind::Umum => period.map(|p| format!("Surat Edaran ini berlaku {p}.")),
        },
        Clause::Aturan => (!c.rules.is_empty()).then(|| {
            "Pengaturan sistem kerja selama masa berlaku Surat Edaran ini sebagai berikut:".into()
        }),
        Clause::Penutup => Some(match c.kind {
            CircularKind::Pencabutan | CircularKind::Umum => {
                "Demikian Surat Edaran ini disampaikan untuk diketahui dan dilaksanakan sebagaimana mestinya.".into()
            }
            _ => "Demikian Surat Edaran ini disampaikan untuk dilaksanakan dengan penuh tanggung jawab.".into(),
        }),
    }
}

/// The points under a clause: the rules' own clauses under `Aturan`,
/// citing the rules' lampiran by their numbers.
fn clause_children(c: &Circular, clause: Clause) -> Option<Vec<Point>> {
    (clause == Clause::Aturan).then(|| {
        crate::rules::clauses::clauses_citing(&c.rules, &c.annexes, "lampiran")
            .into_iter()
            .map(Point::new)
            .collect()
    })
}

/// The point a clause writes; the opening (basis) and the closing are
/// plain paragraphs around the numbered provisions.
fn generated(c: &Circular, clause: Clause) -> Option<Point> {
    clause_text(c, clause).map(|text| Point {
        clause: Some(clause),
        unnumbered: matches!(clause, Clause::Dasar | Clause::Penutup),
        children: clause_children(c, clause).unwrap_or_default(),
        ..Point::new(text)
    })
}

const CLAUSES: [Clause; 4] = [Clause::Dasar, Clause::Masa, Clause::Aturan, Clause::Penutup];

/// Rewrites the template's clauses for the current facts, in place; the
/// user's points and the order they chose stay as they are.
pub fn refresh(c: &mut Circular) {
    // Each clause's text depends on the facts only: write each once.
    let texts = CLAUSES.map(|k| (k, clause_text(c, k), clause_children(c, k)));
    let text_of = |clause: Clause| {
        texts
            .iter()
            .find(|(k, ..)| *k == clause)
            .and_then(|(_, t, children)| Some((t.clone()?, children.clone())))
    };
    c.points.retain_mut(|p| match p.clause.map(text_of) {
        Some(Some((text, children))) => {
            p.text = text;
            if let Some(children) = children {
                p.children = children;
            }
            true
        }
        Some(None) => false,
        None => true,
    });
}

/// Lays the template out afresh: the basis first, the period second, the
/// user's points, the closing last. Cross-references in the user's points
/// (`angka 3 dan angka 4`) follow their points to their new numbers.
pub fn compose(c: &mut Circular) {
    let old_numbers = top_numbers(&c.points);
    let old: Vec<(Option<usize>, Point)> =
        old_numbers.into_iter().zip(c.points.drain(..)).collect();
    // A regenerated clause takes over the number its earlier point had.
    let regenerate = |clause: Clause| {
        let was = old
            .iter()
            .find(|(_, p)| p.clause == Some(clause))
            .and_then(|(n, _)| *n);
        generated(c, clause).map(|p| (was, p))
    };
    let mut laid: Vec<(Option<usize>, Point)> = [Clause::Dasar, Clause::Masa]
        .into_iter()
        .filter_map(regenerate)
        .collect();
    let aturan = regenerate(Clause::Aturan);
    let penutup = regenerate(Clause::Penutup);
    laid.extend(old.into_iter().filter(|(_, p)| p.clause.is_none()));
    laid.extend(aturan);
    laid.extend(penutup);
    let (was, mut points): (Vec<_>, Vec<_>) = laid.into_iter().unzip();
    let moved: HashMap<usize, usize> = was
        .into_iter()
        .zip(top_numbers(&points))
        .filter_map(|(old, new)| Some((old?, new?)))
        .filter(|(old, new)| old != new)
        .collect();
    if !moved.is_empty() {
        for p in points.iter_mut().filter(|p| p.clause.is_none()) {
            renumber(p, &moved);
        }
    }
    c.points = points;
}

/// The number each top-level point prints with (`None` for a paragraph).
fn top_numbers(points: &[Point]) -> Vec<Option<usize>> {
    let mut n = 0;
    points
        .iter()
        .map(|p| {
            (!p.unnumbered).then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

/// Rewrites `angka N` in a point and its sub-points to the number `moved`
/// gives N (all at once, so `angka 3 dan angka 4` never reads its own output).
fn renumber(point: &mut Point, moved: &HashMap<usize, usize>) {
    const WORD: &str = "angka ";
    let lower = point.text.to_ascii_lowercase();
    let mut out = String::with_capacity(point.text.len());
    let mut from = 0;
    for (at, _) in lower.match_indices(WORD) {
        let starts_word = !lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let digits_at = at + WORD.len();
        let digits = lower[digits_at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let new = point.text[digits_at..digits_at + digits]
            .parse()
            .ok()
            .and_then(|n: usize| moved.get(&n))
            .filter(|_| starts_word);
        if let Some(new) = new {
            out.push_str(&point.text[from..digits_at]);
            out.push_str(&new.to_string());
            from = digits_at + digits;
        }
    }
    out.push_str(&point.text[from..]);
    point.text = out;
    for child in &mut point.children {
        renumber(child, moved);
    }
}

/// Tags the points of a circular not drafted from a template (imported, or
/// written by hand) that do a clause's work, so that composing rewrites them
/// instead of adding a second one: the opening (a first point without
/// sub-points that is a plain paragraph or ends in `:`, as *Menindaklanjuti
/// …, dengan ini disampaikan hal-hal sebagai berikut:* does), the closing
/// (the last point beginning `Demikian`), and the period point (the first
/// naming a date of `period` or `terhitung mulai/sejak tanggal`). A clause some
/// point already carries is left as it is.
pub fn recognise(c: &mut Circular, period: Option<Period>) {
    let tagged = |c: &Circular, clause| c.points.iter().any(|p| p.clause == Some(clause));
    let tag = |c: &mut Circular, clause, found: &dyn Fn(usize, &Point) -> bool| {
        if tagged(c, clause) {
            return;
        }
        let untagged = |(i, p): &(usize, &Point)| p.clause.is_none() && found(*i, p);
        let at = match clause {
            Clause::Penutup => c.points.iter().enumerate().rev().find(untagged),
            _ => c.points.iter().enumerate().find(untagged),
        }
        .map(|(i, _)| i);
        if let Some(i) = at {
            c.points[i].clause = Some(clause);
        }
    };
    tag(c, Clause::Dasar, &|i, p| {
        i == 0 && p.children.is_empty() && (p.unnumbered || p.text.trim_end().ends_with(':'))
    });
    tag(c, Clause::Penutup, &|_, p| {
        p.text.trim_start().to_lowercase().starts_with("demikian")
    });
    let mut marks = vec![
        "terhitung mulai tanggal".to_string(),
        "terhitung sejak tanggal".to_string(),
    ];
    if let Some(period) = period {
        marks.extend(
            [Some(period.start), period.end]
                .into_iter()
                .flatten()
                .map(|d| words::date(d).to_lowercase()),
        );
    }
    tag(c, Clause::Masa, &|_, p| {
        let text = p.text.to_lowercase();
        marks.iter().any(|m| text.contains(m.as_str()))
    });
}

/// Puts the rules' clauses into the body: rewrites the `Aturan` point where
/// the user left it, or inserts it before the closing; removes it when the
/// circular has no rules.
pub fn place_rules(c: &mut Circular) {
    if c.points.iter().any(|p| p.clause == Some(Clause::Aturan)) || c.rules.is_empty() {
        return refresh(c);
    }
    let at = c
        .points
        .iter()
        .position(|p| p.clause == Some(Clause::Penutup))
        .unwrap_or(c.points.len());
    if let Some(point) = generated(c, Clause::Aturan) {
        c.points.insert(at, point);
    }
}

/// The subject a derived circular starts with, e.g. `Perpanjangan …`.
pub fn derived_subject(kind: CircularKind, earlier: &str) -> String {
    let prefix = match kind {
        CircularKind::Perpanjangan => "Perpanjangan",
        CircularKind::Perubahan => "Perubahan atas",
        CircularKind::Pencabutan => "Pencabutan",
        CircularKind::PenerapanKembali => "Penerapan Kembali",
        CircularKind::WfhBaru | CircularKind::Umum => return earlier.to_string(),
    };
    let core = earlier
        .trim()
        .trim_start_matches("Perpanjangan ")
        .trim_start_matches("Perubahan atas ")
        .trim_start_matches("Penerapan Kembali ")
        .to_string();
    format!("{prefix} {core}")
}

/// How a circular is named when another refers to it.
pub fn citation(c: &Circular) -> String {
    let mut text = format!("Surat Edaran {}", title_case(&c.signature.principal_office));
    if !c.number.trim().is_empty() {
        text.push_str(&format!(" Nomor {}", c.number.trim()));
    }
    if let Some(date) = c.issued_on {
        text.push_str(&format!(" tanggal {}", words::date(date)));
    }
    text.push_str(&format!(" tentang {}", c.subject.trim()));
    text
}

/// Acronyms that stay in capitals inside a title.
const ACRONYMS: [&str; 6] = ["DPRD", "ASN", "RI", "PANRB", "BKD", "BKPSDM"];

/// `BUPATI TANJUNG SEROJA` → `Bupati Tanjung Seroja`; abbreviations, codes
/// and known acronyms are kept.
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            if w.contains(['.', '/'])
                || w.chars().any(|c| c.is_ascii_digit())
                || ACRONYMS.contains(&w)
            {
                w.to_string()
            } else {
                let lower = w.to_lowercase();
                let mut chars = lower.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::circular::Reference;
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, d).unwrap()
    }

    fn sample(kind: CircularKind) -> Circular {
        let mut c: Circular = crate::exchange::from_json(include_str!(
            "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        c.kind = kind;
        c.scope = "Aparatur Sipil Negara di lingkungan Pemerintah Kabupaten Musi Banyuasin".into();
        c.period = Some(Period {
            start: day(5, 16),
            end: Some(day(5, 29)),
        });
        c.references = vec![
            Reference {
                text: "Surat Edaran Menteri PANRB Nomor 19 Tahun 2020".into(),
                circular_id: None,
            },
            Reference {
                text: "Surat Edaran Bupati Musi Banyuasin Nomor 800/400/BKPSDM/2020".into(),
                circular_id: Some(1),
            },
        ];
        c.points = vec![Point::new("Pegawai tetap dapat dihubungi.")];
        c.rules = Default::default();
        c
    }

    #[test]
    fn compose_puts_basis_period_own_points_and_closing_in_order() {
        let mut c = sample(CircularKind::Perpanjangan);
        compose(&mut c);
        let clauses: Vec<_> = c.points.iter().map(|p| p.clause).collect();
        assert_eq!(
            clauses,
            [
                Some(Clause::Dasar),
                Some(Clause::Masa),
                None,
                Some(Clause::Penutup)
            ]
        );
        assert!(c.points[0].text.starts_with("Menindaklanjuti Surat Edaran Menteri PANRB Nomor 19 Tahun 2020 dan Surat Edaran Bupati"));
        assert!(c.points[1].text.contains("Nomor 800/400/BKPSDM/2020 diperpanjang selama 14 (empat belas) hari, terhitung mulai tanggal 16 Mei 2020 sampai dengan tanggal 29 Mei 2020."));
        compose(&mut c);
        assert_eq!(
            c.points.len(),
            4,
            "composing twice does not duplicate clauses"
        );
    }

    #[test]
    fn the_rules_clauses_go_before_the_closing_and_follow_the_rules() {
        let mut c = sample(CircularKind::WfhBaru);
        compose(&mut c);
        assert_eq!(c.points.len(), 4, "no rules, no rules point");
        c.rules.picket = Some(crate::rules::Picket {
            per_day: 2,
            unit_kinds: Vec::new(),
            categories: Vec::new(),
            agencies: Vec::new(),
            ..Default::default()
        });
        place_rules(&mut c);
        assert_eq!(c.points[3].clause, Some(Clause::Aturan));
        assert_eq!(c.points[4].clause, Some(Clause::Penutup));
        assert!(c.points[3].children[0].text.contains("2 (dua) orang"));
        c.rules.picket.as_mut().unwrap().per_day = 3;
        c.points.swap(2, 3); // the user moved it up
        place_rules(&mut c);
        assert_eq!(c.points.len(), 5, "placed once");
        assert!(c.points[2].children[0].text.contains("3 (tiga) orang"));
        c.rules = Default::default();
        place_rules(&mut c);
        assert!(c.points.iter().all(|p| p.clause != Some(Clause::Aturan)));
    }

    #[test]
    fn refresh_rewrites_only_template_clauses_where_the_user_put_them() {
        let mut c = sample(CircularKind::WfhBaru);
        compose(&mut c);
        c.points.swap(1, 2);
        c.points[0].clause = None; // edited by hand
        c.points[0].text = "Dasar yang ditulis sendiri.".into();
        c.period = Some(Period {
            start: day(6, 1),
            end: Some(day(6, 2)),
        });
        refresh(&mut c);
        assert_eq!(c.points[0].text, "Dasar yang ditulis sendiri.");
        assert_eq!(c.points[1].text, "Pegawai tetap dapat dihubungi.");
        assert!(c.points[2]
            .text
            .contains("selama 2 (dua) hari, terhitung mulai tanggal 1 Juni 2020"));
    }

    #[test]
    fn every_kind_writes_its_own_period_clause() {
        for (kind, needle) in [
            (
                CircularKind::WfhBaru,
                "melaksanakan tugas kedinasan dengan bekerja di rumah",
            ),
            (CircularKind::Perpanjangan, "diperpanjang"),
            (CircularKind::PenerapanKembali, "diberlakukan kembali"),
            (CircularKind::Perubahan, "diubah"),
            (
                CircularKind::Pencabutan,
                "dicabut dan dinyatakan tidak berlaku. Terhitung mulai tanggal 16 Mei 2020",
            ),
            (CircularKind::Umum, "Surat Edaran ini berlaku selama"),
        ] {
            let text = clause_text(&sample(kind), Clause::Masa).unwrap();
            assert!(text.contains(needle), "{kind:?}: {text}");
        }
    }

    #[test]
    fn clauses_italicise_work_from_home_and_list_references_with_the_serial_comma() {
        for kind in [
            CircularKind::WfhBaru,
            CircularKind::Perpanjangan,
            CircularKind::PenerapanKembali,
        ] {
            let text = clause_text(&sample(kind), Clause::Masa).unwrap();
            assert!(text.contains("(_Work From Home_)"), "{kind:?}: {text}");
        }
        let mut c = sample(CircularKind::WfhBaru);
        c.references = [
            "SE MenPAN-RB 19/2020",
            "SE MenPAN-RB 34/2020",
            "SE Gubernur",
        ]
        .map(|t| crate::circular::Reference {
            text: t.into(),
            circular_id: None,
        })
        .to_vec();
        assert!(clause_text(&c, Clause::Dasar).unwrap().starts_with(
            "Menindaklanjuti SE MenPAN-RB 19/2020, SE MenPAN-RB 34/2020, dan SE Gubernur,"
        ));
    }

    #[test]
    fn a_derived_subject_is_not_prefixed_twice() {
        let first = "Penyesuaian Sistem Kerja";
        let once = derived_subject(CircularKind::Perpanjangan, first);
        assert_eq!(once, "Perpanjangan Penyesuaian Sistem Kerja");
        assert_eq!(derived_subject(CircularKind::Perpanjangan, &once), once);
        assert_eq!(
            derived_subject(CircularKind::Pencabutan, &once),
            "Pencabutan Penyesuaian Sistem Kerja"
        );
    }

    #[test]
    fn a_hand_written_period_point_and_numbered_closing_are_rewritten_in_place_of_doubled() {
        // Pandeglang's file: the period in point 1, "Demikian" numbered, no opening.
        let mut c: Circular = crate::exchange::from_json(include_str!(
            "../../../tests/fixtures/pandeglang-800-2688-bkd-2020.json"
        ))
        .unwrap();
        let own = c.points.len() - 2;
        c.rules = Default::default(); // no `aturan` point to count
        let earlier = c.period;
        recognise(&mut c, earlier);
        c.period = Some(Period {
            start: day(12, 19),
            end: Some(day(12, 31)),
        });
        compose(&mut c);
        let texts: Vec<_> = c.points.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts.iter().filter(|t| t.starts_with("Demikian")).count(),
            1,
            "{texts:#?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("16 November 2020")),
            "{texts:#?}"
        );
        assert!(texts[1].contains("terhitung mulai tanggal 19 Desember 2020"));
        assert_eq!(c.points.iter().filter(|p| !p.unnumbered).count(), own + 1);
        assert!(c.points[0].unnumbered && c.points.last().unwrap().unnumbered);
    }

    #[test]
    fn cross_references_follow_their_points_all_at_once_and_only_as_whole_words() {
        let mut p = Point::with(
            "Sebagaimana dimaksud pada angka 2 dan Angka 3 huruf b; nilai berangka 2 tetap; angka 12 tetap.",
            vec![Point::new("lihat angka 3")],
        );
        renumber(&mut p, &HashMap::from([(2, 3), (3, 2)]));
        assert_eq!(
            p.text,
            "Sebagaimana dimaksud pada angka 3 dan Angka 2 huruf b; nilai berangka 2 tetap; angka 12 tetap."
        );
        assert_eq!(p.children[0].text, "lihat angka 2");
    }
}
