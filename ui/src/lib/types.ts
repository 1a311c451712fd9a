/** Shapes exchanged with the Rust backend (struct fields are snake_case). */

export interface Choice {
  code: string;
  label: string;
}

export interface Overview {
  agencies: number;
  units: number;
  employees: number;
  signatories: number;
  holidays: number;
}

export interface ReferenceData {
  agency_kinds: Choice[];
  unit_kinds: Choice[];
  employment_kinds: Choice[];
  position_kinds: Choice[];
  eselons: Choice[];
  golongan: Choice[];
  pppk_grades: string[];
  region_kinds: Choice[];
  paper_sizes: Choice[];
  signatory_roles: Choice[];
  circular_kinds: Choice[];
  circular_statuses: Choice[];
  signing_modes: Choice[];
  kop_kinds: Choice[];
  /** Personal exceptions: `di_rumah` / `di_kantor`. */
  exception_placements: Choice[];
  exception_reasons: Choice[];
  /** Work statuses of the rule engine (`wfo`, `wfh`, `piket`, …). */
  work_statuses: Choice[];
  conflict_kinds: Choice[];
  /** Senin … Jumat, for shift groups' days. */
  work_days: Choice[];
  /** When a shift group is in the office: `hari_tertentu`, `tanggal_ganjil`, … */
  day_patterns: Choice[];
  /** How a unit's staff are split into shift groups. */
  groupings: Choice[];
  /** Why someone is away: `cuti`, `sakit`, `dinas_luar`, `lainnya`. */
  absence_reasons: Choice[];
  /** SRIKANDI's *sifat naskah* and *tingkat urgensi*, for the hand-off's metadata sheet. */
  sifat_naskah: Choice[];
  urgensi_naskah: Choice[];
}

/** Where the SRIKANDI hand-off was written: the Word file and its metadata sheet. */
export interface SrikandiSaved {
  docx: string;
  sheet: string;
}

export interface DatabaseInfo {
  path: string;
}

export interface OfficeProfile {
  region_kind: string;
  region_name: string;
  office_name: string;
  /** Up to three lines: street; phone/fax; web/e-mail. */
  address_lines: string[];
  /** Tempat penetapan. */
  place: string;
  numbering_template: string;
  classification: string;
  unit_code: string;
  paper: string;
}

/** A deletion the core kept in its trash: `token` undoes it (*Urungkan*). */
export interface Deleted {
  token: number;
  /** e.g. `Pegawai “Budi Santoso” dihapus.` */
  message: string;
}

export interface OfficeView {
  profile: OfficeProfile | null;
  /** A `data:` URL. */
  emblem: string | null;
  number_example: string | null;
}

export interface Agency {
  id: number;
  name: string;
  short_name: string;
  kind: string;
  kind_label: string;
  unit_count: number;
  employee_count: number;
}

export interface AgencyInput {
  id?: number | null;
  name: string;
  short_name: string;
  kind: string;
}

export interface Unit {
  id: number;
  agency_id: number;
  parent_id: number | null;
  name: string;
  kind: string;
  kind_label: string;
  employee_count: number;
}

export interface UnitInput {
  id?: number | null;
  agency_id: number;
  parent_id?: number | null;
  name: string;
  kind: string;
}

export interface EmployeeFilter {
  query: string;
  agency_id?: number | null;
  unit_id?: number | null;
  limit?: number | null;
  offset: number;
}

export interface Employee {
  id: number;
  nip: string | null;
  name: string;
  front_title: string;
  back_title: string;
  employment: string;
  golongan: string | null;
  position_name: string;
  position_kind: string;
  eselon: string | null;
  agency_id: number;
  agency_name: string;
  unit_id: number | null;
  unit_name: string | null;
}

export interface EmployeePage {
  total: number;
  rows: Employee[];
}

/** Empty string = not given. */
export interface EmployeeInput {
  id?: number | null;
  nip: string;
  name: string;
  front_title: string;
  back_title: string;
  employment: string;
  golongan: string;
  position_name: string;
  position_kind: string;
  eselon: string;
  agency_id: number | null;
  unit_id: number | null;
}

export interface Signatory {
  id: number;
  role: string;
  name: string;
  front_title: string;
  back_title: string;
  position_title: string;
  nip: string | null;
  golongan: string | null;
  active: boolean;
  /** The kop this signatory's circulars are drafted with (`kop_kinds`). */
  kop: string;
}

