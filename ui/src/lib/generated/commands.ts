// Written by `cargo test -p edaran-app bindings` from the Rust definitions; do not edit.

import { invoke } from '@tauri-apps/api/core';
import type { Absence, Agency, AgencyGrid, AgencyInput, AuditEntry, CertificateRecord, Check, Circular, CircularKind, CircularRecord, CircularSummary, Classification, ColumnMapping, Conflict, Dashboard, DatabaseInfo, Deleted, Derived, Edited, Employee, EmployeeFilter, EmployeeInput, EmployeePage, Extension, Holiday, HolidayDecree, HolidayGap, Horizon, ImportStart, ImportSummary, Imported, Issue, KopKind, Letterhead, NewAbsence, NewHoliday, NoticeOptions, OfficeProfile, OfficeView, Overview, PaperSize, Preview, Recording, ReferenceData, Register, RegisterEntry, Relation, Restored, RosterEdit, RosterFormat, RosterSummary, Rules, RulesView, SearchFilter, SearchHit, Settings, Sifat, Signatory, SignatoryInput, Signature, SignedIssue, SigningMode, SrikandiFile, SrikandiSaved, StatusRow, TrustedRoot, Unit, UnitInput, Urgensi, VerifiedFile, Written } from './types';

/** Every command of the app, its arguments as the Rust handler names them. */
export const commands = {
  overview: (): Promise<Overview> =>
    invoke('overview'),
  reference_data: (): Promise<ReferenceData> =>
    invoke('reference_data'),
  /**
   * Classification codes matching what the clerk typed (words of the name, the start of a code).
   */
  classifications: (query: string): Promise<Array<Classification>> =>
    invoke('classifications', { query }),
  database_info: (): Promise<DatabaseInfo> =>
    invoke('database_info'),
  /**
   * What lists compare to know another workstation changed something.
   */
  data_stamp: (): Promise<string> =>
    invoke('data_stamp'),
  office_get: (): Promise<OfficeView> =>
    invoke('office_get'),
  office_save: (profile: OfficeProfile): Promise<OfficeView> =>
    invoke('office_save', { profile }),
  /**
   * Asks for an image with the native dialog (off the GTK main thread) and
   * stores it as the emblem; `None` when the user cancels.
   */
  office_pick_emblem: (): Promise<OfficeView | null> =>
    invoke('office_pick_emblem'),
  office_clear_emblem: (): Promise<Deleted> =>
    invoke('office_clear_emblem'),
  agencies_list: (query: string): Promise<Array<Agency>> =>
    invoke('agencies_list', { query }),
  agency_save: (input: AgencyInput): Promise<Agency> =>
    invoke('agency_save', { input }),
  agency_delete: (id: number): Promise<Deleted> =>
    invoke('agency_delete', { id }),
  units_list: (agencyId: number): Promise<Array<Unit>> =>
    invoke('units_list', { agencyId }),
  unit_save: (input: UnitInput): Promise<Unit> =>
    invoke('unit_save', { input }),
  unit_delete: (id: number): Promise<Deleted> =>
    invoke('unit_delete', { id }),
  employees_list: (filter: EmployeeFilter): Promise<EmployeePage> =>
    invoke('employees_list', { filter }),
  employee_save: (input: EmployeeInput): Promise<Employee> =>
    invoke('employee_save', { input }),
  employee_delete: (id: number): Promise<Deleted> =>
    invoke('employee_delete', { id }),
  signatories_list: (): Promise<Array<Signatory>> =>
    invoke('signatories_list'),
  signatory_save: (input: SignatoryInput): Promise<Signatory> =>
    invoke('signatory_save', { input }),
  signatory_delete: (id: number): Promise<Deleted> =>
    invoke('signatory_delete', { id }),
  /**
   * Undoes deletion `token` (*Urungkan*): what the core says was put back.
   */
  deleted_restore: (token: number): Promise<string> =>
    invoke('deleted_restore', { token }),
  holidays_list: (year?: number | null): Promise<Array<Holiday>> =>
    invoke('holidays_list', { year }),
  circulars_list: (): Promise<Array<CircularSummary>> =>
    invoke('circulars_list'),
  circular_get: (id: number): Promise<CircularRecord> =>
    invoke('circular_get', { id }),
  circular_new: (kind: CircularKind, actor: string): Promise<number> =>
    invoke('circular_new', { kind, actor }),
  /**
   * One edit of a draft: clauses refreshed, stored, previewed, in one round trip.
   */
  circular_edit: (id: number, document: Circular, version: number | null, paper: PaperSize, actor: string): Promise<Edited> =>
    invoke('circular_edit', { id, document, version, paper, actor }),
  /**
   * The template laid out afresh around the user's own points.
   */
  circular_compose: (document: Circular): Promise<Circular> =>
    invoke('circular_compose', { document }),
  circular_preview: (document: Circular, paper: PaperSize): Promise<Preview> =>
    invoke('circular_preview', { document, paper }),
  circular_initial: (id: number, verifier: string): Promise<null> =>
    invoke('circular_initial', { id, verifier }),
  circular_issue: (id: number, issue: Issue, actor: string): Promise<string> =>
    invoke('circular_issue', { id, issue, actor }),
  /**
   * What the *Terbitkan* dialog lists before issuing draft `id`.
   */
  circular_issue_checklist: (id: number): Promise<Array<Check>> =>
    invoke('circular_issue_checklist', { id }),
  /**
   * Records a draft as numbered by another register or office (*Catat nomor*).
   */
  circular_record: (id: number, recording: Recording, actor: string): Promise<string> =>
    invoke('circular_record', { id, recording, actor }),
  /**
   * Picks SRIKANDI's signed PDF; a file that is no whole PDF is refused here already.
   */
  srikandi_pdf_pick: (): Promise<SrikandiFile | null> =>
    invoke('srikandi_pdf_pick'),
  /**
   * *Catat nomor dari SRIKANDI*: the draft takes SRIKANDI's number and date
   * and keeps the chosen PDF (read again from `path`) as its signed PDF.
   */
  circular_record_srikandi: (id: number, recording: Recording, path: string, confirmed: boolean, actor: string): Promise<string> =>
    invoke('circular_record_srikandi', { id, recording, path, confirmed, actor }),
  registers_list: (): Promise<Array<Register>> =>
    invoke('registers_list'),
  register_save: (register: Register): Promise<number> =>
    invoke('register_save', { register }),
  /**
   * The draft of `relation` from issued circular `id`: the one already
   * started, or a new one (always new when `another`).
   */
  circular_derive: (id: number, relation: Relation, actor: string, another?: boolean | null): Promise<Derived> =>
    invoke('circular_derive', { id, relation, actor, another }),
  circular_delete: (id: number): Promise<Deleted> =>
    invoke('circular_delete', { id }),
  circular_cancel_number: (id: number, reason: string, actor: string): Promise<null> =>
    invoke('circular_cancel_number', { id, reason, actor }),
  circular_audit: (id: number): Promise<Array<AuditEntry>> =>
    invoke('circular_audit', { id }),
  signature_for: (signatoryId: number, mode: SigningMode, intermediate: string): Promise<Signature> =>
    invoke('signature_for', { signatoryId, mode, intermediate }),
  letterhead_for: (kind: KopKind): Promise<Letterhead> =>
    invoke('letterhead_for', { kind }),
  register_list: (query: string, year?: number | null): Promise<Array<RegisterEntry>> =>
    invoke('register_list', { query, year }),
  /**
   * Renders the circular on `paper` (or takes its signed PDF), saves it where the user says and opens
   * it in the system's PDF viewer for printing. Returns the path, or `None`.
   */
  circular_save_pdf: (id: number, paper: PaperSize): Promise<string | null> =>
    invoke('circular_save_pdf', { id, paper }),
  /**
   * Writes the circular as a Word file (DOCX) on `paper` where the user
   * says. Returns the path, or `None` when cancelled.
   */
  circular_save_docx: (id: number, paper: PaperSize): Promise<string | null> =>
    invoke('circular_save_docx', { id, paper }),
  /**
   * Writes the naskah for SRIKANDI (number, date and signature as its merge
   * fields) where the user says, and its metadata sheet beside it.
   */
  circular_save_srikandi: (id: number, paper: PaperSize, sifat: Sifat, urgensi: Urgensi): Promise<SrikandiSaved | null> =>
    invoke('circular_save_srikandi', { id, paper, sifat, urgensi }),
  circular_export_json: (id: number): Promise<string | null> =>
    invoke('circular_export_json', { id }),
  /**
   * Reads an exchange file chosen by the user and saves it as a new draft.
   */
  circular_import_json: (actor: string): Promise<Imported | null> =>
    invoke('circular_import_json', { actor }),
  /**
   * Saves the register (as filtered) as CSV or XLSX.
   */
  register_export: (query: string, year: number | null, format: string): Promise<string | null> =>
    invoke('register_export', { query, year, format }),
  rules_get: (id: number): Promise<RulesView> =>
    invoke('rules_get', { id }),
  rules_save: (id: number, rules: Rules, actor: string): Promise<RulesView> =>
    invoke('rules_save', { id, rules, actor }),
  rules_insert_clauses: (id: number, actor: string): Promise<null> =>
    invoke('rules_insert_clauses', { id, actor }),
  circular_conflicts: (id: number): Promise<Array<Conflict>> =>
    invoke('circular_conflicts', { id }),
  roster_generate: (id: number): Promise<RosterSummary> =>
    invoke('roster_generate', { id }),
  /**
   * How far the roster reaches (an open-ended period's horizon).
   */
  roster_horizon: (id: number): Promise<Horizon> =>
    invoke('roster_horizon', { id }),
  /**
   * Years the roster's days reach without a recorded holiday list.
   */
  roster_holiday_gap: (id: number): Promise<HolidayGap | null> =>
    invoke('roster_holiday_gap', { id }),
  /**
   * Extends an open-ended period's roster through `until`.
   */
  roster_extend: (id: number, until: string): Promise<RosterSummary> =>
    invoke('roster_extend', { id, until }),
  agency_grid: (id: number, agencyId: number): Promise<AgencyGrid> =>
    invoke('agency_grid', { id, agencyId }),
  roster_edit: (id: number, edit: RosterEdit): Promise<Array<string>> =>
    invoke('roster_edit', { id, edit }),
  /**
   * The roster as XLSX, CSV or PDF lampiran, saved where the user says.
   */
  roster_export: (id: number, format: RosterFormat, paper: PaperSize): Promise<string | null> =>
    invoke('roster_export', { id, format, paper }),
  status_list: (id: number, date: string, agencyId?: number | null): Promise<Array<StatusRow>> =>
    invoke('status_list', { id, date, agencyId }),
  employees_import_pick: (): Promise<ImportStart | null> =>
    invoke('employees_import_pick'),
  /**
   * Imports the chosen file, read again from `path`: all rows or none.
   */
  employees_import: (path: string, mapping: ColumnMapping, createMissing: boolean): Promise<ImportSummary> =>
    invoke('employees_import', { path, mapping, createMissing }),
  /**
   * Asks for a folder, then writes the notices of issued circular `id` into
   * it off the UI thread, emitting `notices-progress` after each document.
   */
  notices_save: (id: number, options: NoticeOptions): Promise<Written | null> =>
    invoke('notices_save', { id, options }),
  /**
   * Stops the running notices batch before its next document.
   */
  notices_cancel: (): Promise<null> =>
    invoke('notices_cancel'),
  absences_list: (): Promise<Array<Absence>> =>
    invoke('absences_list'),
  absence_save: (absence: NewAbsence): Promise<Absence> =>
    invoke('absence_save', { absence }),
  absence_delete: (id: number): Promise<Deleted> =>
    invoke('absence_delete', { id }),
  /**
   * Imports an absence CSV chosen by the user; how many were recorded, or `None`.
   */
  absences_import_csv: (): Promise<number | null> =>
    invoke('absences_import_csv'),
  certificates_list: (signatoryId: number): Promise<Array<CertificateRecord>> =>
    invoke('certificates_list', { signatoryId }),
  /**
   * Imports a `.p12`/`.pfx` chosen by the user, opened with `passphrase`.
   */
  certificate_import: (signatoryId: number, passphrase: string): Promise<CertificateRecord | null> =>
    invoke('certificate_import', { signatoryId, passphrase }),
  certificate_create_internal: (signatoryId: number, passphrase: string): Promise<CertificateRecord> =>
    invoke('certificate_create_internal', { signatoryId, passphrase }),
  certificate_remove: (id: number): Promise<Deleted> =>
    invoke('certificate_remove', { id }),
  trusted_roots_list: (): Promise<Array<TrustedRoot>> =>
    invoke('trusted_roots_list'),
  /**
   * Adds the root certificates of a PEM file chosen by the user.
   */
  trusted_root_import: (): Promise<Array<TrustedRoot> | null> =>
    invoke('trusted_root_import'),
  trusted_root_remove: (id: number): Promise<Deleted> =>
    invoke('trusted_root_remove', { id }),
  /**
   * Certificates that may sign circular `id` (those of its signer).
   */
  signing_certificates: (id: number): Promise<Array<CertificateRecord>> =>
    invoke('signing_certificates', { id }),
  circular_issue_signed: (id: number, issue: Issue, actor: string, certificateId: number, passphrase: string, paper: PaperSize): Promise<SignedIssue> =>
    invoke('circular_issue_signed', { id, issue, actor, certificateId, passphrase, paper }),
  /**
   * *Verifikasi Dokumen*: a PDF chosen in the native dialog, or `None`.
   */
  document_verify_pick: (): Promise<VerifiedFile | null> =>
    invoke('document_verify_pick'),
  /**
   * *Verifikasi Dokumen*: a file dropped on the window.
   */
  document_verify_path: (path: string): Promise<VerifiedFile> =>
    invoke('document_verify_path', { path }),
  /**
   * Arrangements, chains and alerts on `at` (today when absent).
   */
  dashboard: (at?: string | null): Promise<Dashboard> =>
    invoke('dashboard', { at }),
  circular_extend: (id: number, extension: Extension, actor: string, another?: boolean | null): Promise<Derived> =>
    invoke('circular_extend', { id, extension, actor, another }),
  circulars_search: (query: string, filter: SearchFilter): Promise<Array<SearchHit>> =>
    invoke('circulars_search', { query, filter }),
  holiday_decrees: (year?: number | null): Promise<Array<HolidayDecree>> =>
    invoke('holiday_decrees', { year }),
  /**
   * Records an amendment: the full list of the year's days off under a new decree.
   */
  holiday_decree_save: (year: number, title: string, days: Array<NewHoliday>): Promise<number> =>
    invoke('holiday_decree_save', { year, title, days }),
  /**
   * Imports a holiday CSV chosen by the user; the decrees recorded, or `None`.
   */
  holidays_import_csv: (): Promise<Array<number> | null> =>
    invoke('holidays_import_csv'),
  holidays_export_csv: (year?: number | null): Promise<string | null> =>
    invoke('holidays_export_csv', { year }),
  settings_get: (): Promise<Settings> =>
    invoke('settings_get'),
  settings_save: (settings: Settings): Promise<null> =>
    invoke('settings_save', { settings }),
  /**
   * *Cadangkan*: a consistent copy of the open database where the user says.
   */
  backup_save: (): Promise<string | null> =>
    invoke('backup_save'),
  /**
   * *Pulihkan*: replaces the database with a checked backup chosen by the user.
   */
  backup_restore: (): Promise<Restored | null> =>
    invoke('backup_restore'),
  /**
   * *Uji sambungan*: reaches the server and says what its database holds.
   */
  shared_db_check: (address: string, password: string): Promise<string> =>
    invoke('shared_db_check', { address, password }),
  /**
   * *Salin kantor ini ke server*: this workstation's database file copied
   * whole into the server's empty database; what arrived, counted.
   */
  shared_db_copy: (address: string, password: string): Promise<string> =>
    invoke('shared_db_copy', { address, password }),
  /**
   * *Pakai server ini di komputer ini*: this workstation works on the
   * server from now on (an empty database is set up for Edaran); the
   * address is remembered for the next start, the password is not (it is
   * asked then).
   */
  shared_db_use: (address: string, password: string): Promise<string> =>
    invoke('shared_db_use', { address, password }),
  /**
   * The sign-in at start: the password for the server that asked. A wrong
   * one is said at the password field and the sign-in stays.
   */
  shared_db_sign_in: (password: string): Promise<null> =>
    invoke('shared_db_sign_in', { password }),
  /**
   * *Kembali ke berkas komputer ini*: the server is forgotten and this
   * computer's own file opens (filled with the demo office when new, as at
   * a first start).
   */
  shared_db_leave: (): Promise<string> =>
    invoke('shared_db_leave'),
};

/** What the page may call. */
export type Commands = typeof commands;
