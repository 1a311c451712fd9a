//! A circular's rules as the forms edit them, the agency grid (who works
//! where, day by day) and the notices that carry an issued circular out.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use crate::db::params;
use chrono::{NaiveDate, Utc};
use serde::Serialize;

use super::Store;
use crate::circular::Annex;
use crate::error::{Error, Result};
use crate::notices::{self, NoticeBatch, Written};
use crate::office::PaperSize;
use crate::rules::{
    clauses::clauses, AgencyRef, AssignmentSource, Engine, Rules, Status, EXCEPTION_ANNEX,
    RULE_ANNEXES,
};
use crate::sign::Progress;
use crate::template;
use crate::ErrorCode;

/// A circular's rules with the clause each writes.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RulesView {
    pub rules: Rules,
    pub clauses: Vec<String>,
}

/// One employee on one day of the grid.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GridCell {
    pub status: Status,
    pub reason: String,
    /// The roster entry behind the cell, if any.
    pub source: Option<AssignmentSource>,
    /// On a picket rotation, so the day can be changed by hand.
    pub editable: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GridRow {
    pub employee_id: i64,
    pub nip: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    /// The shift group (`Kelompok A`) when the picket rule has groups.
    pub group: Option<String>,
    pub cells: Vec<GridCell>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct GridDay {
    pub date: NaiveDate,
    pub working: bool,
}

/// An agency's statuses over the whole period, day by day.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AgencyGrid {
    pub agency_id: i64,
    pub agency: String,
    pub days: Vec<GridDay>,
    pub rows: Vec<GridRow>,
}

/// What a notices batch prints and where.
pub struct NoticeRequest<'a> {
    /// Also one assignment notice per employee on the rotation.
    pub per_employee: bool,
    /// The merged PDF; the separate files go into the folder beside it.
    pub merged: PathBuf,
    pub paper: PaperSize,
    /// Certificate and passphrase (asked once for the batch), if signed.
    pub signing: Option<(i64, &'a str)>,
}

impl Store {
    pub fn rules(&self, id: i64) -> Result<RulesView> {
        let rules = self.circular(id)?.document.rules;
        Ok(RulesView {
            clauses: clauses(&rules),
            rules,
        })
    }

    /// Checks and saves the rules of draft `id`; the rest of the document
    /// stays as it is.
    pub fn save_rules(&mut self, id: i64, rules: Rules, actor: &str) -> Result<RulesView> {
        let rules = self.fit_rules(rules)?;
        let mut doc = self.circular(id)?.document;
        doc.rules = rules;
        self.save_draft(id, &doc, actor)?;
        self.rules(id)
    }

    /// Checks `rules` against this office: every exception names an
    /// employee, every exempt agency an agency (by name, short name such as
    /// "Disdukcapil", or id), all unknown ones listed with the closest
    /// names. Returns them with the agencies by their full names, which
    /// travel in exchange files and read in the clause text.
    pub fn fit_rules(&self, rules: Rules) -> Result<Rules> {
        rules.validate()?;
        for (i, e) in rules.exceptions.iter().enumerate() {
            match self.employee_by_nip(&e.nip) {
                Err(Error::NotFound(_)) => {
                    return Err(Error::invalid(
                        ErrorCode::NipTidakDikenal,
                        "exceptions",
                        format!(
                        "Pengecualian baris {}: NIP {} tidak terdaftar sebagai pegawai kantor ini.",
                        i + 1,
                        e.nip.trim()
                    ),
                    ))
                }
                found => found?,
            };
        }
        let agencies = self.agencies("")?;
        let mut rules = rules;
        let mut unknown = Vec::new();
        for r in &mut rules.exempt_agencies {
            if let Some(a) = agencies.iter().find(|a| r.matches(a)) {
                *r = AgencyRef::Name(a.name.clone());
            } else {
                unknown.push(match r {
                    AgencyRef::Id(id) => format!("dengan id {id}"),
                    AgencyRef::Name(name) => {
                        let names = agencies.iter().map(|a| a.name.as_str());
                        match crate::words::closest(name, names).as_slice() {
                            [] => format!("\"{name}\""),
                            near => format!("\"{name}\" (mungkin: {})", crate::words::list(near)),
                        }
                    }
                });
            }
        }
        if !unknown.is_empty() {
            return Err(Error::invalid(
                ErrorCode::PerangkatDaerahTidakDikenal,
                "exempt_agencies",
                format!(
                    "Perangkat daerah yang dikecualikan tidak ditemukan: {}. Periksa ejaannya, atau tambahkan perangkat daerah itu di halaman Perangkat Daerah & Pegawai.",
                    unknown.join("; ")
                ),
            ));
        }
        Ok(rules)
    }