export interface SignatoryInput {
  id?: number | null;
  role: string;
  name: string;
  front_title: string;
  back_title: string;
  position_title: string;
  nip: string;
  golongan: string;
  active: boolean;
  /** A `kop_kinds` code; empty gives the role's usual kop. */
  kop: string;
}

export interface Holiday {
  id: number;
  /** `YYYY-MM-DD` */
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
  source: string;
}

/** What every command rejects with. */
export interface BackendError {
  code: string;
  message: string;
  field?: string;
  rows?: { line: number; column: string; message: string }[];
}

/** A circular as listed (`circulars_list`). */
export interface CircularSummary {
  id: number;
  kind: string;
  kind_label: string;
  status: CircularStatus;
  status_label: string;
  /** What may be done with it now: the core decides, the UI offers. */
  actions: Actions;
  subject: string;
  number: string | null;
  /** `YYYY-MM-DD` */
  issued_on: string | null;
  parent_id: number | null;
  relation: string | null;
  updated_at: string;
  /** The period as written in the document; null while not set. */
  period: Period | null;
  /** The period as lists show it: `30 Mei – 15 Juni 2020`. */
  period_label: string | null;
  /** Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`. */
  origin: string | null;
}

export type CircularStatus = 'draf' | 'diparaf' | 'terbit' | 'diganti' | 'dicabut' | 'batal';

/** What the core offers for a circular in its status. */
export interface Actions {
  /** Paraf (a draft not yet initialled). */
  initial: boolean;
  /** Terbitkan, or Catat nomor given elsewhere. */
  issue: boolean;
  /** Change its content and rules, or delete it. */
  edit: boolean;
  /** Changing it withdraws its paraf: the editor asks first. */
  edit_withdraws_paraf: boolean;
  /** Perpanjang, Buat perubahan, Cabut, Batalkan nomor, notices. */
  follow_up: boolean;
  /** Why its content is locked; null while it may change. */
  locked_reason: string | null;
}

/** A numbered point; `clause` is set while its text is the template's. */
export interface Point {
  text: string;
  children: Point[];
  clause?: 'dasar' | 'masa' | 'aturan' | 'penutup';
  /** A plain paragraph (opening, closing): its siblings' numbering skips it. */
  unnumbered?: boolean;
}

export interface Period {
  /** `YYYY-MM-DD` */
  start: string;
  /** `YYYY-MM-DD`, or null: until evaluated. */
  end: string | null;
}

export interface Reference {
  text: string;
  /** Set when the reference is an earlier circular in this database. */
  circular_id?: number;
}

export interface Letterhead {
  /** `kepala_daerah` or `perangkat_daerah` (`kop_kinds`). */
  kind: string;
  /** Base64 PNG/JPEG. */
  emblem?: string;
  tiers: string[];
  address_lines: string[];
}

export interface Signature {
  mode: string;
  principal_office: string;
  signer_office: string;
  intermediate_office: string;
  name: string;
  rank: string;
  nip: string;
  signature_image?: string;
  stamp_image?: string;
}

export interface Annex {
  title: string;
  columns: string[];
  widths: number[];
  rows: string[][];
}

/** Everything printed on a circular (the core's `Circular`). */
export interface CircularDocument {
  kind: string;
  letterhead: Letterhead;
  number: string;
  subject: string;
  scope: string;
  period: Period | null;
  references: Reference[];
  addressees: string[];
  addressee_location: string;
  points: Point[];
  place: string;
  issued_on: string | null;
  signature: Signature;
  copies: string[];
  annexes: Annex[];
  /** The work-system rules; absent when the circular has none. */
  rules?: Rules;
}

export interface CircularRecord extends CircularSummary {
  document: CircularDocument;
}

/** One edit's answer (`circular_edit`): the draft as stored, clauses refreshed, and its preview. */
export interface Edited extends CircularRecord {
  preview: Preview | null;
  /** Why no preview could be drawn; the draft is saved all the same. */
  preview_error: BackendError | null;
}

/** Pages as SVG documents; `page_count` counts the whole printed document. */
export interface Preview {
  pages: string[];
  page_count: number;
  /** What the printed circular lacks (e.g. the kop's emblem), in the core's words. */
  warnings: string[];
  /** Years of the circular's period without a holiday list. */
  holiday_gap: HolidayGap | null;
}

