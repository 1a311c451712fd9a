// Written by `cargo test -p edaran-app bindings` from the Rust definitions; do not edit.

/**
 * A stored absence of one employee, both ends inclusive.
 */
export type Absence = { id: number, employee_id: number, nip: string | null, name: string, agency: string, from: string, to: string, reason: AbsenceReason, note: string, };

/**
 * Why someone is away.
 */
export type AbsenceReason = "cuti" | "sakit" | "dinas_luar" | "lainnya";

/**
 * What the app offers for a circular, decided here once: the UI shows these
 * buttons and locks, it does not work them out from the status.
 */
export type Actions = { 
/**
 * *Paraf* (a draft not yet initialled).
 */
initial: boolean, 
/**
 * *Terbitkan* with a register number, or *Catat nomor* given elsewhere.
 */
issue: boolean, 
/**
 * Change its content and rules, or delete it (a draft, initialled or not).
 */
edit: boolean, 
/**
 * Changing it withdraws its paraf: the editor asks first.
 */
edit_withdraws_paraf: boolean, 
/**
 * *Perpanjang*, *Buat perubahan*, *Cabut*, *Batalkan nomor*, notices (an issued circular in force).
 */
follow_up: boolean, 
/**
 * Why its content is locked (none while it may change).
 */
locked_reason: string | null, };

/**
 * An agency as stored, with counts for lists.
 */
export type Agency = { id: number, name: string, short_name: string, kind: AgencyKind, kind_label: string, unit_count: number, employee_count: number, };

/**
 * An agency's statuses over the whole period, day by day.
 */
export type AgencyGrid = { agency_id: number, agency: string, days: Array<GridDay>, rows: Array<GridRow>, };

/**
 * What a form sends to create (`id` absent) or change an agency.
 */
export type AgencyInput = { id?: number | null, name: string, short_name: string, kind: string, };

/**
 * Kind of perangkat daerah; exemption rules select agencies by kind.
 */
export type AgencyKind = "sekretariat_daerah" | "sekretariat_dprd" | "inspektorat" | "dinas" | "badan" | "satpol_pp" | "rsud" | "puskesmas" | "kecamatan" | "kelurahan" | "uptd";

/**
 * An agency named by its id (local to one database) or its name (travels
 * in exchange files).
 */
export type AgencyRef = number | string;

export type Alert = { kind: AlertKind, kind_label: string, message: string, 
/**
 * The circular the action applies to.
 */
circular_id: number, action: AlertAction, action_label: string, };

/**
 * What an alert asks the clerk to do, worded as the task (the app's
 * button and the CLI's hint both say it), not as a control.
 */
export type AlertAction = "perpanjang" | "perpanjang_jadwal" | "buka_draf" | "buka";

/**
 * What needs the clerk's attention.
 */
export type AlertKind = "segera_berakhir" | "jadwal_habis" | "draf_lewat" | "tumpang_tindih" | "jeda";

/**
 * A table annexed on its own pages (*lampiran*).
 */
export type Annex = { title: string, columns: Array<string>, 
/**
 * Relative column widths; equal when empty.
 */
widths: Array<number>, rows: Array<Array<string>>, };

/**
 * An arrangement in force on the day asked about, or issued to start later.
 */
export type Arrangement = { 
/**
 * `berlaku` (in force) or `akan_berlaku` (starts later).
 */
state: string, 
/**
 * Working days from the day asked about (or the start, if later) to
 * the end, both included; `None` when open-ended.
 */
working_days_left: number | null, 
/**
 * Index into [`Dashboard::chains`].
 */
chain: number, 
/**
 * `Surat edaran awal`, `Perpanjangan ke-2`, …
 */
position: string, 
/**
 * The period as the dashboard counts it: an amended or revoked
 * circular's ends the day before its successor began.
 */
start: string | null, end: string | null, 
/**
 * Whom it binds (the circular's scope), e.g. `ASN di lingkungan …`.
 */
scope: string, 
/**
 * An open-ended arrangement with a picket rule: the last day its
 * roster covers (see [`crate::rules::horizon`]).
 */
horizon: string | null, id: number, kind: CircularKind, kind_label: string, status: CircularStatus, status_label: string, 
/**
 * What may be done with it now (its content changed or not, …) and why
 * its content is locked: the UI offers what this says, it does not work it out.
 */
actions: Actions, subject: string, number: string | null, issued_on: string | null, parent_id: number | null, relation: Relation | null, updated_at: string, 
/**
 * The period as written in the document (none while not set).
 */
period: Period | null, 
/**
 * The period as lists show it: `30 Mei – 15 Juni 2020`.
 */
period_label: string | null, 
/**
 * Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
 */
origin: string | null, 
/**
 * Counts every change; an edit based on an older one is refused.
 */
version: number, 
/**
 * Who saved the draft last (with the workstation on a shared server).
 */
updated_by: string, };

/**
 * Where a roster entry comes from.
 */
export type AssignmentSource = "otomatis" | "manual" | "dilepas";

/**
 * One recorded transition.
 */
export type AuditEntry = { action: string, actor: string, at: string, detail: string, 
/**
 * `user@workstation` on a shared server; empty on this computer's file.
 */
station: string, };

/**
 * What a backup file holds, as checked before restoring it.
 */
export type BackupInfo = { schema_version: number, office: string | null, circulars: number, employees: number, };

/**
 * What a person needs to know about a certificate (UI and CLI).
 */
export type CertificateInfo = { 
/**
 * The holder's name (CN), e.g. the signatory.
 */
name: string, 
/**
 * Full subject, RFC 4514 style.
 */
subject: string, 
/**
 * The issuer's name (CN).
 */
issuer_name: string, issuer: string, serial: string, valid_from: string, valid_to: string, 
/**
 * SHA-256 of the DER certificate, upper-case hex pairs joined by `:`.
 */
fingerprint: string, 
/**
 * True for *sertifikat internal kantor* made by Edaran.
 */
internal: boolean, 
/**
 * `ECDSA P-256` or `RSA 2048` etc.
 */
key: string, };

/**
 * A signatory's certificate as stored.
 */
export type CertificateRecord = { id: number, signatory_id: number, label: string, certificate: CertificateInfo, created_at: string, };

