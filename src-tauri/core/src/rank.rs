//! Golongan and pangkat: the civil-service grades of PNS (I/a–IV/e) and the
//! grades of PPPK (I–XVII).

use crate::vocab::vocabulary;
use crate::ErrorCode;

vocabulary!(
    /// *Golongan ruang* of a PNS, with its *pangkat* as the label.
    Golongan, "Golongan" {
        Ia => "I/a", "Juru Muda";
        Ib => "I/b", "Juru Muda Tingkat I";
        Ic => "I/c", "Juru";
        Id => "I/d", "Juru Tingkat I";
        IIa => "II/a", "Pengatur Muda";
        IIb => "II/b", "Pengatur Muda Tingkat I";
        IIc => "II/c", "Pengatur";
        IId => "II/d", "Pengatur Tingkat I";
        IIIa => "III/a", "Penata Muda";
        IIIb => "III/b", "Penata Muda Tingkat I";
        IIIc => "III/c", "Penata";
        IIId => "III/d", "Penata Tingkat I";
        IVa => "IV/a", "Pembina";
        IVb => "IV/b", "Pembina Tingkat I";
        IVc => "IV/c", "Pembina Utama Muda";
        IVd => "IV/d", "Pembina Utama Madya";
        IVe => "IV/e", "Pembina Utama";
    }
);

impl Golongan {
    /// Parses a golongan, with an error that lists the valid codes.
    pub fn require_code(text: &str, field: &'static str) -> crate::error::Result<Self> {
        Self::parse(text).ok_or_else(|| {
            crate::error::Error::invalid(
                ErrorCode::GolonganTidakDikenal,
                field,
                format!(
                    "Golongan \"{}\" tidak dikenal. Golongan PNS: I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e.",
                    text.trim()
                ),
            )
        })
    }

    /// `Penata Tingkat I (III/d)`, as written under a signatory's name.
    pub fn pangkat_golongan(self) -> String {
        format!("{} ({})", self.label(), self.code())
    }
}

/// PPPK grades run from I to XVII.
pub const PPPK_GRADES: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_every_grade_and_no_e_below_iv() {
        assert_eq!(Golongan::ALL.len(), 17);
        for missing in ["I/e", "II/e", "III/e", "V/a", "IV/f", ""] {
            assert!(Golongan::parse(missing).is_none(), "{missing}");
        }
        assert_eq!(Golongan::parse("iv/e"), Some(Golongan::IVe));
        assert_eq!(Golongan::parse("Penata Tingkat I"), Some(Golongan::IIId));
    }

    #[test]
    fn names_pangkat_with_golongan() {
        assert_eq!(Golongan::IVb.pangkat_golongan(), "Pembina Tingkat I (IV/b)");
        let e = Golongan::require_code("III/e", "golongan").unwrap_err();
        assert_eq!(e.to_string(), "Golongan \"III/e\" tidak dikenal. Golongan PNS: I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e.");
    }
}