export interface RegisterEntry {
  register_id: number;
  register_name: string;
  year: number;
  /** None for a recorded number outside the register's own pattern. */
  sequence: number | null;
  number: string;
  circular_id: number | null;
  subject: string;
  issued_on: string;
  /** Given here at issue, recorded as given elsewhere, or numbered and signed in SRIKANDI. */
  kind: 'terbit' | 'dicatat' | 'srikandi';
  status: 'terpakai' | 'dibatalkan';
  /** Terpakai, Dicatat, Dicatat dari SRIKANDI or Dibatalkan, as the core words it. */
  status_label: string;
  note: string;
}

/** A register (buku agenda) the office keeps; id 1 is its own (numbering from the office profile). */
export interface Register {
  id: number;
  name: string;
  /** Empty for a register that only records numbers given elsewhere. */
  numbering_template: string;
  classification: string;
  unit_code: string;
}

/** How a draft is issued; `register_id` null = the office's own register. */
/** A code of the classification table the core ships (Permendagri 83/2022; old codes marked). */
export interface Classification {
  code: string;
  name: string;
  legacy: boolean;
}

export interface Issue {
  date: string;
  register_id: number | null;
  /** This letter's classification code when not the register's (empty or null: the register's). */
  classification?: string | null;
  /** Why the date is before the register's last entry (empty when it is not). */
  backdate_reason: string;
}

/** A number given by another register or office, recorded with its date. */
export interface Recording {
  number: string;
  date: string;
  register_id: number | null;
}

/** SRIKANDI's signed PDF as chosen in the native dialog and checked by the core. */
export interface SrikandiFile {
  path: string;
  name: string;
  size: number;
  /** Its signatures in the core's words (who signed; not verified by Edaran). */
  signatures: string;
}

/** A draft imported from an exchange file, and what the import left out. */
export interface Imported {
  id: number;
  notice: string | null;
}

export interface AuditEntry {
  action: string;
  actor: string;
  at: string;
  detail: string;
}

/** One circular on the timeline (`tracking::Link`): its summary and the period as counted. */
export interface Link extends CircularSummary {
  start: string | null;
  end: string | null;
  scope: string;
  /** An open-ended arrangement with a picket rule: the last day its roster covers. */
  horizon: string | null;
}

export interface Chain {
  root: number;
  links: Link[];
}

export interface Arrangement extends Link {
  state: 'berlaku' | 'akan_berlaku';
  working_days_left: number | null;
  /** Index into `Dashboard.chains`. */
  chain: number;
  position: string;
}

export interface Alert {
  kind: 'segera_berakhir' | 'jadwal_habis' | 'draf_lewat' | 'tumpang_tindih' | 'jeda';
  kind_label: string;
  message: string;
  circular_id: number;
  action: 'perpanjang' | 'perpanjang_jadwal' | 'buka_draf' | 'buka';
  action_label: string;
}

/** Years a span reaches without a recorded holiday list, and the core's warning. */
export interface HolidayGap {
  years: number[];
  message: string;
}

export interface Dashboard {
  at: string;
  alert_working_days: number;
  active: Arrangement[];
  chains: Chain[];
  alerts: Alert[];
  /** When nothing is in force: the day the last issued arrangement ended. */
  last_end: string | null;
  /** Years from `at` to the last day counted without a holiday list. */
  holiday_gap: HolidayGap | null;
}

/** How an extension runs (`store::Extension`). */
/** The draft a Perpanjang / Buat perubahan / Cabut leads to. */
export interface Derived {
  id: number;
  /** The draft already started for the same intent (opened, not doubled). */
  existing: boolean;
  /** The draft named: `Draf perpanjangan dari 800/439/BKPSDM/2020 (periode 30 Mei – 15 Juni 2020)`. */
  name: string;
  /** What happened, said to the clerk. */
  message: string;
}

/** One line of the checklist before issuing; a failing warning may be overridden, a blocking one not. */
export interface Check {
  code: string;
  ok: boolean;
  message: string;
  blocking: boolean;
}

export interface Extension {
  days: number | null;
  working_days: boolean;
  start_on_holiday: boolean;
}

export interface SearchFilter {
  year: number | null;
  status: string | null;
  kind: string | null;
}

export interface SearchHit extends CircularSummary {
  /** Matches between \u0002 and \u0003. */
  snippet: string;
}

export interface NewHoliday {
  date: string;
  name: string;
  kind: Holiday['kind'];
}

export interface HolidayDecree {
  id: number;
  year: number;
  title: string;
  recorded_at: string;
  in_force: boolean;
  days: number;
  changes: string[];
}

