//! Surat edaran (circular) as a document: what it says and who signs it,
//! in the shape the PDF engine lays out and the JSON exchange file carries.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use crate::office::KopKind;
use crate::office::Signatory;
use crate::rules::Rules;
use crate::vocab::vocabulary;
use crate::words;
use crate::ErrorCode;

vocabulary!(
    /// Which template a circular was drafted from.
    CircularKind, "Jenis surat edaran" {
        WfhBaru => "wfh_baru", "WFH baru";
        Perpanjangan => "perpanjangan", "Perpanjangan";
        PenerapanKembali => "penerapan_kembali", "Penerapan kembali";
        Perubahan => "perubahan", "Perubahan";
        Pencabutan => "pencabutan", "Pencabutan / kembali normal";
        Umum => "umum", "Umum";
    }
);

impl CircularKind {
    /// Kinds that set who works where (and so want exemptions or a picket
    /// rule before issue); a revocation or a general circular does not.
    pub fn sets_work_arrangements(self) -> bool {
        matches!(
            self,
            CircularKind::WfhBaru
                | CircularKind::Perpanjangan
                | CircularKind::PenerapanKembali
                | CircularKind::Perubahan
        )
    }
}

vocabulary!(
    /// How the signatory signs: in their own office or for someone else's.
    SigningMode, "Cara penandatanganan" {
        Langsung => "langsung", "Langsung";
        AtasNama => "an", "a.n. (atas nama)";
        UntukBeliau => "ub", "u.b. (untuk beliau)";
        Plt => "plt", "Plt. (pelaksana tugas)";
        Plh => "plh", "Plh. (pelaksana harian)";
        Pj => "pj", "Pj. (penjabat)";
        Wakil => "wakil", "Wakil kepala daerah atas nama kepala daerah";
    }
);

vocabulary!(
    /// Where a circular is in its life: draft → initialled → issued →
    /// superseded or revoked.
    CircularStatus, "Status surat edaran" {
        Draf => "draf", "Draf";
        Diparaf => "diparaf", "Diparaf";
        Terbit => "terbit", "Terbit";
        Diganti => "diganti", "Diganti (diubah)";
        Dicabut => "dicabut", "Dicabut";
        Batal => "batal", "Nomor dibatalkan";
    }
);

impl CircularStatus {
    /// Drafts and initialled drafts may still change; nothing after issue.
    pub fn editable(self) -> bool {
        matches!(self, CircularStatus::Draf | CircularStatus::Diparaf)
    }

    /// What may be done with a circular in this status.
    pub fn actions(self) -> Actions {
        use CircularStatus::*;
        let draft = self.editable();
        Actions {
            initial: self == Draf,
            issue: draft,
            edit: draft,
            edit_withdraws_paraf: self == Diparaf,
            follow_up: self == Terbit,
            locked_reason: match self {
                Draf | Diparaf => None,
                Terbit => Some(
                    "Surat edaran ini sudah terbit: isi, nomor, dan tanggalnya terkunci. \
                     Gunakan “Buat perubahan” atau “Cabut” untuk membuat surat edaran baru yang terhubung."
                        .into(),
                ),
                Diganti => Some(
                    "Surat edaran ini sudah diganti oleh surat edaran perubahan: isinya terkunci dan tidak berlaku lagi."
                        .into(),
                ),
                Dicabut => Some(
                    "Surat edaran ini sudah dicabut: isinya terkunci dan tidak berlaku lagi.".into(),
                ),
                Batal => Some(
                    "Nomor surat edaran ini dibatalkan: isinya terkunci dan tidak berlaku; nomornya tetap tercatat di buku agenda."
                        .into(),
                ),
            },
        }
    }
}

/// What the app offers for a circular, decided here once: the UI shows these
/// buttons and locks, it does not work them out from the status.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct Actions {
    /// *Paraf* (a draft not yet initialled).
    pub initial: bool,
    /// *Terbitkan* with a register number, or *Catat nomor* given elsewhere.
    pub issue: bool,
    /// Change its content and rules, or delete it (a draft, initialled or not).
    pub edit: bool,
    /// Changing it withdraws its paraf: the editor asks first.
    pub edit_withdraws_paraf: bool,
    /// *Perpanjang*, *Buat perubahan*, *Cabut*, *Batalkan nomor*, notices (an issued circular in force).
    pub follow_up: bool,
    /// Why its content is locked (none while it may change).
    pub locked_reason: Option<String>,
}

