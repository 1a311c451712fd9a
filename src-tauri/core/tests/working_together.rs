//! Several workstations on one database: two editing the same draft never
//! overwrite each other silently (on the shared server and on a file alike),
//! and one that loses the server says so in Indonesian and carries on when
//! it is back, losing nothing committed.

use std::path::Path;

use edaran_core::circular::Circular;
use edaran_core::db::scratch::ScratchServer;
use edaran_core::db::ConnectionInfo;
use edaran_core::office::PaperSize;
use edaran_core::{demo, exchange, ErrorCode, Store};

fn seed() -> Circular {
    exchange::from_json(include_str!(
        "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
    ))
    .unwrap()
}

/// Rina and Budi open the same draft; Budi saves first; Rina's save, based
/// on what she opened, is refused naming Budi, and stores nothing of hers.
fn the_second_save_is_told_who_changed_it(location: &Path) {
    let mut rina = Store::open(location).unwrap();
    let mut budi = Store::open(location).unwrap();
    rina.save_office(&demo::office_profile()).unwrap();
    let id = rina.create_circular(&seed(), "Rina").unwrap();
    let opened = rina.circular(id).unwrap();
    let seen_by_budi = budi.circular(id).unwrap();
    assert_eq!(opened.summary.version, seen_by_budi.summary.version);

    let mut his = seen_by_budi.document.clone();
    his.subject = "Versi Budi".into();
    budi.edit_draft(
        id,
        &his,
        Some(seen_by_budi.summary.version),
        PaperSize::F4,
        1,
        "Budi",
    )
    .unwrap();

    let mut hers = opened.document.clone();
    hers.subject = "Versi Rina".into();
    let err = rina
        .edit_draft(
            id,
            &hers,
            Some(opened.summary.version),
            PaperSize::F4,
            1,
            "Rina",
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::DiubahDiTempatLain);
    assert!(
        err.to_string()
            .starts_with("Draf ini sudah diubah oleh Budi"),
        "{err}"
    );
    let stored = rina.circular(id).unwrap();
    assert_eq!(
        stored.summary.subject, "Versi Budi",
        "nothing of Rina's was stored"
    );

    // Seen the newest, she may write over it on purpose.
    rina.edit_draft(
        id,
        &hers,
        Some(stored.summary.version),
        PaperSize::F4,
        1,
        "Rina",
    )
    .unwrap();
    assert_eq!(budi.circular(id).unwrap().summary.subject, "Versi Rina");
}

#[test]
fn a_conflicting_edit_is_refused_on_the_shared_server() {
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server.create_database("bersama").unwrap();
    the_second_save_is_told_who_changed_it(Path::new(&url));
}

#[test]
fn a_conflicting_edit_is_refused_on_a_file_too() {
    let dir = tempfile::tempdir().unwrap();
    the_second_save_is_told_who_changed_it(&dir.path().join("kantor.db"));
}

#[test]
fn a_lost_server_is_said_in_indonesian_and_work_resumes_when_it_is_back() {
    let mut server = ScratchServer::start().expect("server PostgreSQL uji");
    let url = server.create_database("kantor").unwrap();
    let mut store = Store::open(Path::new(&url)).unwrap();
    store.save_office(&demo::office_profile()).unwrap();
    let mut doc = seed();
    let id = store.create_circular(&doc, "Rina").unwrap();

    server.stop();
    doc.subject = "Perubahan saat server mati".into();
    let err = store.save_draft(id, &doc, "Rina").unwrap_err();
    assert_eq!(err.code(), ErrorCode::ServerTerputus, "{err}");
    assert!(
        err.to_string()
            .starts_with("Sambungan ke server basis data bersama terputus"),
        "{err}"
    );

    server.resume().unwrap();
    doc.subject = "Perubahan setelah server kembali".into();
    store.save_draft(id, &doc, "Rina").unwrap();
    let again = Store::open(Path::new(&url)).unwrap();
    assert_eq!(
        again.circular(id).unwrap().summary.subject,
        "Perubahan setelah server kembali"
    );
}

