//! *Pemberitahuan*: the notices that carry an issued circular out — one to
//! each agency head, worded for the rules the circular has (with a picket
//! rule: titled as that agency's roster, which is its lampiran), and
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
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::agency::{Agency, AgencyKind};
use crate::circular::{Annex, Circular, Point};
use crate::employee::Employee;
use crate::error::{Error, Result};
use crate::office::PaperSize;
use crate::paths::file_safe;
use crate::pdf::{Book, Heading};
use crate::rules::{clauses::clauses_citing, Assignment, Engine, Roster, Rules};
use crate::sign::{self, MarkInfo, Progress, SignOptions, Signer};
use crate::words;
use crate::ErrorCode;

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
            ErrorCode::BelumTerbit,
            "circular",
            "Pemberitahuan hanya dapat dicetak untuk surat edaran yang sudah terbit (bernomor dan bertanggal).",
        ));
    }
    let period = engine.circular.period.expect("engine has a period");
    let period = period.phrase();
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
    let rules = engine.rules();
    // The notice has no lampiran of its own exceptions: cite the circular's.
    let rule_points: Vec<Point> = clauses_citing(rules, &[], "lampiran Surat Edaran tersebut")
        .into_iter()
        .map(Point::new)
        .collect();
    let mut out = Vec::new();
    for agency in &engine.workforce.agencies {
        let staff: Vec<&Employee> = people.iter().filter(|e| e.agency_id == agency.id).collect();
        if staff.is_empty() || rules.exempt_by_name(agency).is_some() {
            continue;
        }
        let name = agency.name.trim();
        let slots = duty.remove(&agency.id).unwrap_or_default();
        let on_rotation: std::collections::HashSet<i64> =
            slots.values().flatten().map(|e| e.id).collect();
        // Titled and worded for what it carries: a roster only when there is one.
        let what = if slots.is_empty() {
            "Sistem Kerja Pegawai"
        } else {
            "Jadwal Piket Pegawai"
        };
        let mut doc = notice(c, format!("{what} {name}"), head_of(agency), "Tempat");
        doc.points.push(Point::new(if slots.is_empty() {
            format!(
                "Menindaklanjuti {}, bersama ini disampaikan pengaturan sistem kerja pegawai {name} {period}.",
                citation(c)
            )
        } else {
            format!(
                "Menindaklanjuti {}, bersama ini disampaikan jadwal piket pegawai {name} {period}, sebagaimana tercantum dalam lampiran pemberitahuan ini.",
                citation(c)
            )
        }));
        if !rule_points.is_empty() {
            doc.points.push(Point::with(
                "Ketentuan sistem kerja yang berlaku sebagai berikut:",
                rule_points.clone(),
            ));
        }
        doc.points.extend(own_exceptions(rules, &staff, name));
        doc.points.push(Point::new(match (&rules.picket, on_rotation.len()) {
            (None, _) => "Pegawai yang tidak ditetapkan bekerja di kantor menurut ketentuan tersebut melaksanakan tugas kedinasan dari rumah/tempat tinggal dan tetap dapat dihubungi.".to_string(),
            (Some(_), 0) => format!(
                "Tidak ada pegawai {name} yang dijadwalkan piket; kehadiran di kantor mengikuti ketentuan Surat Edaran tersebut."
            ),
            (Some(_), n) => format!(
                "Selama periode tersebut terdapat {} dan {} pegawai dijadwalkan piket. Pegawai yang tidak dijadwalkan melaksanakan tugas kedinasan dari rumah/tempat tinggal dan tetap dapat dihubungi.",
                words::count(days.len() as u64, "hari kerja"),
                words::count(n as u64, "orang")
            ),
        }));
        doc.points.push(Point::new(if slots.is_empty() {
            format!(
                "{} agar memastikan pelaksanaan ketentuan tersebut di lingkungan {name}.",
                head_of(agency)
            )
        } else {
            format!(
                "{} agar memastikan pegawai yang dijadwalkan hadir di kantor sesuai jadwal dan melaporkan setiap perubahan jadwal.",
                head_of(agency)
            )
        }));
        doc.points.push(Point::new(
            "Demikian disampaikan untuk dilaksanakan dengan penuh tanggung jawab.",
        ));
        if !slots.is_empty() {
            doc.annexes.push(roster_annex(
                &format!("Jadwal Piket Pegawai {name}"),
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

/// The point naming an agency's own people under a personal exception
/// (where the rules keep them, and why), if it has any.
fn own_exceptions(rules: &Rules, staff: &[&Employee], agency: &str) -> Option<Point> {
    let mut named: Vec<Point> = staff
        .iter()
        .filter_map(|e| {
            let nip = e.nip.as_deref()?;
            let x = rules.exceptions.iter().find(|x| x.nip == nip)?;
            let when = match (x.from, x.to) {
                (None, None) => String::new(),
                (from, to) => format!(
                    " {} sampai dengan {}",
                    from.map_or("sejak awal periode".into(), |d| format!(
                        "sejak tanggal {}",
                        words::date(d)
                    )),
                    to.map_or("akhir periode".into(), |d| format!(
                        "tanggal {}",
                        words::date(d)
                    ))
                ),
            };
            Some(Point::new(format!(
                "{}, NIP {nip}: {}{when} karena {};",
                e.full_name(),
                x.placement.label().to_lowercase(),
                x.reason.label()
            )))
        })
        .collect();
    let last = named.last_mut()?;
    last.text = format!("{}.", last.text.trim_end_matches(';'));
    Some(Point::with(
        format!("Pegawai {agency} yang ditetapkan secara perorangan dalam Surat Edaran tersebut:"),
        named,
    ))
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
pub fn roster_pdf(
    engine: &Engine,
    roster: &Roster,
    paper: PaperSize,
    at: DateTime<Utc>,
) -> Result<Vec<u8>> {
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
    let mut book = Book::new(&format!("Lampiran jadwal piket {}", c.subject), paper, at);
    book.add_annex(c, &Heading::SuratEdaran, &annex)?;
    Ok(book.save())
}

/// Where and how [`write`] saves.
pub struct Output<'a> {
    /// The merged PDF for printing; the separate files go into a folder
    /// beside it with the same name (without `.pdf`).
    pub merged: PathBuf,
    pub paper: PaperSize,
    /// When the batch is printed: every file's CreationDate and ModDate.
    pub at: DateTime<Utc>,
    /// Sign every separate file (the merged print copy stays unsigned).
    pub signer: Option<(&'a Signer, SignOptions)>,
}

/// The notices of one circular, ready to be written (gathered by
/// [`Store::notice_batch`](crate::Store::notice_batch)); written without the store.
pub struct NoticeBatch {
    pub(crate) circular_id: i64,
    pub(crate) notices: Vec<Notice>,
    pub(crate) signer: Option<Signer>,
    pub(crate) merged: PathBuf,
    pub(crate) paper: PaperSize,
}

impl NoticeBatch {
    /// Writes the merged PDF and the separate files (signed when a signer
    /// was given), reporting progress; `cancel` stops before the next one.
    pub fn write(&self, cancel: &AtomicBool, progress: impl FnMut(Progress)) -> Result<Written> {
        let place = self
            .notices
            .first()
            .map(|n| n.document.place.trim().to_string())
            .unwrap_or_default();
        let now = Utc::now();
        let out = Output {
            merged: self.merged.clone(),
            paper: self.paper,
            at: now,
            signer: self.signer.as_ref().map(|s| {
                (
                    s,
                    SignOptions {
                        reason: "Pemberitahuan pelaksanaan surat edaran".into(),
                        location: place,
                        time: now,
                        mark: None,
                    },
                )
            }),
        };
        write(&self.notices, &out, cancel, progress)
    }
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
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
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
/// last); setting `cancel` stops before the next one.
///
/// Nothing already on disk is touched: an existing folder or merged file of
/// the output's name is refused up front (it may hold the clerk's own
/// files), and the work goes into a staging folder this batch creates
/// (`<name>.sebagian`, or `<name>.sebagian-2` … when that name is taken),
/// moved into place at the end. On cancel or an error only that staging
/// folder is removed.
pub fn write(
    notices: &[Notice],
    out: &Output,
    cancel: &AtomicBool,
    mut progress: impl FnMut(Progress),
) -> Result<Written> {
    if notices.is_empty() {
        return Err(none_to_print());
    }
    let folder = beside(&out.merged, "");
    refuse_existing(&folder, &out.merged)?;
    let staging = new_staging(&out.merged)?;
    let done =
        write_all(notices, out, &staging, cancel, &mut progress).and_then(|done| match done {
            Some(done) => finish(&staging, &folder, &out.merged).map(|()| Some(done)),
            None => Ok(None),
        });
    if let Ok(Some(_)) = done {
        let total = notices.len() + 1;
        progress(Progress { done: total, total });
    }
    // The staging folder is this batch's own (empty once finished).
    let _ = fs::remove_dir_all(&staging);
    let (files, pages, signed_hashes) = match done? {
        Some((pages, hashes)) => (notices.len(), pages, hashes),
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

fn none_to_print() -> Error {
    Error::invalid(
        ErrorCode::TanpaPemberitahuan,
        "circular",
        "Tidak ada pemberitahuan untuk dicetak: semua perangkat daerah dikecualikan atau tidak memiliki pegawai.",
    )
}

/// Each notice as a Word file (`<file_stem>.docx`) in the new folder
/// `folder`, all or none: an existing folder of that name is refused, as
/// [`write`] refuses, and the files are written into a staging folder
/// beside it that is moved into place at the end (removed on an error).
/// Returns how many were written.
pub fn write_word(notices: &[Notice], folder: &Path, paper: PaperSize) -> Result<usize> {
    if notices.is_empty() {
        return Err(none_to_print());
    }
    refuse_existing(folder, folder)?;
    let staging = new_staging(folder)?;
    let done = notices
        .iter()
        .try_for_each(|n| {
            let bytes = crate::docx::notice(&n.document, &n.heading, paper)?;
            fs::write(staging.join(format!("{}.docx", n.file_stem)), bytes)?;
            Ok(())
        })
        .and_then(|()| {
            refuse_existing(folder, folder)?;
            Ok(fs::rename(&staging, folder)?)
        });
    if done.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    done.map(|()| notices.len())
}

/// Inside the staging folder: the separate files, and the merged PDF.
const STAGED_FILES: &str = "berkas";
const STAGED_MERGED: &str = "gabungan.pdf";

/// Refuses to write where a folder or file of the output's names already
/// is: a batch never replaces or mixes into what it did not create.
fn refuse_existing(folder: &Path, merged: &Path) -> Result<()> {
    let taken = |p: &Path| fs::symlink_metadata(p).is_ok();
    let what = if taken(folder) {
        format!("Folder {}", folder.display())
    } else if taken(merged) {
        format!("Berkas {}", merged.display())
    } else {
        return Ok(());
    };
    Err(Error::invalid(
        ErrorCode::PemberitahuanSudahAda,
        "folder",
        format!(
            "{what} sudah ada; pemberitahuan tidak ditulis agar isinya tidak tertimpa. \
             Pindahkan atau ganti nama yang sudah ada itu, atau pilih folder lain."
        ),
    ))
}

/// Creates the batch's staging folder beside the merged PDF under a name
/// nobody holds yet (`create_dir` fails on an existing one), so removing it
/// later removes only what this batch wrote.
fn new_staging(merged: &Path) -> Result<PathBuf> {
    for n in 1..=100 {
        let suffix = match n {
            1 => ".sebagian".to_string(),
            n => format!(".sebagian-{n}"),
        };
        let path = beside(merged, &suffix);
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::invalid(
        ErrorCode::PemberitahuanSudahAda,
        "folder",
        format!(
            "Terlalu banyak folder sementara {} di folder ini (sisa pencetakan yang terhenti); hapus folder itu lalu coba lagi.",
            beside(merged, ".sebagian*").display()
        ),
    ))
}

/// Moves the finished files from `staging` into place: the folder, then the
/// merged PDF; if the second move fails the folder goes back into staging.
fn finish(staging: &Path, folder: &Path, merged: &Path) -> Result<()> {
    // Something of those names may have appeared while the batch ran.
    refuse_existing(folder, merged)?;
    fs::rename(staging.join(STAGED_FILES), folder)?;
    if let Err(e) = fs::rename(staging.join(STAGED_MERGED), merged) {
        let _ = fs::rename(folder, staging.join(STAGED_FILES));
        return Err(e.into());
    }
    Ok(())
}

/// The work of [`write`], into the staging folder: the merged page count
/// and the signed files' hashes, or `None` when cancelled. Progress counts
/// the separate files; [`write`] reports the last step once all is in place.
///
/// All notices are laid out and serialized once, in one [`Book`]; the
/// separate files are cut from it and signed on every core. Each file's
/// bytes depend only on its notice and the batch, never on which thread
/// saved it.
fn write_all(
    notices: &[Notice],
    out: &Output,
    staging: &Path,
    cancel: &AtomicBool,
    progress: &mut impl FnMut(Progress),
) -> Result<Option<(usize, Vec<String>)>> {
    let total = notices.len() + 1;
    let folder = staging.join(STAGED_FILES);
    fs::create_dir(&folder)?;
    let Some(book) = book(notices, out.paper, out.at, cancel)? else {
        return Ok(None);
    };
    let book = book.bind();
    // Job i is notice i, the last job the merged PDF; a job's result is the
    // signed file's hash, if signed.
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let job = |i: usize| -> Result<Option<String>> {
        let Some(n) = notices.get(i) else {
            fs::write(staging.join(STAGED_MERGED), book.save())?;
            return Ok(None);
        };
        let (bytes, hash) = sealed(n, book.save_document(i), out.signer.as_ref())?;
        fs::write(folder.join(format!("{}.pdf", n.file_stem)), bytes)?;
        Ok(hash)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(total);
    let mut hashes: Vec<Option<String>> = vec![None; notices.len()];
    // The error of the earliest job that failed, as a single thread would meet it.
    let mut error: Option<(usize, Error)> = None;
    std::thread::scope(|scope| {
        let (sender, results) = mpsc::channel();
        for _ in 0..workers {
            let (sender, next, failed, job) = (sender.clone(), &next, &failed, &job);
            scope.spawn(move || {
                while !cancel.load(Ordering::Relaxed) && !failed.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let result = job(i);
                    failed.fetch_or(result.is_err(), Ordering::Relaxed);
                    if sender.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut done = 0;
        for (i, result) in results {
            match result {
                Ok(hash) if i < notices.len() => {
                    hashes[i] = hash;
                    done += 1;
                    progress(Progress { done, total });
                }
                Ok(_) => {}
                Err(e) => {
                    if error.as_ref().is_none_or(|(first, _)| i < *first) {
                        error = Some((i, e));
                    }
                }
            }
        }
    });
    if let Some((_, e)) = error {
        return Err(e);
    }
    if cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    Ok(Some((
        book.page_count(),
        hashes.into_iter().flatten().collect(),
    )))
}

/// A notice's file as written: signed with its mark when a signer is
/// given, with the hash of the unsigned bytes for the register.
fn sealed(
    n: &Notice,
    bytes: Vec<u8>,
    signer: Option<&(&Signer, SignOptions)>,
) -> Result<(Vec<u8>, Option<String>)> {
    let Some((signer, options)) = signer else {
        return Ok((bytes, None));
    };
    let hash = sign::sha256_hex(&bytes);
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
    Ok((sign::sign_pdf(&bytes, signer, &options)?, Some(hash)))
}

/// Every notice laid out in one book, or `None` when `cancel` is set
/// before the last one.
fn book(
    notices: &[Notice],
    paper: PaperSize,
    at: DateTime<Utc>,
    cancel: &AtomicBool,
) -> Result<Option<Book>> {
    let title = match notices.first() {
        Some(n) => format!(
            "Pemberitahuan pelaksanaan Surat Edaran Nomor {}",
            n.document.number.trim()
        ),
        None => "Pemberitahuan".into(),
    };
    let mut book = Book::new(&title, paper, at);
    for n in notices {
        if cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        book.add(&n.document, &n.heading)?;
    }
    Ok(Some(book))
}

/// Every notice in one PDF dated `at`; returns the bytes and the page count.
pub fn merged(notices: &[Notice], paper: PaperSize, at: DateTime<Utc>) -> Result<(Vec<u8>, usize)> {
    let book = book(notices, paper, at, &AtomicBool::new(false))?
        .expect("never cancelled")
        .bind();
    let pages = book.page_count();
    Ok((book.into_bytes(), pages))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(file_stem: &str) -> Notice {
        let mut document = crate::exchange::from_json(include_str!(
            "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        document.number = "800/439/BKPSDM/2020".into();
        document.issued_on = NaiveDate::from_ymd_opt(2020, 5, 12);
        Notice {
            file_stem: file_stem.into(),
            document,
            heading: Heading::Notice("PEMBERITAHUAN".into()),
        }
    }

    /// Every file under `dir` with its contents, sorted.
    fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.push((path.clone(), Vec::new()));
                out.extend(listing(&path));
            } else {
                out.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn every_notice_file_is_dated_when_the_batch_is_printed() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(8, 30, 0)
            .unwrap()
            .and_utc();
        let two = [notice("001 Dinas A"), notice("002 Dinas B")];
        let bound = book(&two, PaperSize::A4, at, &AtomicBool::new(false))
            .unwrap()
            .unwrap()
            .bind();
        for bytes in [bound.save(), bound.save_document(1)] {
            let doc = lopdf::Document::load_mem(&bytes).unwrap();
            let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
            let info = doc.get_dictionary(info).unwrap();
            for key in [b"CreationDate".as_slice(), b"ModDate"] {
                assert_eq!(
                    info.get(key).unwrap().as_str().unwrap(),
                    b"D:20261124083000+00'00'"
                );
            }
        }
    }

    #[test]
    fn notices_as_word_files_go_into_a_new_folder_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Pemberitahuan Word");
        let two = [notice("001 Dinas A"), notice("002 Dinas B")];
        assert_eq!(write_word(&two, &folder, PaperSize::F4).unwrap(), 2);
        let files: Vec<PathBuf> = listing(&folder).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            files,
            [
                folder.join("001 Dinas A.docx"),
                folder.join("002 Dinas B.docx")
            ]
        );
        // Again: the folder is there now, and stays as it was.
        let before = listing(dir.path());
        let e = write_word(&two, &folder, PaperSize::F4).unwrap_err();
        assert!(e.to_string().contains("sudah ada"), "{e}");
        // A notice that cannot be written leaves nothing behind.
        let mut broken = notice("003 Dinas C");
        broken.document.letterhead.emblem = Some(b"\x89PNG rusak".to_vec());
        let other = dir.path().join("Lain");
        let e = write_word(&[notice("001 Dinas A"), broken], &other, PaperSize::F4).unwrap_err();
        assert!(e.to_string().contains("Gambar lambang"), "{e}");
        assert_eq!(listing(dir.path()), before);
        assert!(write_word(&[], &other, PaperSize::F4).is_err());
    }

    #[test]
    fn a_batch_removes_only_what_it_created_and_never_writes_over_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        let picked = dir.path();
        // The clerk's own files: in the picked folder, and in a folder that
        // happens to carry the batch's staging name.
        fs::write(picked.join("catatan.txt"), "milik pengguna").unwrap();
        fs::create_dir(picked.join("Pemberitahuan SE.sebagian")).unwrap();
        fs::write(
            picked.join("Pemberitahuan SE.sebagian/daftar.txt"),
            "milik pengguna",
        )
        .unwrap();
        let before = listing(picked);
        let out = Output {
            merged: picked.join("Pemberitahuan SE.pdf"),
            paper: PaperSize::A4,
            at: DateTime::UNIX_EPOCH,
            signer: None,
        };
        let two = [notice("001 Dinas A"), notice("002 Dinas B")];

        let cancel = AtomicBool::new(false);
        let written = write(&two, &out, &cancel, |p| {
            if p.done == 1 {
                cancel.store(true, Ordering::Relaxed)
            }
        })
        .unwrap();
        assert!(written.cancelled);
        assert_eq!(listing(picked), before, "a cancelled batch");

        cancel.store(false, Ordering::Relaxed);
        let unwritable = [notice("001 Dinas A"), notice("tidak ada/002 Dinas B")];
        let e = write(&unwritable, &out, &cancel, |_| {}).unwrap_err();
        assert_eq!(e.code(), ErrorCode::Berkas);
        assert_eq!(listing(picked), before, "a batch that failed midway");

        let mut seen = 0;
        let written = write(&two, &out, &cancel, |p| seen = p.done).unwrap();
        assert_eq!((written.files, seen), (2, 3));
        assert_eq!(fs::read_dir(&written.folder).unwrap().count(), 2);
        assert!(written.merged.is_file());
        let after = listing(picked);
        assert!(
            before.iter().all(|f| after.contains(f)),
            "the clerk's files stay"
        );
        assert_eq!(after.len(), before.len() + 4, "folder, 2 files, merged PDF");

        // Again into the same place: what is there (the last batch, now with
        // the clerk's notes) is neither replaced nor mixed into.
        fs::write(written.folder.join("catatan.txt"), "milik pengguna").unwrap();
        let before = listing(picked);
        let e = write(&two, &out, &cancel, |_| {}).unwrap_err();
        assert_eq!(e.code(), ErrorCode::PemberitahuanSudahAda);
        assert_eq!(e.field(), Some("folder"));
        assert!(e.to_string().starts_with("Folder "), "{e}");
        assert_eq!(listing(picked), before);
        // A merged file of that name alone is refused too.
        fs::rename(&written.folder, picked.join("lama")).unwrap();
        let before = listing(picked);
        let e = write(&two, &out, &cancel, |_| {}).unwrap_err();
        assert_eq!(e.code(), ErrorCode::PemberitahuanSudahAda);
        assert!(e.to_string().starts_with("Berkas "), "{e}");
        assert_eq!(listing(picked), before);
    }
}