vocabulary!(
    /// How a circular stands to the earlier one it follows.
    Relation, "Hubungan surat edaran" {
        Perpanjangan => "perpanjangan", "Perpanjangan";
        Perubahan => "perubahan", "Perubahan";
        Pencabutan => "pencabutan", "Pencabutan";
    }
);

/// The kop: emblem, tiered lines in capitals, address lines; laid out as
/// its `kind` says.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(from = "LetterheadFields")]
pub struct Letterhead {
    pub kind: KopKind,
    /// PNG or JPEG bytes of the emblem, base64 in JSON.
    #[serde(with = "base64_bytes", skip_serializing_if = "Option::is_none")]
    #[ts(as = "Option<String>", optional)]
    pub emblem: Option<Vec<u8>>,
    /// `PEMERINTAH KABUPATEN X`, then the office name (or `BUPATI X` alone).
    pub tiers: Vec<String>,
    pub address_lines: Vec<String>,
}

impl Default for Letterhead {
    fn default() -> Letterhead {
        LetterheadFields::default().into()
    }
}

/// A letterhead as read: files written before the kind existed get it
/// from the tiers (one tier, `BUPATI X`, is a head of region's kop).
#[derive(Default, Deserialize)]
#[serde(default)]
struct LetterheadFields {
    kind: Option<KopKind>,
    #[serde(with = "base64_bytes")]
    emblem: Option<Vec<u8>>,
    tiers: Vec<String>,
    address_lines: Vec<String>,
}

impl From<LetterheadFields> for Letterhead {
    fn from(f: LetterheadFields) -> Letterhead {
        let guessed = match f.tiers.len() {
            1 => KopKind::KepalaDaerah,
            _ => KopKind::PerangkatDaerah,
        };
        Letterhead {
            kind: f.kind.unwrap_or(guessed),
            emblem: f.emblem,
            tiers: f.tiers,
            address_lines: f.address_lines,
        }
    }
}

vocabulary!(
    /// A clause the template writes from the circular's facts; the user's
    /// own points carry none.
    Clause, "Butir templat" {
        Dasar => "dasar", "Dasar (rujukan)";
        Masa => "masa", "Masa berlaku";
        Aturan => "aturan", "Pengaturan sistem kerja";
        Penutup => "penutup", "Penutup";
    }
);

/// A numbered point; children are numbered `a.`, then `1)`, then `a)`.
/// An unnumbered point is a plain paragraph (the opening *Menindaklanjuti …*
/// and the closing *Demikian …*): numbering of its siblings skips it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct Point {
    pub text: String,
    pub children: Vec<Point>,
    /// Set while the text is the template's; editing it by hand clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub clause: Option<Clause>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<_>", optional)]
    pub unnumbered: bool,
}

/// The label of item `index` (0-based) at nesting `depth`: `1.`, `a.`, `1)`, `a)`, `(1)`.
pub fn numbering_label(depth: usize, index: usize) -> String {
    let letter = || {
        if index < 26 {
            ((b'a' + index as u8) as char).to_string()
        } else {
            (index + 1).to_string()
        }
    };
    match depth {
        0 => format!("{}.", index + 1),
        1 => format!("{}.", letter()),
        2 => format!("{})", index + 1),
        3 => format!("{})", letter()),
        _ => format!("({})", index + 1),
    }
}

impl Point {
    pub fn new(text: impl Into<String>) -> Point {
        Point::with(text, Vec::new())
    }

    pub fn with(text: impl Into<String>, children: Vec<Point>) -> Point {
        Point {
            text: text.into(),
            children,
            clause: None,
            unnumbered: false,
        }
    }

    /// The labels of `points` as printed: `Some("2.")` for a numbered point
    /// (counting numbered siblings only), `None` for a plain paragraph.
    pub fn labels(points: &[Point], depth: usize) -> Vec<Option<String>> {
        let mut n = 0;
        points
            .iter()
            .map(|p| {
                (!p.unnumbered).then(|| {
                    n += 1;
                    numbering_label(depth, n - 1)
                })
            })
            .collect()
    }

