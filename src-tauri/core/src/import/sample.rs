//! A civil-service (SIASN) bulk export as it is downloaded, generated for
//! tests and demonstrations: uppercase headers with spaces, dates d-m-Y,
//! `STATUS CPNS PNS` as `P`/`C`, no eselon column. Names, places and
//! agencies are invented; every NIP is valid (birth date, CPNS start,
//! sex digit, serial) and agrees with `TANGGAL LAHIR` and `JENIS KELAMIN`.
//! The same `rows` always give the same file.

use std::collections::HashSet;

use crate::dice::Dice;

/// The export's columns, in its order.
pub const HEADERS: [&str; 21] = [
    "PNS ID",
    "NIP BARU",
    "NIP LAMA",
    "NAMA",
    "GELAR DEPAN",
    "GELAR BELAKANG",
    "TEMPAT LAHIR NAMA",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "GOL AKHIR NAMA",
    "TMT GOLONGAN",
    "JENIS JABATAN NAMA",
    "JABATAN NAMA",
    "TMT JABATAN",
    "UNOR NAMA",
    "INSTANSI KERJA NAMA",
    "SATUAN KERJA KERJA NAMA",
    "KEDUDUKAN HUKUM NAMA",
    "STATUS CPNS PNS",
    "TMT CPNS",
    "PENDIDIKAN NAMA",
];

/// A generated export and what it holds, for tests to check against.
pub struct SampleExport {
    pub csv: String,
    pub rows: usize,
    /// 1-based file lines (the header is line 1) of rows not active.
    pub inactive_lines: Vec<usize>,
    /// Rows of active CPNS.
    pub cpns: usize,
    /// Rows of active employees in structural posts.
    pub structural: usize,
    /// Every agency (`SATUAN KERJA KERJA NAMA`) named by an active row.
    pub agencies: Vec<String>,
}

const STRUCTURAL: &str = "Struktural";
const FUNCTIONAL: &str = "Fungsional Tertentu";
const PELAKSANA: &str = "Fungsional Umum";

/// An agency: its name, its head's title, and (unit, structural title) pairs.
struct Agency {
    name: &'static str,
    head: &'static str,
    posts: &'static [(&'static str, &'static str)],
}

const AGENCIES: &[Agency] = &[
    Agency {
        name: "Sekretariat Daerah",
        head: "Sekretaris Daerah",
        posts: &[
            (
                "Sekretariat Daerah",
                "Asisten Pemerintahan dan Kesejahteraan Rakyat",
            ),
            ("Sekretariat Daerah", "Asisten Perekonomian dan Pembangunan"),
            ("Bagian Organisasi", "Kepala Bagian Organisasi"),
            ("Bagian Hukum", "Kepala Bagian Hukum"),
            ("Sub Bagian Kelembagaan", "Kepala Sub Bagian Kelembagaan"),
        ],
    },
    Agency {
        name: "Sekretariat DPRD",
        head: "Sekretaris DPRD",
        posts: &[
            (
                "Bagian Umum dan Keuangan",
                "Kepala Bagian Umum dan Keuangan",
            ),
            ("Bagian Persidangan", "Kepala Bagian Persidangan"),
        ],
    },
    Agency {
        name: "Inspektorat",
        head: "Inspektur",
        posts: &[
            ("Sekretariat", "Sekretaris"),
            (
                "Inspektur Pembantu Wilayah I",
                "Inspektur Pembantu Wilayah I",
            ),
            (
                "Inspektur Pembantu Wilayah II",
                "Inspektur Pembantu Wilayah II",
            ),
        ],
    },
    Agency {
        name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        head: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        posts: &[
            ("Sekretariat", "Sekretaris"),
            (
                "Sub Bagian Umum dan Kepegawaian",
                "Kepala Sub Bagian Umum dan Kepegawaian",
            ),
            (
                "Bidang Mutasi dan Promosi",
                "Kepala Bidang Mutasi dan Promosi",
            ),
            (
                "Bidang Pengadaan dan Informasi",
                "Kepala Bidang Pengadaan dan Informasi",
            ),
        ],
    },
    Agency {
        name: "Dinas Pendidikan",
        head: "Kepala Dinas Pendidikan",
        posts: &[
            ("Sekretariat", "Sekretaris"),
            (
                "Bidang Pembinaan Sekolah Dasar",
                "Kepala Bidang Pembinaan Sekolah Dasar",
            ),
            (
                "Seksi Kurikulum Sekolah Dasar",
                "Kepala Seksi Kurikulum Sekolah Dasar",
            ),
            ("Bidang Pembinaan SMP", "Kepala Bidang Pembinaan SMP"),
        ],
    },
    Agency {
        name: "Dinas Kesehatan",
        head: "Kepala Dinas Kesehatan",
        posts: &[
            ("Sekretariat", "Sekretaris"),
            (
                "Bidang Pelayanan Kesehatan",
                "Kepala Bidang Pelayanan Kesehatan",
            ),
            (
                "Seksi Pelayanan Kesehatan Primer",
                "Kepala Seksi Pelayanan Kesehatan Primer",
            ),
            ("UPTD Instalasi Farmasi", "Kepala UPTD Instalasi Farmasi"),
            (
                "UPTD Instalasi Farmasi",
                "Kepala Sub Bagian Tata Usaha UPTD Instalasi Farmasi",
            ),
        ],
    },
    Agency {
        name: "Dinas Pekerjaan Umum dan Penataan Ruang",
        head: "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        posts: &[
            ("Sekretariat", "Sekretaris"),
            ("Bidang Bina Marga", "Kepala Bidang Bina Marga"),
        ],
    },
    Agency {
        name: "Satuan Polisi Pamong Praja",
        head: "Kepala Satuan Polisi Pamong Praja",
        posts: &[(
            "Bidang Ketenteraman dan Ketertiban Umum",
            "Kepala Bidang Ketenteraman dan Ketertiban Umum",
        )],
    },
    Agency {
        name: "Kecamatan Seroja Hulu",
        head: "Camat Seroja Hulu",
        posts: &[
            ("Sekretariat", "Sekretaris Kecamatan Seroja Hulu"),
            ("Seksi Pemerintahan", "Kepala Seksi Pemerintahan"),
        ],
    },
    Agency {
        name: "Kecamatan Muara Teduh",
        head: "Camat Muara Teduh",
        posts: &[("Sekretariat", "Sekretaris Kecamatan Muara Teduh")],
    },
    Agency {
        name: "Kelurahan Pasar Seroja",
        head: "Lurah Pasar Seroja",
        posts: &[("Sekretariat", "Sekretaris Kelurahan Pasar Seroja")],
    },
];