    /// Writes the rules' clauses into draft `id`'s body (see
    /// [`template::place_rules`]) and the personal exceptions into their
    /// lampiran, which the clause cites.
    pub fn place_rule_clauses(&mut self, id: i64, actor: &str) -> Result<()> {
        let mut doc = self.circular(id)?.document;
        doc.annexes
            .retain(|a| !RULE_ANNEXES.contains(&a.title.as_str()));
        if !doc.rules.exceptions.is_empty() {
            let mut rows = Vec::new();
            for (i, x) in doc.rules.exceptions.iter().enumerate() {
                let e = self.employee_by_nip(&x.nip)?;
                rows.push(vec![
                    (i + 1).to_string(),
                    e.full_name(),
                    x.nip.clone(),
                    e.agency_name.clone(),
                    x.describe(),
                ]);
            }
            doc.annexes.push(Annex {
                title: EXCEPTION_ANNEX.into(),
                columns: ["No", "Nama", "NIP", "Perangkat Daerah", "Pengecualian"]
                    .map(String::from)
                    .to_vec(),
                widths: vec![0.6, 2.6, 2.2, 2.4, 3.6],
                rows,
            });
        }
        // The groups' and bounds' tables count the office's staff, which
        // needs the rules applied (and so a period).
        if doc.period.is_some() {
            let engine = Engine::new(doc.clone(), self.work_calendar()?, self.workforce()?)?;
            doc.annexes.extend(engine.groups_annex());
            doc.annexes.extend(engine.share_annex());
        }
        // After the lampiran, so the clauses cite them by their numbers.
        template::place_rules(&mut doc);
        self.save_draft(id, &doc, actor).map(|_| ())
    }

