//! Bahasa dinas: Indonesian dates (`12 Mei 2020`, `Selasa`), numbers in
//! words (*terbilang*: `14 (empat belas) hari`) and lists (`A, B, dan C`),
//! as legal text writes them.

use chrono::{Datelike, NaiveDate, Weekday};

pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `Senin` … `Minggu`.
pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

/// `12 Mei 2020`.
pub fn date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// A span of days as lists show it: `30 Mei – 15 Juni 2020`, `1–14 April 2020`,
/// `28 Desember 2020 – 3 Januari 2021`; open-ended `mulai 5 Juni 2020`.
pub fn span(start: NaiveDate, end: Option<NaiveDate>) -> String {
    let Some(end) = end else {
        return format!("mulai {}", date(start));
    };
    let month = |d: NaiveDate| MONTHS[d.month0() as usize];
    if start.year() != end.year() {
        format!("{} – {}", date(start), date(end))
    } else if start.month() != end.month() {
        format!("{} {} – {}", start.day(), month(start), date(end))
    } else if start != end {
        format!("{}–{}", start.day(), date(end))
    } else {
        date(start)
    }
}

/// `Selasa, 12 Mei 2020`.
pub fn date_with_weekday(d: NaiveDate) -> String {
    format!("{}, {}", weekday(d), date(d))
}

const UNITS: [&str; 12] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
];

/// The number in words: `14` → `empat belas`, `1.250` → `seribu dua ratus lima puluh`.
pub fn terbilang(n: u64) -> String {
    match n {
        0..=11 => UNITS[n as usize].to_string(),
        12..=19 => format!("{} belas", UNITS[(n - 10) as usize]),
        20..=99 => join(format!("{} puluh", UNITS[(n / 10) as usize]), n % 10),
        100..=199 => join("seratus".into(), n - 100),
        200..=999 => join(format!("{} ratus", UNITS[(n / 100) as usize]), n % 100),
        1_000..=1_999 => join("seribu".into(), n - 1_000),
        _ => {
            const SCALES: [(u64, &str); 4] = [
                (1_000_000_000_000, "triliun"),
                (1_000_000_000, "miliar"),
                (1_000_000, "juta"),
                (1_000, "ribu"),
            ];
            let (size, name) = SCALES
                .iter()
                .copied()
                .find(|(size, _)| n >= *size)
                .expect("n ≥ 2000");
            join(format!("{} {name}", terbilang(n / size)), n % size)
        }
    }
}

fn join(head: String, rest: u64) -> String {
    if rest == 0 {
        head
    } else {
        format!("{head} {}", terbilang(rest))
    }
}

/// `14 (empat belas) hari`: the figure, the words in brackets, then the unit.
pub fn count(n: u64, unit: &str) -> String {
    format!("{n} ({}) {unit}", terbilang(n))
}

/// `2 (dua)`: the figure and its words, as legal text writes a count.
pub fn spelled(n: u64) -> String {
    format!("{n} ({})", terbilang(n))
}

/// `n` in Roman numerals (`I`, `IV`, `XII`), for eselon levels and lampiran.
pub fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// A list as PUEBI writes it: `A`, `A dan B`, `A, B, dan C` (a comma
/// before *dan* from three items on).
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [first, second] => format!("{} dan {}", first.as_ref(), second.as_ref()),
        [rest @ .., last] => {
            let mut out = String::new();
            for item in rest {
                out.push_str(item.as_ref());
                out.push_str(", ");
            }
            out.push_str("dan ");
            out.push_str(last.as_ref());
            out
        }
    }
}

