//! The clause each rule writes into the circular's provisions.

use super::annexes::{capital, EXCEPTION_ANNEX, GROUPS_ANNEX, SHARE_ANNEX};
use super::{AgencyRef, Grouping, Placement, Rules};
use crate::circular::{lampiran_label, Annex};
use crate::words;

/// One sentence per rule, in the order the rules are listed in [`Rules`];
/// the personal exceptions are cited as listed in "lampiran".
pub fn clauses(rules: &Rules) -> Vec<String> {
    clauses_citing(rules, &[], "lampiran")
}

/// [`clauses`], citing the rules' tables by their names among `annexes`
/// (`Lampiran II Surat Edaran ini`); the groups and bounds are cited only
/// when their table is there, the personal exceptions as `elsewhere`
/// otherwise (a notice cites its circular's lampiran).
pub fn clauses_citing(rules: &Rules, annexes: &[Annex], elsewhere: &str) -> Vec<String> {
    let cite = |title: &str| {
        annexes
            .iter()
            .position(|a| a.title == title)
            .map(|i| format!("{} Surat Edaran ini", lampiran_label(i, annexes.len())))
    };
    let exceptions_annex = cite(EXCEPTION_ANNEX).unwrap_or_else(|| elsewhere.into());
    let as_listed = |title: &str| {
        cite(title).map_or_else(String::new, |l| {
            format!(", sebagaimana tercantum dalam {l}")
        })
    };
    let mut out = Vec::new();
    if let Some(n) = rules.top_levels {
        out.push(format!(
            "Kepala Perangkat Daerah memastikan pada setiap hari kerja terdapat minimal {} level pejabat struktural tertinggi yang menjalankan tugas di kantor.",
            words::spelled(u64::from(n))
        ));
    }
    for row in &rules.eselon_by_kind {
        let levels: Vec<String> = row
            .levels
            .iter()
            .map(|l| format!("eselon {}", words::roman((*l).into())))
            .collect();
        out.push(format!(
            "Pejabat struktural {} pada {} tetap melaksanakan tugas di kantor.",
            words::list(&levels),
            row.kind.label()
        ));
    }
    if let Some(p) = &rules.picket {
        let units = if p.unit_kinds.is_empty() {
            "unit kerja".to_string()
        } else {
            words::list(
                &p.unit_kinds
                    .iter()
                    .map(|k| k.label().to_string())
                    .collect::<Vec<_>>(),
            )
        };
        let who = if p.categories.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                words::list(
                    &p.categories
                        .iter()
                        .map(|k| k.label().to_string())
                        .collect::<Vec<_>>()
                )
            )
        };
        if p.groups.is_empty() {
            out.push(format!(
                "Setiap {units} pada Perangkat Daerah menugaskan {} pegawai{who} secara bergiliran untuk bekerja di kantor pada setiap hari kerja sesuai jadwal piket.",
                words::count(u64::from(p.per_day), "orang")
            ));
        } else {
            let groups: Vec<String> = p
                .groups
                .iter()
                .map(|g| format!("Kelompok {} pada {}", g.name.trim(), g.days_phrase()))
                .collect();
            let split = match p.grouping {
                Grouping::Bergantian => format!("Pegawai{who} pada setiap {units}"),
                Grouping::PerUnit => {
                    format!("{} pada setiap Perangkat Daerah", capital(&units))
                }
            };
            out.push(format!(
                "{split} dibagi menjadi {} kelompok yang bekerja di kantor secara bergiliran (shift), yaitu {}, dengan sedikitnya {} di kantor pada setiap hari kerja{}.",
                words::spelled(p.groups.len() as u64),
                groups.join("; dan "),
                words::count(u64::from(p.per_day), "orang"),
                as_listed(GROUPS_ANNEX)
            ));
        }
        if let Some(days) = p.max_consecutive {
            out.push(format!(
                "Pegawai yang dijadwalkan tidak bekerja di kantor lebih dari {} hari kerja berturut-turut.",
                words::spelled(u64::from(days))
            ));
        }
    }
    let share = |n: u8| format!("{n}% ({} persen)", words::terbilang(u64::from(n)));
    let bounds = match (rules.min_share_percent, rules.max_share_percent) {
        (Some(min), Some(max)) => Some(format!(
            "paling sedikit {} dan paling banyak {}",
            share(min),
            share(max)
        )),
        (Some(min), None) => Some(format!("paling sedikit {}", share(min))),
        (None, Some(max)) => Some(format!("paling banyak {}", share(max))),
        (None, None) => None,
    };
    if let Some(bounds) = bounds {
        out.push(format!(
            "Jumlah pegawai yang bekerja di kantor pada setiap Perangkat Daerah {bounds} dari seluruh pegawai Perangkat Daerah tersebut{}.",
            as_listed(SHARE_ANNEX)
        ));
    }
    let mut exempt: Vec<String> = rules
        .exempt_kinds
        .iter()
        .map(|k| format!("seluruh {}", k.label()))
        .collect();
    exempt.extend(rules.exempt_agencies.iter().filter_map(|r| match r {
        AgencyRef::Name(n) => Some(n.trim().to_string()),
        AgencyRef::Id(_) => None,
    }));
    if !exempt.is_empty() {
        out.push(format!(
            "Dikecualikan dari ketentuan ini, {} tetap melaksanakan tugas di kantor seperti biasa dengan menerapkan protokol kesehatan.",
            words::list(&exempt)
        ));
    }
    for (placement, place) in [
        (Placement::DiRumah, "di rumah"),
        (Placement::DiKantor, "di kantor"),
    ] {
        let n = rules
            .exceptions
            .iter()
            .filter(|e| e.placement == placement)
            .count();
        if n > 0 {
            out.push(format!(
                "Sebanyak {} pegawai ditetapkan tetap bekerja {place} karena alasan pribadi atau tugas esensial, sebagaimana tercantum dalam {exceptions_annex}.",
                words::count(n as u64, "orang").trim_end_matches(" orang")
            ));
        }
    }
    out
}
