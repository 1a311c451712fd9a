import { getContext, setContext } from 'svelte';
import { invoke } from '@tauri-apps/api/core';
import type {
  Agency,
  AgencyInput,
  CircularSummary,
  DatabaseInfo,
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
} from './types';

/** Every backend command the UI uses; one method per Tauri command. */
export interface Backend {
  overview(): Promise<Overview>;
  reference_data(): Promise<ReferenceData>;
  database_info(): Promise<DatabaseInfo>;
  office_get(): Promise<OfficeView>;
  office_save(profile: OfficeProfile): Promise<OfficeView>;
  office_pick_emblem(): Promise<OfficeView | null>;
  office_clear_emblem(): Promise<OfficeView>;
  agencies_list(query: string): Promise<Agency[]>;
  agency_save(input: AgencyInput): Promise<Agency>;
  agency_delete(id: number): Promise<null>;
  units_list(agencyId: number): Promise<Unit[]>;
  unit_save(input: UnitInput): Promise<Unit>;
  unit_delete(id: number): Promise<null>;
  employees_list(filter: EmployeeFilter): Promise<EmployeePage>;
  employee_save(input: EmployeeInput): Promise<Employee>;
  employee_delete(id: number): Promise<null>;
  signatories_list(): Promise<Signatory[]>;
  signatory_save(input: SignatoryInput): Promise<Signatory>;
  signatory_delete(id: number): Promise<null>;
  holidays_list(year: number | null): Promise<Holiday[]>;
  circulars_list(): Promise<CircularSummary[]>;
}

export const tauriBackend: Backend = {
  overview: () => invoke('overview'),
  reference_data: () => invoke('reference_data'),
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
  signatories_list: () => invoke('signatories_list'),
  signatory_save: (input) => invoke('signatory_save', { input }),
  signatory_delete: (id) => invoke('signatory_delete', { id }),
  holidays_list: (year) => invoke('holidays_list', { year }),
  circulars_list: () => invoke('circulars_list'),
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