export interface Settings {
  alert_working_days: number;
  /** The petugas of the last workflow step (the core keeps it; read only). */
  last_actor?: string;
}

export interface Restored {
  info: { schema_version: number; office: string | null; circulars: number; employees: number };
  replaced_copy: string;
}

/** A certificate's facts as shown to people (`CertificateInfo` in the core). */
export interface CertificateInfo {
  name: string;
  subject: string;
  issuer_name: string;
  issuer: string;
  serial: string;
  valid_from: string;
  valid_to: string;
  fingerprint: string;
  /** A *sertifikat internal kantor* made by Edaran. */
  internal: boolean;
  key: string;
}

export interface CertificateRecord {
  id: number;
  signatory_id: number;
  label: string;
  certificate: CertificateInfo;
  created_at: string;
}

export interface TrustedRoot {
  id: number;
  label: string;
  internal: boolean;
  certificate: CertificateInfo;
  added_at: string;
}

export interface SignedIssue {
  number: string;
  sha256: string;
  signer: string;
}

export interface QrPayload {
  number: string;
  date: string;
  signer: string;
  sha256: string;
}

export interface SignatureReport {
  certificate: CertificateInfo | null;
  signing_time: string | null;
  byte_range: number[];
  intact: boolean;
  covers_whole_file: boolean;
  chain_trusted: boolean;
  in_validity: boolean;
  qr: { payload: QrPayload; drawn_matches: boolean; hash_matches: boolean } | null;
  problems: string[];
  verdict: Verdict;
}

/** The core's one verdict; only `sah` may be shown as good. */
export type Verdict =
  | 'sah'
  | 'tidak_berlaku'
  | 'tidak_dipercaya'
  | 'tidak_mencakup_berkas'
  | 'tidak_utuh'
  | 'tanpa_tanda_tangan';

export interface RegisterMatch {
  entry: RegisterEntry | null;
  date_matches: boolean;
  hash_matches: boolean;
  /** Number in use, date and hash all match. */
  ok: boolean;
  /** The comparison in one sentence, as the core words it. */
  text: string;
}

export interface VerifiedFile {
  path: string;
  name: string;
  size: number;
  verification: {
    report: { sha256: string; signatures: SignatureReport[]; verdict: Verdict };
    verdict: Verdict;
    /** Every signature's QR mark matches this office's register. */
    register_matched: boolean;
    /** The verdict and the register comparison, as the core words them. */
    headline: string;
    /** One per signature; null for a signature without a QR mark. */
    register: (RegisterMatch | null)[];
    /** The file is byte for byte a PDF recorded from SRIKANDI here. */
    srikandi: { circular_id: number; number: string; issued_on: string; text: string } | null;
  };
}

/** An agency named by id (this database) or by name. */
export type AgencyRef = number | string;

/** A person kept at home or in the office (dates inclusive; open ends follow the period). */
export interface PersonalException {
  nip: string;
  placement: string;
  reason: string;
  from?: string | null;
  to?: string | null;
  note?: string;
}

/** The picket rule: at least `per_day` staff of each unit in the office each working day. */
export interface Picket {
  per_day: number;
  /** Unit kinds it applies to; empty = every top-level unit. */
  unit_kinds: string[];
  /** Staff categories (employment kinds) that may be scheduled; empty = all. */
  categories: string[];
  /** Agencies it applies to; empty = every agency not exempt. */
  agencies?: AgencyRef[];
  /** Shift groups (kerja bergiliran); none = `per_day` people by rotation. */
  groups?: ShiftGroup[];
  /** `bergantian` (default) or `per_unit`. */
  grouping?: string;
  /** Nobody rostered more working days in a row than this. */
  max_consecutive?: number | null;
}

/** One shift group and its days in the office. */
export interface ShiftGroup {
  name: string;
  /** A `day_patterns` code. */
  pattern: string;
  /** `work_days` codes, for `hari_tertentu` only. */
  weekdays?: string[];
}

/** Leave, sickness or official travel: days nobody may roster. */
export interface Absence {
  id: number;
  employee_id: number;
  nip: string | null;
  name: string;
  agency: string;
  from: string;
  to: string;
  reason: string;
  note: string;
}

export interface NewAbsence {
  nip: string;
  from: string;
  /** Empty: the one day `from`. */
  to: string | null;
  reason: string;
  note: string;
}

/** How evenly a picket pool shares the office days. */
export interface PoolLoad {
  unit_id: number;
  unit: string;
  agency: string;
  members: number;
  fewest: number;
  most: number;
}

