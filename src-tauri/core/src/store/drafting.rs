//! Starting drafts: from a template, filled from the office profile and
//! the head of region; or from an issued circular that the new one extends,
//! amends or revokes, linked to it and with the next period.

use crate::db::params;
use crate::error::OptionalExtension;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{CircularSummary, Store};
use crate::calendar::WorkCalendar;
use crate::circular::{
    Circular, CircularKind, CircularStatus, Clause, KopKind, Letterhead, Period, Reference,
    Relation, Signature, SigningMode,
};
use crate::error::{Error, Result};
use crate::office::{OfficeProfile, SignatoryRole};
use crate::template;
use crate::ErrorCode;

/// Length of a new arrangement until the user says otherwise: two weeks.
const DEFAULT_DAYS: u64 = 14;

/// Longest extension accepted, in days of either kind: a year.
pub const MAX_EXTENSION_DAYS: u32 = 366;

/// How long an extension runs and when it may start; by default as long
/// as the period it extends, in calendar days, never starting on a holiday.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, ts_rs::TS)]
#[serde(default)]
pub struct Extension {
    /// Length in days; the extended period's own length when `None`.
    pub days: Option<u32>,
    /// Count `days` (or the extended period's length) in working days.
    pub working_days: bool,
    /// Let the extension start on a holiday (otherwise it starts on the next day that is not one).
    pub start_on_holiday: bool,
}

impl Extension {
    /// The period after `earlier`, on `calendar`; open-ended from `tomorrow`
    /// when `earlier` has no end and no length is given.
    fn period(
        &self,
        earlier: Option<Period>,
        tomorrow: NaiveDate,
        calendar: &WorkCalendar,
    ) -> Result<Period> {
        match self.days {
            Some(0) => {
                return Err(Error::invalid(
                    ErrorCode::PeriodeKosong,
                    "days",
                    "Lama perpanjangan sedikitnya 1 (satu) hari.",
                ))
            }
            Some(n) if n > MAX_EXTENSION_DAYS => {
                return Err(Error::invalid(
                    ErrorCode::DiLuarRentang,
                    "days",
                    format!("Lama perpanjangan paling lama {MAX_EXTENSION_DAYS} hari, bukan {n}."),
                ))
            }
            _ => {}
        }
        let (next, length) = match earlier {
            Some(Period {
                start,
                end: Some(end),
            }) => {
                let length = if self.working_days {
                    calendar.working_days(start, end).max(1)
                } else {
                    (end - start).num_days() as u32 + 1
                };
                (end + Days::new(1), Some(self.days.unwrap_or(length)))
            }
            _ => (tomorrow, self.days),
        };
        let start = if self.start_on_holiday {
            next
        } else {
            calendar.first_non_holiday(next)
        };
        let end = length.map(|n| {
            if self.working_days {
                calendar.nth_working_day(start, n)
            } else {
                start + Days::new(u64::from(n) - 1)
            }
        });
        if let Some(end) = end.filter(|end| *end > Period::latest_end(start)) {
            return Err(Error::invalid(
                ErrorCode::PeriodeTerlaluPanjang,
                "days",
                format!(
                    "Perpanjangan ini akan berlaku {} s.d. {}, lebih dari 1 (satu) tahun; masa berlaku \
                     paling lama 1 (satu) tahun (selesai paling lambat {}). Kurangi lama perpanjangan.",
                    crate::words::date(start),
                    crate::words::date(end),
                    crate::words::date(Period::latest_end(start))
                ),
            ));
        }
        Ok(Period { start, end })
    }
}

/// The draft a *Perpanjang*, *Buat perubahan* or *Cabut* leads to.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Derived {
    pub id: i64,
    /// A draft of the same intent (same circular, same relation, still
    /// draf or diparaf) was already there: it is given instead of a second.
    pub existing: bool,
    /// The draft named for the clerk: `Draf perpanjangan dari 800/439/BKPSDM/2020
    /// (periode 30 Mei – 15 Juni 2020)`.
    pub name: String,
    /// What happened, for the clerk: `… sudah ada; dibuka.` or `… disusun.`
    pub message: String,
}

fn profile_missing() -> Error {
    Error::Refused {
        code: ErrorCode::ProfilBelumAda,
        message: "Isi profil kantor di Pengaturan lebih dahulu.".into(),
    }
}