/**
 * One lane of the timeline: a circular and everything derived from it.
 */
export type Chain = { root: number, 
/**
 * By start date; drafts included.
 */
links: Array<Link>, };

/**
 * One line of the checklist.
 */
export type Check = { 
/**
 * `paraf`, `isi`, `aturan`, `jadwal_piket`, `hari_libur`, `lambang`.
 */
code: string, ok: boolean, message: string, 
/**
 * The issue is refused while it fails (otherwise a warning).
 */
blocking: boolean, };

/**
 * One choice as the UI lists it: a vocabulary's value (sent as its code) and its label.
 */
export type Choice<T> = { code: T, label: string, };

/**
 * Everything printed on a circular.
 */
export type Circular = { kind: CircularKind, letterhead: Letterhead, 
/**
 * Empty until issued.
 */
number: string, subject: string, 
/**
 * Whom the arrangement binds, e.g. `Aparatur Sipil Negara di lingkungan
 * Pemerintah Kabupaten X`; the template's clauses name it.
 */
scope: string, period: Period | null, references: Array<Reference>, addressees: Array<string>, 
/**
 * `Tempat` (the default) or e.g. `Sekayu`, printed after `di –`.
 */
addressee_location: string, points: Array<Point>, place: string, 
/**
 * Date of issue; a draft prints without one.
 */
issued_on: string | null, signature: Signature, copies: Array<string>, annexes: Array<Annex>, 
/**
 * The work-system rules as structured data (statuses, roster, clauses).
 */
rules?: Rules, };

/**
 * Which template a circular was drafted from.
 */
export type CircularKind = "wfh_baru" | "perpanjangan" | "penerapan_kembali" | "perubahan" | "pencabutan" | "umum";

/**
 * A circular with its document.
 */
export type CircularRecord = { document: Circular, 
/**
 * The stored signatory its signature names ([`crate::circular::Signature::is_by`]),
 * whom the form shows as chosen.
 */
signatory_id: number | null, id: number, kind: CircularKind, kind_label: string, status: CircularStatus, status_label: string, 
/**
 * What may be done with it now (its content changed or not, …) and why
 * its content is locked: the UI offers what this says, it does not work it out.
 */
actions: Actions, subject: string, number: string | null, issued_on: string | null, parent_id: number | null, relation: Relation | null, updated_at: string, 
/**
 * The period as written in the document (none while not set).
 */
period: Period | null, 
/**
 * The period as lists show it: `30 Mei – 15 Juni 2020`.
 */
period_label: string | null, 
/**
 * Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
 */
origin: string | null, 
/**
 * Counts every change; an edit based on an older one is refused.
 */
version: number, 
/**
 * Who saved the draft last (with the workstation on a shared server).
 */
updated_by: string, };

/**
 * Where a circular is in its life: draft → initialled → issued →
 * superseded or revoked.
 */
export type CircularStatus = "draf" | "diparaf" | "terbit" | "diganti" | "dicabut" | "batal";

/**
 * A circular as listed.
 */
export type CircularSummary = { id: number, kind: CircularKind, kind_label: string, status: CircularStatus, status_label: string, 
/**
 * What may be done with it now (its content changed or not, …) and why
 * its content is locked: the UI offers what this says, it does not work it out.
 */
actions: Actions, subject: string, number: string | null, issued_on: string | null, parent_id: number | null, relation: Relation | null, updated_at: string, 
/**
 * The period as written in the document (none while not set).
 */
period: Period | null, 
/**
 * The period as lists show it: `30 Mei – 15 Juni 2020`.
 */
period_label: string | null, 
/**
 * Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
 */
origin: string | null, 
/**
 * Counts every change; an edit based on an older one is refused.
 */
version: number, 
/**
 * Who saved the draft last (with the workstation on a shared server).
 */
updated_by: string, };

/**
 * One code of the table.
 */
export type Classification = { code: string, name: string, 
/**
 * An old three-digit code (before Permendagri 83/2022).
 */
legacy: boolean, };

/**
 * A clause the template writes from the circular's facts; the user's
 * own points carry none.
 */
export type Clause = "dasar" | "masa" | "aturan" | "penutup";

/**
 * Field → the header of the file column that fills it.
 */
export type ColumnMapping = { [key in Field]?: string };

/**
 * One conflict, located as precisely as the rules allow.
 */
export type Conflict = { kind: ConflictKind, 
/**
 * What is wrong, in Indonesian.
 */
message: string, agency_id?: number, unit_id?: number, 
/**
 * The days affected (working days), when the conflict is per day.
 */
dates?: Array<string>, 
/**
 * How many people are missing on the worst day.
 */
short?: number, };

/**
 * Kind of conflict.
 */
export type ConflictKind = "unit_kurang_pegawai" | "melebihi_batas_persentase" | "kurang_dari_batas_persentase" | "dikecualikan_dan_ditugaskan" | "pengecualian_di_luar_periode" | "nip_tidak_dikenal" | "kantor_kosong" | "level_struktural_kurang" | "periode_tumpang_tindih";

/**
 * Everything Beranda shows about periods on one day.
 */
export type Dashboard = { at: string, 
/**
 * Alert when an arrangement ends within this many working days.
 */
alert_working_days: number, active: Array<Arrangement>, chains: Array<Chain>, alerts: Array<Alert>, 
/**
 * When nothing is in force: the day the last issued arrangement
 * ended (so a quiet day can jump to the last active one).
 */
last_end: string | null, 
/**
 * Years from `at` to the last day counted (an arrangement's end or
 * roster horizon) without a recorded holiday list.
 */
holiday_gap: HolidayGap | null, };

export type DatabaseInfo = { 
/**
 * The file's path, or the shared server without its password.
 */
path: string, 
/**
 * True on the office's shared server.
 */
shared: boolean, 
/**
 * Set while the shared server waits for the clerk to sign in: what it
 * said at the last try (a password asked, a wrong one, not reached).
 */
sign_in: ErrorReport | null, };

/**
 * Which days a group is in the office.
 */
export type DayPattern = "hari_tertentu" | "tanggal_ganjil" | "tanggal_genap" | "minggu_ganjil" | "minggu_genap";

