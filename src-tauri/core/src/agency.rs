//! Perangkat daerah (OPD, the region's agencies) and their units
//! (*Sekretariat*, *Bidang*, *Bagian*, *Seksi*, …).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vocab::vocabulary;
use crate::ErrorCode;

vocabulary!(
    /// Kind of perangkat daerah; exemption rules select agencies by kind.
    AgencyKind, "Jenis perangkat daerah" {
        SekretariatDaerah => "sekretariat_daerah", "Sekretariat Daerah";
        SekretariatDprd => "sekretariat_dprd", "Sekretariat DPRD";
        Inspektorat => "inspektorat", "Inspektorat";
        Dinas => "dinas", "Dinas";
        Badan => "badan", "Badan";
        SatpolPp => "satpol_pp", "Satuan Polisi Pamong Praja";
        Rsud => "rsud", "Rumah Sakit Umum Daerah";
        Puskesmas => "puskesmas", "Puskesmas";
        Kecamatan => "kecamatan", "Kecamatan";
        Kelurahan => "kelurahan", "Kelurahan";
        Uptd => "uptd", "UPTD";
    }
);

vocabulary!(
    /// Kind of unit inside an agency.
    UnitKind, "Jenis unit" {
        Sekretariat => "sekretariat", "Sekretariat";
        Bagian => "bagian", "Bagian";
        Bidang => "bidang", "Bidang";
        Subbagian => "subbagian", "Subbagian";
        Seksi => "seksi", "Seksi";
        Subbidang => "subbidang", "Subbidang";
        Instalasi => "instalasi", "Instalasi";
        Uptd => "uptd", "UPTD";
    }
);

/// An agency as stored, with counts for lists.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Agency {
    pub id: i64,
    pub name: String,
    pub short_name: String,
    pub kind: AgencyKind,
    pub kind_label: &'static str,
    pub unit_count: i64,
    pub employee_count: i64,
}

/// What a form sends to create (`id` absent) or change an agency.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct AgencyInput {
    pub id: Option<i64>,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    pub kind: String,
}

/// An agency input that passed validation.
#[derive(Debug, Clone)]
pub struct ValidAgency {
    pub id: Option<i64>,
    pub name: String,
    pub short_name: String,
    pub kind: AgencyKind,
}

impl AgencyInput {
    pub fn validate(&self) -> Result<ValidAgency> {
        Ok(ValidAgency {
            id: self.id,
            name: required_name(&self.name, "name", "Nama perangkat daerah")?,
            short_name: self.short_name.trim().to_string(),
            kind: AgencyKind::require(&self.kind, "kind")?,
        })
    }
}

/// A unit as stored.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Unit {
    pub id: i64,
    pub agency_id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub kind: UnitKind,
    pub kind_label: &'static str,
    pub employee_count: i64,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct UnitInput {
    pub id: Option<i64>,
    pub agency_id: i64,
    #[serde(default)]
    pub parent_id: Option<i64>,
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone)]
pub struct ValidUnit {
    pub id: Option<i64>,
    pub agency_id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub kind: UnitKind,
}

impl UnitInput {
    pub fn validate(&self) -> Result<ValidUnit> {
        if self.parent_id.is_some() && self.parent_id == self.id {
            return Err(Error::invalid(
                ErrorCode::UnitIndukDiriSendiri,
                "parent_id",
                "Unit tidak boleh menjadi induk dirinya sendiri.",
            ));
        }
        Ok(ValidUnit {
            id: self.id,
            agency_id: self.agency_id,
            parent_id: self.parent_id,
            name: required_name(&self.name, "name", "Nama unit")?,
            kind: UnitKind::require(&self.kind, "kind")?,
        })
    }
}

/// Trims a required name, folding inner runs of spaces.
pub(crate) fn required_name(raw: &str, field: &'static str, what: &str) -> Result<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::invalid(
            ErrorCode::WajibDiisi,
            field,
            format!("{what} wajib diisi."),
        ));
    }
    if name.chars().count() > 200 {
        return Err(Error::invalid(
            ErrorCode::TerlaluPanjang,
            field,
            format!("{what} terlalu panjang (maksimal 200 karakter)."),
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_input_is_trimmed_and_kind_checked() {
        let ok = AgencyInput {
            id: None,
            name: "  Dinas   Kesehatan ".into(),
            short_name: " Dinkes ".into(),
            kind: "dinas".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.short_name.as_str()),
            ("Dinas Kesehatan", "Dinkes")
        );
        let e = AgencyInput {
            id: None,
            name: "X".into(),
            short_name: String::new(),
            kind: "kantor".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("pilihan_tidak_dikenal", Some("kind"))
        );
        let e = AgencyInput {
            id: None,
            name: "  ".into(),
            short_name: String::new(),
            kind: "dinas".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "Nama perangkat daerah wajib diisi.");
    }

    #[test]
    fn every_kind_round_trips_by_code_and_label() {
        for k in AgencyKind::ALL {
            assert_eq!(AgencyKind::parse(k.code()), Some(*k));
            assert_eq!(AgencyKind::parse(&k.label().to_uppercase()), Some(*k));
        }
    }
}
