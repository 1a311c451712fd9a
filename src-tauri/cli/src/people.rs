//! `edaran demo`, `agencies`, `employees`, `import employees`: the office's
//! agencies and people.

use std::path::Path;

use edaran_core::store::EmployeeFilter;
use edaran_core::ErrorCode;
use edaran_core::{demo, files, import, Error, Store};

use crate::args::ImportWhat;
use crate::output::{emit, table, Format};

/// Fills a new database with the demo office.
pub fn demo(path: &Path) -> Result<(), Error> {
    let mut store = Store::open(path)?;
    if !store.is_new()? {
        return Err(Error::Refused {
            code: ErrorCode::BasisDataBerisi,
            message: format!(
                "Basis data {} sudah berisi data; kantor contoh hanya diisikan ke basis data baru.",
                path.display()
            ),
        });
    }
    demo::fill(&mut store)?;
    let o = store.overview()?;
    println!(
        "Kantor contoh dibuat di {}: {} perangkat daerah, {} unit, {} pegawai, {} hari libur, {} penandatangan.",
        path.display(),
        o.agencies,
        o.units,
        o.employees,
        o.holidays,
        o.signatories
    );
    Ok(())
}

/// Lists the agencies whose name holds `search`.
pub fn agencies(path: &Path, search: &str, format: Format) -> Result<(), Error> {
    let agencies = Store::open(path)?.agencies(search)?;
    emit(format, &agencies, || {
        table(
            &["ID", "NAMA", "SINGKATAN", "JENIS", "UNIT", "PEGAWAI"],
            agencies
                .iter()
                .map(|a| {
                    vec![
                        a.id.to_string(),
                        a.name.clone(),
                        a.short_name.clone(),
                        a.kind_label.to_string(),
                        a.unit_count.to_string(),
                        a.employee_count.to_string(),
                    ]
                })
                .collect(),
        )
    });
    Ok(())
}

/// Lists the employees of `agency` (by exact name) matching `search`.
pub fn employees(
    path: &Path,
    agency: Option<String>,
    search: String,
    format: Format,
) -> Result<(), Error> {
    let store = Store::open(path)?;
    let agency_id = match agency {
        Some(name) => Some(
            store
                .agency_by_name(&name)?
                .ok_or_else(|| Error::NotFound(format!("Perangkat daerah \"{name}\"")))?,
        ),
        None => None,
    };
    let rows = store
        .employees(&EmployeeFilter {
            query: search,
            agency_id,
            ..Default::default()
        })?
        .rows;
    emit(format, &rows, || {
        table(
            &["NIP", "NAMA", "JENIS", "GOL", "JABATAN", "PERANGKAT DAERAH"],
            rows.iter()
                .map(|e| {
                    vec![
                        e.nip.clone().unwrap_or_else(|| "-".into()),
                        e.full_name(),
                        e.employment.label().to_string(),
                        e.golongan.clone().unwrap_or_else(|| "-".into()),
                        e.position_name.clone(),
                        e.agency_name.clone(),
                    ]
                })
                .collect(),
        )
    });
    Ok(())
}

/// Imports employees from a CSV or XLSX file: every row or none.
pub fn import(path: &Path, what: ImportWhat) -> Result<(), Error> {
    let ImportWhat::Employees {
        file,
        mapping,
        create_missing,
        format,
    } = what;
    let file = import::ImportFile::read(&file)?;
    let mut store = Store::open(path)?;
    let mapping = match mapping {
        Some(json) => serde_json::from_str(&files::read_text_limited(
            &json,
            files::MAX_MAPPING_BYTES,
            "berkas pemetaan kolom (JSON)",
        )?)
        .map_err(|e| {
            Error::invalid(
                ErrorCode::PemetaanTidakSah,
                "mapping",
                format!("Berkas pemetaan {} tidak sah: {e}", json.display()),
            )
        })?,
        None => import::preview_import(&store, &file)?.mapping,
    };
    let summary = import::import_employees(&mut store, &file, &mapping, create_missing)?;
    emit(format, &summary, || {
        let mut text = format!(
            "Impor selesai: {} pegawai baru, {} diperbarui.\n",
            summary.created, summary.updated
        );
        if summary.agencies_created + summary.units_created > 0 {
            text += &format!(
                "Dibuat: {} perangkat daerah, {} unit.\n",
                summary.agencies_created, summary.units_created
            );
        }
        if !summary.skipped.is_empty() {
            text += &format!(
                "Dilewati (bukan pegawai aktif): {} baris.\n",
                summary.skipped.len()
            );
            for s in &summary.skipped {
                text += &format!(
                    "  baris {}: NIP {}, {}: {}\n",
                    s.line, s.nip, s.name, s.reason
                );
            }
        }
        if !summary.inferred_eselon.is_empty() {
            text += &format!(
                "Eselon dari nama jabatan ({} pegawai; periksa):\n",
                summary
                    .inferred_eselon
                    .iter()
                    .map(|i| i.count)
                    .sum::<usize>()
            );
            for i in &summary.inferred_eselon {
                text += &format!(
                    "  {} → {} ({} pegawai, pertama di baris {})\n",
                    i.position, i.eselon, i.count, i.line
                );
            }
        }
        text
    });
    Ok(())
}