/**
 * A deletion just made: the token that undoes it and what to tell the clerk.
 */
export type Deleted = { token: number, 
/**
 * e.g. `Pegawai “Budi Santoso” dihapus.`
 */
message: string, };

/**
 * The draft a *Perpanjang*, *Buat perubahan* or *Cabut* leads to.
 */
export type Derived = { id: number, 
/**
 * A draft of the same intent (same circular, same relation, still
 * draf or diparaf) was already there: it is given instead of a second.
 */
existing: boolean, 
/**
 * The draft named for the clerk: `Draf perpanjangan dari 800/439/BKPSDM/2020
 * (periode 30 Mei – 15 Juni 2020)`.
 */
name: string, 
/**
 * What happened, for the clerk: `… sudah ada; dibuka.` or `… disusun.`
 */
message: string, };

/**
 * What one edit gives back ([`Store::edit_draft`]): the draft as stored and its preview.
 */
export type Edited = { preview: Preview | null, 
/**
 * Why no preview could be drawn (the draft is saved all the same).
 */
preview_error: ErrorReport | null, document: Circular, 
/**
 * The stored signatory its signature names ([`crate::circular::Signature::is_by`]),
 * whom the form shows as chosen.
 */
signatory_id: number | null, id: number, kind: CircularKind, kind_label: string, status: CircularStatus, status_label: string, 
/**
 * What may be done with it now (its content changed or not, …) and why
 * its content is locked: the UI offers what this says, it does not work it out.
 */
actions: Actions, subject: string, number: string | null, issued_on: string | null, parent_id: number | null, relation: Relation | null, updated_at: string, 
/**
 * The period as written in the document (none while not set).
 */
period: Period | null, 
/**
 * The period as lists show it: `30 Mei – 15 Juni 2020`.
 */
period_label: string | null, 
/**
 * Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
 */
origin: string | null, 
/**
 * Counts every change; an edit based on an older one is refused.
 */
version: number, 
/**
 * Who saved the draft last (with the workstation on a shared server).
 */
updated_by: string, };

/**
 * An employee as stored, with the names of agency and unit for lists.
 */
export type Employee = { id: number, nip: string | null, name: string, front_title: string, back_title: string, employment: EmploymentKind, golongan: string | null, position_name: string, position_kind: PositionKind, eselon: Eselon | null, agency_id: number, agency_name: string, unit_id: number | null, unit_name: string | null, };

/**
 * Which employees a list shows.
 */
export type EmployeeFilter = { 
/**
 * Part of a name, NIP, position or unit.
 */
query: string, agency_id?: number | null, unit_id?: number | null, 
/**
 * At most this many rows (all when absent).
 */
limit?: number | null, offset: number, };

/**
 * What a form or an import row sends. Codes or labels are accepted.
 */
export type EmployeeInput = { id?: number | null, nip: string, name: string, front_title: string, back_title: string, employment: string, golongan: string, position_name: string, position_kind: string, eselon: string, agency_id?: number | null, unit_id?: number | null, };

/**
 * One page of a filtered list, with the count of all matches.
 */
export type EmployeePage = { total: number, rows: Array<Employee>, };

/**
 * *Jenis pegawai*.
 */
export type EmploymentKind = "pns" | "cpns" | "pppk" | "tenaga_kontrak" | "ptt" | "honorer";

/**
 * The stable machine-readable code of an [`Error`], the same on the wire
 * (`ErrorReport.code`), in the CLI's report and in the UI's `ErrorCode`.
 */
export type ErrorCode = "alamat_server_tidak_sah" | "alamat_terlalu_banyak" | "baris_kosong" | "basis_data" | "basis_data_berisi" | "basis_data_sibuk" | "belum_masuk_server" | "belum_terbit" | "berhalangan" | "berkas" | "berkas_bukan_utf8" | "berkas_kosong" | "berkas_pertukaran" | "berkas_terlalu_besar" | "berkas_tidak_dipilih" | "berturut_nol" | "bukan_berkas_biasa" | "bukan_csv" | "bukan_draf" | "bukan_hari_kerja" | "bukan_pdf" | "bukan_terbit" | "bukan_utf8" | "buku_agenda_tanpa_templat" | "buku_agenda_tidak_ada" | "butir_kosong" | "butir_terlalu_dalam" | "butir_terlalu_panjang" | "cadangan_ditolak" | "cadangan_menimpa" | "csv_rusak" | "di_luar_rentang" | "diubah_di_tempat_lain" | "dokumen_rusak" | "eselon_bukan_struktural" | "eselon_tidak_dikenal" | "eselon_wajib" | "format_tidak_dikenal" | "gagal_membaca" | "gagal_menulis" | "gambar_rusak" | "golongan_non_asn" | "golongan_pppk" | "golongan_tidak_dikenal" | "horizon_sebelum_periode" | "horizon_tidak_maju" | "impor_gagal" | "kantor_kosong" | "karakter_tidak_tersedia" | "kata_sandi_kosong" | "kata_sandi_pendek" | "kata_sandi_salah" | "kelompok_ganda" | "kelompok_hari_berlebih" | "kelompok_tanpa_hari" | "kelompok_tanpa_nama" | "kelompok_tunggal" | "keputusan_sudah_ada" | "ketidakhadiran_terlalu_panjang" | "ketidakhadiran_tumpang_tindih" | "klasifikasi" | "kata_sandi_server" | "kolom_pemetaan_tidak_ada" | "kolom_wajib_hilang" | "kriptografi" | "kunci_tidak_cocok" | "kunci_tidak_didukung" | "kuota_terbalik" | "lambang_format" | "lambang_terlalu_besar" | "lampiran_baris" | "lampiran_kolom" | "level_nol" | "nama_sudah_ada" | "nip_bukan_angka" | "nip_ganda" | "nip_jenis_kelamin" | "nip_kosong" | "nip_non_asn" | "nip_panjang" | "nip_sudah_ada" | "nip_tanggal_lahir" | "nip_tidak_dikenal" | "nip_tmt_cpns" | "nip_urut" | "nomor_sudah_ada" | "pdf_gagal_dibaca" | "pdf_kosong" | "pdf_perlu_konfirmasi" | "pdf_rusak" | "pdf_terenkripsi" | "pdf_terpotong" | "pdf_tidak_terbaca" | "pdf_tidak_wajar" | "pem_kosong" | "pem_rusak" | "pemberitahuan_belum_tercatat" | "pemberitahuan_sudah_ada" | "pemetaan_tidak_sah" | "pemisah_tidak_dikenal" | "penampil_pdf" | "penanda_tangan_kosong" | "perangkat_daerah_berpegawai" | "perangkat_daerah_tidak_ada" | "perangkat_daerah_tidak_dikenal" | "periode_berakhir" | "periode_kosong" | "periode_terbalik" | "periode_terlalu_panjang" | "persentase_tidak_sah" | "piket_melanggar_aturan" | "piket_nol" | "pilihan_tidak_dikenal" | "profil_belum_ada" | "rujukan_tidak_ada" | "salinan_tidak_cocok" | "sampah_gagal" | "sertifikat_belum_berlaku" | "sertifikat_bukan_penanda_tangan" | "sertifikat_kedaluwarsa" | "sertifikat_kosong" | "sertifikat_orang_lain" | "sertifikat_rusak" | "sertifikat_tanpa_kunci" | "sertifikat_tidak_tersimpan" | "server_terputus" | "sertifikat_tidak_wajar" | "skema_lebih_baru" | "skema_tidak_sah" | "srikandi_perlu_draf" | "struktural_non_asn" | "sudah_terjadwal" | "sumber_ganda" | "surat_edaran_terbit" | "tahun_berbeda" | "tanda_tangan_rusak" | "tanggal_ganda" | "tanggal_mundur" | "tanpa_data" | "tanpa_pemberitahuan" | "templat_nomor" | "templat_tanpa_tahun" | "terlalu_panjang" | "tidak_ditemukan" | "tidak_terjadwal" | "unit_bukan_milik" | "unit_induk_diri_sendiri" | "unit_induk_lain" | "unit_induk_melingkar" | "unit_pindah" | "unit_tidak_kosong" | "urungkan_ditolak" | "urungkan_gagal" | "urungkan_kedaluwarsa" | "verifikasi_gagal" | "wajib_diisi" | "xlsx_gagal" | "xlsx_rusak" | "xlsx_terlalu_besar";