/// Up to three of `candidates` that look most like `name` (a typo, a
/// shortened name), best first: letter pairs shared, case and spacing ignored.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    fn pairs(text: &str) -> Vec<(char, char)> {
        let letters: Vec<char> = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let mut pairs: Vec<(char, char)> = letters.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs
    }
    let wanted = pairs(name);
    let mut scored: Vec<(f32, &str)> = candidates
        .map(|c| {
            let theirs = pairs(c);
            // Sørensen–Dice over the multisets of letter pairs.
            let (mut i, mut j, mut shared) = (0, 0, 0);
            while i < wanted.len() && j < theirs.len() {
                match wanted[i].cmp(&theirs[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => (shared, i, j) = (shared + 1, i + 1, j + 1),
                }
            }
            let total = (wanted.len() + theirs.len()).max(1);
            (2.0 * shared as f32 / total as f32, c)
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_names_each_part_once() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            span(d(2020, 5, 30), Some(d(2020, 6, 15))),
            "30 Mei – 15 Juni 2020"
        );
        assert_eq!(span(d(2020, 4, 1), Some(d(2020, 4, 14))), "1–14 April 2020");
        assert_eq!(
            span(d(2020, 12, 28), Some(d(2021, 1, 3))),
            "28 Desember 2020 – 3 Januari 2021"
        );
        assert_eq!(span(d(2020, 4, 1), Some(d(2020, 4, 1))), "1 April 2020");
        assert_eq!(span(d(2020, 6, 5), None), "mulai 5 Juni 2020");
    }

    #[test]
    fn the_closest_names_forgive_typos_and_spacing_but_not_strangers() {
        let office = [
            "Dinas Kesehatan",
            "Dinas Sosial",
            "Dinas Kependudukan dan Pencatatan Sipil",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        ];
        assert_eq!(
            closest("Dinas Kesehtan", office.into_iter())[0],
            "Dinas Kesehatan"
        );
        assert_eq!(
            closest("dinas  SOSIAL", office.into_iter()),
            ["Dinas Sosial"]
        );
        assert_eq!(
            closest("Dinas Kependudukan & Catatan Sipil", office.into_iter())[0],
            "Dinas Kependudukan dan Pencatatan Sipil"
        );
        assert!(closest("Rumah Sakit Umum Daerah", office.into_iter()).is_empty());
    }

    #[test]
    fn spells_numbers_as_legal_text_does() {
        let cases = [
            (0, "nol"),
            (2, "dua"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (14, "empat belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (100, "seratus"),
            (111, "seratus sebelas"),
            (250, "dua ratus lima puluh"),
            (1000, "seribu"),
            (1882, "seribu delapan ratus delapan puluh dua"),
            (2020, "dua ribu dua puluh"),
            (100_000, "seratus ribu"),
            (1_000_000, "satu juta"),
            (2_500_000_000, "dua miliar lima ratus juta"),
        ];
        for (n, words) in cases {
            assert_eq!(terbilang(n), words, "{n}");
        }
        assert_eq!(count(14, "hari"), "14 (empat belas) hari");
        assert_eq!(count(2, "orang"), "2 (dua) orang");
    }

    #[test]
    fn writes_dates_in_indonesian() {
        let d = NaiveDate::from_ymd_opt(2020, 5, 12).unwrap();
        assert_eq!(date(d), "12 Mei 2020");
        assert_eq!(date_with_weekday(d), "Selasa, 12 Mei 2020");
        assert_eq!(
            weekday(NaiveDate::from_ymd_opt(2020, 5, 24).unwrap()),
            "Minggu"
        );
    }

    #[test]
    fn lists_take_the_serial_comma_from_three_items() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["RSUD"]), "RSUD");
        assert_eq!(list(&["RSUD", "Puskesmas"]), "RSUD dan Puskesmas");
        assert_eq!(
            list(&["RSUD", "Puskesmas", "Satpol PP"]),
            "RSUD, Puskesmas, dan Satpol PP"
        );
        assert_eq!(
            list(&[
                "eselon II".to_string(),
                "eselon III".into(),
                "eselon IV".into(),
                "eselon V".into()
            ]),
            "eselon II, eselon III, eselon IV, dan eselon V"
        );
    }
}
