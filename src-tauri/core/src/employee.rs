//! Pegawai: ASN (PNS, CPNS, PPPK) and non-ASN staff (tenaga kontrak, PTT,
//! honorer), with their grade and position.

use serde::{Deserialize, Serialize};

use crate::agency::required_name;
use crate::error::{Error, Result};
use crate::nip::{self, NipKind};
use crate::rank::{Golongan, PPPK_GRADES};
use crate::vocab::vocabulary;
use crate::ErrorCode;

vocabulary!(
    /// *Jenis pegawai*.
    EmploymentKind, "Jenis pegawai" {
        Pns => "pns", "PNS";
        Cpns => "cpns", "CPNS";
        Pppk => "pppk", "PPPK";
        TenagaKontrak => "tenaga_kontrak", "Tenaga Kontrak";
        Ptt => "ptt", "PTT";
        Honorer => "honorer", "Honorer";
    }
);

impl EmploymentKind {
    /// Which NIP rules apply; `None` for non-ASN staff, who have no NIP.
    pub fn nip_kind(self) -> Option<NipKind> {
        match self {
            EmploymentKind::Pns | EmploymentKind::Cpns => Some(NipKind::Pns),
            EmploymentKind::Pppk => Some(NipKind::Pppk),
            _ => None,
        }
    }
}

vocabulary!(
    /// *Jenis jabatan*.
    PositionKind, "Jenis jabatan" {
        Struktural => "struktural", "Struktural";
        Fungsional => "fungsional", "Fungsional";
        Pelaksana => "pelaksana", "Pelaksana";
    }
);

vocabulary!(
    /// *Eselon* of a structural post; `level()` groups II.a/II.b as 2, etc.
    Eselon, "Eselon" {
        IIa => "II.a", "II.a (JPT Pratama)";
        IIb => "II.b", "II.b (JPT Pratama)";
        IIIa => "III.a", "III.a (Administrator)";
        IIIb => "III.b", "III.b (Administrator)";
        IVa => "IV.a", "IV.a (Pengawas)";
        IVb => "IV.b", "IV.b (Pengawas)";
        Va => "V.a", "V.a";
    }
);

impl Eselon {
    /// 2 for II.x, 3 for III.x, 4 for IV.x, 5 for V.a: lower is higher rank.
    pub fn level(self) -> u8 {
        match self {
            Eselon::IIa | Eselon::IIb => 2,
            Eselon::IIIa | Eselon::IIIb => 3,
            Eselon::IVa | Eselon::IVb => 4,
            Eselon::Va => 5,
        }
    }
}

/// An employee as stored, with the names of agency and unit for lists.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Employee {
    pub id: i64,
    pub nip: Option<String>,
    pub name: String,
    pub front_title: String,
    pub back_title: String,
    pub employment: EmploymentKind,
    pub golongan: Option<String>,
    pub position_name: String,
    pub position_kind: PositionKind,
    pub eselon: Option<Eselon>,
    pub agency_id: i64,
    pub agency_name: String,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
}

impl Employee {
    /// Name with academic titles, as printed: `dr. Sari Wulandari, M.Kes.`.
    pub fn full_name(&self) -> String {
        full_name(&self.front_title, &self.name, &self.back_title)
    }
}

pub fn full_name(front: &str, name: &str, back: &str) -> String {
    let mut s = String::new();
    if !front.is_empty() {
        s.push_str(front);
        s.push(' ');
    }
    s.push_str(name);
    if !back.is_empty() {
        s.push_str(", ");
        s.push_str(back);
    }
    s
}

/// What a form or an import row sends. Codes or labels are accepted.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct EmployeeInput {
    pub id: Option<i64>,
    pub nip: String,
    pub name: String,
    pub front_title: String,
    pub back_title: String,
    pub employment: String,
    pub golongan: String,
    pub position_name: String,
    pub position_kind: String,
    pub eselon: String,
    pub agency_id: Option<i64>,
    pub unit_id: Option<i64>,
}

