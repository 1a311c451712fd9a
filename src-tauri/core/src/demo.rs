//! The demo office (*kantor contoh*): a fictional regency, Kabupaten Tanjung
//! Seroja, generated deterministically so a new user sees the product working.
//! Every name is invented; NIPs are valid by construction and checked by the
//! same validation as user input.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::agency::{AgencyInput, AgencyKind, UnitInput, UnitKind};
use crate::circular::{CircularKind, Period, Point, Reference, Relation};
use crate::dice::Dice;
use crate::employee::{EmployeeInput, EmploymentKind, Eselon, PositionKind};
use crate::error::Result;
use crate::office::{OfficeProfile, PaperSize, RegionKind, SignatoryInput};
use crate::rank::Golongan;
use crate::store::Store;
use crate::template;
use crate::words;

const MALE: &[&str] = &[
    "Agus",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Gilang",
    "Hendra",
    "Irfan",
    "Joko",
    "Kurniawan",
    "Lukman",
    "Muhammad",
    "Nanda",
    "Oki",
    "Putra",
    "Rahmat",
    "Sigit",
    "Taufik",
    "Wahyu",
    "Yudi",
    "Zainal",
    "Arif",
    "Bayu",
    "Dimas",
    "Fikri",
    "Hadi",
    "Ilham",
    "Rizal",
    "Samsul",
    "Yusuf",
];
const FEMALE: &[&str] = &[
    "Ayu", "Citra", "Dewi", "Eka", "Fitri", "Gita", "Hesti", "Indah", "Juwita", "Kartika",
    "Lestari", "Maya", "Nurul", "Putri", "Ratna", "Sari", "Tuti", "Umi", "Vina", "Wulan", "Yanti",
    "Zahra", "Anisa", "Desi", "Erna", "Novi", "Rina", "Siti", "Wati", "Yuliana",
];
const FAMILY: &[&str] = &[
    "Saputra",
    "Wijaya",
    "Hidayat",
    "Lestari",
    "Pratama",
    "Santoso",
    "Kusuma",
    "Nugroho",
    "Rahayu",
    "Setiawan",
    "Permana",
    "Maulana",
    "Anggraini",
    "Syahputra",
    "Harahap",
    "Siregar",
    "Utami",
    "Purnamasari",
    "Ramadhan",
    "Firmansyah",
    "Suryani",
    "Wibowo",
    "Handayani",
    "Gunawan",
    "Fauzi",
    "Marlina",
    "Susanti",
    "Effendi",
    "Kurniasih",
    "Hakim",
];
const DEGREES: &[&str] = &[
    "S.E.", "S.Sos.", "S.H.", "S.Kom.", "S.T.", "S.Pd.", "S.AP.", "S.IP.", "S.Ak.",
];
const MASTERS: &[&str] = &["M.Si.", "M.M.", "M.H.", "M.AP.", "M.T."];

const GENERAL_FUNCTIONAL: &[&str] = &[
    "Analis Kebijakan Ahli Muda",
    "Perencana Ahli Pertama",
    "Pranata Komputer Ahli Pertama",
    "Arsiparis Terampil",
    "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
    "Analis Keuangan Pusat dan Daerah Ahli Pertama",
    "Pengelola Pengadaan Barang/Jasa Ahli Pertama",
    "Pranata Hubungan Masyarakat Ahli Pertama",
];
const HEALTH_FUNCTIONAL: &[&str] = &[
    "Dokter Ahli Pertama",
    "Perawat Ahli Pertama",
    "Perawat Terampil",
    "Bidan Terampil",
    "Apoteker Ahli Pertama",
    "Pranata Laboratorium Kesehatan Terampil",
    "Nutrisionis Terampil",
    "Sanitarian Terampil",
];
const AUDIT_FUNCTIONAL: &[&str] = &[
    "Auditor Ahli Pertama",
    "Auditor Ahli Muda",
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama",
];
const POLICE_FUNCTIONAL: &[&str] = &[
    "Polisi Pamong Praja Terampil",
    "Polisi Pamong Praja Ahli Pertama",
];
const CLERICAL: &[&str] = &[
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Pengelola Keuangan",
    "Pengadministrasi Kepegawaian",
    "Operator Layanan Operasional",
];
const NON_ASN: &[&str] = &[
    "Tenaga Administrasi",
    "Pengemudi",
    "Petugas Keamanan",
    "Tenaga Kebersihan",
    "Operator Komputer",
];

