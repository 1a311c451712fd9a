//! The registers (*buku agenda*) the office keeps. The office's own
//! ([`register::OWN`]) numbers with the office profile's template; the
//! others carry their own.

use crate::db::params;
use crate::db::Row;
use crate::error::OptionalExtension;

use super::Store;
use crate::circular::Circular;
use crate::docx::srikandi::{Sheet, Sifat, Urgensi};
use crate::error::{Error, Result};
use crate::register::{self, Register};
use crate::ErrorCode;

fn row(r: &Row) -> Result<Register> {
    Ok(Register {
        id: r.get(0)?,
        name: r.get(1)?,
        numbering_template: r.get(2)?,
        classification: r.get(3)?,
        unit_code: r.get(4)?,
    })
}

const COLUMNS: &str = "id, name, numbering_template, classification, unit_code";

impl Store {
    /// The SRIKANDI metadata sheet of `c`: the classification is that of the
    /// office's own register, which SRIKANDI's numbering stands in for.
    pub fn srikandi_sheet(&self, c: &Circular, sifat: Sifat, urgensi: Urgensi) -> Result<Sheet> {
        let classification = self.register_by_id(None)?.classification;
        Ok(Sheet::new(c, Some(&classification), sifat, urgensi))
    }

    /// Every register, the office's own first, as it numbers today.
    pub fn registers(&self) -> Result<Vec<Register>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM register ORDER BY id <> 1, name"
        ))?;
        let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>>>()?;
        rows.into_iter().map(|r| self.numbering_of(r)).collect()
    }

    /// Register `id` (the office's own when `None`).
    pub fn register_by_id(&self, id: Option<i64>) -> Result<Register> {
        let id = id.unwrap_or(register::OWN);
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM register WHERE id = ?1"),
                [id],
                row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Buku agenda dengan id {id}")))?;
        self.numbering_of(found)
    }

    /// The register called `name` (case ignored); an unknown name lists the known ones.
    pub fn register_named(&self, name: &str) -> Result<Register> {
        let registers = self.registers()?;
        let names: Vec<String> = registers.iter().map(|r| r.name.clone()).collect();
        registers
            .into_iter()
            .find(|r| r.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    ErrorCode::BukuAgendaTidakAda,
                    "register",
                    format!(
                        "Buku agenda \"{}\" tidak ada; yang ada: {}.",
                        name.trim(),
                        crate::words::list(&names)
                    ),
                )
            })
    }

    /// Adds (id 0) or changes a register and returns its id. The office's own
    /// keeps the profile's numbering: only its name is stored.
    pub fn save_register(&mut self, input: &Register) -> Result<i64> {
        let r = input.validated()?;
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM register WHERE name = ?1 AND id <> ?2",
                params![r.name, r.id],
                |row| row.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::invalid(
                ErrorCode::NamaSudahAda,
                "name",
                format!("Buku agenda bernama {} sudah ada.", r.name),
            ));
        }
        if r.id == 0 {
            return Ok(self.conn.insert(
                "INSERT INTO register (name, numbering_template, classification, unit_code) VALUES (?1, ?2, ?3, ?4)",
                params![r.name, r.numbering_template, r.classification, r.unit_code],
            )?);
        }
        self.register_by_id(Some(r.id))?;
        let own = r.id == register::OWN;
        self.conn.execute(
            "UPDATE register SET name = ?2, numbering_template = ?3, classification = ?4, unit_code = ?5 WHERE id = ?1",
            params![
                r.id,
                r.name,
                if own { "" } else { &r.numbering_template },
                if own { "" } else { &r.classification },
                if own { "" } else { &r.unit_code }
            ],
        )?;
        Ok(r.id)
    }

    /// The office's own register numbers with the profile's template.
    fn numbering_of(&self, mut r: Register) -> Result<Register> {
        if r.id == register::OWN {
            if let Some(office) = self.office()? {
                r.numbering_template = office.numbering_template;
                r.classification = office.classification;
                r.unit_code = office.unit_code;
            }
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    #[test]
    fn the_office_keeps_its_own_register_and_others_with_their_own_templates() {
        let mut store = Store::for_test().unwrap();
        store.save_office(&demo::office_profile()).unwrap();
        let own = store.register_by_id(None).unwrap();
        assert_eq!(
            own.numbering_template,
            "{klasifikasi}/{nomor}/{unit}/{tahun}"
        );
        let org = Register {
            name: " Bagian Organisasi Setda ".into(),
            numbering_template: "{klasifikasi}/{nomor}/ORG/{tahun}".into(),
            classification: "061".into(),
            ..Default::default()
        };
        let id = store.save_register(&org).unwrap();
        assert_eq!(
            store.register_named("bagian organisasi setda").unwrap().id,
            id
        );
        let e = store.save_register(&org).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("nama_sudah_ada", Some("name"))
        );
        let e = store
            .save_register(&Register {
                name: "Tanpa tahun".into(),
                numbering_template: "{nomor}/ORG".into(),
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::TemplatTanpaTahun);
        let e = store.register_named("Setda").unwrap_err();
        assert!(e.to_string().contains("Bagian Organisasi Setda"), "{e}");
        // Renaming the office's own register keeps the profile's numbering.
        store
            .save_register(&Register {
                id: register::OWN,
                name: "Buku Agenda BKPSDM".into(),
                numbering_template: "{nomor}/X/{tahun}".into(),
                ..Default::default()
            })
            .unwrap();
        let names: Vec<String> = store
            .registers()
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["Buku Agenda BKPSDM", "Bagian Organisasi Setda"]);
        assert_eq!(
            store.register_by_id(None).unwrap().numbering_template,
            own.numbering_template
        );
    }
}