/// `BUPATI TANJUNG SEROJA`.
fn head_office(office: &OfficeProfile) -> String {
    format!("{} {}", office.region_kind.head_title(), office.region_name).to_uppercase()
}

/// `Pemerintah Kabupaten Tanjung Seroja`.
fn government(office: &OfficeProfile) -> String {
    format!(
        "Pemerintah {} {}",
        office.region_kind.label(),
        office.region_name
    )
}

impl Store {
    /// The kop of `kind`: the head of region's (its title, no address) or
    /// the office's (government line, office name, address lines).
    pub fn letterhead(&self, kind: KopKind) -> Result<Letterhead> {
        let office = self.office()?.ok_or_else(profile_missing)?;
        let head = kind == KopKind::KepalaDaerah;
        Ok(Letterhead {
            kind,
            emblem: self.emblem()?,
            tiers: if head {
                vec![head_office(&office)]
            } else {
                vec![office.government_line(), office.office_name.to_uppercase()]
            },
            address_lines: if head {
                Vec::new()
            } else {
                office.address_lines.clone()
            },
        })
    }

    /// The signature block for a stored signatory signing in `mode`.
    pub fn signature_for(
        &self,
        signatory_id: i64,
        mode: SigningMode,
        intermediate: &str,
    ) -> Result<Signature> {
        let office = self.office()?.ok_or_else(profile_missing)?;
        let signer = self.signatory(signatory_id)?;
        let intermediate = match intermediate.trim() {
            "" => "SEKRETARIS DAERAH",
            given => given,
        };
        Ok(Signature::by(
            &signer,
            mode,
            &head_office(&office),
            intermediate,
        ))
    }

    /// A new, unsaved draft of `kind` as its template lays it out: the head of
    /// region's kop and signature, the office's place, a two-week period
    /// from tomorrow, and the generated clauses.
    pub fn template_draft(&self, kind: CircularKind, today: NaiveDate) -> Result<Circular> {
        let office = self.office()?.ok_or_else(profile_missing)?;
        let government = government(&office);
        let head = self
            .signatories()?
            .into_iter()
            .find(|s| s.active && s.role == SignatoryRole::KepalaDaerah);
        let kop = head.as_ref().map_or(KopKind::KepalaDaerah, |h| h.kop);
        let signature = match head {
            Some(head) => self.signature_for(head.id, SigningMode::Langsung, "")?,
            None => Signature {
                mode: SigningMode::Langsung,
                principal_office: head_office(&office),
                signer_office: String::new(),
                intermediate_office: String::new(),
                name: String::new(),
                rank: String::new(),
                nip: String::new(),
                signature_image: None,
                stamp_image: None,
            },
        };
        let start = today + Days::new(1);
        let period = match kind {
            CircularKind::Umum => None,
            CircularKind::Pencabutan => Some(Period { start, end: None }),
            _ => Some(Period {
                start,
                end: Some(start + Days::new(DEFAULT_DAYS - 1)),
            }),
        };
        let subject = match kind {
            CircularKind::Umum => String::new(),
            kind => template::derived_subject(
                kind,
                &format!(
                    "Penyesuaian Sistem Kerja Aparatur Sipil Negara di Lingkungan {government}"
                ),
            ),
        };
        let mut doc = Circular {
            kind,
            letterhead: self.letterhead(kop)?,
            number: String::new(),
            subject,
            scope: format!("Aparatur Sipil Negara di lingkungan {government}"),
            period,
            references: Vec::new(),
            addressees: vec![format!(
                "Para Kepala Perangkat Daerah di lingkungan {government}"
            )],
            addressee_location: "Tempat".into(),
            points: Vec::new(),
            place: office.place.clone(),
            issued_on: None,
            signature,
            copies: Vec::new(),
            annexes: Vec::new(),
            rules: Default::default(),
        };
        template::compose(&mut doc);
        Ok(doc)
    }

    /// Saves a new draft from the template of `kind` and returns its id.
    pub fn create_from_template(
        &mut self,
        kind: CircularKind,
        today: NaiveDate,
        actor: &str,
    ) -> Result<i64> {
        let doc = self.template_draft(kind, today)?;
        self.create_circular(&doc, actor)
    }