/// One post with a unit, before people are drawn for it.
struct Post {
    title: String,
    eselon: Option<Eselon>,
}

/// An agency of the demo: name, short name, kind, its head, and its units
/// as (name, kind, head title, head eselon, staff count, sub-units).
struct Plan {
    name: &'static str,
    short: &'static str,
    kind: AgencyKind,
    head: (&'static str, Option<Eselon>),
    units: Vec<UnitPlan>,
}

struct UnitPlan {
    name: String,
    kind: UnitKind,
    head: Option<Post>,
    staff: usize,
    children: Vec<UnitPlan>,
}

fn unit(name: &str, kind: UnitKind, head: Option<(&str, Eselon)>, staff: usize) -> UnitPlan {
    UnitPlan {
        name: name.to_string(),
        kind,
        head: head.map(|(t, e)| Post {
            title: t.to_string(),
            eselon: Some(e),
        }),
        staff,
        children: Vec::new(),
    }
}

/// Sekretariat plus Bidang of a Dinas or Badan; `with_subunits` keeps the
/// eselon IV subbagian that many regions turned functional after 2021.
fn dinas_units(bidang: &[&str], with_subunits: bool) -> Vec<UnitPlan> {
    let mut sekretariat = unit(
        "Sekretariat",
        UnitKind::Sekretariat,
        Some(("Sekretaris", Eselon::IIIa)),
        5,
    );
    if with_subunits {
        sekretariat.children = vec![
            unit(
                "Subbagian Umum dan Kepegawaian",
                UnitKind::Subbagian,
                Some(("Kepala Subbagian Umum dan Kepegawaian", Eselon::IVa)),
                3,
            ),
            unit(
                "Subbagian Keuangan",
                UnitKind::Subbagian,
                Some(("Kepala Subbagian Keuangan", Eselon::IVa)),
                2,
            ),
        ];
    }
    let mut units = vec![sekretariat];
    units.extend(bidang.iter().map(|b| {
        unit(
            &format!("Bidang {b}"),
            UnitKind::Bidang,
            Some((&format!("Kepala Bidang {b}"), Eselon::IIIb)),
            5,
        )
    }));
    units
}

fn plans() -> Vec<Plan> {
    use AgencyKind as K;
    use Eselon::*;
    use UnitKind as U;
    let dinas = |name, short, bidang: &[&str], sub| Plan {
        name,
        short,
        kind: K::Dinas,
        head: ("Kepala Dinas", Some(IIb)),
        units: dinas_units(bidang, sub),
    };
    let badan = |name, short, bidang: &[&str], sub| Plan {
        name,
        short,
        kind: K::Badan,
        head: ("Kepala Badan", Some(IIb)),
        units: dinas_units(bidang, sub),
    };
    let kecamatan = |name| Plan {
        name,
        short: "",
        kind: K::Kecamatan,
        head: ("Camat", Some(IIIa)),
        units: vec![
            unit(
                "Sekretariat",
                U::Sekretariat,
                Some(("Sekretaris Kecamatan", IIIb)),
                3,
            ),
            unit(
                "Seksi Pemerintahan",
                U::Seksi,
                Some(("Kepala Seksi Pemerintahan", IVa)),
                2,
            ),
            unit(
                "Seksi Ketenteraman dan Ketertiban Umum",
                U::Seksi,
                Some(("Kepala Seksi Ketenteraman dan Ketertiban Umum", IVa)),
                2,
            ),
            unit(
                "Seksi Pemberdayaan Masyarakat",
                U::Seksi,
                Some(("Kepala Seksi Pemberdayaan Masyarakat", IVa)),
                2,
            ),
        ],
    };
    let kelurahan = |name| Plan {
        name,
        short: "",
        kind: K::Kelurahan,
        head: ("Lurah", Some(IVa)),
        units: vec![
            unit(
                "Sekretariat",
                U::Sekretariat,
                Some(("Sekretaris Kelurahan", IVb)),
                2,
            ),
            unit(
                "Seksi Pemerintahan dan Pelayanan Umum",
                U::Seksi,
                Some(("Kepala Seksi Pemerintahan dan Pelayanan Umum", IVb)),
                2,
            ),
        ],
    };
    let puskesmas = |name| Plan {
        name,
        short: "",
        kind: K::Puskesmas,
        head: ("Kepala Puskesmas", None),
        units: vec![
            unit(
                "Subbagian Tata Usaha",
                U::Subbagian,
                Some(("Kepala Subbagian Tata Usaha", IVb)),
                3,
            ),
            unit("Pelayanan Kesehatan Masyarakat", U::Instalasi, None, 6),
            unit("Pelayanan Kesehatan Perseorangan", U::Instalasi, None, 7),
        ],
    };
    let mut sekda_umum = unit(
        "Bagian Umum",
        U::Bagian,
        Some(("Kepala Bagian Umum", IIIa)),
        3,
    );
    sekda_umum.children = vec![
        unit(
            "Subbagian Tata Usaha Pimpinan",
            U::Subbagian,
            Some(("Kepala Subbagian Tata Usaha Pimpinan", IVa)),
            3,
        ),
        unit(
            "Subbagian Rumah Tangga",
            U::Subbagian,
            Some(("Kepala Subbagian Rumah Tangga", IVa)),
            3,
        ),
    ];
    vec![
        Plan {
            name: "Sekretariat Daerah",
            short: "Setda",
            kind: K::SekretariatDaerah,
            head: ("Sekretaris Daerah", Some(IIa)),
            units: vec![
                unit(
                    "Bagian Pemerintahan",
                    U::Bagian,
                    Some(("Kepala Bagian Pemerintahan", IIIa)),
                    4,
                ),
                unit(
                    "Bagian Hukum",
                    U::Bagian,
                    Some(("Kepala Bagian Hukum", IIIa)),
                    4,
                ),
                unit(
                    "Bagian Organisasi",
                    U::Bagian,
                    Some(("Kepala Bagian Organisasi", IIIa)),
                    4,
                ),
                unit(
                    "Bagian Perekonomian dan Sumber Daya Alam",
                    U::Bagian,
                    Some(("Kepala Bagian Perekonomian dan Sumber Daya Alam", IIIa)),
                    3,
                ),
                unit(
                    "Bagian Pengadaan Barang dan Jasa",
                    U::Bagian,
                    Some(("Kepala Bagian Pengadaan Barang dan Jasa", IIIa)),
                    3,
                ),
                sekda_umum,
            ],
        },
        Plan {
            name: "Sekretariat DPRD",
            short: "Setwan",
            kind: K::SekretariatDprd,
            head: ("Sekretaris DPRD", Some(IIb)),
            units: vec![
                unit(
                    "Bagian Umum dan Keuangan",
                    U::Bagian,
                    Some(("Kepala Bagian Umum dan Keuangan", IIIa)),
                    5,
                ),
                unit(
                    "Bagian Persidangan dan Perundang-undangan",
                    U::Bagian,
                    Some(("Kepala Bagian Persidangan dan Perundang-undangan", IIIa)),
                    4,
                ),
                unit(
                    "Bagian Fasilitasi Penganggaran dan Pengawasan",
                    U::Bagian,
                    Some(("Kepala Bagian Fasilitasi Penganggaran dan Pengawasan", IIIa)),
                    3,
                ),
            ],
        },
        Plan {
            name: "Inspektorat Daerah",
            short: "Inspektorat",
            kind: K::Inspektorat,
            head: ("Inspektur", Some(IIb)),
            units: vec![
                unit("Sekretariat", U::Sekretariat, Some(("Sekretaris", IIIa)), 4),
                unit(
                    "Inspektur Pembantu Wilayah I",
                    U::Bidang,
                    Some(("Inspektur Pembantu Wilayah I", IIIb)),
                    5,
                ),
                unit(
                    "Inspektur Pembantu Wilayah II",
                    U::Bidang,
                    Some(("Inspektur Pembantu Wilayah II", IIIb)),
                    5,
                ),
            ],
        },
        dinas(
            "Dinas Pendidikan dan Kebudayaan",
            "Disdikbud",
            &[
                "Pembinaan Sekolah Dasar",
                "Pembinaan Sekolah Menengah Pertama",
                "Kebudayaan",
            ],
            true,
        ),
        dinas(
            "Dinas Kesehatan",
            "Dinkes",
            &[
                "Kesehatan Masyarakat",
                "Pencegahan dan Pengendalian Penyakit",
                "Pelayanan Kesehatan",
            ],
            true,
        ),
        dinas(
            "Dinas Pekerjaan Umum dan Penataan Ruang",
            "Dinas PUPR",
            &["Bina Marga", "Sumber Daya Air", "Penataan Ruang"],
            false,
        ),
        dinas(
            "Dinas Sosial",
            "Dinsos",
            &["Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial"],
            false,
        ),
        dinas(
            "Dinas Kependudukan dan Pencatatan Sipil",
            "Disdukcapil",
            &[
                "Pelayanan Pendaftaran Penduduk",
                "Pelayanan Pencatatan Sipil",
            ],
            true,
        ),
        dinas(
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            "DPMPTSP",
            &["Pelayanan Perizinan", "Penanaman Modal"],
            false,
        ),
        dinas(
            "Dinas Perhubungan",
            "Dishub",
            &["Lalu Lintas dan Angkutan", "Sarana dan Prasarana"],
            false,
        ),
        dinas(
            "Dinas Pertanian dan Ketahanan Pangan",
            "Distanak",
            &["Tanaman Pangan dan Hortikultura", "Ketahanan Pangan"],
            false,
        ),
        dinas(
            "Dinas Lingkungan Hidup",
            "DLH",
            &["Pengelolaan Sampah", "Pengendalian Pencemaran"],
            false,
        ),
        dinas(
            "Dinas Komunikasi dan Informatika",
            "Diskominfo",
            &["Aplikasi Informatika", "Informasi dan Komunikasi Publik"],
            false,
        ),
        badan(
            "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
            "Bapperida",
            &[
                "Perencanaan Pemerintahan dan Pembangunan Manusia",
                "Perencanaan Infrastruktur dan Kewilayahan",
            ],
            false,
        ),
        badan(
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "BKPSDM",
            &[
                "Mutasi dan Promosi",
                "Pengembangan Kompetensi Aparatur",
                "Pengadaan, Pemberhentian dan Informasi",
            ],
            true,
        ),
        badan(
            "Badan Pengelolaan Keuangan dan Aset Daerah",
            "BPKAD",
            &["Anggaran", "Perbendaharaan", "Aset"],
            true,
        ),
        badan(
            "Badan Pendapatan Daerah",
            "Bapenda",
            &["Pendataan dan Penetapan", "Penagihan dan Pengendalian"],
            false,
        ),
        badan(
            "Badan Penanggulangan Bencana Daerah",
            "BPBD",
            &["Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik"],
            false,
        ),
        Plan {
            name: "Satuan Polisi Pamong Praja",
            short: "Satpol PP",
            kind: K::SatpolPp,
            head: ("Kepala Satuan", Some(IIb)),
            units: {
                let mut u = dinas_units(
                    &[
                        "Penegakan Peraturan Daerah",
                        "Ketertiban Umum dan Ketenteraman Masyarakat",
                        "Pemadam Kebakaran",
                    ],
                    false,
                );
                u.iter_mut().skip(1).for_each(|b| b.staff = 6);
                u
            },
        },
        Plan {
            name: "Rumah Sakit Umum Daerah Seroja Medika",
            short: "RSUD",
            kind: K::Rsud,
            head: ("Direktur", Some(IIb)),
            units: vec![
                unit(
                    "Bagian Tata Usaha",
                    U::Bagian,
                    Some(("Kepala Bagian Tata Usaha", IIIb)),
                    5,
                ),
                unit(
                    "Bidang Pelayanan Medik",
                    U::Bidang,
                    Some(("Kepala Bidang Pelayanan Medik", IIIb)),
                    4,
                ),
                unit(
                    "Bidang Keperawatan",
                    U::Bidang,
                    Some(("Kepala Bidang Keperawatan", IIIb)),
                    4,
                ),
                unit("Instalasi Gawat Darurat", U::Instalasi, None, 12),
                unit("Instalasi Rawat Inap", U::Instalasi, None, 14),
                unit("Instalasi Farmasi", U::Instalasi, None, 5),
            ],
        },
        puskesmas("Puskesmas Muara Seroja"),
        puskesmas("Puskesmas Sungai Baung"),
        kecamatan("Kecamatan Muara Seroja"),
        kecamatan("Kecamatan Sungai Baung"),
        kecamatan("Kecamatan Talang Padi"),
        kelurahan("Kelurahan Seroja Ilir"),
        kelurahan("Kelurahan Seroja Ulu"),
    ]
}

/// Draws people and valid, unique NIPs.
struct People {
    dice: Dice,
    nips: HashSet<String>,
    serial: u32,
}

/// Who is being drawn: grade band and age band follow the post.
#[derive(Clone, Copy)]
enum Seniority {
    Top,
    Middle,
    Staff,
}

impl People {
    fn name(&mut self) -> (String, bool) {
        let male = self.dice.below(2) == 0;
        let first = if male {
            self.dice.pick(MALE)
        } else {
            self.dice.pick(FEMALE)
        };
        (format!("{first} {}", self.dice.pick(FAMILY)), male)
    }