    /// Every point of `points` with its depth and the name messages use
    /// for it (`butir 2. b.`, `paragraf tanpa nomor ke-1`), in document order.
    pub fn named(points: &[Point]) -> Vec<(String, usize, &Point)> {
        fn walk<'a>(
            points: &'a [Point],
            depth: usize,
            path: &str,
            out: &mut Vec<(String, usize, &'a Point)>,
        ) {
            let mut plain = 0;
            for (p, label) in points.iter().zip(Point::labels(points, depth)) {
                let name = match label {
                    Some(label) if path.is_empty() => format!("butir {label}"),
                    Some(label) => format!("{path} {label}"),
                    None => {
                        plain += 1;
                        match path {
                            "" => format!("paragraf tanpa nomor ke-{plain}"),
                            _ => format!("paragraf tanpa nomor ke-{plain} di bawah {path}"),
                        }
                    }
                };
                out.push((name.clone(), depth, p));
                walk(&p.children, depth + 1, &name, out);
            }
        }
        let mut out = Vec::new();
        walk(points, 0, "", &mut out);
        out
    }
}

/// How an open-ended period ends, in the one wording every clause uses.
pub const UNTIL_EVALUATED: &str = "sampai dengan dicabut atau dievaluasi lebih lanjut";

/// The days a circular rules, both ends included; no end means "until
/// evaluated" (*sampai dengan dicabut atau dievaluasi lebih lanjut*).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct Period {
    pub start: NaiveDate,
    #[serde(default)]
    pub end: Option<NaiveDate>,
}

impl Period {
    /// Calendar days from start to end inclusive; `None` when open-ended.
    pub fn days(&self) -> Option<i64> {
        self.end.map(|end| (end - self.start).num_days() + 1)
    }

    /// `selama 14 (empat belas) hari, terhitung mulai tanggal 26 Maret 2020 sampai
    /// dengan tanggal 8 April 2020`, or open-ended: `terhitung mulai tanggal 8 Juni
    /// 2020 sampai dengan dicabut atau dievaluasi lebih lanjut`.
    pub fn phrase(&self) -> String {
        let start = words::date(self.start);
        match (self.end, self.days()) {
            (Some(end), Some(days)) => format!(
                "selama {}, terhitung mulai tanggal {start} sampai dengan tanggal {}",
                words::count(days as u64, "hari"),
                words::date(end)
            ),
            _ => format!("terhitung mulai tanggal {start} {UNTIL_EVALUATED}"),
        }
    }

    /// The latest end a period starting on `start` may have: the same date
    /// a year later (28 February for a start on 29 February).
    pub fn latest_end(start: NaiveDate) -> NaiveDate {
        start
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(NaiveDate::MAX)
    }

    /// An end before the start, or more than a year after it, is refused;
    /// an open end (until evaluated) is not.
    pub fn validate(&self) -> Result<()> {
        let Some(end) = self.end else {
            return Ok(());
        };
        let date = words::date;
        if end < self.start {
            return Err(Error::invalid(
                ErrorCode::PeriodeTerbalik,
                "period",
                format!(
                    "“Sampai dengan” ({}) sebelum “Mulai” ({}); masa berlaku sedikitnya 1 (satu) hari.",
                    date(end),
                    date(self.start)
                ),
            ));
        }
        let latest = Self::latest_end(self.start);
        if end > latest {
            return Err(Error::invalid(
                ErrorCode::PeriodeTerlaluPanjang,
                "period",
                format!(
                    "Masa berlaku paling lama 1 (satu) tahun: mulai {}, “Sampai dengan” paling lambat {} \
                     (bukan {}). Untuk masa yang lebih panjang, terbitkan perpanjangan sebelum masa ini \
                     berakhir, atau pilih “Sampai dievaluasi” ({}).",
                    date(self.start),
                    date(latest),
                    date(end),
                    UNTIL_EVALUATED
                ),
            ));
        }
        Ok(())
    }
}

/// A document the circular follows up: a higher circular, or the earlier
/// circular it extends, amends or revokes (then `circular_id` links it).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct Reference {
    /// `Surat Edaran Menteri PANRB Nomor 19 Tahun 2020 tentang …`
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub circular_id: Option<i64>,
}

/// The signature block under the body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct Signature {
    pub mode: SigningMode,
    /// Office in whose name the circular is issued, e.g. `BUPATI MUSI BANYUASIN`.
    pub principal_office: String,
    /// The signer's own office when signing for the principal (a.n., u.b., wakil).
    #[serde(default)]
    pub signer_office: String,
    /// For u.b.: the office between principal and signer, e.g. `SEKRETARIS DAERAH`.
    #[serde(default)]
    pub intermediate_office: String,
    pub name: String,
    /// `Pembina Utama Muda (IV/c)`; printed only with a NIP.
    #[serde(default)]
    pub rank: String,
    #[serde(default)]
    pub nip: String,
    #[serde(
        default,
        with = "base64_bytes",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(as = "Option<String>", optional)]
    pub signature_image: Option<Vec<u8>>,
    #[serde(
        default,
        with = "base64_bytes",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(as = "Option<String>", optional)]
    pub stamp_image: Option<Vec<u8>>,
}

