/**
 * Employee import in the in-memory backend. It reads no file and decides
 * nothing: the mapping step and each import's answer (bad rows by line and
 * column, the summary) are the core's, recorded by tests/contract.rs over
 * the fake's office for the files the UI tests pick (`recorded/import.json`).
 * An accepted import's agencies, units and employees are kept as the core
 * wrote them, and its mapping is remembered for the next pick of the file.
 */
import type { Backend } from './backend';
import type { FakeSeed } from './fakeBackend';
import type { Agency, BackendError, Employee, EmployeeInput, ImportPreview, ImportSummary, UnitKind } from './types';
import IMPORTS from './recorded/import.json';

type ImportMethods = Pick<Backend, 'employees_import_pick' | 'employees_import'>;
type FileKey = keyof typeof IMPORTS;

/** One recorded import: what was asked, and the core's refusal or its summary with what it wrote. */
interface Recorded {
  mapping: Record<string, string>;
  create_missing: boolean;
  refused?: BackendError;
  answer?: ImportSummary;
  wrote?: { agencies: Agency[]; units: { agency: string; name: string; kind: UnitKind }[]; employees: Employee[] };
}

let FILE: FileKey = 'spreadsheet';

/** Which recorded file the next pick returns (tests switch to the SIASN export). */
export function fakeImportFile(which: FileKey) {
  FILE = which;
}

const sameMapping = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([field, header]) => b[field] === header);

export function fakeImport(
  db: FakeSeed,
  save: (input: EmployeeInput) => unknown,
  newId: () => number,
  later: <T>(f: () => T) => Promise<T>,
): ImportMethods {
  const remembered = new Map<FileKey, Record<string, string>>();
  const agencyNamed = (name: string) => db.agencies.find((a) => a.name === name);

  /** Keeps what the core wrote, under the fake's ids. */
  function keep({ agencies, units, employees }: NonNullable<Recorded['wrote']>) {
    for (const a of agencies)
      if (!agencyNamed(a.name)) db.agencies.push({ id: newId(), name: a.name, short_name: a.short_name, kind: a.kind });
    for (const u of units) {
      const agency_id = agencyNamed(u.agency)!.id;
      if (!db.units.some((x) => x.agency_id === agency_id && x.name === u.name))
        db.units.push({ id: newId(), agency_id, parent_id: null, name: u.name, kind: u.kind });
    }
    for (const e of employees) {
      const agency_id = agencyNamed(e.agency_name)!.id;
      save({
        id: db.employees.find((x) => x.nip === e.nip)?.id ?? null,
        nip: e.nip ?? '',
        name: e.name,
        front_title: e.front_title,
        back_title: e.back_title,
        employment: e.employment,
        golongan: e.golongan ?? '',
        position_name: e.position_name,
        position_kind: e.position_kind,
        eselon: e.eselon ?? '',
        agency_id,
        unit_id: db.units.find((u) => u.agency_id === agency_id && u.name === e.unit_name)?.id ?? null,
      });
    }
  }

  return {
    employees_import_pick: () =>
      later(() => {
        const file = IMPORTS[FILE];
        const kept = remembered.get(FILE);
        const preview = structuredClone(file.preview) as ImportPreview;
        return {
          path: `/home/pengguna/Dokumen/${file.name}`,
          file_name: file.name,
          preview: kept ? { ...preview, mapping: { ...kept }, remembered: true } : preview,
        };
      }),
    employees_import: (_path, mapping, createMissing) =>
      later(() => {
        const file = IMPORTS[FILE];
        const found = (file.imports as Recorded[]).find((i) => i.create_missing === createMissing && sameMapping(i.mapping, mapping));
        if (!found) throw new Error(`tests/contract.rs recorded no import of ${file.name} with ${JSON.stringify(mapping)}, create_missing ${createMissing}`);
        if (found.refused) throw structuredClone(found.refused);
        keep(found.wrote!);
        remembered.set(FILE, { ...mapping });
        return structuredClone(found.answer!);
      }),
  };
}
