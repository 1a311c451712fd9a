//! Eselon from the position, for exports that have no eselon column (the
//! SIASN/SAPK bulk export has none): the one place these rules live.
//!
//! The rules follow PP 18/2016 tentang Perangkat Daerah, its provisions on
//! the eselon of regional posts, as they apply to a kabupaten/kota:
//!
//! - II.a: Sekretaris Daerah;
//! - II.b: Asisten Sekretariat Daerah, Sekretaris DPRD, Kepala Dinas,
//!   Kepala Badan (incl. Kepala Pelaksana BPBD), Kepala Satuan Polisi Pamong
//!   Praja, Inspektur, Staf Ahli Bupati/Wali Kota;
//! - III.a: Sekretaris of a Dinas/Badan/Inspektorat, Kepala Bagian,
//!   Inspektur Pembantu, Camat;
//! - III.b: Kepala Bidang of a Dinas/Badan, Sekretaris Kecamatan (as also
//!   PP 17/2018 tentang Kecamatan);
//! - IV.a: Kepala Sub Bagian, Kepala Seksi, Kepala Subbidang, Lurah, and
//!   Kepala UPT(D) (kelas A, Permendagri 12/2017 on UPTD);
//! - IV.b: Sekretaris Kelurahan, Kepala Seksi at a kelurahan, Kepala Sub
//!   Bagian (Tata Usaha) of a UPT(D).
//!
//! In a provinsi the upper levels move up one step: Sekretaris Daerah is
//! I.b, which Edaran's eselon list does not hold, so none is inferred;
//! heads of agencies are II.a, Kepala Bidang III.a, Kepala UPT III.b.
//! The levels are the ones regional rosters use; a file with its own eselon
//! column is never second-guessed.
//!
//! Only structural posts have an eselon: functional
//! (*fungsional tertentu*) and pelaksana (*fungsional umum*) posts get none,
//! and so does a structural title these rules do not know — the import
//! then asks for an eselon column rather than guessing.

use crate::employee::Eselon;

/// The position's kind as the export writes it tells whether rules apply:
/// a functional or pelaksana post never has an eselon; structural, or no
/// kind given, goes by the title.
fn may_be_structural(position_kind: &str) -> bool {
    let kind = position_kind.trim().to_lowercase();
    kind.is_empty() || kind.starts_with("struktural")
}

/// Lower case, single spaces, and the usual abbreviations spelled out
/// (`Kasubbag` → `kepala sub bagian`, `Kabid` → `kepala bidang`, …).
fn title(position_name: &str) -> String {
    let words: Vec<String> = position_name
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            match w {
                "kasubbag" | "kasubag" => "kepala sub bagian",
                "kasubbid" | "kasubid" => "kepala sub bidang",
                "kasi" | "kasie" => "kepala seksi",
                "kabid" => "kepala bidang",
                "kabag" => "kepala bagian",
                "kadis" => "kepala dinas",
                "kaban" => "kepala badan",
                "sekcam" => "sekretaris kecamatan",
                "seklur" => "sekretaris kelurahan",
                "sekda" => "sekretaris daerah",
                "sekwan" => "sekretaris dprd",
                "subbagian" => "sub bagian",
                "subbidang" => "sub bidang",
                "uptd" => "upt",
                other => other,
            }
            .to_string()
        })
        .collect();
    words.join(" ")
}

