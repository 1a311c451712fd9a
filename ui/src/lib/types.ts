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
  status: 'draf' | 'diparaf' | 'terbit' | 'diganti' | 'dicabut';
  status_label: string;
  subject: string;
  number: string | null;
  /** `YYYY-MM-DD` */
  issued_on: string | null;
  parent_id: number | null;
  relation: string | null;
  updated_at: string;
}
