import { getContext, setContext } from 'svelte';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  Absence,
  Agency,
  AgencyInput,
  AuditEntry,
  Check,
  Derived,
  CircularDocument,
  Classification,
  CircularRecord,
  Letterhead,
  NewAbsence,
  Preview,
  RegisterEntry,
  Register,
  Issue,
  Recording,
  SrikandiFile,
  Imported,
  Signature,
  CircularSummary,
  DatabaseInfo,
  Edited,
  Deleted,
  Employee,
  EmployeeFilter,
  EmployeeInput,
  EmployeePage,
  Holiday,
  OfficeProfile,
  OfficeView,
  Overview,
  ReferenceData,
  Signatory,
  SignatoryInput,
  Unit,
  UnitInput,
  Dashboard,
  HolidayGap,
  Extension,
  HolidayDecree,
  NewHoliday,
  Restored,
  SearchFilter,
  SearchHit,
  Settings,
  CertificateRecord,
  SignedIssue,
  SrikandiSaved,
  TrustedRoot,
  VerifiedFile,
  Rules,
  RulesView,
  Conflict,
  RosterSummary,
  Horizon,
  AgencyGrid,
  RosterEdit,
  StatusRow,
  ImportStart,
  ImportSummary,
  NoticeOptions,
  NoticeProgress,
  NoticesResult,
} from './types';