/// Functional posts by agency (index into [`AGENCIES`]), with education and
/// titles that go with them.
const FUNCTIONAL_POSTS: &[(usize, &str, &str, &str, &str)] = &[
    (4, "Guru Ahli Pertama", "S-1 Pendidikan", "", "S.Pd."),
    (4, "Guru Ahli Muda", "S-1 Pendidikan", "", "S.Pd."),
    (
        4,
        "Pengawas Sekolah Ahli Madya",
        "S-2 Pendidikan",
        "",
        "S.Pd., M.Pd.",
    ),
    (5, "Perawat Terampil", "D-III Keperawatan", "", "A.Md.Kep."),
    (
        5,
        "Perawat Ahli Pertama",
        "S-1 Keperawatan",
        "",
        "S.Kep., Ners",
    ),
    (5, "Dokter Ahli Pertama", "Profesi Dokter", "dr.", ""),
    (5, "Bidan Terampil", "D-III Kebidanan", "", "A.Md.Keb."),
    (
        3,
        "Analis Sumber Daya Manusia Aparatur Ahli Muda",
        "S-1 Administrasi",
        "",
        "S.Sos.",
    ),
    (
        3,
        "Pranata Komputer Ahli Pertama",
        "S-1 Teknik Informatika",
        "",
        "S.Kom.",
    ),
    (2, "Auditor Ahli Muda", "S-1 Akuntansi", "", "S.E., M.Ak."),
    (
        0,
        "Perancang Peraturan Perundang-undangan Ahli Muda",
        "S-1 Hukum",
        "",
        "S.H.",
    ),
    (
        6,
        "Teknik Jalan dan Jembatan Ahli Pertama",
        "S-1 Teknik Sipil",
        "",
        "S.T.",
    ),
    (7, "Polisi Pamong Praja Terampil", "SLTA", "", ""),
];

/// Pelaksana posts, in any agency.
const PELAKSANA_POSTS: &[(&str, &str, &str)] = &[
    ("Pengadministrasi Umum", "SLTA", ""),
    ("Pengelola Keuangan", "S-1 Ekonomi", "S.E."),
    ("Pengolah Data", "D-III Manajemen Informatika", "A.Md."),
    ("Bendahara", "S-1 Akuntansi", "S.Ak."),
    ("Pengemudi", "SLTA", ""),
    ("Analis Kebijakan", "S-1 Ilmu Pemerintahan", "S.IP."),
];

