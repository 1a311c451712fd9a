//! *Pemberitahuan*: the notices that carry an issued circular out — one to
//! each agency head with that agency's roster as its lampiran, and
//! optionally one to each employee on the rotation listing their picket
//! days. A notice has no register number of its own: it cites the
//! circular's number and date, so printing notices never takes a number.
//!
//! [`write`] saves them as separate files (signed when a signer is given)
//! and as one merged PDF for printing, with progress and cancel; nothing is
//! left behind when it stops early.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use serde::Serialize;

use crate::agency::{Agency, AgencyKind};
use crate::circular::{Annex, Circular, Point};
use crate::employee::Employee;
use crate::error::{Error, Result};
use crate::office::PaperSize;
use crate::paths::file_safe;
use crate::pdf::{Book, Heading};
use crate::rules::{clauses::clauses, Assignment, Engine, Roster};
use crate::sign::{self, MarkInfo, Progress, SignOptions, Signer};
use crate::template::period_phrase;
use crate::words;

/// Each on-duty entry of `roster` with its employee.
fn duties<'a>(
    engine: &'a Engine,
    roster: &'a Roster,
) -> impl Iterator<Item = (&'a Assignment, &'a Employee)> {
    roster.on_duty().filter_map(|a| {
        let i = *engine.by_id.get(&a.employee_id)?;
        Some((a, &engine.workforce.employees[i]))
    })
}

/// One notice, ready to print.
#[derive(Debug, Clone)]
pub struct Notice {
    /// File name without extension: `001 Dinas Pendidikan`.
    pub file_stem: String,
    pub document: Circular,
    pub heading: Heading,
}

/// Who is on duty, by day and picket unit.
type Slots<'a> = BTreeMap<(NaiveDate, Option<i64>), Vec<&'a Employee>>;

/// The title of an agency's head as a letter addresses them.
pub fn head_of(agency: &Agency) -> String {
    let name = agency.name.trim();
    match agency.kind {
        AgencyKind::SekretariatDaerah => "Sekretaris Daerah".into(),
        AgencyKind::SekretariatDprd => "Sekretaris DPRD".into(),
        AgencyKind::Inspektorat => "Inspektur".into(),
        AgencyKind::Kecamatan => match name.strip_prefix("Kecamatan ") {
            Some(place) => format!("Camat {place}"),
            None => format!("Camat {name}"),
        },
        AgencyKind::Kelurahan => match name.strip_prefix("Kelurahan ") {
            Some(place) => format!("Lurah {place}"),
            None => format!("Lurah {name}"),
        },
        _ => format!("Kepala {name}"),
    }
}

/// `Surat Edaran Bupati X Nomor … tanggal … tentang …`.
fn citation(c: &Circular) -> String {
    format!(
        "Surat Edaran {} Nomor {} tanggal {} tentang {}",
        c.signature.principal_office.trim(),
        c.number.trim(),
        c.issued_on.map(words::date).unwrap_or_default(),
        c.subject.trim()
    )
}

/// A notice drafted from the circular: same kop, place, date and signer.
fn notice(c: &Circular, subject: String, addressee: String, location: &str) -> Circular {
    Circular {
        subject,
        addressees: vec![addressee],
        addressee_location: location.to_string(),
        points: Vec::new(),
        copies: Vec::new(),
        annexes: Vec::new(),
        rules: Default::default(),
        references: Vec::new(),
        ..c.clone()
    }
}