    /// Opens the draft that extends, amends or revokes issued circular `id`
    /// (see [`Store::draft_from`]): the one already started, else a new one.
    pub fn derive(
        &mut self,
        id: i64,
        relation: Relation,
        today: NaiveDate,
        actor: &str,
    ) -> Result<Derived> {
        self.draft_from(id, relation, Extension::default(), false, today, actor)
    }

    /// Opens the extension of issued circular `id`: the one already started,
    /// else a new one as long as `extension` says.
    pub fn extend(
        &mut self,
        id: i64,
        extension: Extension,
        today: NaiveDate,
        actor: &str,
    ) -> Result<Derived> {
        self.draft_from(id, Relation::Perpanjangan, extension, false, today, actor)
    }

    /// One draft per intent: the draft of `relation` already started from
    /// issued circular `id` (draf or diparaf) is returned as it is, unless
    /// `another` asks for a second on purpose. A new draft has the earlier
    /// one's content, linked to it as a reference, with the next period (an
    /// extension starts the day after the earlier one ends and lasts as
    /// long, or as `extension` says) and the template's clauses for the new kind.
    pub fn draft_from(
        &mut self,
        id: i64,
        relation: Relation,
        extension: Extension,
        another: bool,
        today: NaiveDate,
        actor: &str,
    ) -> Result<Derived> {
        if !another {
            if let Some(existing) = self.open_draft_from(id, relation)? {
                return Ok(existing);
            }
        }
        let calendar = self.work_calendar()?;
        self.in_transaction(|store| {
            let record = store.circular(id)?;
            if record.summary.status != CircularStatus::Terbit {
                return Err(Error::Refused {
                    code: ErrorCode::BelumTerbit,
                    message: format!(
                        "{} hanya dapat dibuat dari surat edaran yang terbit; status surat edaran ini {}.",
                        relation.label(),
                        record.summary.status.label()
                    ),
                });
            }
            let earlier = &record.document;
            let mut doc = earlier.clone();
            // Written by hand or imported: its own opening, period point and
            // closing are rewritten, not doubled; rules it worded itself stay
            // in its words.
            template::recognise(&mut doc, earlier.period);
            let rules_worded = !earlier.rules.is_empty()
                && !earlier.points.iter().any(|p| p.clause == Some(Clause::Aturan));
            doc.kind = match relation {
                Relation::Perpanjangan => CircularKind::Perpanjangan,
                Relation::Perubahan => CircularKind::Perubahan,
                Relation::Pencabutan => CircularKind::Pencabutan,
            };
            doc.subject = template::derived_subject(doc.kind, &earlier.subject);
            doc.references.retain(|r| r.circular_id != Some(id));
            doc.references.push(Reference {
                text: template::citation(earlier),
                circular_id: Some(id),
            });
            let tomorrow = today + Days::new(1);
            doc.period = match relation {
                Relation::Perpanjangan => Some(extension.period(earlier.period, tomorrow, &calendar)?),
                Relation::Perubahan => earlier.period,
                Relation::Pencabutan => Some(Period { start: tomorrow, end: None }),
            };
            if relation == Relation::Pencabutan {
                doc.points.clear();
                doc.annexes.clear();
            }
            template::compose(&mut doc);
            if rules_worded {
                doc.points.retain(|p| p.clause != Some(Clause::Aturan));
            }
            let new = store.insert_draft(&doc, Some(id), Some(relation))?;
            let number = record.summary.number.unwrap_or_default();
            store.log(
                new,
                "dibuat",
                actor,
                &format!("{} dari {number}", relation.label().to_lowercase()),
            )?;
            let name = draft_name(&store.circular(new)?.summary);
            Ok(Derived {
                id: new,
                existing: false,
                message: format!("{name} disusun."),
                name,
            })
        })
    }

    /// The latest draft of `relation` from circular `id` still being prepared.
    fn open_draft_from(&self, id: i64, relation: Relation) -> Result<Option<Derived>> {
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM circular WHERE parent_id = ?1 AND relation = ?2
                 AND status IN ('draf', 'diparaf') ORDER BY id DESC LIMIT 1",
                params![id, relation],
                |r| r.get(0),
            )
            .optional()?;
        let Some(found) = found else { return Ok(None) };
        let name = draft_name(&self.circular(found)?.summary);
        Ok(Some(Derived {
            id: found,
            existing: true,
            message: format!("{name} sudah ada; dibuka."),
            name,
        }))
    }
}

