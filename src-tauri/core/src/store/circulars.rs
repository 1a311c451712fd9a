//! Circulars, the outgoing-letter registers (*buku agenda surat keluar*)
//! and the audit trail in the store. Numbers are allocated at issue, per
//! register and year, inside one `BEGIN IMMEDIATE` transaction, so
//! concurrent issuers (threads or processes) get distinct consecutive
//! numbers; a number given elsewhere is *recorded* instead. Issued rows are
//! frozen by triggers as well as by these checks.

use crate::db::params;
use crate::db::Row;
use crate::error::OptionalExtension;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::trash::{Deleted, Removed};
use super::{like_pattern, Store};
use crate::circular::{Circular, CircularKind, CircularStatus, CircularSummary, Period, Relation};
use crate::error::{Error, ErrorReport, Result};
use crate::numbering::NumberParts;
use crate::office::PaperSize;
use crate::pdf::Preview;
use crate::register::{Register, RegisterEntry};
use crate::ErrorCode;

/// A circular with its document.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CircularRecord {
    #[serde(flatten)]
    pub summary: CircularSummary,
    pub document: Circular,
    /// The stored signatory its signature names ([`crate::circular::Signature::is_by`]),
    /// whom the form shows as chosen.
    pub signatory_id: Option<i64>,
}

/// What one edit gives back ([`Store::edit_draft`]): the draft as stored and its preview.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Edited {
    #[serde(flatten)]
    pub record: CircularRecord,
    pub preview: Option<Preview>,
    /// Why no preview could be drawn (the draft is saved all the same).
    pub preview_error: Option<ErrorReport>,
}

/// How a draft is issued: its date, the register that numbers it (the
/// office's own when `None`), the classification code of this letter when
/// not the register's, and why, if so, it is dated before that register's
/// last entry.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Issue {
    pub date: NaiveDate,
    #[serde(default)]
    pub register_id: Option<i64>,
    #[serde(default)]
    pub classification: Option<String>,
    #[serde(default)]
    pub backdate_reason: String,
}

impl Issue {
    /// On `date` in the office's own register.
    pub fn on(date: NaiveDate) -> Issue {
        Issue {
            date,
            register_id: None,
            classification: None,
            backdate_reason: String::new(),
        }
    }
}

/// A number given by another register or office, recorded with its date.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct Recording {
    pub number: String,
    pub date: NaiveDate,
    /// The register it belongs to (the office's own when `None`).
    #[serde(default)]
    pub register_id: Option<i64>,
}

/// The register line a circular's number takes.
struct Entry {
    register: Register,
    sequence: Option<u32>,
    number: String,
    date: NaiveDate,
    kind: &'static str,
    note: String,
}

/// One recorded transition.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct AuditEntry {
    pub action: String,
    pub actor: String,
    pub at: String,
    pub detail: String,
    /// `user@workstation` on a shared server; empty on this computer's file.
    pub station: String,
}

/// The columns [`summary`] reads, in its order, from `circular c`; queries
/// append their own columns after them, from index [`SUMMARY_WIDTH`] on.
pub(super) const SUMMARY_COLUMNS: &str =
    "c.id, c.kind, c.status, c.subject, c.number, c.issued_on, \
     c.parent_id, c.relation, c.updated_at, c.period_start, c.period_end, \
     (SELECT p.number FROM circular p WHERE p.id = c.parent_id), c.version, c.updated_by";
pub(super) const SUMMARY_WIDTH: usize = 14;

pub(super) fn summary(r: &Row) -> Result<CircularSummary> {
    let kind: CircularKind = r.get(1)?;
    let status: CircularStatus = r.get(2)?;
    let (start, end): (Option<NaiveDate>, Option<NaiveDate>) = (r.get(9)?, r.get(10)?);
    let relation: Option<Relation> = r.get(7)?;
    let parent_number: Option<String> = r.get(11)?;
    Ok(CircularSummary {
        id: r.get(0)?,
        kind,
        kind_label: kind.label(),
        status,
        status_label: status.label(),
        actions: status.actions(),
        subject: r.get(3)?,
        number: r.get(4)?,
        issued_on: r.get(5)?,
        parent_id: r.get(6)?,
        relation,
        updated_at: r.get(8)?,
        period: start.map(|start| Period { start, end }),
        period_label: start.map(|start| crate::words::span(start, end)),
        origin: relation.map(|relation| origin(relation, parent_number.as_deref())),
        version: r.get(12)?,
        updated_by: r.get(13)?,
    })
}

/// `Perpanjangan dari 800/439/BKPSDM/2020` (`… dari surat edaran tanpa nomor`
/// when the earlier one has none).
fn origin(relation: Relation, parent_number: Option<&str>) -> String {
    let parent = parent_number.unwrap_or("surat edaran tanpa nomor");
    format!("{} dari {parent}", relation.label())
}

/// The period as stored beside the document, for queries over many circulars.
fn period_columns(doc: &Circular) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (doc.period.map(|p| p.start), doc.period.and_then(|p| p.end))
}

const ENTRY_SELECT: &str =
    "SELECT e.register_id, r.name, e.year, e.sequence, e.number, e.circular_id, e.subject,
            e.issued_on, e.kind, e.status, e.note
     FROM register_entry e JOIN register r ON r.id = e.register_id";

fn entry_row(r: &Row) -> Result<RegisterEntry> {
    let (kind, status): (String, String) = (r.get(8)?, r.get(9)?);
    Ok(RegisterEntry {
        status_label: crate::register::status_label(&kind, &status),
        register_id: r.get(0)?,
        register_name: r.get(1)?,
        year: r.get(2)?,
        sequence: r.get(3)?,
        number: r.get(4)?,
        circular_id: r.get(5)?,
        subject: r.get(6)?,
        issued_on: r.get(7)?,
        kind,
        status,
        note: r.get(10)?,
    })
}

/// What fills a register's template on `date` for a letter classified `classification`.
fn parts<'a>(
    register: &'a Register,
    classification: &'a str,
    sequence: u32,
    date: NaiveDate,
) -> NumberParts<'a> {
    NumberParts {
        classification,
        sequence,
        unit: &register.unit_code,
        year: date.year(),
        month: date.month(),
    }
}

/// The dotted code a number starts with (`800.1.11` of `800.1.11/12/BKD/2026`).
fn leading_code(number: &str) -> &str {
    let end = number
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(number.len());
    number[..end].trim_end_matches('.')
}

pub(super) fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