/// The notices of `engine`'s circular (issued) under `roster`: one per
/// agency the rules bind that has staff, then, when `per_employee`, one per
/// employee with at least one picket day.
pub fn notices(engine: &Engine, roster: &Roster, per_employee: bool) -> Result<Vec<Notice>> {
    let c = &engine.circular;
    if c.number.trim().is_empty() || c.issued_on.is_none() {
        return Err(Error::invalid(
            "belum_terbit",
            "circular",
            "Pemberitahuan hanya dapat dicetak untuk surat edaran yang sudah terbit (bernomor dan bertanggal).",
        ));
    }
    let period = period_phrase(&engine.circular.period.expect("engine has a period"));
    let days = engine.working_days()?;
    let people = &engine.workforce.employees;
    let unit_names: HashMap<i64, String> = engine
        .workforce
        .units
        .iter()
        .map(|u| (u.id, u.name.clone()))
        .collect();
    // agency → (date, unit) → people on duty; employee → their days.
    let mut duty: HashMap<i64, Slots> = HashMap::new();
    let mut days_of: BTreeMap<i64, Vec<NaiveDate>> = BTreeMap::new();
    for (a, e) in duties(engine, roster) {
        duty.entry(e.agency_id)
            .or_default()
            .entry((a.date, a.unit_id))
            .or_default()
            .push(e);
        days_of.entry(e.id).or_default().push(a.date);
    }
    let rule_points: Vec<Point> = clauses(engine.rules())
        .into_iter()
        .map(Point::new)
        .collect();
    let mut out = Vec::new();
    for agency in &engine.workforce.agencies {
        let staff = people.iter().filter(|e| e.agency_id == agency.id).count();
        if staff == 0 || engine.rules().exempt_by_name(agency).is_some() {
            continue;
        }
        let slots = duty.remove(&agency.id).unwrap_or_default();
        let on_rotation: std::collections::HashSet<i64> =
            slots.values().flatten().map(|e| e.id).collect();
        let mut doc = notice(
            c,
            format!("Jadwal Piket Pegawai {}", agency.name.trim()),
            head_of(agency),
            "Tempat",
        );
        doc.points.push(Point::new(format!(
            "Menindaklanjuti {}, bersama ini disampaikan jadwal piket pegawai {} {period}, sebagaimana tercantum dalam lampiran pemberitahuan ini.",
            citation(c),
            agency.name.trim()
        )));
        if !rule_points.is_empty() {
            doc.points.push(Point::with(
                "Ketentuan sistem kerja yang berlaku sebagai berikut:",
                rule_points.clone(),
            ));
        }
        doc.points.push(Point::new(if on_rotation.is_empty() {
            format!(
                "Tidak ada pegawai {} yang dijadwalkan piket; kehadiran di kantor mengikuti ketentuan Surat Edaran tersebut.",
                agency.name.trim()
            )
        } else {
            format!(
                "Selama periode tersebut terdapat {} dan {} pegawai dijadwalkan piket. Pegawai yang tidak dijadwalkan melaksanakan tugas kedinasan dari rumah/tempat tinggal dan tetap dapat dihubungi.",
                words::count(days.len() as u64, "hari kerja"),
                words::count(on_rotation.len() as u64, "orang")
            )
        }));
        doc.points.push(Point::new(format!(
            "{} agar memastikan pegawai yang dijadwalkan hadir di kantor sesuai jadwal dan melaporkan setiap perubahan jadwal.",
            head_of(agency)
        )));
        doc.points.push(Point::new(
            "Demikian disampaikan untuk dilaksanakan dengan penuh tanggung jawab.",
        ));
        if !slots.is_empty() {
            doc.annexes.push(roster_annex(
                &format!("Jadwal Piket Pegawai {}", agency.name.trim()),
                &slots,
                &unit_names,
            ));
        }
        out.push(Notice {
            file_stem: format!("{:03} {}", out.len() + 1, file_safe(&agency.name)),
            document: doc,
            heading: Heading::Notice("PEMBERITAHUAN".into()),
        });
    }
    if per_employee {
        let agencies: HashMap<i64, &Agency> = engine
            .workforce
            .agencies
            .iter()
            .map(|a| (a.id, a))
            .collect();
        let mut ordered: Vec<(&Employee, &Vec<NaiveDate>)> = days_of
            .iter()
            .map(|(id, d)| (&people[engine.by_id[id]], d))
            .collect();
        ordered.sort_by_key(|(e, _)| (e.agency_id, e.unit_id, e.nip.clone(), e.id));
        for (e, dates) in ordered {
            let agency = agencies[&e.agency_id];
            out.push(assignment(c, e, agency, dates, &period, out.len() + 1));
        }
    }
    Ok(out)
}