/** Every backend command the UI uses; one method per Tauri command. */
export interface Backend {
  overview(): Promise<Overview>;
  reference_data(): Promise<ReferenceData>;
  classifications(query: string): Promise<Classification[]>;
  database_info(): Promise<DatabaseInfo>;
  office_get(): Promise<OfficeView>;
  office_save(profile: OfficeProfile): Promise<OfficeView>;
  office_pick_emblem(): Promise<OfficeView | null>;
  office_clear_emblem(): Promise<Deleted>;
  agencies_list(query: string): Promise<Agency[]>;
  agency_save(input: AgencyInput): Promise<Agency>;
  agency_delete(id: number): Promise<Deleted>;
  units_list(agencyId: number): Promise<Unit[]>;
  unit_save(input: UnitInput): Promise<Unit>;
  unit_delete(id: number): Promise<Deleted>;
  employees_list(filter: EmployeeFilter): Promise<EmployeePage>;
  employee_save(input: EmployeeInput): Promise<Employee>;
  employee_delete(id: number): Promise<Deleted>;
  absences_list(): Promise<Absence[]>;
  absence_save(absence: NewAbsence): Promise<Absence>;
  absence_delete(id: number): Promise<Deleted>;
  /** Imports an absence CSV the user picks; how many were recorded, or null when cancelled. */
  absences_import_csv(): Promise<number | null>;
  signatories_list(): Promise<Signatory[]>;
  signatory_save(input: SignatoryInput): Promise<Signatory>;
  signatory_delete(id: number): Promise<Deleted>;
  /** Puts back what a deletion removed (*Urungkan*); what the core says it did. */
  deleted_restore(token: number): Promise<string>;
  holidays_list(year: number | null): Promise<Holiday[]>;
  circulars_list(): Promise<CircularSummary[]>;
  circular_get(id: number): Promise<CircularRecord>;
  circular_new(kind: string, actor: string): Promise<number>;
  circular_edit(id: number, document: CircularDocument, paper: string, actor: string): Promise<Edited>;
  circular_compose(document: CircularDocument): Promise<CircularDocument>;
  circular_preview(document: CircularDocument, paper: string): Promise<Preview>;
  circular_initial(id: number, verifier: string): Promise<null>;
  circular_issue(id: number, issue: Issue, actor: string): Promise<string>;
  /** What the Terbitkan dialog lists before issuing (decided by the core). */
  circular_issue_checklist(id: number): Promise<Check[]>;
  /** Records a draft as numbered by another register or office. */
  circular_record(id: number, recording: Recording, actor: string): Promise<string>;
  /** Native open dialog for SRIKANDI's signed PDF, checked by the core; null when cancelled. */
  srikandi_pdf_pick(): Promise<SrikandiFile | null>;
  /** Records SRIKANDI's number and date and keeps the PDF at `path` (chosen by `srikandi_pdf_pick`). */
  circular_record_srikandi(id: number, recording: Recording, path: string, confirmed: boolean, actor: string): Promise<string>;
  registers_list(): Promise<Register[]>;
  /** Adds (id 0) or changes a register; its id. */
  register_save(register: Register): Promise<number>;
  /** The draft already started for this intent, else a new one (always new with `another`). */
  circular_derive(id: number, relation: string, actor: string, another?: boolean): Promise<Derived>;
  circular_delete(id: number): Promise<Deleted>;
  circular_cancel_number(id: number, reason: string, actor: string): Promise<null>;
  circular_audit(id: number): Promise<AuditEntry[]>;
  signature_for(signatoryId: number, mode: string, intermediate: string): Promise<Signature>;
  letterhead_for(kind: string): Promise<Letterhead>;
  register_list(query: string, year: number | null): Promise<RegisterEntry[]>;
  /** Native save dialog, then the system PDF viewer; the path, or null if cancelled. */
  circular_save_pdf(id: number, paper: string): Promise<string | null>;
  /** Native save dialog for the Word file (DOCX); the path, or null if cancelled. */
  circular_save_docx(id: number, paper: string): Promise<string | null>;
  /** The DOCX with SRIKANDI's merge fields and its metadata sheet beside it; null if cancelled. */
  circular_save_srikandi(id: number, paper: string, sifat: string, urgensi: string): Promise<SrikandiSaved | null>;
  circular_export_json(id: number): Promise<string | null>;
  circular_import_json(actor: string): Promise<Imported | null>;
  register_export(query: string, year: number | null, format: 'csv' | 'xlsx'): Promise<string | null>;
  /** Arrangements, chains and alerts on `at` (`YYYY-MM-DD`; today when null). */
  dashboard(at: string | null): Promise<Dashboard>;
  circular_extend(id: number, extension: Extension, actor: string, another?: boolean): Promise<Derived>;
  circulars_search(query: string, filter: SearchFilter): Promise<SearchHit[]>;
  holiday_decrees(year: number | null): Promise<HolidayDecree[]>;
  holiday_decree_save(year: number, title: string, days: NewHoliday[]): Promise<number>;
  holidays_import_csv(): Promise<number[] | null>;
  holidays_export_csv(year: number | null): Promise<string | null>;
  settings_get(): Promise<Settings>;
  settings_save(settings: Settings): Promise<null>;
  backup_save(): Promise<string | null>;
  backup_restore(): Promise<Restored | null>;
  certificates_list(signatoryId: number): Promise<CertificateRecord[]>;
  /** Native dialog for a `.p12`/`.pfx`; null if cancelled. */
  certificate_import(signatoryId: number, passphrase: string): Promise<CertificateRecord | null>;
  certificate_create_internal(signatoryId: number, passphrase: string): Promise<CertificateRecord>;
  certificate_remove(id: number): Promise<Deleted>;
  trusted_roots_list(): Promise<TrustedRoot[]>;
  trusted_root_import(): Promise<TrustedRoot[] | null>;
  trusted_root_remove(id: number): Promise<Deleted>;
  /** Certificates of the circular's signer. */
  signing_certificates(id: number): Promise<CertificateRecord[]>;
  circular_issue_signed(
    id: number,
    issue: Issue,
    actor: string,
    certificateId: number,
    passphrase: string,
    paper: string,
  ): Promise<SignedIssue>;
  /** Native dialog for a PDF, then its verification; null if cancelled. */
  document_verify_pick(): Promise<VerifiedFile | null>;
  document_verify_path(path: string): Promise<VerifiedFile>;
  /** Calls `handler` with the paths of files dropped on the window; returns the unsubscribe. */
  on_file_drop(handler: (paths: string[]) => void): Promise<() => void>;
  /** The circular's rules and their clause text. */
  rules_get(id: number): Promise<RulesView>;
  /** Validates and saves the rules of a draft (the rest of the document unchanged). */
  rules_save(id: number, rules: Rules, actor: string): Promise<RulesView>;
  /** Writes the rules' clauses into the draft's points (replacing earlier rule clauses). */
  rules_insert_clauses(id: number, actor: string): Promise<null>;
  /** What to settle before issuing (needs a period). */
  circular_conflicts(id: number): Promise<Conflict[]>;
  /** Generates and stores the roster around the hand edits. */
  roster_generate(id: number): Promise<RosterSummary>;
  /** How far the roster reaches (stored, or by default). */
  roster_horizon(id: number): Promise<Horizon>;
  roster_holiday_gap(id: number): Promise<HolidayGap | null>;
  /** Extends an open-ended period's roster through `until`, keeping the days already rostered. */
  roster_extend(id: number, until: string): Promise<RosterSummary>;
  agency_grid(id: number, agencyId: number): Promise<AgencyGrid>;
  /** Warnings of a forced edit; a breach without `force` is refused with code `piket_melanggar_aturan`. */
  roster_edit(id: number, edit: RosterEdit): Promise<string[]>;
  /** Native save dialog, then the roster as XLSX, CSV or PDF lampiran; the path, or null. */
  roster_export(id: number, format: 'xlsx' | 'csv' | 'pdf', paper: string): Promise<string | null>;
  /** Everyone's status on `date` (one agency when given). */
  status_list(id: number, date: string, agencyId: number | null): Promise<StatusRow[]>;
  /** Native dialog for a CSV/XLSX, then its mapping preview; null if cancelled. */
  employees_import_pick(): Promise<ImportStart | null>;
  /** All or nothing; bad rows come back as the error's `rows`. */
  employees_import(path: string, mapping: Record<string, string>, createMissing: boolean): Promise<ImportSummary>;
  /** Native folder dialog, then the notices of an issued circular; null if cancelled. */
  notices_save(id: number, options: NoticeOptions): Promise<NoticesResult | null>;
  notices_cancel(): Promise<null>;
  /** Calls `handler` on each `notices-progress` event; returns the unsubscribe. */
  on_notices_progress(handler: (p: NoticeProgress) => void): Promise<() => void>;
}