/**
 * The shape errors take on the wire (UI and `--format json`).
 */
export type ErrorReport = { code: ErrorCode, message: string, field?: string, rows?: Array<RowError>, };

/**
 * *Eselon* of a structural post; `level()` groups II.a/II.b as 2, etc.
 */
export type Eselon = "II.a" | "II.b" | "III.a" | "III.b" | "IV.a" | "IV.b" | "V.a";

/**
 * Why a person is kept at home or in the office.
 */
export type ExceptionReason = "komorbid" | "hamil" | "usia_50_sakit" | "karantina" | "layanan_esensial" | "lainnya";

/**
 * How long an extension runs and when it may start; by default as long
 * as the period it extends, in calendar days, never starting on a holiday.
 */
export type Extension = { 
/**
 * Length in days; the extended period's own length when `None`.
 */
days: number | null, 
/**
 * Count `days` (or the extended period's length) in working days.
 */
working_days: boolean, 
/**
 * Let the extension start on a holiday (otherwise it starts on the next day that is not one).
 */
start_on_holiday: boolean, };

/**
 * An employee field a column can fill.
 */
export type Field = "nip" | "name" | "front_title" | "back_title" | "employment" | "golongan" | "position_name" | "position_kind" | "eselon" | "agency" | "unit" | "birth_date" | "sex" | "legal_status";

/**
 * A field as the mapping step shows it.
 */
export type FieldInfo = { field: Field, label: string, required: boolean, };

export type FileKind = "csv" | "xlsx";

/**
 * *Golongan ruang* of a PNS, with its *pangkat* as the label.
 */
export type Golongan = "I/a" | "I/b" | "I/c" | "I/d" | "II/a" | "II/b" | "II/c" | "II/d" | "III/a" | "III/b" | "III/c" | "III/d" | "IV/a" | "IV/b" | "IV/c" | "IV/d" | "IV/e";

/**
 * One employee on one day of the grid.
 */
export type GridCell = { status: Status, reason: string, 
/**
 * The roster entry behind the cell, if any.
 */
source: AssignmentSource | null, 
/**
 * On a picket rotation, so the day can be changed by hand.
 */
editable: boolean, };

export type GridDay = { date: string, working: boolean, };

export type GridRow = { employee_id: number, nip: string | null, name: string, unit: string | null, 
/**
 * The shift group (`Kelompok A`) when the picket rule has groups.
 */
group: string | null, cells: Array<GridCell>, };

/**
 * How the staff of a picket unit are divided into the groups.
 */
export type Grouping = "bergantian" | "per_unit";

export type Holiday = { id: number, date: string, name: string, kind: HolidayKind, 
/**
 * The decree that set it, e.g. the joint decree of three ministers.
 */
source: string, };

/**
 * A decree that set a year's holidays, and how it changed the list before it.
 */
export type HolidayDecree = { id: number, year: number, title: string, recorded_at: string, 
/**
 * The latest decree of its year: its list is the one in force.
 */
in_force: boolean, days: number, 
/**
 * What it changed against the year's previous decree, e.g.
 * `+ 28 Desember 2020 Cuti bersama …` / `− 22 Mei 2020 …`.
 */
changes: Array<string>, };

/**
 * Years of a span whose holidays are not recorded: their working days are
 * counted as if no day were off, so every page counting over them says so.
 */
export type HolidayGap = { years: Array<number>, 
/**
 * e.g. "Daftar hari libur tahun 2028 belum dicatat; …"
 */
message: string, };

/**
 * Why a day is off.
 */
export type HolidayKind = "libur_nasional" | "cuti_bersama";

/**
 * How far a circular's roster reaches, as Jadwal Piket shows it.
 */
export type Horizon = { 
/**
 * The last day the roster covers.
 */
until: string, 
/**
 * The period has no end, so the roster can be extended.
 */
open_ended: boolean, };

/**
 * What the mapping step shows before anything is written.
 */
