//! *Kode klasifikasi arsip*: the first part of a letter number
//! (`800.1.11/…`). Since Permendagri 83/2022 the codes are dotted; the old
//! three-digit codes still appear in archives. `codes.csv` ships the branches
//! a personnel office numbers with (its header names the source); any dotted
//! code is accepted, the table only names and finds them.

use std::cmp::Ordering;
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ErrorCode;

/// One code of the table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Classification {
    pub code: &'static str,
    pub name: &'static str,
    /// An old three-digit code (before Permendagri 83/2022).
    pub legacy: bool,
}

/// The shipped table, in code order.
pub fn table() -> &'static [Classification] {
    static TABLE: OnceLock<Vec<Classification>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<Classification> = include_str!("codes.csv")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let mut cols = l.split(';');
                let (code, name, origin) = (cols.next(), cols.next(), cols.next());
                Classification {
                    code: code.expect("codes.csv: kode"),
                    name: name.expect("codes.csv: nama"),
                    legacy: origin == Some("lama"),
                }
            })
            .collect();
        rows.sort_by(|a, b| code_order(a.code, b.code));
        rows
    })
}

/// The table's entry for `code`, if it has one.
pub fn find(code: &str) -> Option<&'static Classification> {
    let code = code.trim();
    table().iter().find(|c| c.code == code)
}

/// Codes whose number starts with the query's dotted part and whose name has
/// every other word; an exact code first, then in code order.
pub fn search(query: &str, limit: usize) -> Vec<&'static Classification> {
    let query = query.to_lowercase();
    let (codes, words): (Vec<&str>, Vec<&str>) = query
        .split_whitespace()
        .partition(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let mut found: Vec<&Classification> = table()
        .iter()
        .filter(|c| codes.iter().all(|q| c.code.starts_with(q)))
        .filter(|c| {
            let name = c.name.to_lowercase();
            words.iter().all(|w| name.contains(w))
        })
        .collect();
    found.sort_by_key(|c| !codes.contains(&c.code));
    found.truncate(limit);
    found
}

/// `code` trimmed, when it is numbers joined by dots (`800`, `800.1.11.1`);
/// empty stays empty (a template without `{klasifikasi}`).
pub fn checked(code: &str, field: &'static str) -> Result<String> {
    let code = code.trim();
    let dotted = code
        .split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if code.is_empty() || dotted {
        return Ok(code.to_string());
    }
    Err(Error::invalid(
        ErrorCode::Klasifikasi,
        field,
        format!("Kode klasifikasi \"{code}\" harus berupa angka bertitik, misalnya 800 atau 800.1.11.1."),
    ))
}

/// Orders `800.1.2` before `800.1.11` (each part as a number).
fn code_order(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| -> Vec<u32> { s.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    parts(a).cmp(&parts(b)).then(a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_unique_codes_each_under_a_parent_it_also_has() {
        let all = table();
        assert!(all.len() > 150, "{}", all.len());
        for (i, c) in all.iter().enumerate() {
            checked(c.code, "kode").unwrap();
            assert!(!c.name.trim().is_empty(), "{}", c.code);
            assert!(
                all[i + 1..].iter().all(|d| d.code != c.code),
                "{} twice",
                c.code
            );
            if let Some((parent, _)) = c.code.rsplit_once('.') {
                assert!(find(parent).is_some(), "{} has no parent {parent}", c.code);
            }
        }
    }

    #[test]
    fn codes_are_in_number_order_not_text_order() {
        let codes: Vec<&str> = table().iter().map(|c| c.code).collect();
        let at = |code| codes.iter().position(|c| *c == code).unwrap();
        assert!(at("800.1.2") < at("800.1.11"));
        assert!(at("800.1.11.2") < at("800.1.11.10"));
        assert!(at("065") < at("100"));
    }

    #[test]
    fn a_word_finds_the_leave_codes_and_a_code_comes_first_when_typed() {
        let cuti: Vec<&str> = search("cuti", 20).iter().map(|c| c.code).collect();
        assert_eq!(
            cuti,
            [
                "800.1.11.2",
                "800.1.11.3",
                "800.1.11.4",
                "800.1.11.5",
                "800.1.11.6",
                "800.1.11.7"
            ]
        );
        let typed = search("800.1.11", 5);
        assert_eq!(typed[0].code, "800.1.11");
        assert_eq!(typed[0].name, "Administrasi Pegawai");
        assert_eq!(typed[1].code, "800.1.11.1");
        assert_eq!(search("SURAT edaran", 5)[0].code, "100.3.4");
        assert_eq!(search("800.1 tahunan", 5)[0].code, "800.1.11.4");
        assert!(search("tidak ada kata ini", 5).is_empty());
    }

    #[test]
    fn old_three_digit_codes_are_known_and_marked() {
        assert!(find("061").unwrap().legacy);
        assert!(!find(" 000.8.3 ").unwrap().legacy);
        assert_eq!(find("000.8.3").unwrap().name, "Ketatalaksanaan");
        assert!(find("800.1.99").is_none());
    }

    #[test]
    fn only_numbers_joined_by_dots_are_codes() {
        assert_eq!(
            checked(" 800.1.11.1 ", "classification").unwrap(),
            "800.1.11.1"
        );
        assert_eq!(checked("800.1.99", "classification").unwrap(), "800.1.99");
        assert_eq!(checked("", "classification").unwrap(), "");
        for bad in ["80A", "800..1", "800.", ".800", "800/1", "800 1"] {
            let e = checked(bad, "classification").unwrap_err();
            assert_eq!(e.field(), Some("classification"), "{bad}");
            assert!(e.to_string().contains(bad), "{e}");
        }
    }
}