/// The eselon a kabupaten/kota (or, when `provinsi`, a province) gives the
/// post; `None` for functional and pelaksana posts and unknown titles.
pub fn infer(position_kind: &str, position_name: &str, provinsi: bool) -> Option<Eselon> {
    if !may_be_structural(position_kind) {
        return None;
    }
    let t = title(position_name);
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| t.starts_with(p));
    let has = |part: &str| t.contains(part);
    // Most specific titles first: "Sekretaris Kelurahan" before "Sekretaris".
    let eselon = if starts(&["sekretaris daerah"]) {
        if provinsi {
            return None; // I.b
        }
        Eselon::IIa
    } else if starts(&[
        "asisten",
        "staf ahli",
        "sekretaris dprd",
        "sekretaris dewan",
    ]) || starts(&["inspektur"]) && !starts(&["inspektur pembantu"])
        || starts(&[
            "kepala dinas",
            "kepala badan",
            "kepala pelaksana badan",
            "kepala satuan polisi pamong praja",
            "kepala satpol pp",
        ])
    {
        if provinsi {
            Eselon::IIa
        } else {
            Eselon::IIb
        }
    } else if starts(&["sekretaris kelurahan"]) {
        Eselon::IVb
    } else if starts(&["sekretaris kecamatan"]) {
        Eselon::IIIb
    } else if starts(&["kepala bidang"]) {
        if provinsi {
            Eselon::IIIa
        } else {
            Eselon::IIIb
        }
    } else if starts(&["kepala upt", "kepala unit pelaksana teknis"]) {
        if provinsi {
            Eselon::IIIb
        } else {
            Eselon::IVa
        }
    } else if starts(&["kepala sub bagian", "kepala sub bidang", "kepala seksi"]) {
        if has("kelurahan") || has(" upt") || has("unit pelaksana teknis") {
            Eselon::IVb
        } else {
            Eselon::IVa
        }
    } else if starts(&["sekretaris", "kepala bagian", "inspektur pembantu", "camat"]) {
        Eselon::IIIa
    } else if starts(&["lurah"]) {
        Eselon::IVa
    } else {
        return None;
    };
    Some(eselon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kab(kind: &str, name: &str) -> Option<&'static str> {
        infer(kind, name, false).map(|e| e.code())
    }

    #[test]
    fn heads_of_agencies_are_jpt_pratama() {
        assert_eq!(kab("Struktural", "Sekretaris Daerah"), Some("II.a"));
        assert_eq!(kab("Struktural", "Kepala Dinas Kesehatan"), Some("II.b"));
        assert_eq!(
            kab(
                "Struktural",
                "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
            ),
            Some("II.b")
        );
        assert_eq!(kab("Struktural", "Inspektur"), Some("II.b"));
        assert_eq!(kab("Struktural", "Sekretaris DPRD"), Some("II.b"));
        assert_eq!(
            kab(
                "Struktural",
                "Asisten Pemerintahan dan Kesejahteraan Rakyat"
            ),
            Some("II.b")
        );
        assert_eq!(
            kab("STRUKTURAL", "KEPALA SATUAN POLISI PAMONG PRAJA"),
            Some("II.b")
        );
    }

    #[test]
    fn administrators_and_supervisors() {
        assert_eq!(kab("Struktural", "Sekretaris"), Some("III.a"));
        assert_eq!(
            kab("Struktural", "Sekretaris Dinas Pendidikan"),
            Some("III.a")
        );
        assert_eq!(
            kab("Struktural", "Kepala Bidang Mutasi dan Promosi"),
            Some("III.b")
        );
        assert_eq!(kab("Struktural", "Kabid. Mutasi"), Some("III.b"));
        assert_eq!(kab("Struktural", "Kepala Bagian Organisasi"), Some("III.a"));
        assert_eq!(
            kab("Struktural", "Inspektur Pembantu Wilayah I"),
            Some("III.a")
        );
        assert_eq!(kab("Struktural", "Camat Sekayu"), Some("III.a"));
        assert_eq!(
            kab("Struktural", "Sekretaris Kecamatan Sekayu"),
            Some("III.b")
        );
        assert_eq!(
            kab("Struktural", "Kepala UPTD Puskesmas Keluang"),
            Some("IV.a")
        );
        assert_eq!(
            kab("Struktural", "Kepala Sub Bagian Umum dan Kepegawaian"),
            Some("IV.a")
        );
        assert_eq!(kab("Struktural", "Kasubbag Keuangan"), Some("IV.a"));
        assert_eq!(kab("Struktural", "Kepala Subbidang Mutasi"), Some("IV.a"));
        assert_eq!(kab("Struktural", "Kepala Seksi Kurikulum"), Some("IV.a"));
        assert_eq!(kab("Struktural", "Lurah Balai Agung"), Some("IV.a"));
        assert_eq!(
            kab("Struktural", "Sekretaris Kelurahan Balai Agung"),
            Some("IV.b")
        );
        assert_eq!(
            kab(
                "Struktural",
                "Kepala Seksi Pemerintahan Kelurahan Balai Agung"
            ),
            Some("IV.b")
        );
        assert_eq!(
            kab(
                "Struktural",
                "Kepala Sub Bagian Tata Usaha UPTD Instalasi Farmasi"
            ),
            Some("IV.b")
        );
    }

    #[test]
    fn functional_and_pelaksana_posts_have_none() {
        assert_eq!(kab("Fungsional Tertentu", "Kepala Seksi Kurikulum"), None);
        assert_eq!(kab("Fungsional Umum", "Kepala Bidang"), None);
        assert_eq!(kab("Pelaksana", "Pengadministrasi Umum"), None);
        assert_eq!(
            kab("Fungsional Tertentu", "Analis Kepegawaian Ahli Muda"),
            None
        );
        assert_eq!(kab("Struktural", "Direktur Utama"), None);
        // No kind given: the title decides.
        assert_eq!(kab("", "Kepala Dinas Sosial"), Some("II.b"));
        assert_eq!(kab("", "Guru Ahli Pertama"), None);
    }

    #[test]
    fn a_province_moves_heads_up_and_leaves_its_sekda_to_the_user() {
        assert_eq!(infer("Struktural", "Sekretaris Daerah", true), None);
        assert_eq!(
            infer("Struktural", "Kepala Dinas Kesehatan", true),
            Some(Eselon::IIa)
        );
        assert_eq!(
            infer("Struktural", "Kepala Seksi Mutasi", true),
            Some(Eselon::IVa)
        );
        assert_eq!(
            infer("Struktural", "Kepala Bidang Mutasi", true),
            Some(Eselon::IIIa)
        );
    }
}