/// The assignment notice of one employee: their picket days.
fn assignment(
    c: &Circular,
    e: &Employee,
    agency: &Agency,
    dates: &[NaiveDate],
    period: &str,
    n: usize,
) -> Notice {
    let name = e.full_name();
    let mut doc = notice(
        c,
        format!("Tugas Piket {name}"),
        format!("Sdr. {name}"),
        agency.name.trim(),
    );
    let who = match &e.nip {
        Some(nip) => format!("{name}, NIP {nip}"),
        None => name.clone(),
    };
    let place = match &e.unit_name {
        Some(unit) => format!("{unit} {}", agency.name.trim()),
        None => agency.name.trim().to_string(),
    };
    doc.points.push(Point::with(
        format!(
            "Berdasarkan {} dan jadwal piket {}, Saudara {who} ditugaskan melaksanakan piket di kantor {place} pada hari kerja berikut:",
            citation(c),
            agency.name.trim()
        ),
        dates
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let end = if i + 1 == dates.len() { '.' } else { ';' };
                Point::new(format!("{}{end}", words::date_with_weekday(*d)))
            })
            .collect(),
    ));
    doc.points.push(Point::new(format!(
        "Pada hari kerja lainnya {period}, Saudara melaksanakan tugas kedinasan dari rumah/tempat tinggal dan tetap dapat dihubungi."
    )));
    doc.points.push(Point::new(
        "Demikian untuk dilaksanakan dengan penuh tanggung jawab.",
    ));
    Notice {
        file_stem: format!(
            "{n:03} {} {}",
            e.nip.as_deref().unwrap_or("tanpa NIP"),
            file_safe(&name)
        ),
        document: doc,
        heading: Heading::Notice("PEMBERITAHUAN TUGAS PIKET".into()),
    }
}

