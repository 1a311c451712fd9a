//! The lampiran tables the rules print besides their clauses: the shift
//! groups with their days and head-counts, and each agency's office
//! head-count bounds under the share rules.

use super::status::Standing;
use super::Engine;
use crate::circular::Annex;

/// The title of the lampiran listing the personal exceptions.
pub const EXCEPTION_ANNEX: &str = "Daftar Pegawai dengan Pengecualian Sistem Kerja";
/// The title of the lampiran of shift groups.
pub const GROUPS_ANNEX: &str = "Pembagian Kelompok Kerja Bergiliran";
/// The title of the lampiran of office head-count bounds.
pub const SHARE_ANNEX: &str = "Batas Jumlah Pegawai di Kantor per Perangkat Daerah";

/// The titles the rules write, so a rewrite replaces exactly these.
pub const RULE_ANNEXES: [&str; 3] = [EXCEPTION_ANNEX, GROUPS_ANNEX, SHARE_ANNEX];

fn annex(title: &str, columns: &[&str], widths: &[f32], rows: Vec<Vec<String>>) -> Annex {
    Annex {
        title: title.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        widths: widths.to_vec(),
        rows,
    }
}

impl Engine {
    /// The shift groups: days in the office and members per group.
    pub fn groups_annex(&self) -> Option<Annex> {
        let picket = self
            .rules()
            .picket
            .as_ref()
            .filter(|p| !p.groups.is_empty())?;
        let rows = picket
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let members = self.group.iter().filter(|x| **x == Some(g)).count();
                vec![
                    (g + 1).to_string(),
                    format!("Kelompok {}", group.name.trim()),
                    capital(&group.days_phrase()),
                    format!("{members} orang"),
                ]
            })
            .collect();
        Some(annex(
            GROUPS_ANNEX,
            &["No", "Kelompok", "Bekerja di Kantor pada", "Jumlah Pegawai"],
            &[0.6, 2.0, 5.0, 2.0],
            rows,
        ))
    }

    /// Per agency under the share rules: staff, and the fewest and most in
    /// the office on a working day (exempt agencies work normally).
    pub fn share_annex(&self) -> Option<Annex> {
        let rules = self.rules();
        if rules.min_share_percent.is_none() && rules.max_share_percent.is_none() {
            return None;
        }
        let mut rows = Vec::new();
        for a in &self.workforce.agencies {
            let staff = self
                .workforce
                .employees
                .iter()
                .zip(&self.standing)
                .filter(|(e, _)| e.agency_id == a.id)
                .collect::<Vec<_>>();
            if staff.is_empty() || staff.iter().any(|(_, s)| matches!(s, Standing::Exempt(_))) {
                continue;
            }
            let bound = |percent: Option<u8>, up: bool| {
                percent.map_or_else(
                    || "-".to_string(),
                    |p| {
                        let n = staff.len() * usize::from(p);
                        format!("{} orang", if up { n.div_ceil(100) } else { n / 100 })
                    },
                )
            };
            rows.push(vec![
                (rows.len() + 1).to_string(),
                a.name.clone(),
                format!("{} orang", staff.len()),
                bound(rules.min_share_percent, true),
                bound(rules.max_share_percent, false),
            ]);
        }
        Some(annex(
            SHARE_ANNEX,
            &[
                "No",
                "Perangkat Daerah",
                "Jumlah Pegawai",
                "Paling Sedikit di Kantor",
                "Paling Banyak di Kantor",
            ],
            &[0.6, 4.4, 1.6, 1.8, 1.8],
            rows,
        ))
    }
}

/// `Hari Senin, …` from `hari Senin, …`.
pub(crate) fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
