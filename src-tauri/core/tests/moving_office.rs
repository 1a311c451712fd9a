//! Moving an office onto the shared server and backing the server up: a
//! whole SQLite office copied into an empty PostgreSQL database (counts and
//! register sequences checked, numbering carrying on), a non-empty target
//! refused untouched, and a server's backup read back by Pulihkan.

use std::path::Path;

use chrono::NaiveDate;
use edaran_core::db::scratch::ScratchServer;
use edaran_core::store::{check_backup, copy_office, Issue};
use edaran_core::{demo, exchange, ErrorCode, Store};

fn numbers(store: &Store) -> Vec<String> {
    let mut n: Vec<String> = store
        .register("", None)
        .unwrap()
        .into_iter()
        .map(|e| e.number)
        .collect();
    n.sort();
    n
}

#[test]
fn a_sqlite_office_moves_whole_onto_an_empty_server_and_its_backup_restores() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kantor.db");
    let seed = exchange::from_json(include_str!(
        "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
    ))
    .unwrap();
    let date = NaiveDate::from_ymd_opt(2020, 5, 12).unwrap();
    {
        let mut store = Store::open(&file).unwrap();
        demo::fill(&mut store).unwrap();
        for _ in 0..3 {
            let id = store.create_circular(&seed, "Rina").unwrap();
            store.issue(id, &Issue::on(date), "Rina").unwrap();
        }
    }
    let local = Store::open(&file).unwrap();
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server.create_database("pindahan").unwrap();
    let copied = copy_office(&file, Path::new(&url)).unwrap();
    assert!(
        copied
            .tables
            .iter()
            .any(|(t, n)| t == "employee" && *n > 500),
        "{copied:?}"
    );
    assert!(!copied.sequences.is_empty());

    let mut shared = Store::open(Path::new(&url)).unwrap();
    assert_eq!(
        shared.circulars().unwrap().len(),
        local.circulars().unwrap().len()
    );
    assert_eq!(numbers(&shared), numbers(&local));
    assert_eq!(shared.overview().unwrap(), local.overview().unwrap());
    // Numbering carries on from the moved register, and new rows get new ids.
    let last = local
        .register("", Some(2020))
        .unwrap()
        .iter()
        .filter(|e| e.register_id == 1)
        .filter_map(|e| e.sequence)
        .max()
        .unwrap();
    let id = shared.create_circular(&seed, "Rina").unwrap();
    let number = shared.issue(id, &Issue::on(date), "Rina").unwrap();
    assert_eq!(number, format!("800/{}/BKPSDM/2020", last + 1));

    // A second copy into the now filled server is refused, nothing changed.
    let err = copy_office(&file, Path::new(&url)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::BasisDataBerisi);
    assert!(
        err.to_string().contains("sudah berisi data kantor"),
        "{err}"
    );
    assert_eq!(
        Store::open(Path::new(&url))
            .unwrap()
            .circulars()
            .unwrap()
            .len(),
        local.circulars().unwrap().len() + 1
    );

    // The server's backup is an ordinary backup file Pulihkan checks and loads.
    let backup = dir.path().join("cadangan-server.db");
    shared.backup_to(&backup).unwrap();
    let info = check_backup(&backup).unwrap();
    assert_eq!(
        info.circulars as usize,
        local.circulars().unwrap().len() + 1
    );
    let other = server.create_database("pulihan").unwrap();
    let mut restored = Store::open(Path::new(&other)).unwrap();
    restored.restore_from(&backup).unwrap();
    assert_eq!(numbers(&restored), numbers(&shared));
}
