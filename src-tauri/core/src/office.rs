//! The office profile (*profil kantor*: region, kop lines, numbering, paper)
//! and the signatories (*penandatangan*) it drafts for.

use serde::{Deserialize, Serialize};

use crate::agency::required_name;
use crate::error::{Error, Result};
use crate::nip::{self, NipKind};
use crate::numbering::{NumberParts, NumberTemplate};
use crate::rank::Golongan;
use crate::vocab::vocabulary;
use crate::ErrorCode;

vocabulary!(
    /// Whose kop a circular is printed under.
    KopKind, "Jenis kop" {
        KepalaDaerah => "kepala_daerah", "Kop kepala daerah (lambang di tengah, tanpa garis)";
        PerangkatDaerah => "perangkat_daerah", "Kop perangkat daerah (lambang di kiri, alamat, garis ganda)";
    }
);

vocabulary!(
    /// Level of regional government.
    RegionKind, "Jenis daerah" {
        Kabupaten => "kabupaten", "Kabupaten";
        Kota => "kota", "Kota";
        Provinsi => "provinsi", "Provinsi";
    }
);

impl RegionKind {
    /// The head of region's title: Bupati, Wali Kota or Gubernur.
    pub fn head_title(self) -> &'static str {
        match self {
            RegionKind::Kabupaten => "Bupati",
            RegionKind::Kota => "Wali Kota",
            RegionKind::Provinsi => "Gubernur",
        }
    }
}

vocabulary!(
    /// Paper the office prints on.
    PaperSize, "Ukuran kertas" {
        F4 => "f4", "F4 / Folio (215 × 330 mm)";
        A4 => "a4", "A4 (210 × 297 mm)";
    }
);

/// The office profile as stored and shown.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct OfficeProfile {
    pub region_kind: RegionKind,
    pub region_name: String,
    pub office_name: String,
    /// Kop address lines: street; phone/fax; web/e-mail.
    pub address_lines: Vec<String>,
    /// Where circulars are issued (*Ditetapkan di …*).
    pub place: String,
    pub numbering_template: String,
    pub classification: String,
    pub unit_code: String,
    pub paper: PaperSize,
}

impl OfficeProfile {
    /// `PEMERINTAH KABUPATEN TANJUNG SEROJA`, the kop's first tier.
    pub fn government_line(&self) -> String {
        format!(
            "PEMERINTAH {} {}",
            self.region_kind.label(),
            self.region_name
        )
        .to_uppercase()
    }

    /// Checks and tidies every field; the first problem is returned.
    pub fn validated(&self) -> Result<OfficeProfile> {
        let region_name = required_name(&self.region_name, "region_name", "Nama daerah")?;
        let office_name = required_name(&self.office_name, "office_name", "Nama kantor")?;
        let place = required_name(&self.place, "place", "Tempat penetapan")?;
        let address_lines: Vec<String> = self
            .address_lines
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        if address_lines.len() > 3 {
            return Err(Error::invalid(
                ErrorCode::AlamatTerlaluBanyak,
                "address_lines",
                "Alamat kop paling banyak 3 baris (jalan; telepon/faks; laman/surel).",
            ));
        }
        let classification =
            crate::classification::checked(&self.classification, "classification")?;
        let numbering_template = self.numbering_template.trim().to_string();
        NumberTemplate::parse(&numbering_template)?;
        Ok(OfficeProfile {
            region_kind: self.region_kind,
            region_name,
            office_name,
            address_lines,
            place,
            numbering_template,
            classification,
            unit_code: self.unit_code.trim().to_string(),
            paper: self.paper,
        })
    }

    /// What the template gives for a sample letter, shown beside the field.
    pub fn number_example(&self, sequence: u32, year: i32, month: u32) -> Result<String> {
        Ok(
            NumberTemplate::parse(&self.numbering_template)?.render(&NumberParts {
                classification: &self.classification,
                sequence,
                unit: &self.unit_code,
                year,
                month,
            }),
        )
    }
}

vocabulary!(
    /// The office a signatory holds, which decides what is printed under the name.
    SignatoryRole, "Jabatan penandatangan" {
        KepalaDaerah => "kepala_daerah", "Kepala Daerah";
        WakilKepalaDaerah => "wakil_kepala_daerah", "Wakil Kepala Daerah";
        Sekda => "sekda", "Sekretaris Daerah";
        KepalaPerangkatDaerah => "kepala_perangkat_daerah", "Kepala Perangkat Daerah";
    }
);

impl SignatoryRole {
    /// Heads, deputies and the Sekda sign without pangkat and NIP.
    pub fn prints_nip(self) -> bool {
        self == SignatoryRole::KepalaPerangkatDaerah
    }

    /// The kop a signatory in this office signs under unless set otherwise:
    /// a kepala perangkat daerah the office's, everyone else the head of region's.
    pub fn usual_kop(self) -> KopKind {
        match self {
            SignatoryRole::KepalaPerangkatDaerah => KopKind::PerangkatDaerah,
            _ => KopKind::KepalaDaerah,
        }
    }
}

/// A signatory as stored.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Signatory {
    pub id: i64,
    pub role: SignatoryRole,
    pub name: String,
    pub front_title: String,
    pub back_title: String,
    /// The office as printed above the signature, e.g. `BUPATI TANJUNG SEROJA`.
    pub position_title: String,
    pub nip: Option<String>,
    pub golongan: Option<Golongan>,
    pub active: bool,
    /// The kop this signatory's circulars are drafted with.
    pub kop: KopKind,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct SignatoryInput {
    pub id: Option<i64>,
    pub role: String,
    pub name: String,
    pub front_title: String,
    pub back_title: String,
    pub position_title: String,
    pub nip: String,
    pub golongan: String,
    pub active: Option<bool>,
    /// A [`KopKind`] code; empty gives the role's usual kop.
    pub kop: String,
}