    /// An 18-digit NIP: birth date, appointment month, sex digit, serial.
    fn nip(&mut self, birth_year: i32, appointed: i32, male: bool) -> (String, NaiveDate) {
        loop {
            let birth = NaiveDate::from_ymd_opt(
                birth_year,
                self.dice.between(1, 12) as u32,
                self.dice.between(1, 28) as u32,
            )
            .expect("day 1–28 exists in every month");
            let month = self.dice.between(1, 12);
            self.serial = self.serial % 999 + 1;
            let nip = format!(
                "{}{:04}{:02}{}{:03}",
                birth.format("%Y%m%d"),
                appointed,
                month,
                if male { 1 } else { 2 },
                self.serial
            );
            if self.nips.insert(nip.clone()) {
                return (nip, birth);
            }
        }
    }

    fn employee(
        &mut self,
        employment: EmploymentKind,
        seniority: Seniority,
        position: (&str, PositionKind, Option<Eselon>),
        agency_id: i64,
        unit_id: Option<i64>,
    ) -> EmployeeInput {
        let (name, male) = self.name();
        let (born_lo, born_hi) = match seniority {
            Seniority::Top => (1966, 1974),
            Seniority::Middle => (1970, 1984),
            Seniority::Staff => (1975, 2000),
        };
        let birth_year = self.dice.between(born_lo, born_hi);
        let appointed = match employment {
            EmploymentKind::Cpns => 2024,
            EmploymentKind::Pppk => self.dice.between(2021, 2024),
            _ => (birth_year + self.dice.between(22, 30)).min(2022),
        };
        let nip = match employment.nip_kind() {
            Some(_) => self.nip(birth_year, appointed, male).0,
            None => String::new(),
        };
        let golongan = match employment {
            EmploymentKind::Pns => self.golongan(seniority, position.2).code().to_string(),
            EmploymentKind::Cpns => if self.dice.below(3) == 0 {
                "II/a"
            } else {
                "III/a"
            }
            .to_string(),
            EmploymentKind::Pppk => self.dice.pick(&["V", "VII", "IX", "IX", "X"]).to_string(),
            _ => String::new(),
        };
        let (front_title, back_title) = self.titles(seniority, position.0, employment);
        EmployeeInput {
            id: None,
            nip,
            name,
            front_title,
            back_title,
            employment: employment.code().into(),
            golongan,
            position_name: position.0.to_string(),
            position_kind: position.1.code().into(),
            eselon: position.2.map(|e| e.code().to_string()).unwrap_or_default(),
            agency_id: Some(agency_id),
            unit_id,
        }
    }