impl Signature {
    /// The block for `signer` signing in `mode`: in their own office
    /// (langsung), or for the head of region whose office is `head` (a.n.,
    /// wakil, u.b. through `intermediate`, or acting as Plt./Plh./Pj.).
    pub fn by(signer: &Signatory, mode: SigningMode, head: &str, intermediate: &str) -> Signature {
        let own = signer.position_title.trim().to_string();
        let (principal, signer_office) = match mode {
            SigningMode::Langsung => (own, String::new()),
            SigningMode::AtasNama | SigningMode::UntukBeliau | SigningMode::Wakil => {
                (head.trim().to_string(), own)
            }
            SigningMode::Plt | SigningMode::Plh | SigningMode::Pj => {
                (head.trim().to_string(), String::new())
            }
        };
        let titled = [
            signer.front_title.trim(),
            &signer.name.trim().to_uppercase(),
        ]
        .iter()
        .filter(|t| !t.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
        let name = match signer.back_title.trim() {
            "" => titled,
            back => format!("{titled}, {back}"),
        };

        let (rank, nip) = if signer.role.prints_nip() {
            (
                signer
                    .golongan
                    .map(|g| g.pangkat_golongan())
                    .unwrap_or_default(),
                signer.nip.clone().unwrap_or_default(),
            )
        } else {
            Default::default()
        };
        let mut signature = Signature {
            mode,
            principal_office: principal,
            signer_office,
            intermediate_office: if mode == SigningMode::UntukBeliau {
                intermediate.trim().to_string()
            } else {
                String::new()
            },
            name,
            rank,
            nip,
            signature_image: None,
            stamp_image: None,
        };
        if signature.acting() {
            signature.name = signature.printed_name();
            (signature.rank, signature.nip) = Default::default();
        }
        signature
    }

    /// The lines above the signature space, e.g. `a.n. BUPATI X` / `SEKRETARIS DAERAH,`.
    pub fn office_lines(&self) -> Vec<String> {
        let principal = self.principal_office.to_uppercase();
        let signer = self.signer_office.to_uppercase();
        match self.mode {
            SigningMode::Langsung => vec![format!("{principal},")],
            SigningMode::AtasNama | SigningMode::Wakil => {
                vec![format!("a.n. {principal}"), format!("{signer},")]
            }
            SigningMode::UntukBeliau => vec![
                format!("a.n. {principal}"),
                self.intermediate_office.to_uppercase(),
                "u.b.".into(),
                format!("{signer},"),
            ],
            SigningMode::Plt => vec![format!("Plt. {principal},")],
            SigningMode::Plh => vec![format!("Plh. {principal},")],
            SigningMode::Pj => vec![format!("Pj. {principal},")],
        }
    }

    /// Permendagri 1/2023 Pasal 44: an acting head of region (Plt., Plh.,
    /// Pj.) — or an acting Sekda (Pj., Plh., Plt., Pjs. before `SEKRETARIS
    /// DAERAH` in the signer's office) — signs without academic titles,
    /// pangkat or NIP.
    pub fn acting(&self) -> bool {
        let office = self.signer_office.trim().to_uppercase();
        let acting_sekda = ["PJ.", "PJS.", "PLH.", "PLT."]
            .iter()
            .any(|p| office.starts_with(p))
            && office.contains("SEKRETARIS DAERAH");
        self.mode.acting() || (self.mode != SigningMode::Langsung && acting_sekda)
    }

    /// The name as printed: without academic titles when [`Self::acting`],
    /// whatever the form or the exchange file says.
    pub fn printed_name(&self) -> String {
        let name = self.name.trim();
        if self.acting() {
            without_titles(name)
        } else {
            name.to_string()
        }
    }

    /// Whether `signer` is the person this signature names: the names
    /// without titles agree (an acting signer's is printed without them).
    pub fn is_by(&self, signer: &Signatory) -> bool {
        let own = Signature::by(signer, SigningMode::Langsung, "", "").name;
        without_titles(&own).eq_ignore_ascii_case(&without_titles(&self.name))
    }

    /// Pangkat and NIP, printed only when given and not [`Self::acting`].
    pub fn rank_and_nip(&self) -> Option<(&str, &str)> {
        (!self.acting() && !self.nip.trim().is_empty())
            .then_some((self.rank.trim(), self.nip.trim()))
    }
}

impl SigningMode {
    /// Plt., Plh. and Pj. act for the head of region.
    pub fn acting(self) -> bool {
        matches!(self, SigningMode::Plt | SigningMode::Plh | SigningMode::Pj)
    }
}

/// Academic titles written before a name (`Dr.`, `Drs.`, `Ir.`, `Prof.`…).
const FRONT_TITLES: [&str; 8] = ["prof", "dr", "drs", "dra", "ir", "drg", "hc", "h.c"];

/// `name` without academic titles: what follows the first comma (`, S.H.,
/// M.Si.`) and the titles in [`FRONT_TITLES`] before it go; a religious
/// title such as `H.` stays, being no academic title.
pub fn without_titles(name: &str) -> String {
    let before_comma = name.split(',').next().unwrap_or_default();
    let is_title = |word: &str| {
        word.ends_with('.')
            && word
                .split('.')
                .filter(|p| !p.is_empty())
                .all(|p| FRONT_TITLES.contains(&p.trim_matches(['(', ')']).to_lowercase().as_str()))
    };
    before_comma
        .split_whitespace()
        .filter(|w| !is_title(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a lampiran is named: `Lampiran` when it is the only one, else
/// `Lampiran I`, `Lampiran II` … by its place (`index` from 0) among `count`.
pub fn lampiran_label(index: usize, count: usize) -> String {
    if count <= 1 {
        return "Lampiran".into();
    }
    let roman = crate::words::roman(index + 1);
    format!("Lampiran {roman}")
}

/// A table annexed on its own pages (*lampiran*).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct Annex {
    pub title: String,
    pub columns: Vec<String>,
    /// Relative column widths; equal when empty.
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<String>>,
}

/// Everything printed on a circular.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
pub struct Circular {
    pub kind: CircularKind,
    pub letterhead: Letterhead,
    /// Empty until issued.
    #[serde(default)]
    pub number: String,
    pub subject: String,
    /// Whom the arrangement binds, e.g. `Aparatur Sipil Negara di lingkungan
    /// Pemerintah Kabupaten X`; the template's clauses name it.
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub references: Vec<Reference>,
    pub addressees: Vec<String>,
    /// `Tempat` (the default) or e.g. `Sekayu`, printed after `di –`.
    #[serde(default = "default_location")]
    pub addressee_location: String,
    pub points: Vec<Point>,
    pub place: String,
    /// Date of issue; a draft prints without one.
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    pub signature: Signature,
    #[serde(default)]
    pub copies: Vec<String>,
    #[serde(default)]
    pub annexes: Vec<Annex>,
    /// The work-system rules as structured data (statuses, roster, clauses).
    #[serde(default, skip_serializing_if = "Rules::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub rules: Rules,
}

fn default_location() -> String {
    "Tempat".into()
}

/// Longest paragraph accepted: a clause, not a whole document.
pub const MAX_POINT_CHARS: usize = 5_000;

impl Circular {
    /// What the printed circular lacks though it prints: shown in the editor
    /// and the preview, never blocking.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.letterhead.emblem.is_none() {
            let emblem = match self.letterhead.kind {
                KopKind::KepalaDaerah => "lambang negara (Garuda) di tengah kop",
                KopKind::PerangkatDaerah => "lambang daerah di kiri kop",
            };
            warnings.push(format!(
                "Kop belum berlambang: {emblem} tidak tercetak. Pilih gambar lambang di \
                 Pengaturan (Profil Kantor), lalu pilih kop surat ini sekali lagi."
            ));
        }
        warnings
    }

    /// Checks what a clerk can get wrong; the first problem is returned.
    pub fn validate(&self) -> Result<()> {
        let bad = |code, field, message: String| Err(Error::invalid(code, field, message));
        if self.subject.trim().is_empty() {
            return bad(
                ErrorCode::WajibDiisi,
                "subject",
                "Perihal (tentang) surat edaran wajib diisi.".into(),
            );
        }
        if let Some(period) = &self.period {
            period.validate()?;
        }
        if let Some(i) = self
            .references
            .iter()
            .position(|r| r.text.trim().is_empty())
        {
            return bad(
                ErrorCode::BarisKosong,
                "references",
                format!("Rujukan baris {} kosong; isi atau hapus baris itu.", i + 1),
            );
        }
        if self.addressees.is_empty() {
            return bad(
                ErrorCode::WajibDiisi,
                "addressees",
                "Tujuan surat (Yth.) wajib diisi sedikitnya satu.".into(),
            );
        }
        if let Some(i) = self.addressees.iter().position(|a| a.trim().is_empty()) {
            return bad(
                ErrorCode::BarisKosong,
                "addressees",
                format!(
                    "Tujuan surat baris {} kosong; isi atau hapus baris itu.",
                    i + 1
                ),
            );
        }
        if let Some(i) = self.copies.iter().position(|a| a.trim().is_empty()) {
            return bad(
                ErrorCode::BarisKosong,
                "copies",
                format!("Tembusan baris {} kosong; isi atau hapus baris itu.", i + 1),
            );
        }
        if self.points.is_empty() {
            return bad(
                ErrorCode::WajibDiisi,
                "points",
                "Isi surat edaran belum ada; tambahkan sedikitnya satu butir.".into(),
            );
        }
        check_points(&self.points)?;
        self.rules.validate()?;
        if self.place.trim().is_empty() {
            return bad(
                ErrorCode::WajibDiisi,
                "place",
                "Tempat penetapan wajib diisi.".into(),
            );
        }
        if self.signature.name.trim().is_empty()
            || self.signature.principal_office.trim().is_empty()
        {
            return bad(
                ErrorCode::WajibDiisi,
                "signature",
                "Nama dan jabatan penandatangan wajib diisi.".into(),
            );
        }
        let needs_signer = matches!(
            self.signature.mode,
            SigningMode::AtasNama | SigningMode::UntukBeliau | SigningMode::Wakil
        );
        if needs_signer && self.signature.signer_office.trim().is_empty() {
            return bad(
                ErrorCode::WajibDiisi,
                "signature",
                "Penandatanganan a.n./u.b. memerlukan jabatan penanda tangan.".into(),
            );
        }
        if self.signature.mode == SigningMode::UntukBeliau
            && self.signature.intermediate_office.trim().is_empty()
        {
            return bad(
                ErrorCode::WajibDiisi,
                "signature",
                "Penandatanganan u.b. memerlukan jabatan perantara (mis. SEKRETARIS DAERAH)."
                    .into(),
            );
        }
        for (i, annex) in self.annexes.iter().enumerate() {
            if annex.columns.is_empty() {
                return bad(
                    ErrorCode::LampiranKolom,
                    "annexes",
                    format!("Lampiran {} belum memiliki kolom.", i + 1),
                );
            }
            if let Some(r) = annex
                .rows
                .iter()
                .position(|row| row.len() != annex.columns.len())
            {
                return bad(
                    ErrorCode::LampiranBaris,
                    "annexes",
                    format!(
                        "Lampiran {} baris {}: {} sel, padahal ada {} kolom.",
                        i + 1,
                        r + 1,
                        annex.rows[r].len(),
                        annex.columns.len()
                    ),
                );
            }
        }
        Ok(())
    }
}

/// Every point has text of sensible length and at most four levels.
fn check_points(points: &[Point]) -> Result<()> {
    for (name, depth, p) in Point::named(points) {
        let mut name = name;
        if let Some(first) = name.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        if p.text.trim().is_empty() {
            return Err(Error::invalid(
                ErrorCode::ButirKosong,
                "points",
                format!("{name} kosong; isi atau hapus butir itu."),
            ));
        }
        let chars = p.text.chars().count();
        if chars > MAX_POINT_CHARS {
            return Err(Error::invalid(
                ErrorCode::ButirTerlaluPanjang,
                "points",
                format!("{name} terlalu panjang ({chars} karakter, maksimal {MAX_POINT_CHARS}); pecah menjadi beberapa butir."),
            ));
        }
        if depth >= 4 && !p.children.is_empty() {
            return Err(Error::invalid(
                ErrorCode::ButirTerlaluDalam,
                "points",
                format!("{name} terlalu bertingkat (maksimal 4 tingkat)."),
            ));
        }
    }
    Ok(())
}

/// A circular as listed.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct CircularSummary {
    pub id: i64,
    pub kind: CircularKind,
    pub kind_label: &'static str,
    pub status: CircularStatus,
    pub status_label: &'static str,
    /// What may be done with it now (its content changed or not, …) and why
    /// its content is locked: the UI offers what this says, it does not work it out.
    pub actions: Actions,
    pub subject: String,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub parent_id: Option<i64>,
    pub relation: Option<Relation>,
    pub updated_at: String,
    /// The period as written in the document (none while not set).
    pub period: Option<Period>,
    /// The period as lists show it: `30 Mei – 15 Juni 2020`.
    pub period_label: Option<String>,
    /// Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
    pub origin: Option<String>,
    /// Counts every change; an edit based on an older one is refused.
    pub version: i64,
    /// Who saved the draft last (with the workstation on a shared server).
    pub updated_by: String,
}