export type ImportPreview = { kind: FileKind, headers: Array<string>, 
/**
 * The first [`SAMPLE_ROWS`] data rows, as text.
 */
sample: Array<Array<string>>, row_count: number, 
/**
 * The last mapping if it was made for these headers, else a guess.
 */
mapping: ColumnMapping, remembered: boolean, fields: Array<FieldInfo>, 
/**
 * For each sample row, the eselon its position gives (`""` for none)
 * when the guessed mapping has no eselon column but a position one;
 * else empty. Shown as a column "Eselon (dari jabatan)" to confirm.
 */
sample_eselon: Array<string>, 
/**
 * Rows the guessed mapping would skip as not active (kedudukan hukum).
 */
inactive_rows: number, 
/**
 * Headers of columns Edaran knows from the national export but does not keep.
 */
unused_known: Array<string>, };

/**
 * A file chosen for import, with what the mapping step shows.
 */
export type ImportStart = { path: string, file_name: string, preview: ImportPreview, };

/**
 * What an import did.
 */
export type ImportSummary = { created: number, updated: number, 
/**
 * Agencies and units the import created (after the user confirmed).
 */
agencies_created: number, units_created: number, 
/**
 * Rows not imported because the employee is not active (pensiun,
 * meninggal, …): reported, distinct from errors, which stop the import.
 */
skipped: Array<SkippedRow>, 
/**
 * Positions whose eselon was taken from their name (no eselon column).
 */
inferred_eselon: Array<InferredEselon>, };

/**
 * A draft imported from an exchange file, and what the import left out.
 */
export type Imported = { id: number, notice: string | null, };

/**
 * A position whose eselon the import took from its name, with how many
 * imported employees hold it: what the user is asked to confirm.
 */
export type InferredEselon = { position: string, eselon: string, count: number, 
/**
 * The first row with this position.
 */
line: number, };

/**
 * How a draft is issued: its date, the register that numbers it (the
 * office's own when `None`), the classification code of this letter when
 * not the register's, and why, if so, it is dated before that register's
 * last entry.
 */
export type Issue = { date: string, register_id?: number | null, classification?: string | null, backdate_reason: string, };

/**
 * One row of the table *agency kind → eselon levels in the office*.
 */
export type KindLevels = { kind: AgencyKind, 
/**
 * Eselon levels: 2 (II), 3 (III), 4 (IV), 5 (V).
 */
levels: Array<number>, };

/**
 * Whose kop a circular is printed under.
 */
export type KopKind = "kepala_daerah" | "perangkat_daerah";

/**
 * The kop: emblem, tiered lines in capitals, address lines; laid out as
 * its `kind` says.
 */
export type Letterhead = { kind: KopKind, 
/**
 * PNG or JPEG bytes of the emblem, base64 in JSON.
 */
emblem?: string, 
/**
 * `PEMERINTAH KABUPATEN X`, then the office name (or `BUPATI X` alone).
 */
tiers: Array<string>, address_lines: Array<string>, };

/**
 * One circular as the timeline sees it.
 */
export type Link = { 
/**
 * The period as the dashboard counts it: an amended or revoked
 * circular's ends the day before its successor began.
 */
start: string | null, end: string | null, 
/**
 * Whom it binds (the circular's scope), e.g. `ASN di lingkungan …`.
 */
scope: string, 
/**
 * An open-ended arrangement with a picket rule: the last day its
 * roster covers (see [`crate::rules::horizon`]).
 */
horizon: string | null, id: number, kind: CircularKind, kind_label: string, status: CircularStatus, status_label: string, 
/**
 * What may be done with it now (its content changed or not, …) and why
 * its content is locked: the UI offers what this says, it does not work it out.
 */
actions: Actions, subject: string, number: string | null, issued_on: string | null, parent_id: number | null, relation: Relation | null, updated_at: string, 
/**
 * The period as written in the document (none while not set).
 */
period: Period | null, 
/**
 * The period as lists show it: `30 Mei – 15 Juni 2020`.
 */
period_label: string | null, 
/**
 * Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
 */
origin: string | null, 
/**
 * Counts every change; an edit based on an older one is refused.
 */
version: number, 
/**
 * Who saved the draft last (with the workstation on a shared server).
 */
updated_by: string, };

/**
 * An absence as a form or a file gives it; the person by NIP; no last
 * day means the one day `from`.
 */
export type NewAbsence = { nip: string, from: string, to?: string | null, reason: AbsenceReason, note: string, };

/**
 * A day off as a decree lists it (before it is stored).
 */
export type NewHoliday = { date: string, name: string, kind: HolidayKind, };

export type NoticeOptions = { per_employee: boolean, paper: PaperSize, sign: NoticeSigning | null, };

export type NoticeSigning = { certificate_id: number, passphrase: string, };

/**
 * The office profile as stored and shown.
 */
export type OfficeProfile = { region_kind: RegionKind, region_name: string, office_name: string, 
/**
 * Kop address lines: street; phone/fax; web/e-mail.
 */
address_lines: Array<string>, 
/**
 * Where circulars are issued (*Ditetapkan di …*).
 */
place: string, numbering_template: string, classification: string, unit_code: string, paper: PaperSize, };

/**
 * The profile with its emblem as a data URL and a sample letter number.
 */
export type OfficeView = { profile: OfficeProfile | null, emblem: string | null, number_example: string | null, };

/**
 * What the database holds, in numbers.
 */
export type Overview = { agencies: number, units: number, employees: number, signatories: number, holidays: number, };

/**
 * Paper the office prints on.
 */
export type PaperSize = "f4" | "a4";

/**
 * The days a circular rules, both ends included; no end means "until
 * evaluated" (*sampai dengan dicabut atau dievaluasi lebih lanjut*).
 */
export type Period = { start: string, end: string | null, };

/**
 * A person kept at home or in the office, from `from` to `to` (inclusive;
 * open ends follow the circular's period).
 */
export type PersonalException = { nip: string, placement: Placement, reason: ExceptionReason, from?: string | null, to?: string | null, note?: string, };

/**
 * The picket rule: every unit of the given kinds has at least `per_day`
 * of its staff (its own and its sub-units') in the office each working day.
 */