    fn golongan(&mut self, seniority: Seniority, eselon: Option<Eselon>) -> Golongan {
        use Golongan::*;
        let band: &[Golongan] = match (eselon, seniority) {
            (Some(Eselon::IIa), _) => &[IVd],
            (Some(Eselon::IIb), _) => &[IVb, IVc, IVc],
            (Some(Eselon::IIIa), _) => &[IVa, IVb],
            (Some(Eselon::IIIb), _) => &[IIId, IVa],
            (Some(Eselon::IVa), _) => &[IIIc, IIId],
            (Some(_), _) => &[IIIb, IIIc],
            (None, Seniority::Top | Seniority::Middle) => &[IIIc, IIId, IVa],
            (None, Seniority::Staff) => &[IIa, IIb, IIc, IId, IIIa, IIIb, IIIc],
        };
        *self.dice.pick(band)
    }

    fn titles(
        &mut self,
        seniority: Seniority,
        position: &str,
        employment: EmploymentKind,
    ) -> (String, String) {
        if position.starts_with("Dokter")
            || position == "Kepala Puskesmas"
            || position == "Direktur"
        {
            return (
                "dr.".into(),
                if matches!(seniority, Seniority::Top) {
                    "M.Kes.".into()
                } else {
                    String::new()
                },
            );
        }
        if position.starts_with("Perawat") || position.starts_with("Bidan") {
            return (
                String::new(),
                if self.dice.below(2) == 0 {
                    "S.Kep., Ners".into()
                } else {
                    "A.Md.Kep.".into()
                },
            );
        }
        match (seniority, employment.nip_kind()) {
            (Seniority::Top, _) => (
                String::new(),
                format!("{}, {}", self.dice.pick(DEGREES), self.dice.pick(MASTERS)),
            ),
            (_, None) => (String::new(), String::new()),
            _ if self.dice.below(3) == 0 => (String::new(), String::new()),
            _ => (String::new(), self.dice.pick(DEGREES).to_string()),
        }
    }
}

/// Functional posts that fit an agency of this kind.
fn functional_posts(kind: AgencyKind) -> &'static [&'static str] {
    match kind {
        AgencyKind::Rsud | AgencyKind::Puskesmas => HEALTH_FUNCTIONAL,
        AgencyKind::Inspektorat => AUDIT_FUNCTIONAL,
        AgencyKind::SatpolPp => POLICE_FUNCTIONAL,
        _ => GENERAL_FUNCTIONAL,
    }
}