/// A server that asks a password: none given, or a wrong one, is said at
/// the password field and opens nothing; the right one opens the office.
#[test]
fn a_workstation_signs_in_with_the_password_the_server_asks_for() {
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server
        .create_guarded_database("berkata_sandi", "sandi kantor 2026")
        .unwrap();
    let info = ConnectionInfo::parse(&url).unwrap();

    let Err(missing) = Store::connect(&info) else {
        panic!("opened without a password")
    };
    assert_eq!(missing.code(), ErrorCode::KataSandiServer, "{missing}");
    assert_eq!(missing.field(), Some("password"));
    assert!(
        missing.to_string().contains("meminta kata sandi"),
        "{missing}"
    );

    let Err(wrong) = Store::connect(&info.clone().with_password("sandi lama")) else {
        panic!("opened with a wrong password")
    };
    assert_eq!(wrong.code(), ErrorCode::KataSandiServer);
    assert!(
        wrong
            .to_string()
            .contains("nama pengguna atau kata sandinya salah"),
        "{wrong}"
    );

    let mut store = Store::connect(&info.with_password("sandi kantor 2026")).unwrap();
    store.save_office(&demo::office_profile()).unwrap();
    assert!(store.is_shared());
}

/// The app's async commands (a file dialog, then the store) run on an async
/// runtime's worker; the server's synchronous client works there too, from
/// connecting to closing.
#[test]
fn the_shared_store_serves_the_apps_async_commands() {
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server.create_database("dari_async").unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let office = runtime.block_on(async move {
        tokio::spawn(async move {
            let mut store = Store::open(Path::new(&url)).unwrap();
            store.save_office(&demo::office_profile()).unwrap();
            let office = store.office().unwrap().unwrap().office_name;
            drop(store);
            office
        })
        .await
        .unwrap()
    });
    assert_eq!(office, demo::office_profile().office_name);
}

/// Each workstation's next workflow dialog offers its own clerk's name,
/// not the name of whoever worked last at another one.
#[test]
fn each_workstation_is_offered_its_own_clerks_name() {
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server
        .create_guarded_database("nama_petugas", "sandi kantor")
        .unwrap();
    let sekretariat = ConnectionInfo::parse(&url)
        .unwrap()
        .with_password("sandi kantor");
    // The same database as the office's administrator, as another station would be.
    let mutasi =
        ConnectionInfo::parse(&url.replacen("petugas_nama_petugas@", "edaran@", 1)).unwrap();
    let mut rina = Store::connect(&sekretariat).unwrap();
    rina.save_office(&demo::office_profile()).unwrap();
    let mut budi = Store::connect(&mutasi).unwrap();
    let first = rina.create_circular(&seed(), "Rina").unwrap();
    let second = rina.create_circular(&seed(), "Rina").unwrap();
    rina.initial(first, "Rina (sekretariat)").unwrap();
    budi.initial(second, "Budi (mutasi)").unwrap();
    assert_eq!(rina.last_actor().unwrap(), "Rina (sekretariat)");
    assert_eq!(budi.last_actor().unwrap(), "Budi (mutasi)");
}

/// *Pakai server ini* on a database that holds another program's tables is
/// refused, and Edaran creates nothing there.
#[test]
fn a_database_of_another_program_is_refused_untouched() {
    let server = ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server.create_database("program_lain").unwrap();
    let mut other = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    other
        .batch_execute("CREATE TABLE gaji (nip TEXT, jumlah BIGINT)")
        .unwrap();
    let Err(refused) = Store::connect(&ConnectionInfo::parse(&url).unwrap()) else {
        panic!("Edaran took over another program's database")
    };
    assert_eq!(refused.code(), ErrorCode::SkemaTidakSah, "{refused}");
    assert!(
        refused.to_string().contains("bukan milik Edaran"),
        "{refused}"
    );
    let tables: i64 = other
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing created beside its table");
}