export type Picket = { per_day: number, 
/**
 * Unit kinds the rule applies to; empty = every top-level unit.
 */
unit_kinds: Array<UnitKind>, 
/**
 * Staff categories that may be scheduled; empty = all.
 */
categories: Array<EmploymentKind>, 
/**
 * Agencies the rule applies to; empty = every agency not exempt.
 */
agencies?: Array<AgencyRef>, 
/**
 * Shift groups (*kerja bergiliran*): when given, each group of a unit
 * is in the office on its pattern's days, and `per_day` is the least
 * a unit may have on a day.
 */
groups?: Array<ShiftGroup>, grouping?: Grouping, 
/**
 * Nobody is rostered more working days in a row than this.
 */
max_consecutive?: number | null, };

/**
 * Where a personal exception keeps someone.
 */
export type Placement = "di_rumah" | "di_kantor";

/**
 * A numbered point; children are numbered `a.`, then `1)`, then `a)`.
 * An unnumbered point is a plain paragraph (the opening *Menindaklanjuti …*
 * and the closing *Demikian …*): numbering of its siblings skips it.
 */
export type Point = { text: string, children: Array<Point>, 
/**
 * Set while the text is the template's; editing it by hand clears it.
 */
clause?: Clause | null, unnumbered?: boolean, };

/**
 * How evenly one picket pool shares the office days: the fewest and the
 * most days of its members (those with no absence or exception in the
 * period differ by at most one when nothing stopped the roster).
 */
export type PoolLoad = { unit_id: number, unit: string, agency: string, members: number, fewest: number, most: number, };

/**
 * *Jenis jabatan*.
 */
export type PositionKind = "struktural" | "fungsional" | "pelaksana";

/**
 * Pages of a circular as SVG documents, sized in points.
 */
export type Preview = { 
/**
 * The first pages, at most the number asked for.
 */
pages: Array<string>, 
/**
 * How many pages the printed document has.
 */
page_count: number, 
/**
 * What the printed circular lacks ([`crate::circular::Circular::warnings`]).
 */
warnings: Array<string>, 
/**
 * Years of its period without a recorded holiday list; set by
 * [`crate::store::Store::circular_preview`] (the layout knows no calendar).
 */
holiday_gap: HolidayGap | null, };

/**
 * Progress of a batch: `done` of `total` documents signed.
 */
export type Progress = { done: number, total: number, };

/**
 * The QR payload as printed, checked against the file.
 */
export type QrCheck = { payload: QrPayload, 
/**
 * The QR code drawn on the page encodes exactly this payload.
 */
drawn_matches: boolean, 
/**
 * The payload's SHA-256 is that of the revision the signature was added to.
 */
hash_matches: boolean, };

/**
 * What the QR code says, one `Label: value` a line after the format line
 * `EDARAN-TTE/1`, so a phone shows it as readable text.
 */
export type QrPayload = { number: string, date: string, signer: string, 
/**
 * SHA-256 (lower-case hex) of the unsigned PDF, i.e. the revision the
 * signature's incremental update was appended to.
 */
sha256: string, };

/**
 * A number given by another register or office, recorded with its date.
 */
export type Recording = { number: string, date: string, 
/**
 * The register it belongs to (the office's own when `None`).
 */
register_id: number | null, };

/**
 * A document the circular follows up: a higher circular, or the earlier
 * circular it extends, amends or revokes (then `circular_id` links it).
 */
export type Reference = { 
/**
 * `Surat Edaran Menteri PANRB Nomor 19 Tahun 2020 tentang …`
 */
text: string, circular_id?: number | null, };

export type ReferenceData = { agency_kinds: Array<Choice<AgencyKind>>, unit_kinds: Array<Choice<UnitKind>>, employment_kinds: Array<Choice<EmploymentKind>>, position_kinds: Array<Choice<PositionKind>>, eselons: Array<Choice<Eselon>>, 
/**
 * PNS grades: code `III/d`, label `Penata Tingkat I`.
 */
golongan: Array<Choice<Golongan>>, pppk_grades: Array<string>, region_kinds: Array<Choice<RegionKind>>, paper_sizes: Array<Choice<PaperSize>>, signatory_roles: Array<Choice<SignatoryRole>>, circular_kinds: Array<Choice<CircularKind>>, circular_statuses: Array<Choice<CircularStatus>>, signing_modes: Array<Choice<SigningMode>>, kop_kinds: Array<Choice<KopKind>>, exception_placements: Array<Choice<Placement>>, exception_reasons: Array<Choice<ExceptionReason>>, work_statuses: Array<Choice<Status>>, conflict_kinds: Array<Choice<ConflictKind>>, work_days: Array<Choice<WorkDay>>, day_patterns: Array<Choice<DayPattern>>, groupings: Array<Choice<Grouping>>, absence_reasons: Array<Choice<AbsenceReason>>, 
/**
 * SRIKANDI's *sifat naskah* and *tingkat urgensi*.
 */
sifat_naskah: Array<Choice<Sifat>>, urgensi_naskah: Array<Choice<Urgensi>>, };

/**
 * Level of regional government.
 */
export type RegionKind = "kabupaten" | "kota" | "provinsi";

/**
 * A register the office keeps: its own, or another one whose numbers its
 * circulars carry (the Setda's Bagian Organisasi, another office).
 */
export type Register = { id: number, name: string, 
/**
 * Empty for a register that only records numbers given elsewhere.
 */
numbering_template: string, classification: string, unit_code: string, };

/**
 * One line of a register.
 */
export type RegisterEntry = { register_id: number, register_name: string, year: number, 
/**
 * None for a recorded number that is not the register's own pattern.
 */
sequence: number | null, number: string, circular_id: number | null, subject: string, issued_on: string, 
/**
 * `terbit` (given here at issue), `dicatat` (recorded as given
 * elsewhere) or `srikandi` (numbered and signed in SRIKANDI, recorded
 * with its signed PDF).
 */
kind: string, 
/**
 * `terpakai` (used) or `dibatalkan` (cancelled, never reused).
 */
status: string, 
/**
 * `Terpakai`, `Dicatat`, `Dicatat dari SRIKANDI` or `Dibatalkan`.
 */
status_label: string, note: string, };

/**
 * How a signed document's QR payload compares with the register.
 */