/// The demo office profile.
pub fn office_profile() -> OfficeProfile {
    OfficeProfile {
        region_kind: RegionKind::Kabupaten,
        region_name: "Tanjung Seroja".into(),
        office_name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".into(),
        address_lines: vec![
            "Jalan Lintas Timur Nomor 12, Muara Seroja 30712".into(),
            "Telepon (0711) 555-0101, Faksimile (0711) 555-0102".into(),
            "Laman bkpsdm.tanjungseroja.go.id, Pos-el bkpsdm@tanjungseroja.go.id".into(),
        ],
        place: "Muara Seroja".into(),
        numbering_template: "{klasifikasi}/{nomor}/{unit}/{tahun}".into(),
        classification: "800".into(),
        unit_code: "BKPSDM".into(),
        paper: PaperSize::F4,
    }
}

/// Fills an empty database with the demo office, all in one transaction.
pub fn fill(store: &mut Store) -> Result<()> {
    store.in_transaction(fill_inner)
}

fn fill_inner(store: &mut Store) -> Result<()> {
    store.save_office(&office_profile())?;
    // The Bupati's circulars are often numbered by the Setda's Bagian Organisasi.
    store.save_register(&crate::register::Register {
        id: crate::register::OWN,
        name: "Buku Agenda BKPSDM".into(),
        ..Default::default()
    })?;
    store.save_register(&crate::register::Register {
        name: "Bagian Organisasi Setda".into(),
        numbering_template: "{klasifikasi}/{nomor}/ORG/{tahun}".into(),
        classification: "061".into(),
        ..Default::default()
    })?;
    let mut people = People {
        dice: Dice(0x005E_201A_2020),
        nips: HashSet::new(),
        serial: 0,
    };
    let mut sekda = None;
    let mut kepala_bkpsdm = None;
    for plan in plans() {
        let agency = store.save_agency(&AgencyInput {
            id: None,
            name: plan.name.into(),
            short_name: plan.short.into(),
            kind: plan.kind.code().into(),
        })?;
        let head_kind = if plan.head.1.is_some() {
            PositionKind::Struktural
        } else {
            PositionKind::Fungsional
        };
        let head = store.save_employee(&people.employee(
            EmploymentKind::Pns,
            Seniority::Top,
            (plan.head.0, head_kind, plan.head.1),
            agency.id,
            None,
        ))?;
        match plan.short {
            "Setda" => sekda = Some(head),
            "BKPSDM" => kepala_bkpsdm = Some(head),
            _ => {}
        }
        let mut units: Vec<(Option<i64>, UnitPlan)> =
            plan.units.into_iter().map(|u| (None, u)).collect();
        while let Some((parent_id, u)) = units.pop() {
            let saved = store.save_unit(&UnitInput {
                id: None,
                agency_id: agency.id,
                parent_id,
                name: u.name.clone(),
                kind: u.kind.code().into(),
            })?;
            if let Some(post) = &u.head {
                store.save_employee(&people.employee(
                    EmploymentKind::Pns,
                    Seniority::Middle,
                    (&post.title, PositionKind::Struktural, post.eselon),
                    agency.id,
                    Some(saved.id),
                ))?;
            }
            for _ in 0..u.staff {
                let (employment, position) = match people.dice.below(20) {
                    0..=6 => (
                        EmploymentKind::Pns,
                        (
                            *people.dice.pick(functional_posts(plan.kind)),
                            PositionKind::Fungsional,
                        ),
                    ),
                    7..=12 => (
                        EmploymentKind::Pns,
                        (*people.dice.pick(CLERICAL), PositionKind::Pelaksana),
                    ),
                    13 => (
                        EmploymentKind::Cpns,
                        (*people.dice.pick(CLERICAL), PositionKind::Pelaksana),
                    ),
                    14 | 15 => (
                        EmploymentKind::Pppk,
                        (
                            *people.dice.pick(functional_posts(plan.kind)),
                            PositionKind::Fungsional,
                        ),
                    ),
                    16 => (
                        EmploymentKind::Ptt,
                        (*people.dice.pick(NON_ASN), PositionKind::Pelaksana),
                    ),
                    17 => (
                        EmploymentKind::Honorer,
                        (*people.dice.pick(NON_ASN), PositionKind::Pelaksana),
                    ),
                    _ => (
                        EmploymentKind::TenagaKontrak,
                        (*people.dice.pick(NON_ASN), PositionKind::Pelaksana),
                    ),
                };
                store.save_employee(&people.employee(
                    employment,
                    Seniority::Staff,
                    (position.0, position.1, None),
                    agency.id,
                    Some(saved.id),
                ))?;
            }
            units.extend(u.children.into_iter().map(|c| (Some(saved.id), c)));
        }
    }
    let signatory = |role: &str, e: Option<&crate::employee::Employee>, name: &str, title: &str| {
        SignatoryInput {
            role: role.into(),
            name: e.map(|e| e.name.clone()).unwrap_or_else(|| name.into()),
            front_title: e.map(|e| e.front_title.clone()).unwrap_or_default(),
            back_title: e.map(|e| e.back_title.clone()).unwrap_or_else(|| {
                if role == "kepala_daerah" {
                    "S.H., M.Si.".into()
                } else {
                    "S.E.".into()
                }
            }),
            position_title: title.into(),
            nip: e.and_then(|e| e.nip.clone()).unwrap_or_default(),
            golongan: e.and_then(|e| e.golongan.clone()).unwrap_or_default(),
            ..Default::default()
        }
    };
    store.save_signatory(&signatory(
        "kepala_daerah",
        None,
        "Rusdi Hamzah",
        "Bupati Tanjung Seroja",
    ))?;
    store.save_signatory(&signatory(
        "wakil_kepala_daerah",
        None,
        "Marlina Fitriani",
        "Wakil Bupati Tanjung Seroja",
    ))?;
    store.save_signatory(&signatory("sekda", sekda.as_ref(), "", "Sekretaris Daerah"))?;
    store.save_signatory(&signatory(
        "kepala_perangkat_daerah",
        kepala_bkpsdm.as_ref(),
        "",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    ))?;
    example_circulars(store)
}