pub(super) fn frozen(s: &CircularSummary) -> Error {
    Error::Refused {
        code: ErrorCode::SuratEdaranTerbit,
        message: format!(
            "Surat edaran {} sudah {} dan tidak dapat diubah; buat perubahan atau pencabutan sebagai surat edaran baru.",
            s.number.as_deref().unwrap_or("ini"),
            s.status.label().to_lowercase()
        ),
    }
}

impl Store {
    pub fn circulars(&self) -> Result<Vec<CircularSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM circular c ORDER BY c.id DESC"
        ))?;
        let rows = stmt.query_map([], summary)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    /// A circular's record: its summary, its document and the stored
    /// signatory its signature names (the first active one, then any).
    fn with_signatory(
        &self,
        summary: CircularSummary,
        document: Circular,
    ) -> Result<CircularRecord> {
        let mut named: Vec<_> = self
            .signatories()?
            .into_iter()
            .filter(|s| document.signature.is_by(s))
            .collect();
        named.sort_by_key(|s| !s.active);
        let signatory_id = named.first().map(|s| s.id);
        Ok(CircularRecord {
            summary,
            document,
            signatory_id,
        })
    }

    pub fn circular(&self, id: i64) -> Result<CircularRecord> {
        self.conn
            .query_row(
                &format!("SELECT {SUMMARY_COLUMNS}, c.document FROM circular c WHERE c.id = ?1"),
                [id],
                |r| {
                    let text: String = r.get(SUMMARY_WIDTH)?;
                    Ok((summary(r)?, text))
                },
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Surat edaran dengan id {id}")))
            .and_then(|(summary, text)| {
                let document = serde_json::from_str(&text).map_err(|e| Error::Refused {
                    code: ErrorCode::DokumenRusak,
                    message: format!("Isi surat edaran {id} di basis data tidak terbaca: {e}"),
                })?;
                self.with_signatory(summary, document)
            })
    }

    /// Saves a new draft (it may still be incomplete) and returns its id.
    pub fn create_circular(&mut self, doc: &Circular, actor: &str) -> Result<i64> {
        self.in_transaction(|store| {
            let id = store.insert_draft(doc, None, None)?;
            store.log(id, "dibuat", actor, "")?;
            Ok(id)
        })
    }

    pub(super) fn insert_draft(
        &mut self,
        doc: &Circular,
        parent: Option<i64>,
        relation: Option<Relation>,
    ) -> Result<i64> {
        self.check_references(doc)?;
        let mut doc = doc.clone();
        doc.number.clear();
        doc.issued_on = None;
        let (start, end) = period_columns(&doc);
        Ok(self.conn.insert(
            "INSERT INTO circular (kind, status, subject, document, parent_id, relation, updated_at, period_start, period_end, scope)
             VALUES (?1, 'draf', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![doc.kind, doc.subject, serde_json::to_string(&doc).expect("serialisable"), parent, relation, now(), start, end, doc.scope],
        )?)
    }

    /// Autosave of a draft. Changing an initialled draft withdraws the initial.
    /// A draft may be incomplete, but never with a period the lists, tracking
    /// and rosters cannot read (ending before it starts, or over a year).
    /// Returns the draft as now listed (its status after a withdrawn paraf).
    pub fn save_draft(&mut self, id: i64, doc: &Circular, actor: &str) -> Result<CircularSummary> {
        if let Some(period) = &doc.period {
            period.validate()?;
        }
        self.in_transaction(|store| {
            let current = store.circular(id)?.summary;
            if !current.status.editable() {
                return Err(frozen(&current));
            }
            store.check_references(doc)?;
            let (start, end) = period_columns(doc);
            let by = match store.conn.session() {
                Some(station) => format!("{} ({station})", actor.trim()),
                None => actor.trim().to_string(),
            };
            store.conn.execute(
                "UPDATE circular SET kind = ?2, subject = ?3, document = ?4, status = 'draf', updated_at = ?5,
                 period_start = ?6, period_end = ?7, scope = ?8, updated_by = ?9 WHERE id = ?1",
                params![id, doc.kind, doc.subject, serde_json::to_string(doc).expect("serialisable"), now(), start, end, doc.scope, by],
            )?;
            if current.status == CircularStatus::Diparaf {
                store.log(id, "paraf dibatalkan", actor, "isi berubah setelah diparaf")?;
            }
            Ok(store.circular(id)?.summary)
        })
    }

    /// Refuses a save based on `base`, an older version of circular `id`
    /// than the stored one (another workstation saved meanwhile), naming
    /// who and when; the clerk's text stays on screen to compare.
    /// On every edit's path: reads the three columns it needs, not the record.
    fn check_version(&self, id: i64, base: i64) -> Result<()> {
        let (version, updated_by, updated_at): (i64, String, String) = self
            .conn
            .query_row(
                "SELECT version, updated_by, updated_at FROM circular WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Surat edaran dengan id {id}")))?;
        if version == base {
            return Ok(());
        }
        let who = match updated_by.trim() {
            "" => "petugas lain".to_string(),
            name => name.to_string(),
        };
        let when = chrono::NaiveDateTime::parse_from_str(&updated_at, "%Y-%m-%d %H:%M:%S")
            .map(|at| {
                format!(
                    "{} pukul {}",
                    crate::words::date(at.date()),
                    at.format("%H.%M")
                )
            })
            .unwrap_or(updated_at);
        Err(Error::Refused {
            code: ErrorCode::DiubahDiTempatLain,
            message: format!(
                "Draf ini sudah diubah oleh {who} pada {when} sesudah Anda membukanya (di jendela atau komputer lain). Isian Anda belum disimpan dan tetap di layar untuk dibandingkan: muat versi terbaru, atau timpa dengan isian Anda."
            ),
        })
    }

    /// One edit in the editor, in one call: the draft's template clauses
    /// rewritten for its facts, stored, and drawn on `paper` (at most
    /// `max_pages`). A draft that cannot be drawn yet is saved all the same,
    /// with the reason in place of the preview.
    pub fn edit_draft(
        &mut self,
        id: i64,
        doc: &Circular,
        base_version: Option<i64>,
        paper: PaperSize,
        max_pages: usize,
        actor: &str,
    ) -> Result<Edited> {
        let mut document = doc.clone();
        crate::template::refresh(&mut document);
        let summary = self.in_transaction(|store| {
            if let Some(base) = base_version {
                store.check_version(id, base)?;
            }
            store.save_draft(id, &document, actor)
        })?;
        let (preview, preview_error) = match self.circular_preview(&document, paper, max_pages) {
            Ok(preview) => (Some(preview), None),
            Err(e) => (None, Some(ErrorReport::from(&e))),
        };
        Ok(Edited {
            record: self.with_signatory(summary, document)?,
            preview,
            preview_error,
        })
    }

    /// A verifier initials a complete draft (*paraf*).
    pub fn initial(&mut self, id: i64, verifier: &str) -> Result<()> {
        self.in_transaction(|store| {
            let record = store.circular(id)?;
            if record.summary.status != CircularStatus::Draf {
                return Err(Error::Refused {
                    code: ErrorCode::BukanDraf,
                    message: format!(
                        "Hanya draf yang dapat diparaf; status surat edaran ini {}.",
                        record.summary.status.label()
                    ),
                });
            }
            record.document.validate()?;
            store.set_status(id, CircularStatus::Diparaf)?;
            store.log(id, "diparaf", verifier, "")
        })
    }

    /// Issues a draft: allocates the next number of the date's year in the
    /// chosen register, freezes the circular, and supersedes or revokes the
    /// one it amends or revokes. A date before the register's last entry
    /// needs a reason, kept in the entry's note and the audit log. Returns the number.
    pub fn issue(&mut self, id: i64, issue: &Issue, actor: &str) -> Result<String> {
        self.in_transaction(|store| {
            // Workstations sharing a server see each other's issue of this
            // draft, and take the register's next number one after another
            // (the register's row locked only from its last entry on, so
            // the wait is short). Circular first, then register, everywhere.
            store.conn.lock("circular", id)?;
            let record = store.publishable(id)?;
            let register = store.register_by_id(issue.register_id)?;
            if register.id == crate::register::OWN && store.office()?.is_none() {
                return Err(Error::Refused {
                    code: ErrorCode::ProfilBelumAda,
                    message: "Isi profil kantor (templat nomor) di Pengaturan sebelum menerbitkan surat edaran.".into(),
                });
            }
            let template = register.template()?;
            let classification = match &issue.classification {
                Some(code) if !code.trim().is_empty() => {
                    crate::classification::checked(code, "classification")?
                }
                _ => register.classification.clone(),
            };
            let date = issue.date;
            store.conn.lock("register", register.id)?;
            let note = store.backdating(&register, date, &issue.backdate_reason)?;
            let year = date.year();
            let mut sequence: u32 = store.conn.query_row(
                "SELECT coalesce(max(sequence), 0) + 1 FROM register_entry WHERE register_id = ?1 AND year = ?2",
                params![register.id, year],
                |r| r.get(0),
            )?;
            let number = loop {
                let number = template.render(&parts(&register, &classification, sequence, date));
                // A number recorded here outside the sequence is never given twice.
                if store.entry_numbered(register.id, &number)?.is_none() {
                    break number;
                }
                sequence += 1;
            };
            let entry = Entry { register, sequence: Some(sequence), number, date, kind: "terbit", note };
            store.publish(record, entry, actor)
        })
    }

    /// Records draft `id` as numbered `recording.number` on its date by a
    /// register or office other than this issue: frozen, in force and cited
    /// like one issued here. The number must be new in its register; it
    /// takes a sequence (and so moves the register's next number) only when
    /// it is exactly the register's own pattern for its date.
    pub fn record(&mut self, id: i64, recording: &Recording, actor: &str) -> Result<String> {
        self.in_transaction(|store| store.record_in(id, recording, "dicatat", actor))
    }

    /// Imports an exchange-file circular and records its number, in one transaction.
    pub fn record_imported(
        &mut self,
        doc: &Circular,
        recording: &Recording,
        actor: &str,
    ) -> Result<i64> {
        self.in_transaction(|store| {
            let id = store.insert_draft(doc, None, None)?;
            store.log(id, "diimpor", actor, "")?;
            store.record_in(id, recording, "dicatat", actor)?;
            Ok(id)
        })
    }

    /// [`Store::record`] inside a transaction, as an entry of `kind`
    /// (`dicatat`, or `srikandi` from [`Store::record_from_srikandi`]).
    pub(super) fn record_in(
        &mut self,
        id: i64,
        recording: &Recording,
        kind: &'static str,
        actor: &str,
    ) -> Result<String> {
        self.conn.lock("circular", id)?;
        self.conn.lock(
            "register",
            recording.register_id.unwrap_or(crate::register::OWN),
        )?;
        let record = self.publishable(id)?;
        let number = recording.number.trim().to_string();
        if number.is_empty() {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
                "number",
                "Nomor surat edaran yang dicatat wajib diisi, mis. 061/412/ORG.",
            ));
        }
        let register = self.register_by_id(recording.register_id)?;
        if let Some(existing) = self.entry_numbered(register.id, &number)? {
            return Err(Error::invalid(
                ErrorCode::NomorSudahAda,
                "number",
                format!(
                    "Nomor {} sudah ada di buku agenda {}: {}, tanggal {}.",
                    existing.number,
                    register.name,
                    existing.subject,
                    crate::words::date(existing.issued_on)
                ),
            ));
        }
        let date = recording.date;
        let sequence = match register.template() {
            // The register's code, else the code the number starts with.
            Ok(template) => [register.classification.as_str(), leading_code(&number)]
                .into_iter()
                .find_map(|code| template.sequence_in(&number, &parts(&register, code, 0, date))),
            Err(_) => None,
        };
        let sequence = match sequence {
            Some(s) if !self.sequence_taken(register.id, date.year(), s)? => Some(s),
            _ => None,
        };
        let entry = Entry {
            register,
            sequence,
            number,
            date,
            kind,
            note: String::new(),
        };
        self.publish(record, entry, actor)
    }

    /// A draft that can take a number now.
    fn publishable(&self, id: i64) -> Result<CircularRecord> {
        let record = self.circular(id)?;
        if !record.summary.status.editable() {
            return Err(frozen(&record.summary));
        }
        record.document.validate()?;
        // The office may have changed since the rules were saved.
        if !record.document.rules.is_empty() {
            self.fit_rules(record.document.rules.clone())?;
        }
        Ok(record)
    }

    /// The note a backdated issue carries, or a refusal naming the
    /// register's last entry when no reason is given.
    fn backdating(&self, register: &Register, date: NaiveDate, reason: &str) -> Result<String> {
        let last: Option<(String, NaiveDate)> = self
            .conn
            .query_row(
                "SELECT number, issued_on FROM register_entry
                 WHERE register_id = ?1 AND sequence IS NOT NULL ORDER BY issued_on DESC, id DESC LIMIT 1",
                [register.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((number, last_date)) = last.filter(|(_, d)| date < *d) else {
            return Ok(String::new());
        };
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid(
                ErrorCode::TanggalMundur,
                "date",
                format!(
                    "Tanggal {} lebih awal dari nomor terakhir buku agenda {}: {} tanggal {}. \
                     Terbitkan dengan tanggal itu hanya bila memang perlu, dengan menyebutkan alasannya.",
                    crate::words::date(date),
                    register.name,
                    number,
                    crate::words::date(last_date)
                ),
            ));
        }
        Ok(format!("Tanggal mundur: {reason}"))
    }

    fn entry_numbered(&self, register_id: i64, number: &str) -> Result<Option<RegisterEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ENTRY_SELECT} WHERE e.register_id = ?1 AND e.number = ?2 COLLATE NOCASE"
        ))?;
        Ok(stmt
            .query_row(params![register_id, number], entry_row)
            .optional()?)
    }

    fn sequence_taken(&self, register_id: i64, year: i32, sequence: u32) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM register_entry WHERE register_id = ?1 AND year = ?2 AND sequence = ?3)",
            params![register_id, year, sequence],
            |r| r.get(0),
        )?)
    }

    /// Gives `record` the entry's number and date, freezes it, writes the
    /// register line and the audit, and supersedes or revokes its parent.
    fn publish(&mut self, mut record: CircularRecord, entry: Entry, actor: &str) -> Result<String> {
        let id = record.summary.id;
        let Entry {
            register,
            sequence,
            number,
            date,
            kind,
            note,
        } = entry;
        record.document.number = number.clone();
        record.document.issued_on = Some(date);
        self.conn.execute(
            "UPDATE circular SET status = 'terbit', number = ?2, issued_on = ?3, document = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, number, date, serde_json::to_string(&record.document).expect("serialisable"), now()],
        )?;
        self.conn.execute(
            "INSERT INTO register_entry (register_id, year, sequence, number, circular_id, subject, issued_on, kind, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![register.id, date.year(), sequence, number, id, record.document.subject, date, kind, note],
        )?;
        let mut detail = format!("nomor {number}, buku agenda {}", register.name);
        if !note.is_empty() {
            detail = format!("{detail}; {note}");
        }
        self.log(id, crate::register::action(kind), actor, &detail)?;
        if let (Some(parent), Some(relation)) = (record.summary.parent_id, record.summary.relation)
        {
            let status = match relation {
                Relation::Perubahan => Some(CircularStatus::Diganti),
                Relation::Pencabutan => Some(CircularStatus::Dicabut),
                Relation::Perpanjangan => None,
            };
            if let Some(status) = status {
                self.set_status(parent, status)?;
                self.log(
                    parent,
                    status.code(),
                    actor,
                    &format!("oleh surat edaran {number}"),
                )?;
            }
        }
        Ok(number)
    }

    /// Cancels the number of an issued circular that must not go out (e.g.
    /// a wrong addressee found after signing): the register keeps the
    /// number as cancelled with the reason, the number is never given
    /// again, and a circular it superseded or revoked is in force again.
    pub fn cancel_number(&mut self, id: i64, reason: &str, actor: &str) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid(
                ErrorCode::WajibDiisi,
                "reason",
                "Alasan pembatalan nomor wajib diisi.",
            ));
        }
        self.in_transaction(|store| {
            let record = store.circular(id)?.summary;
            if record.status != CircularStatus::Terbit {
                return Err(Error::Refused {
                    code: ErrorCode::BukanTerbit,
                    message: format!(
                        "Hanya nomor surat edaran yang berstatus terbit yang dapat dibatalkan; status surat edaran ini {}.",
                        record.status.label()
                    ),
                });
            }
            let number = record.number.clone().unwrap_or_default();
            store.conn.execute(
                "UPDATE register_entry SET status = 'dibatalkan', note = ?2 WHERE circular_id = ?1",
                params![id, reason],
            )?;
            store.set_status(id, CircularStatus::Batal)?;
            store.log(id, "nomor dibatalkan", actor, &format!("{number}: {reason}"))?;
            if let (Some(parent), Some(Relation::Perubahan | Relation::Pencabutan)) =
                (record.parent_id, record.relation)
            {
                store.set_status(parent, CircularStatus::Terbit)?;
                store.log(parent, "berlaku kembali", actor, &format!("nomor {number} dibatalkan"))?;
            }
            Ok(())
        })
    }

    /// Deletes a draft (kept in the trash for *Urungkan*); issued circulars stay for good.
    pub fn delete_draft(&mut self, id: i64) -> Result<Deleted> {
        self.in_transaction(|store| {
            let current = store.circular(id)?.summary;
            if !current.status.editable() {
                return Err(frozen(&current));
            }
            let mut removed = Removed::default();
            removed.take(store, "circular", "id = ?1", &[&id])?;
            removed.take(store, "audit", "circular_id = ?1", &[&id])?;
            store
                .conn
                .execute("DELETE FROM audit WHERE circular_id = ?1", [id])?;
            store
                .conn
                .execute("DELETE FROM circular WHERE id = ?1", [id])?;
            let subject = match current.subject.trim() {
                "" => "tanpa perihal",
                s => s,
            };
            store.trash(format!("Draf “{subject}”"), &removed)
        })
    }

    /// Every register's entries, newest first, filtered by year and by text
    /// in number, subject or register name.
    pub fn register(&self, query: &str, year: Option<i32>) -> Result<Vec<RegisterEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ENTRY_SELECT} WHERE (?1 IS NULL OR e.year = ?1)
             AND (e.number LIKE ?2 ESCAPE '\\' OR e.subject LIKE ?2 ESCAPE '\\' OR r.name LIKE ?2 ESCAPE '\\')
             ORDER BY e.issued_on DESC, e.id DESC"
        ))?;
        let rows = stmt.query_map(params![year, like_pattern(query)], entry_row)?;
        Ok(rows.collect::<Result<_>>()?)
    }

    pub fn audit(&self, id: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT action, actor, at, detail, station FROM audit WHERE circular_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(AuditEntry {
                action: r.get(0)?,
                actor: r.get(1)?,
                at: r.get(2)?,
                detail: r.get(3)?,
                station: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_>>()?)
    }

    fn set_status(&mut self, id: i64, status: CircularStatus) -> Result<()> {
        self.conn.execute(
            "UPDATE circular SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status, now()],
        )?;
        Ok(())
    }

    /// Every linked reference points at a circular that exists.
    fn check_references(&self, doc: &Circular) -> Result<()> {
        for (i, reference) in doc.references.iter().enumerate() {
            let Some(id) = reference.circular_id else {
                continue;
            };
            let exists: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM circular WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::invalid(
                    ErrorCode::RujukanTidakAda,
                    "references",
                    format!("Rujukan {} menunjuk surat edaran (id {id}) yang tidak ada di basis data; pilih ulang atau hapus rujukan itu.", i + 1),
                ));
            }
        }
        Ok(())
    }

    pub(super) fn log(&mut self, id: i64, action: &str, actor: &str, detail: &str) -> Result<()> {
        let actor = if actor.trim().is_empty() {
            "petugas"
        } else {
            actor.trim()
        };
        // On a shared server: which database user at which workstation.
        let station = self.conn.session().unwrap_or_default();
        self.conn.execute(
            "INSERT INTO audit (circular_id, action, actor, at, detail, station) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, action, actor, now(), detail, station],
        )?;
        // The next workflow dialog offers the same name (no log-in).
        if actor != "petugas" {
            self.set_last_actor(actor)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::circular::{Signature, SigningMode};
    use crate::register::Register;
    use crate::{demo, exchange};

    fn seed() -> Circular {
        exchange::from_json(include_str!(
            "../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap()
    }

    fn office(store: &mut Store) {
        store.save_office(&demo::office_profile()).unwrap();
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn issuing_numbers_from_the_register_per_year_and_records_who_did_what() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let a = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store.circular(a).unwrap().document.number,
            "",
            "a draft has no number"
        );
        store.initial(a, "Kabid Mutasi").unwrap();
        assert_eq!(
            store
                .issue(a, &Issue::on(day(2020, 5, 12)), "Rina")
                .unwrap(),
            "800/1/BKPSDM/2020"
        );
        let b = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store
                .issue(b, &Issue::on(day(2020, 5, 13)), "Rina")
                .unwrap(),
            "800/2/BKPSDM/2020"
        );
        let c = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store.issue(c, &Issue::on(day(2021, 1, 4)), "Rina").unwrap(),
            "800/1/BKPSDM/2021",
            "a new year restarts"
        );
        let issued = store.circular(a).unwrap();
        assert_eq!(issued.summary.status, CircularStatus::Terbit);
        assert_eq!(issued.document.number, "800/1/BKPSDM/2020");
        assert_eq!(issued.document.issued_on, Some(day(2020, 5, 12)));
        let register = store.register("", Some(2020)).unwrap();
        assert_eq!(
            register.iter().map(|r| r.sequence).collect::<Vec<_>>(),
            [Some(2), Some(1)]
        );
        assert_eq!(store.register("1/BKPSDM/2021", None).unwrap().len(), 1);
        let trail: Vec<(String, String)> = store
            .audit(a)
            .unwrap()
            .into_iter()
            .map(|e| (e.action, e.actor))
            .collect();
        assert_eq!(
            trail,
            [
                ("dibuat".into(), "Rina".into()),
                ("diparaf".into(), "Kabid Mutasi".into()),
                ("terbit".into(), "Rina".into())
            ]
        );
    }

    fn organisasi(store: &mut Store) -> i64 {
        store
            .save_register(&Register {
                name: "Bagian Organisasi Setda".into(),
                numbering_template: "{klasifikasi}/{nomor}/ORG/{tahun}".into(),
                classification: "061".into(),
                ..Default::default()
            })
            .unwrap()
    }

    fn issue_in(register_id: i64, date: NaiveDate) -> Issue {
        Issue {
            register_id: Some(register_id),
            ..Issue::on(date)
        }
    }

    #[test]
    fn each_register_numbers_its_own_sequence_per_year() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let org = organisasi(&mut store);
        let issue = |store: &mut Store, how: Issue| {
            let id = store.create_circular(&seed(), "Rina").unwrap();
            store.issue(id, &how, "Rina").unwrap()
        };
        let numbers = [
            issue(&mut store, Issue::on(day(2020, 5, 12))),
            issue(&mut store, issue_in(org, day(2020, 5, 12))),
            issue(&mut store, issue_in(org, day(2020, 5, 13))),
            issue(&mut store, Issue::on(day(2020, 5, 14))),
            issue(&mut store, issue_in(org, day(2021, 1, 4))),
        ];
        assert_eq!(
            numbers,
            [
                "800/1/BKPSDM/2020",
                "061/1/ORG/2020",
                "061/2/ORG/2020",
                "800/2/BKPSDM/2020",
                "061/1/ORG/2021"
            ]
        );
        let org_2020: Vec<(String, Option<u32>)> = store
            .register("Organisasi", Some(2020))
            .unwrap()
            .into_iter()
            .map(|e| (e.register_name, e.sequence))
            .collect();
        assert_eq!(
            org_2020,
            [
                ("Bagian Organisasi Setda".to_string(), Some(2)),
                ("Bagian Organisasi Setda".to_string(), Some(1))
            ]
        );
        // A register kept only to record numbers given elsewhere cannot issue.
        let province = store
            .save_register(&Register {
                name: "Pemerintah Provinsi".into(),
                ..Default::default()
            })
            .unwrap();
        let id = store.create_circular(&seed(), "Rina").unwrap();
        let e = store
            .issue(id, &issue_in(province, day(2020, 6, 1)), "Rina")
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::BukuAgendaTanpaTemplat);
        assert_eq!(
            store.circular(id).unwrap().summary.status,
            CircularStatus::Draf
        );
    }

    #[test]
    fn an_issue_dated_before_the_registers_last_entry_needs_a_reason() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let org = organisasi(&mut store);
        let first = store.create_circular(&seed(), "Rina").unwrap();
        store
            .issue(first, &Issue::on(day(2020, 5, 14)), "Rina")
            .unwrap();
        let late = store.create_circular(&seed(), "Rina").unwrap();
        let e = store
            .issue(late, &Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("tanggal_mundur", Some("date"))
        );
        assert!(
            e.to_string()
                .contains("800/1/BKPSDM/2020 tanggal 14 Mei 2020"),
            "{e}"
        );
        assert_eq!(
            store.circular(late).unwrap().summary.status,
            CircularStatus::Draf
        );
        assert_eq!(store.register("", None).unwrap().len(), 1, "nothing taken");
        // Another register's dates do not constrain this one.
        store
            .issue(late, &issue_in(org, day(2020, 5, 12)), "Rina")
            .unwrap();
        let backdated = store.create_circular(&seed(), "Rina").unwrap();
        let number = store
            .issue(
                backdated,
                &Issue {
                    backdate_reason: " Surat ditandatangani Bupati tanggal 12 Mei ".into(),
                    ..Issue::on(day(2020, 5, 12))
                },
                "Rina",
            )
            .unwrap();
        assert_eq!(number, "800/2/BKPSDM/2020", "numbering order stays");
        let entry = store.register(&number, None).unwrap().remove(0);
        assert_eq!(
            entry.note,
            "Tanggal mundur: Surat ditandatangani Bupati tanggal 12 Mei"
        );
        let audit = store.audit(backdated).unwrap().pop().unwrap();
        assert!(
            audit
                .detail
                .contains("Surat ditandatangani Bupati tanggal 12 Mei"),
            "{}",
            audit.detail
        );
    }

    #[test]
    fn a_recorded_number_is_unique_in_its_register_and_moves_its_sequence_only_in_its_own_pattern()
    {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let org = organisasi(&mut store);
        let record =
            |store: &mut Store, number: &str, date: NaiveDate, register_id: Option<i64>| {
                let id = store.create_circular(&seed(), "Rina").unwrap();
                store
                    .record(
                        id,
                        &Recording {
                            number: number.into(),
                            date,
                            register_id,
                        },
                        "Rina",
                    )
                    .map(|n| (id, n))
            };
        let (id, number) =
            record(&mut store, " 800.1.11/77/ORG ", day(2020, 7, 28), Some(org)).unwrap();
        assert_eq!(number, "800.1.11/77/ORG");
        let recorded = store.circular(id).unwrap();
        assert_eq!(recorded.summary.status, CircularStatus::Terbit);
        assert_eq!(recorded.document.number, "800.1.11/77/ORG");
        assert_eq!(recorded.document.issued_on, Some(day(2020, 7, 28)));
        let entry = store.register("800.1.11/77/ORG", None).unwrap().remove(0);
        assert_eq!(
            (entry.kind.as_str(), entry.sequence, entry.register_id),
            ("dicatat", None, org)
        );
        assert_eq!(store.audit(id).unwrap().pop().unwrap().action, "dicatat");
        let e = record(&mut store, "800.1.11/77/org", day(2020, 7, 29), Some(org)).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("nomor_sudah_ada", Some("number"))
        );
        assert!(
            e.to_string()
                .contains("Nomor 800.1.11/77/ORG sudah ada di buku agenda Bagian Organisasi Setda")
                && e.to_string().contains("28 Juli 2020"),
            "{e}"
        );
        // The same text in another register is another letter.
        record(&mut store, "800.1.11/77/ORG", day(2020, 7, 28), None).unwrap();
        // The register's own pattern takes its sequence: the next issue follows it.
        record(&mut store, "061/412/ORG/2020", day(2020, 7, 28), Some(org)).unwrap();
        let next = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store
                .issue(next, &issue_in(org, day(2020, 7, 30)), "Rina")
                .unwrap(),
            "061/413/ORG/2020"
        );
        assert_eq!(
            record(&mut store, "  ", day(2020, 7, 28), Some(org))
                .unwrap_err()
                .field(),
            Some("number")
        );
        // A recorded circular is frozen like an issued one.
        assert!(!store.circular(id).unwrap().summary.actions.edit);
        assert_eq!(
            store.save_draft(id, &seed(), "Rina").unwrap_err().code(),
            ErrorCode::SuratEdaranTerbit
        );
    }

    #[test]
    fn a_letter_classified_apart_from_its_register_keeps_the_registers_one_sequence() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let classified = |code: &str| Issue {
            classification: Some(code.into()),
            ..Issue::on(day(2020, 5, 12))
        };
        let a = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store.issue(a, &classified(" 800.1.11 "), "Rina").unwrap(),
            "800.1.11/1/BKPSDM/2020"
        );
        let b = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store.issue(b, &classified(""), "Rina").unwrap(),
            "800/2/BKPSDM/2020",
            "an empty code is the register's"
        );
        let c = store.create_circular(&seed(), "Rina").unwrap();
        let e = store
            .issue(c, &classified("800.1.11a"), "Rina")
            .unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("klasifikasi", Some("classification"))
        );
        assert_eq!(
            store.circular(c).unwrap().summary.status,
            CircularStatus::Draf
        );
        assert_eq!(store.register("", None).unwrap().len(), 2, "nothing taken");
        // A number recorded with another code of the same pattern moves the sequence.
        let d = store.create_circular(&seed(), "Rina").unwrap();
        store
            .record(
                d,
                &Recording {
                    number: "100.3.4/40/BKPSDM/2020".into(),
                    date: day(2020, 5, 13),
                    register_id: None,
                },
                "Rina",
            )
            .unwrap();
        assert_eq!(
            store.register("100.3.4/40", None).unwrap()[0].sequence,
            Some(40)
        );
        assert_eq!(
            store
                .issue(c, &Issue::on(day(2020, 5, 14)), "Rina")
                .unwrap(),
            "800/41/BKPSDM/2020"
        );
    }

    #[test]
    fn a_recorded_circular_is_extended_and_its_extension_cites_the_recorded_number() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let org = organisasi(&mut store);
        let id = store
            .record_imported(
                &seed(),
                &Recording {
                    number: "061/412/ORG".into(),
                    date: day(2020, 5, 12),
                    register_id: Some(org),
                },
                "Rina",
            )
            .unwrap();
        let board = store.dashboard(day(2020, 5, 20)).unwrap();
        assert!(
            board.active.iter().any(|a| a.link.circular.id == id),
            "tracked as in force"
        );
        let extension = store
            .derive(id, Relation::Perpanjangan, day(2020, 5, 25), "Rina")
            .unwrap()
            .id;
        let doc = store.circular(extension).unwrap().document;
        let cited = doc.references.last().unwrap();
        assert_eq!(cited.circular_id, Some(id));
        assert!(cited.text.contains("Nomor 061/412/ORG"), "{}", cited.text);
        assert!(
            doc.points
                .iter()
                .any(|p| p.text.contains("Nomor 061/412/ORG tanggal 12 Mei 2020")),
            "{:?}",
            doc.points
        );
    }

    #[test]
    fn a_stored_template_without_the_year_refuses_to_issue_and_nothing_changes() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        // A profile saved before templates had to carry {tahun}.
        store
            .conn
            .execute(
                "UPDATE office SET numbering_template = '{klasifikasi}/{nomor}/{unit}'",
                [],
            )
            .unwrap();
        let id = store.create_circular(&seed(), "Rina").unwrap();
        let e = store
            .issue(id, &Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::TemplatTanpaTahun);
        let record = store.circular(id).unwrap();
        assert_eq!(record.summary.status, CircularStatus::Draf);
        assert_eq!(record.document.number, "");
        assert!(store.register("", None).unwrap().is_empty());
    }

    #[test]
    fn a_period_longer_than_a_year_is_saved_as_a_draft_but_not_initialled_or_issued() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let mut doc = seed();
        doc.period = Some(crate::circular::Period {
            start: day(2020, 5, 13),
            end: Some(day(2021, 5, 14)),
        });
        let id = store.create_circular(&doc, "Rina").unwrap();
        for e in [
            store.initial(id, "Kabid").unwrap_err(),
            store
                .issue(id, &Issue::on(day(2020, 5, 12)), "Rina")
                .unwrap_err(),
        ] {
            assert_eq!(e.code(), ErrorCode::PeriodeTerlaluPanjang);
            assert_eq!(e.field(), Some("period"));
        }
        let record = store.circular(id).unwrap();
        assert_eq!(record.summary.status, CircularStatus::Draf);
        assert!(store.register("", None).unwrap().is_empty());
        doc.period = Some(crate::circular::Period {
            start: day(2020, 5, 13),
            end: None,
        });
        store.save_draft(id, &doc, "Rina").unwrap();
        assert_eq!(
            store
                .issue(id, &Issue::on(day(2020, 5, 12)), "Rina")
                .unwrap(),
            "800/1/BKPSDM/2020",
            "an open end is allowed"
        );
    }

    #[test]
    fn an_issued_circular_refuses_every_change_and_stays_as_it_was() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let id = store.create_circular(&seed(), "Rina").unwrap();
        store
            .issue(id, &Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap();
        let row = |store: &Store| -> (String, String, String) {
            store
                .conn
                .query_row(
                    "SELECT document, status, number FROM circular WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap()
        };
        let before = row(&store);
        let mut changed = seed();
        changed.subject = "Lain".into();
        for result in [
            store.save_draft(id, &changed, "Rina").map(|_| ()),
            store.initial(id, "Rina"),
            store
                .issue(id, &Issue::on(day(2020, 6, 1)), "Rina")
                .map(|_| ()),
            store.delete_draft(id).map(|_| ()),
        ] {
            let e = result.expect_err("refused");
            assert!(
                matches!(
                    e.code(),
                    ErrorCode::SuratEdaranTerbit | ErrorCode::BukanDraf
                ),
                "{e}"
            );
        }
        assert_eq!(row(&store), before);
        // The database itself refuses, whatever code tries.
        let e = store
            .conn
            .execute("UPDATE circular SET document = '{}' WHERE id = ?1", [id])
            .unwrap_err();
        assert!(e.to_string().contains("tidak dapat diubah"));
        assert!(store
            .conn
            .execute("DELETE FROM register_entry", [])
            .is_err());
        assert_eq!(row(&store), before);
        assert_eq!(store.register("", None).unwrap().len(), 1);
    }

    #[test]
    fn an_amendment_supersedes_and_a_revocation_revokes_when_issued() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let first = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store
                .derive(first, Relation::Perubahan, day(2020, 5, 19), "Rina")
                .unwrap_err()
                .code(),
            ErrorCode::BelumTerbit
        );
        store
            .issue(first, &Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap();
        let amendment = store
            .derive(first, Relation::Perubahan, day(2020, 5, 19), "Rina")
            .unwrap()
            .id;
        let draft = store.circular(amendment).unwrap();
        assert_eq!(
            (draft.summary.kind, draft.summary.parent_id),
            (CircularKind::Perubahan, Some(first))
        );
        assert_eq!(draft.document.number, "");
        store
            .issue(amendment, &Issue::on(day(2020, 5, 20)), "Rina")
            .unwrap();
        assert_eq!(
            store.circular(first).unwrap().summary.status,
            CircularStatus::Diganti
        );
        let revocation = store
            .derive(amendment, Relation::Pencabutan, day(2020, 6, 4), "Rina")
            .unwrap()
            .id;
        store
            .issue(revocation, &Issue::on(day(2020, 6, 5)), "Rina")
            .unwrap();
        assert_eq!(
            store.circular(amendment).unwrap().summary.status,
            CircularStatus::Dicabut
        );
    }

    #[test]
    fn a_cancelled_number_stays_in_the_register_and_is_never_given_again() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let first = store.create_circular(&seed(), "Rina").unwrap();
        store
            .issue(first, &Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap();
        let revocation = store
            .derive(first, Relation::Pencabutan, day(2020, 5, 13), "Rina")
            .unwrap()
            .id;
        let number = store
            .issue(revocation, &Issue::on(day(2020, 5, 14)), "Rina")
            .unwrap();
        assert_eq!(
            store.circular(first).unwrap().summary.status,
            CircularStatus::Dicabut
        );
        assert_eq!(
            store
                .cancel_number(revocation, "  ", "Rina")
                .unwrap_err()
                .field(),
            Some("reason")
        );
        store
            .cancel_number(revocation, "Salah alamat tujuan", "Rina")
            .unwrap();
        assert_eq!(
            store.circular(revocation).unwrap().summary.status,
            CircularStatus::Batal
        );
        assert_eq!(
            store.circular(first).unwrap().summary.status,
            CircularStatus::Terbit,
            "the revoked circular is in force again"
        );
        let entry = store.register(&number, None).unwrap().remove(0);
        assert_eq!(
            (entry.status.as_str(), entry.note.as_str()),
            ("dibatalkan", "Salah alamat tujuan")
        );
        assert_eq!(
            store
                .cancel_number(revocation, "lagi", "Rina")
                .unwrap_err()
                .code(),
            ErrorCode::BukanTerbit
        );
        let next = store.create_circular(&seed(), "Rina").unwrap();
        assert_eq!(
            store
                .issue(next, &Issue::on(day(2020, 5, 15)), "Rina")
                .unwrap(),
            "800/3/BKPSDM/2020"
        );
    }

    #[test]
    fn a_record_names_the_stored_signatory_its_signature_is_by_acting_or_not() {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        let mut doc = store
            .template_draft(CircularKind::WfhBaru, day(2020, 4, 1))
            .unwrap();
        let id = store.create_circular(&doc, "Rina").unwrap();
        let bupati = store
            .circular(id)
            .unwrap()
            .signatory_id
            .expect("the template's signer");
        assert!(doc.signature.is_by(&store.signatory(bupati).unwrap()));

        let sekda = store
            .signatories()
            .unwrap()
            .into_iter()
            .find(|s| s.role == crate::office::SignatoryRole::Sekda)
            .unwrap();
        doc.signature = Signature::by(&sekda, SigningMode::Plt, "BUPATI TANJUNG SEROJA", "");
        let edited = store
            .edit_draft(id, &doc, None, PaperSize::F4, 1, "Rina")
            .unwrap();
        assert_eq!(
            edited.record.signatory_id,
            Some(sekda.id),
            "Plt., printed without titles"
        );

        doc.signature.name = "Orang Lain".into();
        let edited = store
            .edit_draft(id, &doc, None, PaperSize::F4, 1, "Rina")
            .unwrap();
        assert_eq!(edited.record.signatory_id, None);
    }

    #[test]
    fn one_edit_stores_the_draft_with_its_clauses_rewritten_and_returns_its_preview() {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        let mut doc = store
            .template_draft(CircularKind::WfhBaru, day(2020, 4, 1))
            .unwrap();
        crate::template::compose(&mut doc);
        let id = store.create_circular(&doc, "Rina").unwrap();
        doc.period = Some(Period {
            start: day(2020, 6, 2),
            end: Some(day(2020, 6, 15)),
        });
        let edited = store
            .edit_draft(id, &doc, None, PaperSize::F4, 30, "Rina")
            .unwrap();
        let period_clause =
            crate::template::clause_text(&edited.record.document, crate::circular::Clause::Masa)
                .unwrap();
        assert!(period_clause.contains("2 Juni 2020"), "{period_clause}");
        assert!(
            edited
                .record
                .document
                .points
                .iter()
                .any(|p| p.text == period_clause),
            "the clause in the points is rewritten"
        );
        assert_eq!(store.circular(id).unwrap().document, edited.record.document);
        let preview = edited.preview.expect("drawn");
        assert!(preview.page_count >= 1 && !preview.pages.is_empty());
        assert!(edited.preview_error.is_none());

        // A point still empty cannot be drawn; the rest is saved all the same.
        let mut typing = edited.record.document.clone();
        typing.subject = "Sistem kerja baru".into();
        typing.points.push(crate::circular::Point::default());
        let edited = store
            .edit_draft(id, &typing, None, PaperSize::F4, 30, "Rina")
            .unwrap();
        assert_eq!(
            edited.preview_error.map(|e| e.code),
            Some(ErrorCode::ButirKosong)
        );
        assert_eq!(
            store.circular(id).unwrap().summary.subject,
            "Sistem kerja baru"
        );
    }

    #[test]
    fn the_actions_offered_follow_the_status() {
        let mut store = Store::for_test().unwrap();
        office(&mut store);
        let id = store.create_circular(&seed(), "Rina").unwrap();
        let actions = || store.circular(id).unwrap().summary.actions;
        let draft = actions();
        assert!(draft.initial && draft.issue && draft.edit && !draft.edit_withdraws_paraf);
        assert!(!draft.follow_up && draft.locked_reason.is_none());
        store.initial(id, "Kabid").unwrap();
        let initialled = store.circular(id).unwrap().summary.actions;
        assert!(!initialled.initial && initialled.issue && initialled.edit_withdraws_paraf);
        store
            .issue(id, &Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap();
        let issued = store.circular(id).unwrap().summary.actions;
        assert!(issued.follow_up && !issued.edit && !issued.issue);
        assert!(issued.locked_reason.unwrap().contains("Buat perubahan"));
        store.cancel_number(id, "salah ketik", "Rina").unwrap();
        let cancelled = store.circular(id).unwrap().summary.actions;
        assert!(!cancelled.follow_up && !cancelled.edit);
        assert!(cancelled
            .locked_reason
            .unwrap()
            .starts_with("Nomor surat edaran ini dibatalkan"));
    }

    #[test]
    fn editing_an_initialled_draft_withdraws_the_initial() {
        let mut store = Store::for_test().unwrap();
        let id = store.create_circular(&seed(), "Rina").unwrap();
        store.initial(id, "Kabid").unwrap();
        assert!(store.circular(id).unwrap().summary.actions.edit);
        let now = store.save_draft(id, &seed(), "Rina").unwrap();
        assert_eq!((now.status, now.actions.edit), (CircularStatus::Draf, true));
        assert_eq!(store.circular(id).unwrap().summary, now);
        assert_eq!(
            store.audit(id).unwrap().last().unwrap().action,
            "paraf dibatalkan"
        );
        let mut incomplete = seed();
        incomplete.subject.clear();
        store
            .save_draft(id, &incomplete, "Rina")
            .expect("a draft may be incomplete");
        assert_eq!(
            store.initial(id, "Kabid").unwrap_err().field(),
            Some("subject")
        );
    }

    #[test]
    fn a_period_ending_before_it_starts_is_not_saved_and_the_draft_stays_as_it_was() {
        let mut store = Store::for_test().unwrap();
        let id = store.create_circular(&seed(), "Rina").unwrap();
        let before = store.circular(id).unwrap().document;
        let mut inverted = seed();
        let start = inverted.period.unwrap().start;
        inverted.subject = "Diubah".into();
        inverted.period = Some(Period {
            start,
            end: Some(start - chrono::Days::new(3)),
        });
        let e = store.save_draft(id, &inverted, "Rina").unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("periode_terbalik", Some("period"))
        );
        assert!(e.to_string().starts_with("“Sampai dengan” ("), "{e}");
        assert_eq!(store.circular(id).unwrap().document, before);
    }

    #[test]
    fn eight_threads_issuing_a_thousand_each_get_distinct_consecutive_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kantor.db");
        office(&mut Store::open(&path).unwrap());
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut store = Store::open(&path).unwrap();
                    let doc = seed();
                    // A writer kept waiting past the busy timeout gets
                    // `basis_data_sibuk` with nothing written, and tries again,
                    // as a clerk would: no number may be lost to it.
                    fn again<T>(mut step: impl FnMut() -> Result<T>) -> T {
                        loop {
                            match step() {
                                Err(e) if e.code() == ErrorCode::BasisDataSibuk => continue,
                                done => return done.unwrap(),
                            }
                        }
                    }
                    for _ in 0..1000 {
                        let id = again(|| store.create_circular(&doc, &format!("petugas {t}")));
                        again(|| store.issue(id, &Issue::on(day(2020, 7, 1)), "petugas"));
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        let store = Store::open(&path).unwrap();
        let mut numbers: Vec<u32> = store
            .register("", Some(2020))
            .unwrap()
            .into_iter()
            .filter_map(|r| r.sequence)
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=8000).collect::<Vec<_>>());
    }
}