/// `Draf perpanjangan dari 800/439/BKPSDM/2020 (periode 30 Mei – 15 Juni 2020)`.
fn draft_name(draft: &CircularSummary) -> String {
    let origin = draft.origin.as_deref().unwrap_or_default();
    let mut name = format!(
        "Draf {}{}",
        origin.get(..1).unwrap_or_default().to_lowercase(),
        origin.get(1..).unwrap_or_default()
    );
    if let Some(period) = &draft.period_label {
        name += &format!(" (periode {period})");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn demo_store() -> Store {
        let mut store = Store::for_test().unwrap();
        demo::fill(&mut store).unwrap();
        store
    }

    #[test]
    fn a_template_draft_is_complete_and_signed_by_the_head_of_region() {
        let store = demo_store();
        let doc = store
            .template_draft(CircularKind::WfhBaru, day(2020, 3, 25))
            .unwrap();
        doc.validate()
            .expect("a template draft can be initialled as it is");
        assert_eq!(doc.letterhead.tiers, ["BUPATI TANJUNG SEROJA"]);
        assert_eq!(doc.signature.office_lines(), ["BUPATI TANJUNG SEROJA,"]);
        assert_eq!(doc.signature.name, "RUSDI HAMZAH, S.H., M.Si.");
        assert_eq!(doc.period.unwrap().days(), Some(14));
        assert!(doc.points[1]
            .text
            .contains("terhitung mulai tanggal 26 Maret 2020 sampai dengan tanggal 8 April 2020"));
        assert_eq!(doc.points.last().unwrap().clause, Some(Clause::Penutup));
    }

    #[test]
    fn the_signatorys_kop_setting_decides_the_drafts_kop() {
        let mut store = demo_store();
        let head = store
            .signatories()
            .unwrap()
            .into_iter()
            .find(|s| s.role == SignatoryRole::KepalaDaerah)
            .unwrap();
        assert_eq!(head.kop, KopKind::KepalaDaerah);
        let draft = |store: &Store| {
            store
                .template_draft(CircularKind::WfhBaru, day(2020, 3, 25))
                .unwrap()
                .letterhead
        };
        assert_eq!(draft(&store).kind, KopKind::KepalaDaerah);
        store
            .save_signatory(&crate::office::SignatoryInput {
                id: Some(head.id),
                role: "kepala_daerah".into(),
                name: head.name.clone(),
                position_title: head.position_title.clone(),
                kop: "perangkat_daerah".into(),
                ..Default::default()
            })
            .unwrap();
        let kop = draft(&store);
        assert_eq!(kop.kind, KopKind::PerangkatDaerah);
        assert_eq!(kop.tiers[0], "PEMERINTAH KABUPATEN TANJUNG SEROJA");
        assert!(!kop.address_lines.is_empty());
    }

    #[test]
    fn an_extension_follows_on_links_back_and_cites_the_issued_number() {
        let mut store = demo_store();
        let issued = store
            .circulars()
            .unwrap()
            .into_iter()
            .find(|c| c.status == CircularStatus::Terbit && c.kind == CircularKind::Perpanjangan)
            .unwrap();
        let parent = store.circular(issued.id).unwrap().document;
        let id = store
            .derive(issued.id, Relation::Perpanjangan, day(2020, 4, 27), "Rina")
            .unwrap()
            .id;
        let draft = store.circular(id).unwrap();
        assert_eq!(draft.summary.parent_id, Some(issued.id));
        let doc = draft.document;
        let before = parent.period.unwrap();
        let after = doc.period.unwrap();
        assert_eq!(after.start, before.end.unwrap() + Days::new(1));
        assert_eq!(after.days(), before.days());
        // Lists show the period without loading documents.
        let listed = store.circulars().unwrap();
        assert_eq!(
            listed.iter().find(|c| c.id == id).unwrap().period,
            Some(after)
        );
        assert_eq!(
            listed.iter().find(|c| c.id == issued.id).unwrap().period,
            Some(before)
        );
        let link = doc.references.last().unwrap();
        assert_eq!(link.circular_id, Some(issued.id));
        assert!(
            link.text.contains(&format!("Nomor {}", parent.number)),
            "{}",
            link.text
        );
        assert!(
            doc.points[1].text.contains(&format!("sebagaimana dimaksud dalam Surat Edaran Bupati Tanjung Seroja Nomor {} tanggal 13 April 2020 diperpanjang selama 15 (lima belas) hari", parent.number)),
            "{}",
            doc.points[1].text
        );
        assert_eq!(
            doc.points
                .iter()
                .filter(|p| p.clause == Some(Clause::Masa))
                .count(),
            1
        );
        // Another office imports the file: the text travels, the local link does not.
        let file = crate::exchange::to_json(&doc);
        assert!(!file.contains("circular_id"));
        let mut elsewhere = Store::for_test().unwrap();
        let id = elsewhere
            .create_circular(&crate::exchange::from_json(&file).unwrap(), "Provinsi")
            .unwrap();
        assert_eq!(
            elsewhere
                .circular(id)
                .unwrap()
                .document
                .references
                .last()
                .unwrap()
                .text,
            link.text
        );
    }

    #[test]
    fn a_reference_to_a_missing_circular_is_refused_and_nothing_is_saved() {
        let mut store = demo_store();
        let before = store.circulars().unwrap().len();
        let mut doc = store
            .template_draft(CircularKind::Umum, day(2020, 6, 1))
            .unwrap();
        doc.references.push(Reference {
            text: "Surat Edaran yang tidak ada".into(),
            circular_id: Some(9_999),
        });
        let e = store.create_circular(&doc, "Rina").unwrap_err();
        assert_eq!(e.field(), Some("references"));
        assert!(e.to_string().contains("Rujukan 1"), "{e}");
        assert_eq!(store.circulars().unwrap().len(), before);
    }

    /// An issued circular in the demo office ruling `start`–`end`.
    fn issued(store: &mut Store, start: NaiveDate, end: NaiveDate) -> i64 {
        let mut doc = store.template_draft(CircularKind::WfhBaru, start).unwrap();
        doc.period = Some(Period {
            start,
            end: Some(end),
        });
        template::refresh(&mut doc);
        let id = store.create_circular(&doc, "Rina").unwrap();
        store
            .issue(id, &crate::store::Issue::on(start), "Rina")
            .unwrap();
        id
    }

    /// Another extension of `id` each time (one per option tried).
    fn extended(store: &mut Store, id: i64, extension: Extension) -> Circular {
        let draft = store
            .draft_from(
                id,
                Relation::Perpanjangan,
                extension,
                true,
                day(2020, 1, 1),
                "Rina",
            )
            .unwrap()
            .id;
        store.circular(draft).unwrap().document
    }

    #[test]
    fn a_second_perpanjang_opens_the_draft_already_started_unless_another_is_asked_for() {
        let mut store = demo_store();
        let id = issued(&mut store, day(2020, 5, 30), day(2020, 6, 15));
        let number = store.circular(id).unwrap().summary.number.unwrap();
        let first = store
            .extend(id, Extension::default(), day(2020, 6, 10), "Rina")
            .unwrap();
        assert!(!first.existing);
        let before = store.circulars().unwrap().len();
        let again = store
            .derive(id, Relation::Perpanjangan, day(2020, 6, 11), "Rina")
            .unwrap();
        assert_eq!((again.id, again.existing), (first.id, true));
        assert_eq!(
            again.message,
            format!("Draf perpanjangan dari {number} (periode 16 Juni – 2 Juli 2020) sudah ada; dibuka.")
        );
        assert_eq!(store.circulars().unwrap().len(), before, "no second draft");
        // Initialled, it is still being prepared: opened again.
        store.initial(first.id, "Budi").unwrap();
        let initialled = store
            .extend(id, Extension::default(), day(2020, 6, 11), "Rina")
            .unwrap();
        assert_eq!(initialled.id, first.id);
        // Another intent from the same circular is its own draft.
        let amendment = store
            .derive(id, Relation::Perubahan, day(2020, 6, 11), "Rina")
            .unwrap();
        assert!(!amendment.existing);
        assert_ne!(amendment.id, first.id);
        // A second extension on purpose.
        let second = store
            .draft_from(
                id,
                Relation::Perpanjangan,
                Extension::default(),
                true,
                day(2020, 6, 11),
                "Rina",
            )
            .unwrap();
        assert!(!second.existing);
        assert_ne!(second.id, first.id);
        // Lists name each draft's origin and period.
        let listed = store.circulars().unwrap();
        let row = listed.iter().find(|c| c.id == second.id).unwrap();
        assert_eq!(
            row.origin.as_deref(),
            Some(format!("Perpanjangan dari {number}").as_str())
        );
        assert_eq!(row.period_label.as_deref(), Some("16 Juni – 2 Juli 2020"));
        // Once issued, the next Perpanjang starts a new draft from it.
        store
            .issue(first.id, &crate::store::Issue::on(day(2020, 6, 12)), "Rina")
            .unwrap();
        let after = store
            .extend(id, Extension::default(), day(2020, 6, 12), "Rina")
            .unwrap();
        assert_eq!(after.id, second.id, "the other draft still open is opened");
    }

    #[test]
    fn an_extension_never_starts_on_a_holiday_unless_asked_and_may_count_working_days() {
        let mut store = demo_store();
        // Ends Saturday 23 May 2020: the 24th and 25th are Idul Fitri.
        let id = issued(&mut store, day(2020, 5, 11), day(2020, 5, 23));
        let same = extended(&mut store, id, Extension::default())
            .period
            .unwrap();
        assert_eq!((same.start, same.days()), (day(2020, 5, 26), Some(13)));
        let on_holiday = Extension {
            start_on_holiday: true,
            ..Default::default()
        };
        assert_eq!(
            extended(&mut store, id, on_holiday).period.unwrap().start,
            day(2020, 5, 24)
        );
        // Ten working days from Tuesday 26 May: 26–29 May, 2–5 June (1 June is
        // Hari Lahir Pancasila), 8–9 June.
        let working = Extension {
            days: Some(10),
            working_days: true,
            ..Default::default()
        };
        let p = extended(&mut store, id, working).period.unwrap();
        assert_eq!((p.start, p.end), (day(2020, 5, 26), Some(day(2020, 6, 9))));
        // The same number of working days as the period it extends (9).
        let as_long = Extension {
            working_days: true,
            ..Default::default()
        };
        assert_eq!(
            extended(&mut store, id, as_long).period.unwrap().end,
            Some(day(2020, 6, 8))
        );
        let e = store
            .draft_from(
                id,
                Relation::Perpanjangan,
                Extension {
                    days: Some(0),
                    ..Default::default()
                },
                true,
                day(2020, 5, 20),
                "Rina",
            )
            .unwrap_err();
        assert_eq!(e.field(), Some("days"));
        let too_long = Extension {
            days: Some(4_000_000_000),
            working_days: true,
            ..Default::default()
        };
        let e = store
            .draft_from(
                id,
                Relation::Perpanjangan,
                too_long,
                true,
                day(2020, 5, 20),
                "Rina",
            )
            .unwrap_err();
        assert!(e.to_string().contains("paling lama 366 hari"), "{e}");
        // 366 working days run well past a year: refused before any draft.
        let before = store.circulars().unwrap().len();
        let year_of_working_days = Extension {
            days: Some(366),
            working_days: true,
            ..Default::default()
        };
        let e = store
            .draft_from(
                id,
                Relation::Perpanjangan,
                year_of_working_days,
                true,
                day(2020, 5, 20),
                "Rina",
            )
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::PeriodeTerlaluPanjang);
        assert_eq!(e.field(), Some("days"));
        assert!(e.to_string().contains("paling lambat 26 Mei 2021"), "{e}");
        assert_eq!(store.circulars().unwrap().len(), before);
        // 366 calendar days are a year from the start: allowed.
        let year = Extension {
            days: Some(366),
            ..Default::default()
        };
        let p = extended(&mut store, id, year).period.unwrap();
        assert_eq!(p.end, Some(day(2021, 5, 26)));
    }

    #[test]
    fn an_extension_crosses_the_year_end_and_leap_day_and_keeps_the_references() {
        let mut store = demo_store();
        let new_year = crate::calendar::NewHoliday {
            date: day(2021, 1, 1),
            name: "Tahun Baru 2021 Masehi".into(),
            kind: crate::calendar::HolidayKind::LiburNasional,
        };
        store.record_decree(2021, "SKB 2021", &[new_year]).unwrap();
        let december = issued(&mut store, day(2020, 12, 21), day(2020, 12, 31));
        let doc = extended(&mut store, december, Extension::default());
        let p = doc.period.unwrap();
        assert_eq!((p.start, p.end), (day(2021, 1, 2), Some(day(2021, 1, 12))));
        let earlier = store.circular(december).unwrap().document;
        assert_eq!(doc.references.len(), earlier.references.len() + 1);
        assert_eq!(
            doc.references[..earlier.references.len()],
            earlier.references[..]
        );
        assert!(doc.points.iter().any(|p| p.text.contains(
            "terhitung mulai tanggal 2 Januari 2021 sampai dengan tanggal 12 Januari 2021"
        )));

        let february = issued(&mut store, day(2024, 2, 15), day(2024, 2, 28));
        let p = extended(&mut store, february, Extension::default())
            .period
            .unwrap();
        assert_eq!((p.start, p.end), (day(2024, 2, 29), Some(day(2024, 3, 13))));
    }

    /// The Muba circular as its exchange file carries it: written by hand,
    /// no clause tags, the opening and the closing numbered like any point,
    /// plus a point citing two others by number.
    fn hand_written(store: &mut Store) -> i64 {
        let mut doc = crate::exchange::from_json(include_str!(
            "../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        let closing = doc.points.len() - 1;
        doc.points.insert(
            closing,
            crate::circular::Point::new(
                "Kepala Perangkat Daerah melaporkan pelaksanaan angka 3 dan angka 4 kepada Bupati setiap minggu.",
            ),
        );
        let id = store.create_circular(&doc, "impor").unwrap();
        store
            .issue(id, &crate::store::Issue::on(day(2020, 5, 12)), "Rina")
            .unwrap();
        id
    }

    #[test]
    fn deriving_from_a_hand_written_circular_rewrites_its_own_opening_period_and_closing() {
        let mut store = demo_store();
        let id = hand_written(&mut store);
        let earlier = store.circular(id).unwrap().document;
        let texts = |doc: &Circular| {
            doc.points
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
        };
        let count = |doc: &Circular, start: &str| {
            texts(doc).iter().filter(|t| t.starts_with(start)).count()
        };
        for relation in [Relation::Perpanjangan, Relation::Perubahan] {
            let draft = store
                .derive(id, relation, day(2020, 5, 20), "Rina")
                .unwrap()
                .id;
            let doc = store.circular(draft).unwrap().document;
            assert_eq!(
                count(&doc, "Menindaklanjuti"),
                1,
                "{relation:?}: {:#?}",
                texts(&doc)
            );
            assert_eq!(
                count(&doc, "Demikian"),
                1,
                "{relation:?}: {:#?}",
                texts(&doc)
            );
            let closing = doc.points.last().unwrap();
            assert!(closing.unnumbered && closing.clause == Some(Clause::Penutup));
            assert!(doc.points[0].unnumbered && doc.points[0].clause == Some(Clause::Dasar));
            // The old period point is replaced where the template puts it.
            assert!(
                !texts(&doc)
                    .iter()
                    .any(|t| t.contains("diperpanjang sampai dengan tanggal 29 Mei 2020")),
                "{relation:?}: {:#?}",
                texts(&doc)
            );
            assert_eq!(doc.points[1].clause, Some(Clause::Masa));
            // Rules the circular worded itself are not worded twice.
            assert!(doc.points.iter().all(|p| p.clause != Some(Clause::Aturan)));
            // Old 3 and 4 (picket, heads) are now 2 and 3; the report is 6.
            let numbered: Vec<_> = doc.points.iter().filter(|p| !p.unnumbered).collect();
            assert_eq!(numbered.len(), 6, "{:#?}", texts(&doc));
            assert!(numbered[1]
                .text
                .starts_with("Setiap Sekretariat dan Bidang"));
            assert!(numbered[2]
                .text
                .starts_with("Para Kepala Perangkat Daerah memastikan"));
            assert!(
                numbered[5]
                    .text
                    .contains("pelaksanaan angka 2 dan angka 3 kepada Bupati"),
                "{}",
                numbered[5].text
            );
        }
        let extension = store
            .derive(id, Relation::Perpanjangan, day(2020, 5, 20), "Rina")
            .unwrap()
            .id;
        let masa = &store.circular(extension).unwrap().document.points[1].text;
        assert!(
            masa.contains(&format!("Nomor {} tanggal 12 Mei 2020 diperpanjang selama 17 (tujuh belas) hari, terhitung mulai tanggal 30 Mei 2020", earlier.number)),
            "{masa}"
        );
        assert_eq!(earlier.points.len(), 8, "the issued circular is untouched");
    }
}
