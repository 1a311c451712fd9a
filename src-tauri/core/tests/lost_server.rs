//! A workstation that loses the shared server: the save in flight fails
//! with an Indonesian message saying nothing was saved, and once the server
//! is back the same connection carries on (connected again) and loses
//! nothing that was committed.

use std::path::Path;

use edaran_core::db::scratch::ScratchServer;
use edaran_core::{demo, exchange, ErrorCode, Store};

#[test]
fn a_lost_server_is_said_in_indonesian_and_work_resumes_when_it_is_back() {
    let mut server = ScratchServer::start().expect("server PostgreSQL uji");
    let url = server.create_database("kantor").unwrap();
    let mut store = Store::open(Path::new(&url)).unwrap();
    store.save_office(&demo::office_profile()).unwrap();
    let mut doc = exchange::from_json(include_str!(
        "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
    ))
    .unwrap();
    let id = store.create_circular(&doc, "Rina").unwrap();

    server.stop();
    doc.subject = "Perubahan saat server mati".into();
    let err = store.save_draft(id, &doc, "Rina").unwrap_err();
    assert_eq!(err.code(), ErrorCode::ServerTerputus, "{err}");
    assert!(
        err.to_string().starts_with("Sambungan ke server basis data bersama terputus"),
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