/** Every rule a circular carries; every part optional. */
export interface Rules {
  top_levels?: number | null;
  /** Agency kind → eselon levels (2 = II … 5 = V) that stay in the office. */
  eselon_by_kind?: { kind: string; levels: number[] }[];
  picket?: Picket | null;
  max_share_percent?: number | null;
  min_share_percent?: number | null;
  exempt_agencies?: AgencyRef[];
  exempt_kinds?: string[];
  exceptions?: PersonalException[];
}

/** A circular's rules with the clause text each yields. */
export interface RulesView {
  rules: Rules;
  clauses: string[];
}

/** Something to settle before issuing (`circular_conflicts`). */
export interface Conflict {
  kind: string;
  message: string;
  agency_id?: number;
  unit_id?: number;
  dates?: string[];
  short?: number;
}

/** After generating a roster. */
export interface RosterSummary {
  /** Entries that put someone in the office (piket) over the period. */
  duties: number;
  conflicts: Conflict[];
  loads: PoolLoad[];
  horizon: Horizon;
  /** Years the roster covers without a holiday list. */
  holiday_gap: HolidayGap | null;
}

/** How far a roster reaches: the period's end, or an open-ended period's horizon. */
export interface Horizon {
  until: string;
  /** The period runs until evaluated, so the roster can be extended. */
  open_ended: boolean;
}

/** One cell of the agency grid: an employee on a day. */
export interface GridCell {
  status: string;
  /** The deciding rule, in words. */
  reason: string;
  /** Roster entry behind the cell: `otomatis`, `manual`, `dilepas`, or null. */
  source: string | null;
  /** The employee is on the picket rotation, so the day can be edited by hand. */
  editable: boolean;
}

export interface GridRow {
  employee_id: number;
  nip: string | null;
  name: string;
  unit: string | null;
  /** `Kelompok A` when the picket rule has shift groups. */
  group: string | null;
  cells: GridCell[];
}

/** An agency's day-by-day statuses over the circular's period. */
export interface AgencyGrid {
  agency_id: number;
  agency: string;
  days: { date: string; working: boolean }[];
  rows: GridRow[];
}

/** A hand edit of the roster; `force` accepts a rule breach (warnings come back). */
export interface RosterEdit {
  date: string;
  employee_id: number;
  on_duty: boolean;
  replaces?: number | null;
  force?: boolean;
}

/** One employee's status on a day (`status_list`). */
export interface StatusRow {
  nip: string | null;
  name: string;
  agency: string;
  unit: string | null;
  status: string;
  reason: string;
}

/** The mapping step of an employee import. */
export interface ImportPreview {
  kind: 'csv' | 'xlsx';
  headers: string[];
  sample: string[][];
  row_count: number;
  /** Field → header. */
  mapping: Record<string, string>;
  remembered: boolean;
  fields: { field: string; label: string; required: boolean }[];
  /** Per sample row, the eselon its position gives ('' for none) when the file has no eselon column; else empty. */
  sample_eselon: string[];
  /** Rows that will be skipped as not active (kedudukan hukum). */
  inactive_rows: number;
  /** Columns of the national export that Edaran knows but does not keep. */
  unused_known: string[];
}

/** A file chosen for import and its preview. */
export interface ImportStart {
  path: string;
  file_name: string;
  preview: ImportPreview;
}

/** A row left out of an import because the employee is not active. */
export interface SkippedRow {
  line: number;
  nip: string;
  name: string;
  reason: string;
}

/** A position whose eselon an import took from its name. */
export interface InferredEselon {
  position: string;
  eselon: string;
  count: number;
  line: number;
}

export interface ImportSummary {
  created: number;
  updated: number;
  agencies_created: number;
  units_created: number;
  skipped: SkippedRow[];
  inferred_eselon: InferredEselon[];
}

/** Options of a notices batch. */
export interface NoticeOptions {
  /** Also one assignment notice per employee on the rotation. */
  per_employee: boolean;
  paper: string;
  /** Sign every notice with this certificate (one passphrase for the batch). */
  sign: { certificate_id: number; passphrase: string } | null;
}

/** Progress of a notices batch (event `notices-progress`). */
export interface NoticeProgress {
  done: number;
  total: number;
}

/** How a notices batch ended. */
export interface NoticesResult {
  folder: string;
  /** The merged PDF for printing. */
  merged: string;
  /** Separate files written. */
  files: number;
  pages: number;
  signed: boolean;
  cancelled: boolean;
}