export const tauriBackend: Backend = {
  overview: () => invoke('overview'),
  reference_data: () => invoke('reference_data'),
  classifications: (query) => invoke('classifications', { query }),
  database_info: () => invoke('database_info'),
  office_get: () => invoke('office_get'),
  office_save: (profile) => invoke('office_save', { profile }),
  office_pick_emblem: () => invoke('office_pick_emblem'),
  office_clear_emblem: () => invoke('office_clear_emblem'),
  agencies_list: (query) => invoke('agencies_list', { query }),
  agency_save: (input) => invoke('agency_save', { input }),
  agency_delete: (id) => invoke('agency_delete', { id }),
  units_list: (agencyId) => invoke('units_list', { agencyId }),
  unit_save: (input) => invoke('unit_save', { input }),
  unit_delete: (id) => invoke('unit_delete', { id }),
  employees_list: (filter) => invoke('employees_list', { filter }),
  employee_save: (input) => invoke('employee_save', { input }),
  employee_delete: (id) => invoke('employee_delete', { id }),
  absences_list: () => invoke('absences_list'),
  absence_save: (absence) => invoke('absence_save', { absence }),
  absence_delete: (id) => invoke('absence_delete', { id }),
  absences_import_csv: () => invoke('absences_import_csv'),
  signatories_list: () => invoke('signatories_list'),
  signatory_save: (input) => invoke('signatory_save', { input }),
  signatory_delete: (id) => invoke('signatory_delete', { id }),
  deleted_restore: (token) => invoke('deleted_restore', { token }),
  holidays_list: (year) => invoke('holidays_list', { year }),
  circulars_list: () => invoke('circulars_list'),
  circular_get: (id) => invoke('circular_get', { id }),
  circular_new: (kind, actor) => invoke('circular_new', { kind, actor }),
  circular_edit: (id, document, paper, actor) => invoke('circular_edit', { id, document, paper, actor }),
  circular_compose: (document) => invoke('circular_compose', { document }),
  circular_preview: (document, paper) => invoke('circular_preview', { document, paper }),
  circular_initial: (id, verifier) => invoke('circular_initial', { id, verifier }),
  circular_issue: (id, issue, actor) => invoke('circular_issue', { id, issue, actor }),
  circular_issue_checklist: (id) => invoke('circular_issue_checklist', { id }),
  circular_record: (id, recording, actor) => invoke('circular_record', { id, recording, actor }),
  srikandi_pdf_pick: () => invoke('srikandi_pdf_pick'),
  circular_record_srikandi: (id, recording, path, confirmed, actor) =>
    invoke('circular_record_srikandi', { id, recording, path, confirmed, actor }),
  registers_list: () => invoke('registers_list'),
  register_save: (register) => invoke('register_save', { register }),
  circular_derive: (id, relation, actor, another = false) => invoke('circular_derive', { id, relation, actor, another }),
  circular_delete: (id) => invoke('circular_delete', { id }),
  circular_cancel_number: (id, reason, actor) => invoke('circular_cancel_number', { id, reason, actor }),
  circular_audit: (id) => invoke('circular_audit', { id }),
  signature_for: (signatoryId, mode, intermediate) => invoke('signature_for', { signatoryId, mode, intermediate }),
  letterhead_for: (kind) => invoke('letterhead_for', { kind }),
  register_list: (query, year) => invoke('register_list', { query, year }),
  circular_save_pdf: (id, paper) => invoke('circular_save_pdf', { id, paper }),
  circular_save_docx: (id, paper) => invoke('circular_save_docx', { id, paper }),
  circular_save_srikandi: (id, paper, sifat, urgensi) => invoke('circular_save_srikandi', { id, paper, sifat, urgensi }),
  circular_export_json: (id) => invoke('circular_export_json', { id }),
  circular_import_json: (actor) => invoke('circular_import_json', { actor }),
  register_export: (query, year, format) => invoke('register_export', { query, year, format }),
  dashboard: (at) => invoke('dashboard', { at }),
  circular_extend: (id, extension, actor, another = false) => invoke('circular_extend', { id, extension, actor, another }),
  circulars_search: (query, filter) => invoke('circulars_search', { query, filter }),
  holiday_decrees: (year) => invoke('holiday_decrees', { year }),
  holiday_decree_save: (year, title, days) => invoke('holiday_decree_save', { year, title, days }),
  holidays_import_csv: () => invoke('holidays_import_csv'),
  holidays_export_csv: (year) => invoke('holidays_export_csv', { year }),
  settings_get: () => invoke('settings_get'),
  settings_save: (settings) => invoke('settings_save', { settings }),
  backup_save: () => invoke('backup_save'),
  backup_restore: () => invoke('backup_restore'),
  certificates_list: (signatoryId) => invoke('certificates_list', { signatoryId }),
  certificate_import: (signatoryId, passphrase) => invoke('certificate_import', { signatoryId, passphrase }),
  certificate_create_internal: (signatoryId, passphrase) =>
    invoke('certificate_create_internal', { signatoryId, passphrase }),
  certificate_remove: (id) => invoke('certificate_remove', { id }),
  trusted_roots_list: () => invoke('trusted_roots_list'),
  trusted_root_import: () => invoke('trusted_root_import'),
  trusted_root_remove: (id) => invoke('trusted_root_remove', { id }),
  signing_certificates: (id) => invoke('signing_certificates', { id }),
  circular_issue_signed: (id, issue, actor, certificateId, passphrase, paper) =>
    invoke('circular_issue_signed', { id, issue, actor, certificateId, passphrase, paper }),
  document_verify_pick: () => invoke('document_verify_pick'),
  document_verify_path: (path) => invoke('document_verify_path', { path }),
  // The app records dropped files as chosen before it announces them.
  on_file_drop: (handler) => listen<string[]>('berkas-dijatuhkan', (event) => handler(event.payload)),
  rules_get: (id) => invoke('rules_get', { id }),
  rules_save: (id, rules, actor) => invoke('rules_save', { id, rules, actor }),
  rules_insert_clauses: (id, actor) => invoke('rules_insert_clauses', { id, actor }),
  circular_conflicts: (id) => invoke('circular_conflicts', { id }),
  roster_generate: (id) => invoke('roster_generate', { id }),
  roster_horizon: (id) => invoke('roster_horizon', { id }),
  roster_holiday_gap: (id) => invoke('roster_holiday_gap', { id }),
  roster_extend: (id, until) => invoke('roster_extend', { id, until }),
  agency_grid: (id, agencyId) => invoke('agency_grid', { id, agencyId }),
  roster_edit: (id, edit) => invoke('roster_edit', { id, edit }),
  roster_export: (id, format, paper) => invoke('roster_export', { id, format, paper }),
  status_list: (id, date, agencyId) => invoke('status_list', { id, date, agencyId }),
  employees_import_pick: () => invoke('employees_import_pick'),
  employees_import: (path, mapping, createMissing) => invoke('employees_import', { path, mapping, createMissing }),
  notices_save: (id, options) => invoke('notices_save', { id, options }),
  notices_cancel: () => invoke('notices_cancel'),
  on_notices_progress: (handler) => listen<NoticeProgress>('notices-progress', (e) => handler(e.payload)),
};

const BACKEND = Symbol('backend');
const REFERENCE = Symbol('reference');

export function setBackend(backend: Backend): void {
  setContext(BACKEND, backend);
}

export function getBackend(): Backend {
  return getContext<Backend>(BACKEND);
}

/** Reference lists; the App loads them before any page renders. */
export function setReference(get: () => ReferenceData): void {
  setContext(REFERENCE, get);
}

export function getReference(): ReferenceData {
  return getContext<() => ReferenceData>(REFERENCE)();
}
