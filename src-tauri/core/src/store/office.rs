//! The office profile and its emblem in the store.

use crate::db::params;
use crate::error::OptionalExtension;

use super::trash::{Deleted, Removed};
use super::Store;
use crate::error::{Error, Result};
use crate::files::MAX_IMAGE_BYTES;
use crate::office::OfficeProfile;
use crate::ErrorCode;

impl Store {
    /// The profile, or `None` in a database nobody has set up yet.
    pub fn office(&self) -> Result<Option<OfficeProfile>> {
        Ok(self
            .conn
            .query_row(
                "SELECT region_kind, region_name, office_name, address_lines, place,
                        numbering_template, classification, unit_code, paper
                 FROM office WHERE id = 1",
                [],
                |r| {
                    let lines: String = r.get(3)?;
                    Ok(OfficeProfile {
                        region_kind: r.get(0)?,
                        region_name: r.get(1)?,
                        office_name: r.get(2)?,
                        address_lines: lines.lines().map(str::to_string).collect(),
                        place: r.get(4)?,
                        numbering_template: r.get(5)?,
                        classification: r.get(6)?,
                        unit_code: r.get(7)?,
                        paper: r.get(8)?,
                    })
                },
            )
            .optional()?)
    }

    /// Validates and saves the profile (the emblem is kept).
    pub fn save_office(&mut self, profile: &OfficeProfile) -> Result<OfficeProfile> {
        let p = profile.validated()?;
        self.conn.execute(
            "INSERT INTO office (id, region_kind, region_name, office_name, address_lines, place,
                                 numbering_template, classification, unit_code, paper)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET region_kind = excluded.region_kind,
                 region_name = excluded.region_name, office_name = excluded.office_name,
                 address_lines = excluded.address_lines, place = excluded.place,
                 numbering_template = excluded.numbering_template,
                 classification = excluded.classification, unit_code = excluded.unit_code,
                 paper = excluded.paper",
            params![
                p.region_kind,
                p.region_name,
                p.office_name,
                p.address_lines.join("\n"),
                p.place,
                p.numbering_template,
                p.classification,
                p.unit_code,
                p.paper
            ],
        )?;
        Ok(p)
    }

    /// The emblem image (PNG or JPEG bytes), if one was chosen.
    pub fn emblem(&self) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT emblem FROM office WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// Removes the emblem, kept in the trash for *Urungkan*.
    pub fn remove_emblem(&mut self) -> Result<Deleted> {
        self.in_transaction(|store| {
            let mut removed = Removed::default();
            removed.empty(store, "office", "emblem", "id = 1", &[])?;
            store.set_emblem(None)?;
            store.trash("Lambang daerah".into(), &removed)
        })
    }

    /// Stores a PNG or JPEG emblem (`None` removes it). Needs a saved profile.
    pub fn set_emblem(&mut self, image: Option<&[u8]>) -> Result<()> {
        if let Some(bytes) = image {
            crate::image::kind(bytes)?;
            if bytes.len() as u64 > MAX_IMAGE_BYTES {
                return Err(Error::invalid(
                    ErrorCode::LambangTerlaluBesar,
                    "emblem",
                    format!(
                        "Berkas lambang {:.1} MB; maksimal {} MB.",
                        bytes.len() as f64 / 1_048_576.0,
                        MAX_IMAGE_BYTES / 1_048_576
                    ),
                ));
            }
        }
        let changed = self
            .conn
            .execute("UPDATE office SET emblem = ?1 WHERE id = 1", [image])?;
        if changed == 0 {
            return Err(Error::Refused {
                code: ErrorCode::ProfilBelumAda,
                message: "Simpan profil kantor terlebih dahulu sebelum memilih lambang.".into(),
            });
        }
        Ok(())
    }
}
