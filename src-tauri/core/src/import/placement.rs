//! Where an imported employee works: the agency and unit named in the row,
//! found by name (any case) or, when the user confirmed, created.

use std::collections::HashMap;

use crate::agency::{AgencyInput, AgencyKind, UnitInput, UnitKind};
use crate::error::Result;
use crate::store::Store;

/// Name beginnings that tell an agency's kind.
const AGENCY_KINDS: &[(&str, AgencyKind)] = &[
    ("sekretariat daerah", AgencyKind::SekretariatDaerah),
    ("sekretariat dprd", AgencyKind::SekretariatDprd),
    ("inspektorat", AgencyKind::Inspektorat),
    ("dinas", AgencyKind::Dinas),
    ("badan", AgencyKind::Badan),
    ("satuan polisi pamong praja", AgencyKind::SatpolPp),
    ("satpol pp", AgencyKind::SatpolPp),
    ("rumah sakit", AgencyKind::Rsud),
    ("rsud", AgencyKind::Rsud),
    ("puskesmas", AgencyKind::Puskesmas),
    ("kecamatan", AgencyKind::Kecamatan),
    ("kelurahan", AgencyKind::Kelurahan),
    ("uptd", AgencyKind::Uptd),
];

/// Name beginnings that tell a unit's kind (`sub…` before the plain word).
const UNIT_KINDS: &[(&str, UnitKind)] = &[
    ("sekretariat", UnitKind::Sekretariat),
    ("subbagian", UnitKind::Subbagian),
    ("sub bagian", UnitKind::Subbagian),
    ("bagian", UnitKind::Bagian),
    ("subbidang", UnitKind::Subbidang),
    ("sub bidang", UnitKind::Subbidang),
    ("bidang", UnitKind::Bidang),
    // An Inspektorat's Inspektur Pembantu is its equivalent of a Bidang.
    ("inspektur pembantu", UnitKind::Bidang),
    ("seksi", UnitKind::Seksi),
    ("instalasi", UnitKind::Instalasi),
    ("uptd", UnitKind::Uptd),
];

fn kind_of<K: Copy>(name: &str, kinds: &[(&str, K)]) -> Option<K> {
    let name = name.to_lowercase();
    kinds
        .iter()
        .find(|(start, _)| name.starts_with(start))
        .map(|(_, k)| *k)
}

/// Agencies and units known so far, by lower-case name; created ones counted.
pub(crate) struct Placements {
    create_missing: bool,
    agencies: HashMap<String, i64>,
    units: HashMap<(i64, String), i64>,
    pub agencies_created: usize,
    pub units_created: usize,
}

/// A row's placement, or why it has none (an Indonesian sentence).
pub(crate) type Found = std::result::Result<i64, String>;

impl Placements {
    pub(crate) fn load(store: &Store, create_missing: bool) -> Result<Placements> {
        let mut agencies = HashMap::new();
        let mut units = HashMap::new();
        for agency in store.agencies("")? {
            for unit in store.units(agency.id)? {
                units.insert((agency.id, unit.name.to_lowercase()), unit.id);
            }
            agencies.insert(agency.name.to_lowercase(), agency.id);
        }
        Ok(Placements {
            create_missing,
            agencies,
            units,
            agencies_created: 0,
            units_created: 0,
        })
    }

    pub(crate) fn agency(&mut self, store: &mut Store, name: &str) -> Result<Found> {
        if let Some(id) = self.agencies.get(&name.to_lowercase()) {
            return Ok(Ok(*id));
        }
        if !self.create_missing {
            return Ok(Err(format!(
                "Perangkat daerah \"{name}\" belum terdaftar. Daftarkan dulu, atau impor dengan persetujuan membuat perangkat daerah baru."
            )));
        }
        let Some(kind) = kind_of(name, AGENCY_KINDS) else {
            return Ok(Err(format!(
                "Perangkat daerah \"{name}\" belum terdaftar dan jenisnya tidak dapat ditentukan dari namanya (Dinas, Badan, Kecamatan, …); daftarkan dulu secara manual."
            )));
        };
        let id = store
            .save_agency(&AgencyInput {
                id: None,
                name: name.into(),
                short_name: String::new(),
                kind: kind.code().into(),
            })?
            .id;
        self.agencies.insert(name.to_lowercase(), id);
        self.agencies_created += 1;
        Ok(Ok(id))
    }

    pub(crate) fn unit(
        &mut self,
        store: &mut Store,
        agency: (i64, &str),
        name: &str,
    ) -> Result<Found> {
        let key = (agency.0, name.to_lowercase());
        if let Some(id) = self.units.get(&key) {
            return Ok(Ok(*id));
        }
        if !self.create_missing {
            return Ok(Err(format!(
                "Unit \"{name}\" tidak ada di {}. Daftarkan dulu, atau impor dengan persetujuan membuat unit baru.",
                agency.1
            )));
        }
        let Some(kind) = kind_of(name, UNIT_KINDS) else {
            return Ok(Err(format!(
                "Unit \"{name}\" tidak ada di {} dan jenisnya tidak dapat ditentukan dari namanya (Sekretariat, Bidang, Bagian, Seksi, …); daftarkan dulu secara manual.",
                agency.1
            )));
        };
        let id = store
            .save_unit(&UnitInput {
                id: None,
                agency_id: agency.0,
                parent_id: None,
                name: name.into(),
                kind: kind.code().into(),
            })?
            .id;
        self.units.insert(key, id);
        self.units_created += 1;
        Ok(Ok(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_start_of_the_name() {
        assert_eq!(
            kind_of("Dinas Kesehatan", AGENCY_KINDS),
            Some(AgencyKind::Dinas)
        );
        assert_eq!(kind_of("RSUD Sekayu", AGENCY_KINDS), Some(AgencyKind::Rsud));
        assert_eq!(kind_of("Kantor Arsip", AGENCY_KINDS), None);
        assert_eq!(
            kind_of("Sub Bagian Umum", UNIT_KINDS),
            Some(UnitKind::Subbagian)
        );
        assert_eq!(kind_of("Bidang Mutasi", UNIT_KINDS), Some(UnitKind::Bidang));
    }
}