/// An employee input that passed the checks that need no database.
#[derive(Debug, Clone)]
pub struct ValidEmployee {
    pub id: Option<i64>,
    pub nip: Option<String>,
    pub name: String,
    pub front_title: String,
    pub back_title: String,
    pub employment: EmploymentKind,
    pub golongan: Option<String>,
    pub position_name: String,
    pub position_kind: PositionKind,
    pub eselon: Option<Eselon>,
    pub agency_id: i64,
    pub unit_id: Option<i64>,
}

fn trimmed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl EmployeeInput {
    pub fn validate(&self) -> Result<ValidEmployee> {
        let name = required_name(&self.name, "name", "Nama pegawai")?;
        let employment = if self.employment.trim().is_empty() {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
                "employment",
                "Jenis pegawai wajib dipilih.",
            ));
        } else {
            EmploymentKind::require(&self.employment, "employment")?
        };
        let nip = match employment.nip_kind() {
            Some(kind) => Some(nip::parse(&self.nip, kind)?.digits),
            None if self.nip.trim().is_empty() => None,
            None => {
                return Err(Error::invalid(
                    ErrorCode::NipNonAsn,
                    "nip",
                    format!(
                        "{} tidak memiliki NIP; kosongkan kolom NIP.",
                        employment.label()
                    ),
                ))
            }
        };
        let golongan = validate_golongan(employment, &self.golongan)?;
        let position_name = required_name(&self.position_name, "position_name", "Nama jabatan")?;
        let position_kind = PositionKind::require(
            if self.position_kind.trim().is_empty() {
                "pelaksana"
            } else {
                &self.position_kind
            },
            "position_kind",
        )?;
        let eselon = match (position_kind, self.eselon.trim()) {
            (PositionKind::Struktural, "") => {
                return Err(Error::invalid(
                    ErrorCode::EselonWajib,
                    "eselon",
                    "Jabatan struktural wajib memiliki eselon.",
                ))
            }
            (PositionKind::Struktural, text) => {
                if employment.nip_kind().is_none() {
                    return Err(Error::invalid(
                        ErrorCode::StrukturalNonAsn,
                        "position_kind",
                        format!(
                            "{} tidak dapat memegang jabatan struktural.",
                            employment.label()
                        ),
                    ));
                }
                Some(Eselon::require(text, "eselon")?)
            }
            (_, "") => None,
            (kind, _) => {
                return Err(Error::invalid(
                    ErrorCode::EselonBukanStruktural,
                    "eselon",
                    format!(
                        "Jabatan {} tidak memiliki eselon; kosongkan eselon.",
                        kind.label().to_lowercase()
                    ),
                ))
            }
        };
        let agency_id = self.agency_id.ok_or_else(|| {
            Error::invalid(
                ErrorCode::WajibDiisi,
                "agency_id",
                "Perangkat daerah wajib dipilih.",
            )
        })?;
        Ok(ValidEmployee {
            id: self.id,
            nip,
            name,
            front_title: trimmed(&self.front_title),
            back_title: trimmed(&self.back_title),
            employment,
            golongan,
            position_name,
            position_kind,
            eselon,
            agency_id,
            unit_id: self.unit_id,
        })
    }
}