impl SignatoryInput {
    pub fn validate(&self) -> Result<Signatory> {
        let role = SignatoryRole::require(&self.role, "role")?;
        let name = required_name(&self.name, "name", "Nama penandatangan")?;
        let position_title = required_name(
            &self.position_title,
            "position_title",
            "Jabatan yang dicetak",
        )?;
        let nip = match self.nip.trim() {
            "" if role.prints_nip() => {
                return Err(Error::invalid(
                    ErrorCode::WajibDiisi,
                    "nip",
                    "NIP wajib diisi untuk kepala perangkat daerah (dicetak di bawah nama).",
                ))
            }
            "" => None,
            raw => Some(nip::parse(raw, NipKind::Pns)?.digits),
        };
        let golongan = match self.golongan.trim() {
            "" if role.prints_nip() => {
                return Err(Error::invalid(
                    ErrorCode::WajibDiisi,
                    "golongan",
                    "Pangkat/golongan wajib diisi untuk kepala perangkat daerah (dicetak di bawah nama).",
                ))
            }
            "" => None,
            raw => Some(Golongan::require_code(raw, "golongan")?),
        };
        Ok(Signatory {
            id: self.id.unwrap_or(0),
            role,
            name,
            front_title: self.front_title.trim().to_string(),
            back_title: self.back_title.trim().to_string(),
            position_title: position_title.to_uppercase(),
            nip,
            golongan,
            active: self.active.unwrap_or(true),
            kop: match self.kop.trim() {
                "" => role.usual_kop(),
                code => KopKind::require(code, "kop")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn profile() -> OfficeProfile {
        OfficeProfile {
            region_kind: RegionKind::Kabupaten,
            region_name: "Tanjung Seroja".into(),
            office_name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into(),
            address_lines: vec!["Jalan Merdeka Nomor 1".into(), "".into()],
            place: "Seroja".into(),
            numbering_template: "{klasifikasi}/{nomor}/{unit}/{tahun}".into(),
            classification: "800".into(),
            unit_code: "BKPSDM".into(),
            paper: PaperSize::F4,
        }
    }

    #[test]
    fn profile_is_tidied_and_gives_a_number_example() {
        let p = profile().validated().unwrap();
        assert_eq!(p.address_lines, vec!["Jalan Merdeka Nomor 1"]);
        assert_eq!(p.government_line(), "PEMERINTAH KABUPATEN TANJUNG SEROJA");
        assert_eq!(
            p.number_example(439, 2020, 5).unwrap(),
            "800/439/BKPSDM/2020"
        );
    }

    #[test]
    fn profile_errors_name_the_field() {
        let e = OfficeProfile {
            classification: "80A".into(),
            ..profile()
        }
        .validated()
        .unwrap_err();
        assert_eq!(e.field(), Some("classification"));
        let e = OfficeProfile {
            numbering_template: "{tahun}".into(),
            ..profile()
        }
        .validated()
        .unwrap_err();
        assert_eq!(e.field(), Some("numbering_template"));
        let e = OfficeProfile {
            region_name: " ".into(),
            ..profile()
        }
        .validated()
        .unwrap_err();
        assert_eq!(e.to_string(), "Nama daerah wajib diisi.");
    }

    #[test]
    fn a_profile_whose_template_lacks_the_year_is_not_saved() {
        let mut store = crate::store::Store::for_test().unwrap();
        store.save_office(&profile()).unwrap();
        let e = store
            .save_office(&OfficeProfile {
                numbering_template: "{klasifikasi}/{nomor}/{unit}".into(),
                office_name: "Nama Lain".into(),
                ..profile()
            })
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::TemplatTanpaTahun);
        assert_eq!(e.field(), Some("numbering_template"));
        let kept = store.office().unwrap().unwrap();
        assert_eq!(
            kept.numbering_template,
            "{klasifikasi}/{nomor}/{unit}/{tahun}"
        );
        assert_eq!(kept.office_name, profile().office_name);
        // The demo office's template passes.
        let mut demo = crate::store::Store::for_test().unwrap();
        crate::demo::fill(&mut demo).unwrap();
        assert!(demo.office().unwrap().unwrap().validated().is_ok());
    }

    #[test]
    fn agency_heads_need_nip_and_pangkat_but_the_bupati_does_not() {
        let bupati = SignatoryInput {
            role: "kepala_daerah".into(),
            name: "Hendra Gunawan".into(),
            position_title: "Bupati Tanjung Seroja".into(),
            ..Default::default()
        };
        assert_eq!(
            bupati.validate().unwrap().position_title,
            "BUPATI TANJUNG SEROJA"
        );
        let kepala = SignatoryInput {
            role: "kepala_perangkat_daerah".into(),
            ..bupati
        };
        assert_eq!(kepala.validate().unwrap_err().field(), Some("nip"));
        let kepala = SignatoryInput {
            nip: "197805122003121004".into(),
            ..kepala
        };
        assert_eq!(kepala.validate().unwrap_err().field(), Some("golongan"));
        let kepala = SignatoryInput {
            golongan: "IV/c".into(),
            ..kepala
        };
        assert_eq!(kepala.validate().unwrap().golongan, Some(Golongan::IVc));
    }
}