/// The roster of one agency as a lampiran table: a row per day and unit.
fn roster_annex(title: &str, slots: &Slots, units: &HashMap<i64, String>) -> Annex {
    Annex {
        title: title.to_string(),
        columns: vec![
            "No".into(),
            "Hari, tanggal".into(),
            "Unit kerja".into(),
            "Pegawai piket".into(),
        ],
        widths: vec![0.6, 2.4, 2.6, 4.4],
        rows: slots
            .iter()
            .enumerate()
            .map(|(i, ((date, unit), people))| {
                vec![
                    (i + 1).to_string(),
                    words::date_with_weekday(*date),
                    unit.and_then(|u| units.get(&u).cloned())
                        .unwrap_or_else(|| "-".into()),
                    people
                        .iter()
                        .map(|e| match &e.nip {
                            Some(nip) => format!("{} (NIP {nip})", e.full_name()),
                            None => e.full_name(),
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
    }
}

/// The roster of the whole circular as its lampiran (`edaran roster -o F.pdf`):
/// the circular's own pages are not repeated, only the lampiran.
pub fn roster_pdf(engine: &Engine, roster: &Roster, paper: PaperSize) -> Result<Vec<u8>> {
    let agencies: HashMap<i64, &str> = engine
        .workforce
        .agencies
        .iter()
        .map(|a| match a.short_name.trim() {
            "" => (a.id, a.name.trim()),
            short => (a.id, short),
        })
        .collect();
    // The whole office in one table: each unit named with its agency.
    let units: HashMap<i64, String> = engine
        .workforce
        .units
        .iter()
        .map(|u| {
            let agency = agencies.get(&u.agency_id).copied().unwrap_or_default();
            (u.id, format!("{} {agency}", u.name))
        })
        .collect();
    let mut slots: Slots = BTreeMap::new();
    for (a, e) in duties(engine, roster) {
        slots.entry((a.date, a.unit_id)).or_default().push(e);
    }
    let c = &engine.circular;
    let annex = roster_annex("Jadwal Piket Pegawai", &slots, &units);
    let mut book = Book::new(&format!("Lampiran jadwal piket {}", c.subject), paper);
    book.add_annex(c, &Heading::SuratEdaran, &annex)?;
    Ok(book.save())
}

/// Where and how [`write`] saves.
pub struct Output<'a> {
    /// The merged PDF for printing; the separate files go into a folder
    /// beside it with the same name (without `.pdf`).
    pub merged: PathBuf,
    pub paper: PaperSize,
    /// Sign every separate file (the merged print copy stays unsigned).
    pub signer: Option<(&'a Signer, SignOptions)>,
}

/// `merged`'s name without `.pdf`, plus `suffix`, in the same folder
/// (numbers like `800.1.11` keep their dots).
fn beside(merged: &Path, suffix: &str) -> PathBuf {
    let name = merged
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".pdf").unwrap_or(&name);
    merged.with_file_name(format!("{stem}{suffix}"))
}

/// What [`write`] saved.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    pub folder: PathBuf,
    pub merged: PathBuf,
    pub files: usize,
    pub pages: usize,
    pub signed: bool,
    pub cancelled: bool,
    /// SHA-256 of each unsigned file that was signed (for the register).
    #[serde(skip)]
    pub signed_hashes: Vec<String>,
}

/// All `notices` into one merged PDF (bookmark-free, one after another)
/// and each into its own file. `progress` counts documents (the merged file
/// last); setting `cancel` stops before the next one and removes what was
/// written, as does any error.
pub fn write(
    notices: &[Notice],
    out: &Output,
    cancel: &AtomicBool,
    mut progress: impl FnMut(Progress),
) -> Result<Written> {
    if notices.is_empty() {
        return Err(Error::invalid(
            "tanpa_pemberitahuan",
            "circular",
            "Tidak ada pemberitahuan untuk dicetak: semua perangkat daerah dikecualikan atau tidak memiliki pegawai.",
        ));
    }
    let folder = beside(&out.merged, "");
    let partial = beside(&out.merged, ".sebagian");
    let done = write_all(notices, out, &partial, cancel, &mut progress);
    if !matches!(done, Ok(Some(_))) {
        let _ = fs::remove_dir_all(&partial);
        let _ = fs::remove_file(beside(&out.merged, ".pdf.sebagian"));
    }
    let (files, pages, signed_hashes) = match done? {
        Some((pages, hashes)) => {
            if folder.exists() {
                fs::remove_dir_all(&folder)?;
            }
            fs::rename(&partial, &folder)?;
            (notices.len(), pages, hashes)
        }
        None => (0, 0, Vec::new()),
    };
    Ok(Written {
        folder,
        merged: out.merged.clone(),
        files,
        pages,
        signed: files > 0 && out.signer.is_some(),
        cancelled: files == 0,
        signed_hashes,
    })
}

/// The work of [`write`], the separate files into `partial`: the merged
/// page count and the signed files' hashes, or `None` when cancelled.
fn write_all(
    notices: &[Notice],
    out: &Output,
    partial: &Path,
    cancel: &AtomicBool,
    progress: &mut impl FnMut(Progress),
) -> Result<Option<(usize, Vec<String>)>> {
    let total = notices.len() + 1;
    let _ = fs::remove_dir_all(partial);
    fs::create_dir_all(partial)?;
    let mut signed_hashes = Vec::new();
    for (i, n) in notices.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let mut book = Book::new(&n.document.subject, out.paper);
        book.add(&n.document, &n.heading)?;
        let mut bytes = book.save();
        if let Some((signer, options)) = &out.signer {
            signed_hashes.push(sign::sha256_hex(&bytes));
            let options = SignOptions {
                mark: Some(MarkInfo {
                    number: n.document.number.trim().to_string(),
                    date: n
                        .document
                        .issued_on
                        .expect("notices are of issued circulars"),
                    signer: n.document.signature.name.trim().to_string(),
                }),
                ..options.clone()
            };
            bytes = sign::sign_pdf(&bytes, signer, &options)?;
        }
        fs::write(partial.join(format!("{}.pdf", n.file_stem)), bytes)?;
        progress(Progress { done: i + 1, total });
    }
    if cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let (merged, pages) = merged(notices, out.paper)?;
    let staging = beside(&out.merged, ".pdf.sebagian");
    fs::write(&staging, merged)?;
    fs::rename(&staging, &out.merged)?;
    progress(Progress { done: total, total });
    Ok(Some((pages, signed_hashes)))
}

/// Every notice in one PDF; returns the bytes and the page count.
pub fn merged(notices: &[Notice], paper: PaperSize) -> Result<(Vec<u8>, usize)> {
    let title = match notices.first() {
        Some(n) => format!(
            "Pemberitahuan pelaksanaan Surat Edaran Nomor {}",
            n.document.number.trim()
        ),
        None => "Pemberitahuan".into(),
    };
    let mut book = Book::new(&title, paper);
    for n in notices {
        book.add(&n.document, &n.heading)?;
    }
    let pages = book.page_count();
    Ok((book.save(), pages))
}