    /// Agency `agency_id`'s statuses on every day of circular `id`'s period
    /// that the roster covers (an open period's through its horizon).
    pub fn agency_grid(&self, id: i64, agency_id: i64) -> Result<AgencyGrid> {
        let (engine, report) = self.rule_engine(id)?;
        let agency = self.agency(agency_id)?;
        let end = engine.horizon().until;
        let days: Vec<GridDay> = engine
            .period
            .start
            .iter_days()
            .take_while(|d| *d <= end)
            .map(|date| GridDay {
                date,
                working: engine.calendar.is_working_day(date),
            })
            .collect();
        let sources: std::collections::HashMap<(NaiveDate, i64), AssignmentSource> = report
            .roster
            .entries
            .iter()
            .map(|a| ((a.date, a.employee_id), a.source))
            .collect();
        let rows = engine
            .workforce
            .employees
            .iter()
            .enumerate()
            .filter(|(_, e)| e.agency_id == agency_id)
            .map(|(i, e)| GridRow {
                employee_id: e.id,
                nip: e.nip.clone(),
                name: e.full_name(),
                unit: e.unit_name.clone(),
                group: engine
                    .group_of(i)
                    .map(|g| format!("Kelompok {}", g.name.trim())),
                cells: days
                    .iter()
                    .map(|day| {
                        let decision = engine.decide(i, day.date);
                        GridCell {
                            status: decision.status,
                            reason: engine.reason(i, day.date, decision),
                            source: sources.get(&(day.date, e.id)).copied(),
                            editable: day.working && engine.on_rotation(i),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(AgencyGrid {
            agency_id,
            agency: agency.name,
            days,
            rows,
        })
    }

    /// The notices of issued circular `id`.
    pub fn notices(&self, id: i64, per_employee: bool) -> Result<Vec<notices::Notice>> {
        let (engine, report) = self.rule_engine(id)?;
        notices::notices(&engine, &report.roster, per_employee)
    }

    /// Writes the notices of issued circular `id` to `merged` (and the
    /// folder beside it), signed when `signing` is given, and records the
    /// signed files' hashes: [`Store::notice_batch`], [`NoticeBatch::write`]
    /// and [`Store::record_notices`] in one go.
    pub fn write_notices(
        &mut self,
        id: i64,
        request: NoticeRequest,
        cancel: &AtomicBool,
        progress: impl FnMut(Progress),
    ) -> Result<Written> {
        let batch = self.notice_batch(id, request)?;
        let written = batch.write(cancel, progress)?;
        self.record_notices(&batch, &written)?;
        Ok(written)
    }

    /// Gathers what the notices of issued circular `id` need from the store
    /// (the notices, the signer with its passphrase checked), so they can be
    /// written without holding it.
    pub fn notice_batch(&self, id: i64, request: NoticeRequest) -> Result<NoticeBatch> {
        let notices = self.notices(id, request.per_employee)?;
        let signer = match request.signing {
            Some((certificate_id, passphrase)) => {
                self.check_owner(id, certificate_id)?;
                Some(self.signer(certificate_id, passphrase)?)
            }
            None => None,
        };
        Ok(NoticeBatch {
            circular_id: id,
            notices,
            signer,
            merged: request.merged,
            paper: request.paper,
        })
    }

    /// Records the hashes of a finished batch's signed files, so
    /// verification finds them under the circular's number (an unsigned or
    /// cancelled batch has nothing to record).
    pub fn record_notices(&mut self, batch: &NoticeBatch, written: &Written) -> Result<()> {
        if written.cancelled || written.signed_hashes.is_empty() {
            return Ok(());
        }
        self.in_transaction(|store| {
            let at = Utc::now().to_rfc3339();
            for hash in &written.signed_hashes {
                store.conn.execute(
                    "INSERT OR IGNORE INTO signed_notice (pdf_sha256, circular_id, signed_at) VALUES (?1, ?2, ?3)",
                    params![hash, batch.circular_id, at],
                )?;
            }
            Ok(())
        })
        .map_err(|e| Error::Refused {
            code: ErrorCode::PemberitahuanBelumTercatat,
            message: format!(
                "Pemberitahuan sudah ditulis ({}), tetapi sidik berkas bertanda tangannya belum tercatat untuk verifikasi: {e} Cetak ulang pemberitahuan agar tercatat.",
                batch.merged.display()
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use chrono::{Datelike, NaiveDate, Weekday};

    use super::*;
    use crate::agency::{AgencyKind, UnitKind};
    use crate::circular::{CircularKind, CircularStatus, Clause};
    use crate::pdf::Heading;
    use crate::rules::{
        DayPattern, ExceptionReason, PersonalException, Picket, Placement, ShiftGroup,
        GROUPS_ANNEX, SHARE_ANNEX,
    };

    const PASS: &str = "sandi rahasia kantor";

    fn picket() -> Rules {
        Rules {
            picket: Some(Picket {
                per_day: 2,
                unit_kinds: vec![UnitKind::Sekretariat, UnitKind::Bidang],
                categories: Vec::new(),
                agencies: Vec::new(),
                ..Default::default()
            }),
            ..Rules::default()
        }
    }

    /// The demo office with a draft from the template (two weeks from
    /// 24 November 2026), signed by the head of region.
    fn draft() -> (Store, i64) {
        let mut store = Store::for_test().unwrap();
        crate::demo::fill(&mut store).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let id = store
            .create_from_template(CircularKind::WfhBaru, day, "uji")
            .unwrap();
        (store, id)
    }

    fn issued(rules: Rules) -> (Store, i64) {
        let (mut store, id) = draft();
        store.save_rules(id, rules, "uji").unwrap();
        store.initial(id, "uji").unwrap();
        store
            .issue(
                id,
                &crate::store::Issue::on(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
                "uji",
            )
            .unwrap();
        (store, id)
    }

    #[test]
    fn rules_are_checked_by_name_and_row_and_nothing_is_half_saved() {
        let (mut store, id) = draft();
        let before = store.circular(id).unwrap().document;
        let nip = store.workforce().unwrap().employees[0].nip.clone().unwrap();
        let mut rules = picket();
        rules.exceptions = vec![
            PersonalException {
                nip: nip.clone(),
                placement: Placement::DiRumah,
                reason: ExceptionReason::Hamil,
                from: None,
                to: None,
                note: String::new(),
            },
            PersonalException {
                nip: "199001012015031999".into(),
                placement: Placement::DiKantor,
                reason: ExceptionReason::LayananEsensial,
                from: None,
                to: None,
                note: String::new(),
            },
        ];
        let e = store.save_rules(id, rules.clone(), "uji").unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("nip_tidak_dikenal", Some("exceptions"))
        );
        assert!(e.to_string().contains("baris 2") && e.to_string().contains("199001012015031999"));
        assert_eq!(store.circular(id).unwrap().document, before);
        rules.exceptions.pop();
        rules.exempt_agencies = vec![
            AgencyRef::Name("Dinas Tidak Ada Sama Sekali".into()),
            AgencyRef::Name("Dinas Kesehtan".into()),
        ];
        let e = store.save_rules(id, rules.clone(), "uji").unwrap_err();
        assert_eq!(e.code(), ErrorCode::PerangkatDaerahTidakDikenal);
        // Every unknown name is listed, each with the office's closest names.
        let message = e.to_string();
        assert!(
            message.contains("\"Dinas Tidak Ada Sama Sekali\"")
                && message.contains("\"Dinas Kesehtan\" (mungkin: Dinas Kesehatan"),
            "{message}"
        );
        assert_eq!(store.circular(id).unwrap().document, before);
        rules.exempt_agencies.clear();
        let view = store.save_rules(id, rules, "uji").unwrap();
        assert!(
            view.clauses.iter().any(|c| c.contains("2 (dua) orang")),
            "{:?}",
            view.clauses
        );
        assert!(
            view.clauses
                .iter()
                .any(|c| c.contains("1 (satu) pegawai ditetapkan tetap bekerja di rumah")),
            "{:?}",
            view.clauses
        );
        store.place_rule_clauses(id, "uji").unwrap();
        let points = store.circular(id).unwrap().document.points;
        let at = points
            .iter()
            .position(|p| p.clause == Some(Clause::Aturan))
            .unwrap();
        assert_eq!(points[at + 1].clause, Some(Clause::Penutup));
        assert_eq!(points[at].children.len(), 2);
        assert!(
            points[at].children[1]
                .text
                .ends_with("sebagaimana tercantum dalam Lampiran Surat Edaran ini."),
            "{}",
            points[at].children[1].text
        );
        let annexes = store.circular(id).unwrap().document.annexes;
        let listed = annexes.iter().find(|a| a.title == EXCEPTION_ANNEX).unwrap();
        assert_eq!(listed.rows.len(), 1);
        assert!(
            listed.rows[0].contains(&nip) && listed.rows[0].iter().any(|c| c.contains("hamil"))
        );
    }

    #[test]
    fn exempt_agencies_are_kept_by_name_so_clauses_and_exchange_files_name_them() {
        let (mut store, id) = draft();
        let agency = store.agencies("").unwrap().remove(0);
        let rules = Rules {
            exempt_agencies: vec![AgencyRef::Id(agency.id)],
            ..Rules::default()
        };
        let view = store.save_rules(id, rules, "uji").unwrap();
        assert_eq!(
            view.rules.exempt_agencies,
            [AgencyRef::Name(agency.name.clone())]
        );
        assert!(view.clauses[0].contains(&agency.name), "{:?}", view.clauses);
        // A short name the office records reads as the full name.
        let rules = Rules {
            exempt_agencies: vec![AgencyRef::Name("disdukcapil".into())],
            ..Rules::default()
        };
        let view = store.save_rules(id, rules, "uji").unwrap();
        assert_eq!(
            view.rules.exempt_agencies,
            [AgencyRef::Name(
                "Dinas Kependudukan dan Pencatatan Sipil".into()
            )]
        );
    }

    #[test]
    fn rules_are_checked_against_the_office_again_at_issue() {
        let (mut store, id) = draft();
        let nip = store
            .workforce()
            .unwrap()
            .employees
            .iter()
            .find_map(|e| e.nip.clone())
            .unwrap();
        let rules = Rules {
            exceptions: vec![PersonalException {
                nip: nip.clone(),
                placement: Placement::DiRumah,
                reason: ExceptionReason::Hamil,
                from: None,
                to: None,
                note: String::new(),
            }],
            ..Rules::default()
        };
        store.save_rules(id, rules, "uji").unwrap();
        let person = store.employee_by_nip(&nip).unwrap();
        store.delete_employee(person.id).unwrap();
        let e = store
            .issue(
                id,
                &crate::store::Issue::on(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
                "uji",
            )
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::NipTidakDikenal);
        assert!(e.to_string().contains(&nip), "{e}");
        assert!(
            store.circular(id).unwrap().summary.number.is_none(),
            "no number taken"
        );
    }

    #[test]
    fn shift_groups_and_share_bounds_print_as_lampiran_tables_the_clauses_cite() {
        let (mut store, id) = draft();
        let mut rules = picket();
        let picket = rules.picket.as_mut().unwrap();
        picket.per_day = 1;
        picket.groups = ["A", "B"]
            .map(|name| ShiftGroup {
                name: name.into(),
                pattern: if name == "A" {
                    DayPattern::MingguGanjil
                } else {
                    DayPattern::MingguGenap
                },
                weekdays: Vec::new(),
            })
            .to_vec();
        rules.min_share_percent = Some(25);
        rules.max_share_percent = Some(50);
        store.save_rules(id, rules, "uji").unwrap();
        store.place_rule_clauses(id, "uji").unwrap();
        let doc = store.circular(id).unwrap().document;
        let titles: Vec<&str> = doc.annexes.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, [GROUPS_ANNEX, SHARE_ANNEX]);
        let groups = &doc.annexes[0];
        assert_eq!(groups.rows[0][1], "Kelompok A");
        assert!(
            groups.rows[1][2].starts_with("Minggu genap"),
            "{:?}",
            groups.rows
        );
        let members: usize = groups
            .rows
            .iter()
            .map(|r| r[3].trim_end_matches(" orang").parse::<usize>().unwrap())
            .sum();
        assert!(members > 100, "{members}");
        let bounds = &doc.annexes[1];
        let setda = bounds
            .rows
            .iter()
            .find(|r| r[1] == "Sekretariat Daerah")
            .unwrap();
        let staff: usize = setda[2].trim_end_matches(" orang").parse().unwrap();
        assert_eq!(setda[3], format!("{} orang", (staff * 25).div_ceil(100)));
        assert_eq!(setda[4], format!("{} orang", staff * 50 / 100));
        let at = doc
            .points
            .iter()
            .position(|p| p.clause == Some(Clause::Aturan))
            .unwrap();
        let text: Vec<&str> = doc.points[at]
            .children
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert!(
            text.iter().any(|t| t.contains("secara bergiliran (shift)")
                && t.ends_with("sebagaimana tercantum dalam Lampiran I Surat Edaran ini.")),
            "{text:?}"
        );
        assert!(text.iter().any(|t| t.contains("paling sedikit 25% (dua puluh lima persen) dan paling banyak 50% (lima puluh persen)") && t.ends_with("Lampiran II Surat Edaran ini.")), "{text:?}");
        // Taking the groups away takes their table away on the next placing.
        let mut rules = store.rules(id).unwrap().rules;
        rules.picket.as_mut().unwrap().groups.clear();
        store.save_rules(id, rules, "uji").unwrap();
        store.place_rule_clauses(id, "uji").unwrap();
        let titles: Vec<String> = store
            .circular(id)
            .unwrap()
            .document
            .annexes
            .iter()
            .map(|a| a.title.clone())
            .collect();
        assert_eq!(titles, [SHARE_ANNEX]);
    }

    #[test]
    fn the_agency_grid_shows_every_day_with_weekends_off_and_the_picket_per_unit() {
        let (mut store, id) = draft();
        store.save_rules(id, picket(), "uji").unwrap();
        store.generate_roster(id).unwrap();
        let agency = store
            .agencies("")
            .unwrap()
            .into_iter()
            .find(|a| a.unit_count > 1)
            .unwrap();
        let grid = store.agency_grid(id, agency.id).unwrap();
        let period = store.circular(id).unwrap().document.period.unwrap();
        let span = (period.end.unwrap() - period.start).num_days() as usize + 1;
        let picket_units = store
            .units(agency.id)
            .unwrap()
            .iter()
            .filter(|u| {
                u.parent_id.is_none() && matches!(u.kind, UnitKind::Sekretariat | UnitKind::Bidang)
            })
            .count();
        assert!(picket_units > 1);
        assert_eq!(grid.days.len(), span);
        assert_eq!(grid.rows.len() as i64, agency.employee_count);
        for (d, day) in grid.days.iter().enumerate() {
            let weekend = matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend {
                assert!(!day.working);
                assert!(grid
                    .rows
                    .iter()
                    .all(|r| r.cells[d].status == Status::Libur && !r.cells[d].editable));
                continue;
            }
            if !day.working {
                continue;
            }
            let mut on_duty = 0;
            for r in &grid.rows {
                let cell = &r.cells[d];
                assert!(!cell.reason.is_empty());
                if cell.status == Status::Piket {
                    assert!(cell.editable && cell.source.is_some());
                    on_duty += 1;
                }
            }
            assert!(
                on_duty >= 2 * picket_units,
                "{}: {on_duty} on duty",
                day.date
            );
        }
    }

    #[test]
    fn notices_go_to_every_bound_agency_head_with_its_roster_and_to_each_picket() {
        let (mut store, draft_id) = draft();
        store.save_rules(draft_id, picket(), "uji").unwrap();
        assert_eq!(
            store.notices(draft_id, false).unwrap_err().code(),
            ErrorCode::BelumTerbit
        );
        let (store, id) = issued(picket());
        let list = store.notices(id, true).unwrap();
        let agencies = store.agencies("").unwrap();
        let bound = agencies.iter().filter(|a| a.employee_count > 0).count();
        let heads: Vec<_> = list
            .iter()
            .filter(|n| n.heading == Heading::Notice("PEMBERITAHUAN".into()))
            .collect();
        assert_eq!(heads.len(), bound);
        let (_, report) = store.rule_engine(id).unwrap();
        let annex_rows: usize = heads
            .iter()
            .flat_map(|n| &n.document.annexes)
            .map(|a| a.rows.len())
            .sum();
        let slots: std::collections::HashSet<_> = report
            .roster
            .on_duty()
            .map(|a| (a.date, a.unit_id))
            .collect();
        assert_eq!(annex_rows, slots.len(), "one annex row per day and unit");
        let first = &heads[0].document;
        assert!(
            first.addressees[0].starts_with("Kepala ")
                || first.addressees[0].starts_with("Sekretaris")
                || first.addressees[0].starts_with("Inspektur")
                || first.addressees[0].starts_with("Camat")
        );
        assert!(first.points[0]
            .text
            .contains(&format!("Nomor {}", first.number)));
        let people: std::collections::HashSet<i64> =
            report.roster.on_duty().map(|a| a.employee_id).collect();
        assert_eq!(list.len() - heads.len(), people.len());
    }

    #[test]
    fn notices_of_a_circular_recorded_from_srikandi_cite_srikandis_number() {
        use crate::srikandi::{tests as pdfs, SrikandiPdf};
        let (mut store, id) = draft();
        store.save_rules(id, picket(), "uji").unwrap();
        let pdf = SrikandiPdf::from_bytes(pdfs::signed(&pdfs::printed(pdfs::NUMBER))).unwrap();
        let recording = crate::store::Recording {
            number: pdfs::NUMBER.into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            register_id: None,
        };
        store
            .record_from_srikandi(id, &recording, &pdf, false, "uji")
            .unwrap();
        let batch = store
            .notice_batch(
                id,
                NoticeRequest {
                    per_employee: true,
                    merged: std::env::temp_dir().join("pemberitahuan.pdf"),
                    paper: crate::office::PaperSize::F4,
                    signing: None,
                },
            )
            .unwrap();
        assert!(!batch.notices.is_empty());
        for notice in &batch.notices {
            assert!(
                notice.document.points[0]
                    .text
                    .contains("Nomor 800.1.11/123/BKPSDM/2026 tanggal 23 November 2026"),
                "{}",
                notice.document.points[0].text
            );
        }
    }

    #[test]
    fn notices_without_a_picket_rule_are_not_titled_as_a_roster_and_cite_no_missing_lampiran() {
        let (store, _) = draft();
        let someone = store.workforce().unwrap().employees[3].clone();
        let rules = Rules {
            top_levels: Some(2),
            exempt_kinds: vec![AgencyKind::Puskesmas],
            exceptions: vec![PersonalException {
                nip: someone.nip.clone().unwrap(),
                placement: Placement::DiRumah,
                reason: ExceptionReason::Hamil,
                from: None,
                to: None,
                note: String::new(),
            }],
            ..Rules::default()
        };
        let (store, id) = issued(rules);
        let list = store.notices(id, true).unwrap();
        assert!(!list.is_empty());
        for n in &list {
            let d = &n.document;
            let body: Vec<&str> = d
                .points
                .iter()
                .flat_map(|p| std::iter::once(p).chain(&p.children))
                .map(|p| p.text.as_str())
                .collect();
            assert!(!d.subject.contains("Jadwal Piket"), "{}", d.subject);
            assert!(
                d.subject.starts_with("Sistem Kerja Pegawai"),
                "{}",
                d.subject
            );
            assert!(d.annexes.is_empty());
            assert!(
                !body
                    .iter()
                    .any(|t| t.contains("lampiran pemberitahuan") || t.contains("piket")),
                "{body:#?}"
            );
            // The rules' clauses cite the circular's lampiran, not the notice's.
            assert!(body
                .iter()
                .any(|t| t.contains("sebagaimana tercantum dalam lampiran Surat Edaran tersebut")));
        }
        // The agency of the person kept at home names them.
        let theirs = list
            .iter()
            .find(|n| n.document.subject.ends_with(someone.agency_name.trim()))
            .unwrap();
        let named = theirs
            .document
            .points
            .iter()
            .find(|p| p.text.contains("ditetapkan secara perorangan"))
            .expect("the agency's own exceptions");
        assert_eq!(named.children.len(), 1);
        assert!(
            named.children[0]
                .text
                .contains("tetap di rumah karena sedang hamil."),
            "{}",
            named.children[0].text
        );
        // With a picket rule the roster is the notice's lampiran and its title.
        let (store, id) = issued(picket());
        let with_roster = store.notices(id, false).unwrap();
        let n = with_roster
            .iter()
            .find(|n| !n.document.annexes.is_empty())
            .unwrap();
        assert!(n.document.subject.starts_with("Jadwal Piket Pegawai"));
        assert!(n.document.points[0]
            .text
            .contains("lampiran pemberitahuan ini"));
    }

    #[test]
    fn the_roster_xlsx_holds_real_dates_and_the_csv_writes_them_day_first() {
        use calamine::{Data, Reader, Xlsx};
        let (store, id) = issued(picket());
        let (engine, report) = store.rule_engine(id).unwrap();
        let first = report.roster.on_duty().next().unwrap().date;
        let bytes = crate::rules::export::to_xlsx(&engine, &report.roster).unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Jadwal Piket").unwrap();
        let Some(Data::DateTime(date)) = range.get((1, 0)) else {
            panic!("a date cell, not {:?}", range.get((1, 0)))
        };
        assert!(date.is_datetime());
        let excel_epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
        assert_eq!(date.as_f64(), (first - excel_epoch).num_days() as f64);
        let csv = crate::rules::export::to_csv(&engine, &report.roster);
        assert!(
            csv.lines()
                .nth(1)
                .unwrap()
                .starts_with(&first.format("%d-%m-%Y;").to_string()),
            "{csv}"
        );
    }

    #[test]
    fn writing_notices_makes_files_and_a_merged_pdf_and_cancel_leaves_nothing() {
        let (mut store, id) = issued(picket());
        let dir = tempfile::tempdir().unwrap();
        let request = |name: &str| NoticeRequest {
            per_employee: false,
            merged: dir.path().join(name),
            paper: PaperSize::F4,
            signing: None,
        };
        let stop = AtomicBool::new(false);
        let written = store
            .write_notices(id, request("Pemberitahuan SE 800.1.pdf"), &stop, |p| {
                if p.done == 2 {
                    stop.store(true, Ordering::Relaxed)
                }
            })
            .unwrap();
        assert!(written.cancelled);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing left behind"
        );
        stop.store(false, Ordering::Relaxed);
        let mut seen = Vec::new();
        let written = store
            .write_notices(id, request("Pemberitahuan SE 800.1.pdf"), &stop, |p| {
                seen.push(p.done)
            })
            .unwrap();
        assert!(!written.cancelled && !written.signed);
        assert_eq!(written.folder, dir.path().join("Pemberitahuan SE 800.1"));
        let files = std::fs::read_dir(&written.folder).unwrap().count();
        assert_eq!(files, written.files);
        assert_eq!(seen.len(), files + 1);
        let merged = lopdf::Document::load(&written.merged).unwrap();
        assert_eq!(merged.get_pages().len(), written.pages);
        assert!(
            written.pages >= 2 * files,
            "each notice has its lampiran page"
        );
    }

    #[test]
    fn signed_notices_verify_against_the_circulars_register_entry() {
        let (mut store, id) = issued(picket());
        let signer = store.circular(id).unwrap().document.signature.name;
        let head = store
            .signatories()
            .unwrap()
            .into_iter()
            .find(|s| {
                crate::circular::Signature::by(s, crate::circular::SigningMode::Langsung, "", "")
                    .name
                    == signer
            })
            .unwrap();
        let cert = store.create_internal_certificate(head.id, PASS).unwrap().id;
        let dir = tempfile::tempdir().unwrap();
        let request = |pass| NoticeRequest {
            per_employee: false,
            merged: dir.path().join("notices.pdf"),
            paper: PaperSize::A4,
            signing: Some((cert, pass)),
        };
        let stop = AtomicBool::new(false);
        let e = store
            .write_notices(id, request("salah"), &stop, |_| {})
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::KataSandiSalah);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let written = store
            .write_notices(id, request(PASS), &stop, |_| {})
            .unwrap();
        assert!(written.signed);
        let one = std::fs::read_dir(&written.folder)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let v = store.verify_document(&std::fs::read(one).unwrap()).unwrap();
        assert_eq!(v.verdict, crate::sign::Verdict::Sah, "{v:?}");
        assert!(v.register_matched, "{v:?}");
        let m = v.register[0].as_ref().unwrap();
        assert!(
            m.entry.is_some() && m.date_matches && m.hash_matches,
            "{m:?}"
        );
        assert_eq!(
            store.circular(id).unwrap().summary.status,
            CircularStatus::Terbit
        );
    }
}