export type RegisterMatch = { 
/**
 * The register entry with the payload's number, if any.
 */
entry: RegisterEntry | null, date_matches: boolean, 
/**
 * The SHA-256 recorded when the document was signed equals the payload's.
 */
hash_matches: boolean, 
/**
 * Number in use, date and hash all match.
 */
ok: boolean, 
/**
 * The comparison in one Indonesian sentence.
 */
text: string, };

/**
 * How a circular stands to the earlier one it follows.
 */
export type Relation = "perpanjangan" | "perubahan" | "pencabutan";

/**
 * The verdict on one PDF.
 */
export type Report = { 
/**
 * SHA-256 of the whole file as given.
 */
sha256: string, signatures: Array<SignatureReport>, 
/**
 * The gravest of the signatures' verdicts; [`Verdict::TanpaTandaTangan`] without one.
 */
verdict: Verdict, };

/**
 * The outcome of a restore: what came in and where the replaced database went.
 */
export type Restored = { info: BackupInfo, replaced_copy: string, };

/**
 * A hand edit: put `employee_id` on duty on `date` (taking `replaces` off,
 * for a swap), or take them off when `on_duty` is false.
 */
export type RosterEdit = { date: string, employee_id: number, on_duty: boolean, replaces?: number | null, 
/**
 * Accept an edit that breaks a rule; the breaches come back as warnings.
 */
force?: boolean, };

/**
 * The files a roster is handed on as; the app's choice and the CLI's file
 * name both come down to one of these.
 */
export type RosterFormat = "xlsx" | "csv" | "pdf";

/**
 * A generated roster as the page sums it up.
 */
export type RosterSummary = { duties: number, conflicts: Array<Conflict>, loads: Array<PoolLoad>, horizon: Horizon, holiday_gap: HolidayGap | null, };

/**
 * One bad row of an import: where it is and what is wrong.
 */
export type RowError = { 
/**
 * Line number in the file, counting the header as line 1.
 */
line: number, 
/**
 * Column name as written in the file's header.
 */
column: string, message: string, };

/**
 * Every rule a circular carries; all parts are optional, so documents and
 * exchange files written before rules existed still load.
 */
export type Rules = { 
/**
 * The top N structural levels (eselon levels actually filled in each
 * agency) stay in the office every working day.
 */
top_levels?: number | null, 
/**
 * Agency kind → eselon levels (2 = II, 3 = III, …) that stay in the office.
 */
eselon_by_kind?: Array<KindLevels>, 
/**
 * A minimum head-count per unit per working day, filled by rotation.
 */
picket?: Picket | null, 
/**
 * At most this percentage of an agency's staff in the office on a day.
 */
max_share_percent?: number | null, 
/**
 * At least this percentage of an agency's staff in the office on a
 * working day; the roster adds people from the rotation to reach it.
 */
min_share_percent?: number | null, 
/**
 * Agencies that keep normal office work, by id or name.
 */
exempt_agencies?: Array<AgencyRef>, 
/**
 * Agency kinds that keep normal office work (e.g. all Puskesmas).
 */
exempt_kinds?: Array<AgencyKind>, 
/**
 * Individual people kept at home or kept in the office.
 */
exceptions?: Array<PersonalException>, };

/**
 * A circular's rules with the clause each writes.
 */
export type RulesView = { rules: Rules, clauses: Array<string>, };

export type SearchFilter = { 
/**
 * Year of issue (of the period's start for drafts).
 */
year: number | null, status: CircularStatus | null, kind: CircularKind | null, };

export type SearchHit = { 
/**
 * Words around the match in the body, matches between `\u{2}` and
 * `\u{3}`, emphasis markers taken out (`excerpt.rs`).
 */
snippet: string, id: number, kind: CircularKind, kind_label: string, status: CircularStatus, status_label: string, 
/**
 * What may be done with it now (its content changed or not, …) and why
 * its content is locked: the UI offers what this says, it does not work it out.
 */
actions: Actions, subject: string, number: string | null, issued_on: string | null, parent_id: number | null, relation: Relation | null, updated_at: string, 
/**
 * The period as written in the document (none while not set).
 */
period: Period | null, 
/**
 * The period as lists show it: `30 Mei – 15 Juni 2020`.
 */
period_label: string | null, 
/**
 * Where a derived circular comes from: `Perpanjangan dari 800/439/BKPSDM/2020`.
 */
origin: string | null, 
/**
 * Counts every change; an edit based on an older one is refused.
 */
version: number, 
/**
 * Who saved the draft last (with the workstation on a shared server).
 */
updated_by: string, };

export type Settings = { alert_working_days: number, 
/**
 * The *petugas* of the last workflow step, offered in the next dialog
 * (kept by the core as it records the audit log; not saved from here).
 */
last_actor?: string, };

/**
 * One shift group and the days it works in the office.
 */
export type ShiftGroup = { 
/**
 * `A`, `B`, `I`…: printed as "Kelompok A".
 */
name: string, pattern: DayPattern, 
/**
 * The weekdays, for [`DayPattern::HariTertentu`] only.
 */
weekdays?: Array<WorkDay>, };

/**
 * *Sifat naskah* in SRIKANDI's form.
 */
export type Sifat = "biasa" | "terbatas" | "rahasia" | "sangat_rahasia";

/**
 * A signatory as stored.
 */
export type Signatory = { id: number, role: SignatoryRole, name: string, front_title: string, back_title: string, 
/**
 * The office as printed above the signature, e.g. `BUPATI TANJUNG SEROJA`.
 */
position_title: string, nip: string | null, golongan: Golongan | null, active: boolean, 
/**
 * The kop this signatory's circulars are drafted with.
 */
kop: KopKind, };

export type SignatoryInput = { id?: number | null, role: string, name: string, front_title: string, back_title: string, position_title: string, nip: string, golongan: string, active?: boolean | null, 
/**
 * A [`KopKind`] code; empty gives the role's usual kop.
 */
kop: string, };

/**
 * The office a signatory holds, which decides what is printed under the name.
 */
export type SignatoryRole = "kepala_daerah" | "wakil_kepala_daerah" | "sekda" | "kepala_perangkat_daerah";

