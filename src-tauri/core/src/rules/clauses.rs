//! The clause each rule writes into the circular's provisions.

use super::status::{roman, spelled};
use super::{AgencyRef, Placement, Rules};
use crate::words;

/// One sentence per rule, in the order the rules are listed in [`Rules`];
/// the personal exceptions are cited as listed in "lampiran".
pub fn clauses(rules: &Rules) -> Vec<String> {
    clauses_citing(rules, "lampiran")
}

/// [`clauses`], citing the personal exceptions' list by its name in the
/// circular (`Lampiran II`).
pub fn clauses_citing(rules: &Rules, exceptions_annex: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = rules.top_levels {
        out.push(format!(
            "Kepala Perangkat Daerah memastikan pada setiap hari kerja terdapat minimal {} level pejabat struktural tertinggi yang menjalankan tugas di kantor.",
            spelled(u64::from(n))
        ));
    }
    for row in &rules.eselon_by_kind {
        let levels: Vec<String> = row
            .levels
            .iter()
            .map(|l| format!("eselon {}", roman(*l)))
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
        out.push(format!(
            "Setiap {units} pada Perangkat Daerah menugaskan {} pegawai{who} secara bergiliran untuk bekerja di kantor pada setiap hari kerja sesuai jadwal piket.",
            words::count(u64::from(p.per_day), "orang")
        ));
    }
    if let Some(share) = rules.max_share_percent {
        out.push(format!(
            "Jumlah pegawai yang bekerja di kantor pada setiap Perangkat Daerah paling banyak {share}% ({} persen) dari seluruh pegawai Perangkat Daerah tersebut.",
            words::terbilang(u64::from(share))
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