const MEN: &[&str] = &[
    "Ahmad", "Budi", "Rizky", "Hendra", "Agus", "Dedi", "Fajar", "Yudi", "Arif", "Bambang", "Eko",
    "Gilang", "Hadi", "Irwan", "Joko", "Krisna", "Lukman", "Mulyadi", "Nanda", "Rahmat", "Sigit",
    "Taufik", "Wahyu", "Yoga", "Zulkifli", "Andika", "Bayu", "Doni",
];
const WOMEN: &[&str] = &[
    "Ayu", "Dewi", "Fitri", "Indah", "Kartika", "Lestari", "Maya", "Nurul", "Putri", "Ratna",
    "Sari", "Tuti", "Wulan", "Yuni", "Rina", "Siti", "Dian", "Novi", "Erna", "Lina", "Mega",
];
/// Family names: for men, for women, for either.
const FAMILY_MEN: &[&str] = &[
    "Pratama",
    "Kurniawan",
    "Hidayat",
    "Firmansyah",
    "Setiawan",
    "Nugroho",
    "Syahputra",
    "Ramadhan",
    "Saputra",
    "Gunawan",
    "Permana",
];
const FAMILY_WOMEN: &[&str] = &[
    "Anggraini",
    "Fitriani",
    "Rahmawati",
    "Utami",
    "Maharani",
    "Lestari",
    "Wulandari",
    "Saputri",
    "Permatasari",
];
const FAMILY_ANY: &[&str] = &[
    "Wijaya", "Santoso", "Hartono", "Purnama", "Halim", "Susilo", "Anggara", "Siregar", "Lubis",
];
const PLACES: &[&str] = &[
    "Tanjung Seroja",
    "Muara Teduh",
    "Seroja Hulu",
    "Palembang",
    "Jakarta",
    "Bandung",
    "Padang",
    "Jambi",
];

/// The *kedudukan hukum* of row `i` (0-based): a few are not active.
fn legal_status(i: usize) -> &'static str {
    if i % 100 == 42 {
        "Pensiun"
    } else if i % 250 == 77 {
        "Meninggal"
    } else if i % 500 == 123 {
        "Diberhentikan"
    } else if i % 1000 == 311 {
        "Masa Persiapan Pensiun"
    } else {
        "Aktif"
    }
}

/// A cell as CSV writes it: quoted when it holds a comma or a quote.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The golongan a PNS plausibly holds: by structural level, else by
/// education and years since the CPNS start (a step about every four years).
fn golongan(structural_level: Option<u8>, education: &str, years: usize) -> &'static str {
    let steps: &[&str] = match structural_level {
        Some(2) => &["IV/b", "IV/c"],
        Some(3) => &["IV/a", "IV/b"],
        Some(_) => &["III/c", "III/d"],
        None if education.starts_with("SLTA") => {
            &["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"]
        }
        None if education.starts_with("D-III") => &["II/c", "II/d", "III/a", "III/b", "III/c"],
        None => &["III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"],
    };
    let step = if structural_level.is_some() {
        years / 12
    } else {
        years / 4
    };
    steps[step.min(steps.len() - 1)]
}