impl CircularSummary {
    /// `SE 800-439-BKPSDM-2020` or `SE draf 12`: the start of every file
    /// saved for this circular.
    pub fn file_stem(&self) -> String {
        match &self.number {
            Some(n) => format!("SE {}", crate::paths::file_safe(n)),
            None => format!("SE draf {}", self.id),
        }
    }
}

/// Optional binary fields as base64 strings in JSON.
mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(b)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map(Some)
                .map_err(|e| serde::de::Error::custom(format!("bukan base64 yang sah: {e}"))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::SignatoryRole;

    #[test]
    fn a_letterhead_without_a_kind_takes_it_from_its_tiers_and_keeps_it_once_written() {
        let read = |json: &str| serde_json::from_str::<Letterhead>(json).unwrap().kind;
        assert_eq!(read(r#"{"tiers": ["BUPATI X"]}"#), KopKind::KepalaDaerah);
        assert_eq!(
            read(
                r#"{"tiers": ["PEMERINTAH KABUPATEN X", "DINAS Y"], "address_lines": ["Jalan Z"]}"#
            ),
            KopKind::PerangkatDaerah
        );
        let office_kop_of_one_tier = Letterhead {
            kind: KopKind::PerangkatDaerah,
            tiers: vec!["DINAS Y".into()],
            ..Default::default()
        };
        let json = serde_json::to_string(&office_kop_of_one_tier).unwrap();
        assert!(json.contains(r#""kind":"perangkat_daerah""#));
        assert_eq!(read(&json), KopKind::PerangkatDaerah);
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_period_is_spelled_out_with_indonesian_dates_and_counted_days() {
        let p = Period {
            start: day(2020, 3, 26),
            end: Some(day(2020, 4, 8)),
        };
        assert_eq!(
            p.phrase(),
            "selama 14 (empat belas) hari, terhitung mulai tanggal 26 Maret 2020 sampai dengan tanggal 8 April 2020"
        );
        let open = Period {
            start: day(2020, 3, 16),
            end: None,
        };
        assert_eq!(
            open.phrase(),
            "terhitung mulai tanggal 16 Maret 2020 sampai dengan dicabut atau dievaluasi lebih lanjut"
        );
    }

    fn period(start: NaiveDate, end: Option<NaiveDate>) -> Result<()> {
        Period { start, end }.validate()
    }

    #[test]
    fn a_period_runs_forward_for_at_most_a_year_or_stays_open() {
        assert!(period(day(2020, 5, 13), Some(day(2020, 5, 13))).is_ok());
        assert!(period(day(2020, 5, 13), None).is_ok(), "until evaluated");
        assert!(period(day(2020, 1, 1), Some(day(2020, 12, 31))).is_ok());
        // Up to the same date a year later (across 29 February too).
        assert!(period(day(2020, 2, 1), Some(day(2021, 2, 1))).is_ok());
        let e = period(day(2020, 2, 1), Some(day(2021, 2, 2))).unwrap_err();
        assert_eq!(e.code(), ErrorCode::PeriodeTerlaluPanjang);
        assert_eq!(e.field(), Some("period"));
        assert_eq!(
            e.to_string(),
            "Masa berlaku paling lama 1 (satu) tahun: mulai 1 Februari 2020, “Sampai dengan” \
             paling lambat 1 Februari 2021 (bukan 2 Februari 2021). Untuk masa yang lebih \
             panjang, terbitkan perpanjangan sebelum masa ini berakhir, atau pilih “Sampai \
             dievaluasi” (sampai dengan dicabut atau dievaluasi lebih lanjut)."
        );
        assert!(period(day(2020, 2, 29), Some(day(2021, 2, 28))).is_ok());
        assert!(period(day(2020, 2, 29), Some(day(2021, 3, 1))).is_err());
        let e = period(day(2020, 5, 13), Some(day(2020, 5, 12))).unwrap_err();
        assert_eq!(e.code(), ErrorCode::PeriodeTerbalik);
        assert_eq!(e.field(), Some("period"));
    }

    fn signatory(role: SignatoryRole, office: &str) -> Signatory {
        Signatory {
            id: 1,
            role,
            name: "Ahmad Rivai".into(),
            front_title: "Dr. H.".into(),
            back_title: "S.H., M.Si.".into(),
            position_title: office.into(),
            nip: Some("196805121990031004".into()),
            golongan: None,
            active: true,
            kop: role.usual_kop(),
        }
    }

    #[test]
    fn acting_heads_and_acting_sekda_sign_without_titles_pangkat_or_nip() {
        use crate::office::SignatoryRole as R;
        let head = "BUPATI TANJUNG SEROJA";
        let own = Signature::by(
            &signatory(R::KepalaDaerah, head),
            SigningMode::Langsung,
            head,
            "",
        );
        assert_eq!(own.printed_name(), "Dr. H. AHMAD RIVAI, S.H., M.Si.");
        for mode in [SigningMode::Plt, SigningMode::Plh, SigningMode::Pj] {
            let s = Signature::by(&signatory(R::Sekda, "SEKRETARIS DAERAH"), mode, head, "");
            assert_eq!(s.name, "H. AHMAD RIVAI", "{mode:?}");
            assert_eq!(s.rank_and_nip(), None);
            // Still recognised as the same person, whose certificate may sign.
            assert!(
                s.is_by(&signatory(R::Sekda, "SEKRETARIS DAERAH")),
                "{mode:?}"
            );
            let mut other = signatory(R::Sekda, "SEKRETARIS DAERAH");
            other.name = "Ahmad Rivai Lubis".into();
            assert!(!s.is_by(&other), "{mode:?}");
        }
        assert!(own.is_by(&signatory(R::KepalaDaerah, head)));
        // An acting Sekda signing a.n. the head of region.
        let mut s = Signature::by(
            &signatory(R::KepalaPerangkatDaerah, "Plh. Sekretaris Daerah"),
            SigningMode::AtasNama,
            head,
            "",
        );
        assert_eq!(
            (s.name.as_str(), s.rank_and_nip()),
            ("H. AHMAD RIVAI", None)
        );
        // A JSON file cannot print what Pasal 44 forbids.
        s.name = "Prof. Dr. Ir. H. Budi Santoso, M.T.".into();
        s.nip = "196805121990031004".into();
        assert_eq!(s.printed_name(), "H. Budi Santoso");
        assert_eq!(s.rank_and_nip(), None);
        // A Plt. head of an office is no head of region: pangkat and NIP stay.
        let office = Signature::by(
            &signatory(R::KepalaPerangkatDaerah, "Plt. Kepala BKPSDM"),
            SigningMode::AtasNama,
            head,
            "",
        );
        assert!(!office.acting());
        assert_eq!(
            office.rank_and_nip().map(|r| r.1),
            Some("196805121990031004")
        );
    }

    #[test]
    fn several_lampiran_are_numbered_in_roman_numerals() {
        assert_eq!(lampiran_label(0, 1), "Lampiran");
        assert_eq!(lampiran_label(0, 2), "Lampiran I");
        assert_eq!(lampiran_label(3, 14), "Lampiran IV");
        assert_eq!(lampiran_label(13, 14), "Lampiran XIV");
    }

    #[test]
    fn unnumbered_paragraphs_are_skipped_by_the_numbering_and_named_in_messages() {
        let plain = |t: &str| Point {
            unnumbered: true,
            ..Point::new(t)
        };
        let points = vec![
            plain("Menindaklanjuti …"),
            Point::with("Satu", vec![Point::new("a"), plain("catatan")]),
            Point::new("Dua"),
            plain("Demikian …"),
        ];
        let labels = Point::labels(&points, 0);
        assert_eq!(labels, [None, Some("1.".into()), Some("2.".into()), None]);
        let names: Vec<String> = Point::named(&points).into_iter().map(|n| n.0).collect();
        assert_eq!(
            names,
            [
                "paragraf tanpa nomor ke-1",
                "butir 1.",
                "butir 1. a.",
                "paragraf tanpa nomor ke-1 di bawah butir 1.",
                "butir 2.",
                "paragraf tanpa nomor ke-2"
            ]
        );
    }

    #[test]
    fn the_seed_circulars_periods_pass() {
        for json in [
            include_str!("../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"),
            include_str!("../../../tests/fixtures/pandeglang-800-2688-bkd-2020.json"),
            include_str!("../../../tests/fixtures/sumsel-2020-03.json"),
        ] {
            let c = crate::exchange::from_json(json).unwrap();
            assert!(c.period.is_some());
            c.validate().unwrap();
            let too_long = Circular {
                period: c.period.map(|p| Period {
                    end: Some(p.start + chrono::Days::new(400)),
                    ..p
                }),
                ..c
            };
            assert_eq!(
                too_long.validate().unwrap_err().code(),
                ErrorCode::PeriodeTerlaluPanjang
            );
        }
    }
}
