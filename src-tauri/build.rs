//! Points tauri-build at the root `tauri.conf.json` and declares the app's
//! own commands, so capabilities can grant exactly those.

const COMMANDS: &[&str] = &[
    "certificates_list",
    "certificate_import",
    "certificate_create_internal",
    "certificate_remove",
    "trusted_roots_list",
    "trusted_root_import",
    "trusted_root_remove",
    "signing_certificates",
    "circular_issue_signed",
    "document_verify_pick",
    "document_verify_path",
    "overview",
    "reference_data",
    "database_info",
    "office_get",
    "office_save",
    "office_pick_emblem",
    "office_clear_emblem",
    "agencies_list",
    "agency_save",
    "agency_delete",
    "units_list",
    "unit_save",
    "unit_delete",
    "employees_list",
    "employee_save",
    "employee_delete",
    "signatories_list",
    "signatory_save",
    "signatory_delete",
    "holidays_list",
    "circulars_list",
    "circular_get",
    "circular_new",
    "circular_save",
    "circular_refresh",
    "circular_compose",
    "circular_preview",
    "circular_initial",
    "circular_issue",
    "circular_derive",
    "circular_delete",
    "circular_cancel_number",
    "circular_audit",
    "signature_for",
    "letterhead_for",
    "register_list",
    "circular_save_pdf",
    "circular_export_json",
    "circular_import_json",
    "register_export",
    "dashboard",
    "circular_extend",
    "circulars_search",
    "holiday_decrees",
    "holiday_decree_save",
    "holidays_import_csv",
    "holidays_export_csv",
    "settings_get",
    "settings_save",
    "backup_save",
    "backup_restore",
];

fn main() {
    println!("cargo:rerun-if-changed=../ui/dist");
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("../tauri.conf.json")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