/// The demo's own provisions of its work-from-home circulars.
fn wfh_provisions() -> Vec<Point> {
    vec![
        Point::new(format!(
            "Setiap Sekretariat dan Bidang pada Perangkat Daerah menugaskan {} pegawai secara bergiliran untuk bekerja di kantor sesuai jadwal piket yang ditetapkan Kepala Perangkat Daerah.",
            words::count(2, "orang")
        )),
        Point::with(
            "Selama bekerja di rumah, pegawai:",
            vec![
                Point::new("mengisi laporan kinerja harian melalui aplikasi e-Kinerja sebagai bukti kehadiran;"),
                Point::new("tetap dapat dihubungi pada jam kerja;"),
                Point::new("tidak bepergian ke luar daerah kecuali untuk keperluan yang mendesak dengan izin atasan."),
            ],
        ),
        Point::new("Perangkat Daerah yang memberikan pelayanan langsung kepada masyarakat (rumah sakit, puskesmas, pemadam kebakaran, kependudukan dan pencatatan sipil, serta pelayanan perizinan) tetap melaksanakan tugas di kantor dengan menerapkan protokol kesehatan."),
    ]
}

/// An issued WFH circular, its issued extension, and a drafted second
/// extension, all made the way a clerk makes them: template, then derive.
fn example_circulars(store: &mut Store) -> Result<()> {
    let day = |m, d| NaiveDate::from_ymd_opt(2020, m, d).expect("valid 2020 date");
    let (clerk, verifier) = ("Admin BKPSDM", "Kepala Bidang Mutasi dan Promosi");
    let mut first = store.template_draft(CircularKind::WfhBaru, day(3, 27))?;
    first.period = Some(Period {
        start: day(3, 30),
        end: Some(day(4, 13)),
    });
    first.references = vec![Reference {
        text: "Surat Edaran Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2020 tentang Penyesuaian Sistem Kerja Aparatur Sipil Negara dalam Upaya Pencegahan Penyebaran Covid-19 di Lingkungan Instansi Pemerintah".into(),
        circular_id: None,
    }];
    first.addressees = vec!["Para Kepala Perangkat Daerah".into(), "Para Camat".into()];
    first.copies = vec![
        "Gubernur Sumatera Selatan di Palembang".into(),
        "Ketua DPRD Kabupaten Tanjung Seroja di Muara Seroja".into(),
    ];
    first.points = wfh_provisions();
    template::compose(&mut first);
    let first = store.create_circular(&first, clerk)?;
    store.initial(first, verifier)?;
    store.issue(first, &crate::store::Issue::on(day(3, 27)), clerk)?;
    let extension = store
        .derive(first, Relation::Perpanjangan, day(4, 10), clerk)?
        .id;
    store.initial(extension, verifier)?;
    store.issue(extension, &crate::store::Issue::on(day(4, 13)), clerk)?;
    store.derive(extension, Relation::Perpanjangan, day(4, 27), clerk)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employee::EmployeeInput;
    use crate::store::EmployeeFilter;

    #[test]
    fn the_demo_office_is_realistic_and_valid() {
        let mut store = Store::for_test().unwrap();
        fill(&mut store).unwrap();
        let o = store.overview().unwrap();
        assert!((24..=30).contains(&o.agencies), "{o:?}");
        assert!((550..=700).contains(&o.employees), "{o:?}");
        // The shipped national lists, 2020 to 2026.
        assert_eq!(o.holidays, 166);
        assert_eq!(o.signatories, 4);
        let circulars = store.circulars().unwrap();
        let statuses: Vec<_> = circulars
            .iter()
            .rev()
            .map(|c| (c.status.code(), c.number.clone()))
            .collect();
        assert_eq!(
            statuses,
            [
                ("terbit", Some("800/1/BKPSDM/2020".into())),
                ("terbit", Some("800/2/BKPSDM/2020".into())),
                ("draf", None)
            ]
        );
        for c in &circulars {
            let record = store.circular(c.id).unwrap();
            record.document.validate().unwrap();
            crate::pdf::render(
                &record.document,
                crate::office::PaperSize::F4,
                chrono::DateTime::UNIX_EPOCH,
            )
            .unwrap();
        }
        let all = store.employees(&EmployeeFilter::default()).unwrap().rows;
        let kinds: HashSet<_> = all.iter().map(|e| e.employment).collect();
        assert!(kinds.len() >= 5, "{kinds:?}");
        let kinds: HashSet<_> = store.agencies("").unwrap().iter().map(|a| a.kind).collect();
        assert!(kinds.len() >= 10, "{kinds:?}");
        // Every stored employee passes the same validation as user input.
        for e in &all {
            EmployeeInput {
                nip: e.nip.clone().unwrap_or_default(),
                name: e.name.clone(),
                employment: e.employment.code().into(),
                golongan: e.golongan.clone().unwrap_or_default(),
                position_name: e.position_name.clone(),
                position_kind: e.position_kind.code().into(),
                eselon: e.eselon.map(|x| x.code().to_string()).unwrap_or_default(),
                agency_id: Some(e.agency_id),
                ..Default::default()
            }
            .validate()
            .unwrap_or_else(|err| panic!("{} {:?}: {err}", e.name, e.nip));
        }
    }

    #[test]
    fn the_demo_is_the_same_every_time() {
        let names = || {
            let mut store = Store::for_test().unwrap();
            fill(&mut store).unwrap();
            store
                .employees(&EmployeeFilter::default())
                .unwrap()
                .rows
                .into_iter()
                .map(|e| (e.nip, e.name))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(), names());
    }
}