/**
 * The signature block under the body.
 */
export type Signature = { mode: SigningMode, 
/**
 * Office in whose name the circular is issued, e.g. `BUPATI MUSI BANYUASIN`.
 */
principal_office: string, 
/**
 * The signer's own office when signing for the principal (a.n., u.b., wakil).
 */
signer_office: string, 
/**
 * For u.b.: the office between principal and signer, e.g. `SEKRETARIS DAERAH`.
 */
intermediate_office: string, name: string, 
/**
 * `Pembina Utama Muda (IV/c)`; printed only with a NIP.
 */
rank: string, nip: string, signature_image?: string, stamp_image?: string, };

/**
 * The verdict on one signature.
 */
export type SignatureReport = { 
/**
 * The signer's certificate, when the signature carries it.
 */
certificate: CertificateInfo | null, 
/**
 * Time from the signed signingTime attribute (the signer's claim).
 */
signing_time: string | null, 
/**
 * `[start, length, start, length]` as written in the file.
 */
byte_range: [number, number, number, number], 
/**
 * Digest of the signed bytes matches, the signature verifies and the
 * signing-certificate attribute, when present, names the signer
 * (*utuh*); false means changed or unreadable (*tidak utuh*).
 */
intact: boolean, 
/**
 * The signed ranges reach the end of the file: nothing was appended.
 */
covers_whole_file: boolean, 
/**
 * A sound certification path leads to one of the trusted roots.
 */
chain_trusted: boolean, 
/**
 * Every certificate of that path was valid at the signing time.
 */
in_validity: boolean, 
/**
 * The visible QR mark, when the signature has one.
 */
qr: QrCheck | null, 
/**
 * What is wrong, in Indonesian, one sentence each; empty when all is well.
 */
problems: Array<string>, verdict: Verdict, };

/**
 * What signing on issue produced.
 */
export type SignedIssue = { number: string, 
/**
 * SHA-256 of the unsigned PDF (the hash in the QR code and the register).
 */
sha256: string, 
/**
 * Name on the signing certificate.
 */
signer: string, };

/**
 * How the signatory signs: in their own office or for someone else's.
 */
export type SigningMode = "langsung" | "an" | "ub" | "plt" | "plh" | "pj" | "wakil";

/**
 * A row left out because the employee is not active (its *kedudukan
 * hukum*); the import goes on without it.
 */
export type SkippedRow = { line: number, nip: string, name: string, 
/**
 * In Indonesian, e.g. `Sudah pensiun (kedudukan hukum "Pensiun"); tidak diimpor.`
 */
reason: string, };

/**
 * A PDF recorded from SRIKANDI that a verified file is, byte for byte.
 */
export type SrikandiCopy = { circular_id: number, number: string, issued_on: string, 
/**
 * `Sama persis dengan PDF dari SRIKANDI yang dicatat untuk …`.
 */
text: string, };

/**
 * A PDF from SRIKANDI chosen in the native dialog and checked: what the
 * *Catat nomor dari SRIKANDI* dialog shows before recording.
 */
export type SrikandiFile = { path: string, name: string, size: number, 
/**
 * Its signatures as the core words them (none, or who; not verified).
 */
signatures: string, };

/**
 * Where the SRIKANDI hand-off was written: the Word file and its metadata sheet.
 */
export type SrikandiSaved = { docx: string, sheet: string, };

/**
 * An employee's work status on one day.
 */
export type Status = "wfo" | "wfh" | "piket" | "dikecualikan" | "tetap_di_kantor" | "tetap_di_rumah" | "libur" | "berhalangan" | "di_luar_periode" | "belum_dijadwalkan";

/**
 * One employee's status on a day, as `edaran status` prints it.
 */
export type StatusRow = { nip: string | null, name: string, agency: string, unit: string | null, status: Status, reason: string, };

/**
 * A root certificate the office trusts when verifying.
 */
export type TrustedRoot = { id: number, label: string, 
/**
 * An internal office root, trusted automatically when it was made.
 */
internal: boolean, certificate: CertificateInfo, added_at: string, };

/**
 * A unit as stored.
 */
export type Unit = { id: number, agency_id: number, parent_id: number | null, name: string, kind: UnitKind, kind_label: string, employee_count: number, };

export type UnitInput = { id?: number | null, agency_id: number, parent_id?: number | null, name: string, kind: string, };

/**
 * Kind of unit inside an agency.
 */
export type UnitKind = "sekretariat" | "bagian" | "bidang" | "subbagian" | "seksi" | "subbidang" | "instalasi" | "uptd";

/**
 * *Tingkat urgensi* in SRIKANDI's form.
 */
export type Urgensi = "biasa" | "segera" | "amat_segera";

/**
 * The one verdict on a PDF, in order of gravity; the same words in core,
 * CLI and app. Only [`Verdict::Sah`] means the document may be relied on.
 */
export type Verdict = "sah" | "tidak_berlaku" | "tidak_dipercaya" | "tidak_mencakup_berkas" | "tidak_utuh" | "tanpa_tanda_tangan";

/**
 * A PDF's verification: the signatures as found, and for each one with a
 * QR mark, how it compares with this office's register.
 */
export type Verification = { report: Report, 
/**
 * The report's verdict (only `sah` may be shown as good).
 */
verdict: Verdict, 
/**
 * Every signature carries an Edaran QR mark that matches this
 * office's register (number in use, date, hash).
 */
register_matched: boolean, 
/**
 * The verdict and the register comparison in Indonesian.
 */
headline: string, 
/**
 * One per signature of `report`, in order; `None` without a QR mark.
 */
register: Array<RegisterMatch | null>, 
/**
 * The file is byte for byte a PDF recorded from SRIKANDI here.
 */
srikandi: SrikandiCopy | null, };

/**
 * A verified file: where it was read from, and the verdict.
 */
export type VerifiedFile = { path: string, name: string, size: number, verification: Verification, };

/**
 * A working day of the week.
 */
export type WorkDay = "senin" | "selasa" | "rabu" | "kamis" | "jumat";

/**
 * What [`write`] saved.
 */
export type Written = { folder: string, merged: string, files: number, pages: number, signed: boolean, cancelled: boolean, };