/// `rows` rows of a SIASN export: first every structural post (with heads),
/// then functional and pelaksana staff; about 1 in 20 active rows a CPNS,
/// and a few retired, deceased, dismissed or in pre-retirement.
pub fn siasn_export(rows: usize) -> SampleExport {
    let mut rng = Dice(0x5EED_0018_0003_2026);
    let mut structural_posts: Vec<(&str, &str, &str)> = Vec::new();
    for a in AGENCIES {
        structural_posts.push((a.name, a.name, a.head));
        for (unit, title) in a.posts {
            structural_posts.push((a.name, unit, title));
        }
    }
    let mut out = HEADERS.join(",") + "\n";
    let mut nips: HashSet<String> = HashSet::new();
    let mut next_post = 0;
    let mut sample = SampleExport {
        csv: String::new(),
        rows,
        inactive_lines: Vec::new(),
        cpns: 0,
        structural: 0,
        agencies: Vec::new(),
    };
    for i in 0..rows {
        let status = legal_status(i);
        let active = status == "Aktif";
        let female = rng.below(5) < 2;
        // What the row holds: a structural post while any is left (active
        // rows only), else a functional or pelaksana post.
        let (agency, unit, position, kind, education, front, back, level) = if active
            && next_post < structural_posts.len()
        {
            let (agency, unit, title) = structural_posts[next_post];
            next_post += 1;
            let level =
                crate::import::eselon::infer(STRUCTURAL, title, false).map_or(4, |e| e.level());
            let back = ["S.Sos., M.Si.", "S.E., M.M.", "S.H., M.H.", "S.T., M.T."][rng.below(4)];
            (
                agency,
                unit,
                title,
                STRUCTURAL,
                "S-2 Administrasi Publik",
                "",
                back,
                Some(level),
            )
        } else if rng.below(3) < 2 {
            let (a, title, education, front, back) =
                FUNCTIONAL_POSTS[rng.below(FUNCTIONAL_POSTS.len())];
            let agency = AGENCIES[a].name;
            let unit = AGENCIES[a].posts.last().map_or(agency, |(u, _)| *u);
            (
                agency, unit, title, FUNCTIONAL, education, front, back, None,
            )
        } else {
            let (title, education, back) = PELAKSANA_POSTS[rng.below(PELAKSANA_POSTS.len())];
            let a = &AGENCIES[rng.below(AGENCIES.len())];
            let unit = a.posts[rng.below(a.posts.len())].0;
            (a.name, unit, title, PELAKSANA, education, "", back, None)
        };
        let cpns = active && level.is_none() && i % 20 == 7;
        // Birth and CPNS start: CPNS joined in 2024; the retired were born
        // before 1966; the rest between 1966 and 1998.
        let birth_year = if cpns {
            1996 + rng.below(6)
        } else if !active && status != "Diberhentikan" {
            1958 + rng.below(8)
        } else if level.is_some() {
            1966 + rng.below(14)
        } else {
            1966 + rng.below(33)
        };
        let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
        let cpns_year = if cpns {
            2024
        } else {
            (birth_year + 22 + rng.below(8)).min(2021)
        };
        let cpns_month = [1, 3, 4, 12][rng.below(4)];
        let sex = if female { 2 } else { 1 };
        let mut serial = 1 + i % 999;
        let nip = loop {
            let nip =
                format!("{birth_year}{month:02}{day:02}{cpns_year}{cpns_month:02}{sex}{serial:03}");
            if nips.insert(nip.clone()) {
                break nip;
            }
            serial = serial % 999 + 1;
        };
        let given = *rng.pick(if female { WOMEN } else { MEN });
        let family = if rng.below(3) == 0 {
            *rng.pick(FAMILY_ANY)
        } else {
            *rng.pick(if female { FAMILY_WOMEN } else { FAMILY_MEN })
        };
        let name = if rng.below(6) == 0 {
            given.to_uppercase()
        } else {
            format!("{} {}", given.to_uppercase(), family.to_uppercase())
        };
        let gol = if cpns {
            if education.starts_with("SLTA") {
                "II/a"
            } else if education.starts_with("D-III") {
                "II/c"
            } else {
                "III/a"
            }
        } else {
            golongan(level, education, 2025 - cpns_year)
        };
        let tmt_gol = if cpns {
            format!("01-{cpns_month:02}-{cpns_year}")
        } else {
            format!("01-04-{}", (cpns_year + 4 + rng.below(4)).min(2025))
        };
        let tmt_jab = format!(
            "{:02}-{:02}-{}",
            1 + rng.below(28),
            1 + rng.below(12),
            2019 + rng.below(6)
        );
        let nip_lama = if cpns_year < 2008 {
            format!("{}", 100_000_000 + rng.below(99_999_999))
        } else {
            String::new()
        };
        let pns_id = format!("{:016x}{:016x}", rng.next(), rng.next());
        let cells = [
            pns_id,
            nip.clone(),
            nip_lama,
            name,
            front.to_string(),
            back.to_string(),
            rng.pick(PLACES).to_string(),
            format!("{day:02}-{month:02}-{birth_year}"),
            if female { "Perempuan" } else { "Laki-laki" }.to_string(),
            gol.to_string(),
            tmt_gol,
            kind.to_string(),
            position.to_string(),
            tmt_jab,
            unit.to_string(),
            "Pemerintah Kab. Tanjung Seroja".to_string(),
            agency.to_string(),
            status.to_string(),
            if cpns { "C" } else { "P" }.to_string(),
            format!("01-{cpns_month:02}-{cpns_year}"),
            education.to_string(),
        ];
        out += &cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
        out.push('\n');
        if !active {
            sample.inactive_lines.push(i + 2);
            continue;
        }
        sample.cpns += usize::from(cpns);
        sample.structural += usize::from(level.is_some());
        if !sample.agencies.iter().any(|a| a == agency) {
            sample.agencies.push(agency.to_string());
        }
    }
    sample.csv = out;
    sample
}