fn validate_golongan(employment: EmploymentKind, raw: &str) -> Result<Option<String>> {
    let text = raw.trim();
    match employment {
        EmploymentKind::Pns | EmploymentKind::Cpns => {
            if text.is_empty() {
                return Err(Error::invalid(
                    ErrorCode::WajibDiisi,
                    "golongan",
                    format!("Golongan wajib diisi untuk {}.", employment.label()),
                ));
            }
            Ok(Some(
                Golongan::require_code(text, "golongan")?.code().to_string(),
            ))
        }
        EmploymentKind::Pppk => {
            if text.is_empty() {
                return Ok(None);
            }
            let upper = text.to_uppercase();
            PPPK_GRADES
                .iter()
                .find(|g| **g == upper)
                .map(|g| Some(g.to_string()))
                .ok_or_else(|| {
                    Error::invalid(
                        ErrorCode::GolonganPppk,
                        "golongan",
                        format!("Golongan PPPK \"{text}\" tidak dikenal. Pilihan: I sampai XVII."),
                    )
                })
        }
        _ if text.is_empty() => Ok(None),
        _ => Err(Error::invalid(
            ErrorCode::GolonganNonAsn,
            "golongan",
            format!(
                "{} tidak memiliki golongan; kosongkan golongan.",
                employment.label()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pns() -> EmployeeInput {
        EmployeeInput {
            nip: "197805122003121004".into(),
            name: "Bambang Sutrisno".into(),
            back_title: "S.E.".into(),
            employment: "pns".into(),
            golongan: "III/d".into(),
            position_name: "Kepala Bidang Mutasi".into(),
            position_kind: "struktural".into(),
            eselon: "III.b".into(),
            agency_id: Some(1),
            ..Default::default()
        }
    }

    fn err(input: EmployeeInput) -> (String, Option<&'static str>) {
        let e = input.validate().unwrap_err();
        (e.code().to_string(), e.field())
    }

    #[test]
    fn a_complete_pns_passes() {
        let v = pns().validate().unwrap();
        assert_eq!(v.golongan.as_deref(), Some("III/d"));
        assert_eq!(v.eselon, Some(Eselon::IIIb));
        assert_eq!(v.eselon.unwrap().level(), 3);
    }

    #[test]
    fn golongan_rules_follow_employment_kind() {
        assert_eq!(
            err(EmployeeInput {
                golongan: "III/e".into(),
                ..pns()
            })
            .1,
            Some("golongan")
        );
        assert_eq!(
            err(EmployeeInput {
                golongan: "".into(),
                ..pns()
            })
            .0,
            "wajib_diisi"
        );
        let pppk = EmployeeInput {
            employment: "PPPK".into(),
            golongan: "ix".into(),
            position_kind: "fungsional".into(),
            eselon: "".into(),
            ..pns()
        };
        assert_eq!(pppk.validate().unwrap().golongan.as_deref(), Some("IX"));
        assert_eq!(
            err(EmployeeInput {
                golongan: "XVIII".into(),
                ..pppk
            })
            .0,
            "golongan_pppk"
        );
    }

    #[test]
    fn non_asn_staff_have_no_nip_grade_or_structural_post() {
        let kontrak = EmployeeInput {
            employment: "tenaga_kontrak".into(),
            nip: "".into(),
            golongan: "".into(),
            position_kind: "pelaksana".into(),
            eselon: "".into(),
            ..pns()
        };
        assert!(kontrak.validate().unwrap().nip.is_none());
        assert_eq!(
            err(EmployeeInput {
                nip: "197805122003121004".into(),
                ..kontrak.clone()
            })
            .0,
            "nip_non_asn"
        );
        assert_eq!(
            err(EmployeeInput {
                position_kind: "struktural".into(),
                eselon: "IV.a".into(),
                ..kontrak
            })
            .0,
            "struktural_non_asn"
        );
    }

    #[test]
    fn eselon_goes_with_structural_posts_only() {
        assert_eq!(
            err(EmployeeInput {
                eselon: "".into(),
                ..pns()
            })
            .0,
            "eselon_wajib"
        );
        assert_eq!(
            err(EmployeeInput {
                eselon: "VI.a".into(),
                ..pns()
            })
            .1,
            Some("eselon")
        );
        assert_eq!(
            err(EmployeeInput {
                position_kind: "fungsional".into(),
                ..pns()
            })
            .0,
            "eselon_bukan_struktural"
        );
    }

    #[test]
    fn invalid_nip_is_reported_on_the_nip_field() {
        let (code, field) = err(EmployeeInput {
            nip: "123".into(),
            ..pns()
        });
        assert_eq!((code.as_str(), field), ("nip_panjang", Some("nip")));
    }

    #[test]
    fn full_name_places_titles() {
        assert_eq!(full_name("dr.", "Sari", "M.Kes."), "dr. Sari, M.Kes.");
        assert_eq!(full_name("", "Sari", ""), "Sari");
    }
}
