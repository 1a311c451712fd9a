/**
 * An in-memory `Backend` for tests and for running the UI in a plain
 * browser. It mirrors the Rust validation closely enough that forms
 * meet the same errors (same codes, fields and messages).
 */
import type { Backend } from './backend';
import { fakeCirculars } from './fakeCirculars';
import CIRCULARS from './recorded/circulars.json';
import CUTI from './recorded/classifications-cuti.json';
import EXAMPLES from './recorded/number-examples.json';
import REFERENCE from './recorded/reference.json';
import { fakeImport } from './fakeImport';
import { fakeRules } from './fakeRules';
import { fakeSigning } from './fakeSigning';
import { fakeTrash, takeOut } from './fakeTrash';
import { fullName } from './format';
import type {
  Absence,
  Agency,
  AgencyKind,
  EmploymentKind,
  Eselon,
  Golongan,
  KopKind,
  PositionKind,
  SignatoryRole,
  UnitKind,
  Choice,
  CircularSummary,
  Employee,
  EmployeeInput,
  ErrorReport,
  Holiday,
  OfficeProfile,
  OfficeView,
  ReferenceData,
  Signatory,
  Unit,
} from './types';

/** The core's vocabularies (recorded by tests/contract.rs). */
export const fakeReference = REFERENCE as ReferenceData;

const label = (choices: Choice<string>[], code: string) => choices.find((x) => x.code === code)?.label;

export interface FakeSeed {
  agencies: Omit<Agency, 'kind_label' | 'unit_count' | 'employee_count'>[];
  units: Omit<Unit, 'kind_label' | 'employee_count'>[];
  employees: Omit<Employee, 'agency_name' | 'unit_name'>[];
  signatories: Signatory[];
  holidays: Holiday[];
  circulars: CircularSummary[];
  office: OfficeProfile | null;
  /** What a shared server said at start, when it waits for the password (the core's recorded refusal). */
  signIn?: ErrorReport;
}

const pns = (
  id: number,
  nip: string,
  front_title: string,
  name: string,
  back_title: string,
  golongan: string,
  position_name: string,
  position_kind: PositionKind,
  eselon: Eselon | null,
  agency_id: number,
  unit_id: number | null,
): FakeSeed['employees'][number] => ({
  id,
  nip,
  name,
  front_title,
  back_title,
  employment: 'pns',
  golongan,
  position_name,
  position_kind,
  eselon,
  agency_id,
  unit_id,
});

/** A small demo office: Kabupaten Tanjung Seroja. */
export function demoSeed(): FakeSeed {
  const employees: FakeSeed['employees'] = [
    pns(1, '197805122003121004', 'Drs.', 'Bambang Hartono', 'M.Si.', 'IV/b', 'Kepala Badan', 'struktural', 'II.b', 1, null),
    pns(2, '198203152006042011', '', 'Rina Marlina', 'S.E.', 'III/d', 'Sekretaris', 'struktural', 'III.a', 1, 1),
    pns(3, '197911042005012003', 'dr.', 'Sari Wulandari', 'M.Kes.', 'IV/a', 'Kepala Dinas', 'struktural', 'II.b', 2, null),
    {
      id: 4,
      nip: '199002142023212018',
      name: 'Dewi Lestari',
      front_title: '',
      back_title: 'S.Kep., Ners',
      employment: 'pppk',
      golongan: 'IX',
      position_name: 'Perawat Ahli Pertama',
      position_kind: 'fungsional',
      eselon: null,
      agency_id: 2,
      unit_id: 3,
    },
    {
      id: 5,
      nip: null,
      name: 'Agus Salim',
      front_title: '',
      back_title: '',
      employment: 'honorer',
      golongan: null,
      position_name: 'Pengemudi',
      position_kind: 'pelaksana',
      eselon: null,
      agency_id: 2,
      unit_id: null,
    },
  ];
  // Enough teachers to need more than one page.
  for (let i = 1; i <= 60; i++) {
    const seq = String(i).padStart(3, '0');
    employees.push(
      pns(100 + i, `198501012010011${seq}`, '', `Guru Contoh ${seq}`, 'S.Pd.', 'III/b', 'Guru Ahli Pertama', 'fungsional', null, 3, null),
    );
  }
  return {
    agencies: [
      { id: 1, name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', short_name: 'BKPSDM', kind: 'badan' },
      { id: 2, name: 'Dinas Kesehatan', short_name: 'Dinkes', kind: 'dinas' },
      { id: 3, name: 'Dinas Pendidikan dan Kebudayaan', short_name: 'Disdikbud', kind: 'dinas' },
      { id: 4, name: 'Kecamatan Seroja Hilir', short_name: '', kind: 'kecamatan' },
    ],
    units: [
      { id: 1, agency_id: 1, parent_id: null, name: 'Sekretariat', kind: 'sekretariat' },
      { id: 2, agency_id: 1, parent_id: 1, name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian' },
      { id: 3, agency_id: 2, parent_id: null, name: 'Bidang Pelayanan Kesehatan', kind: 'bidang' },
    ],
    employees,
    signatories: [
      {
        id: 1,
        role: 'kepala_daerah',
        name: 'Hendra Gunawan',
        front_title: 'H.',
        back_title: 'S.H., M.H.',
        position_title: 'BUPATI TANJUNG SEROJA',
        nip: null,
        golongan: null,
        active: true,
        kop: 'kepala_daerah',
      },
    ],
    holidays: [
      { id: 1, date: '2020-01-01', name: 'Tahun Baru 2020 Masehi', kind: 'libur_nasional', source: 'SKB 3 Menteri 2019' },
      { id: 2, date: '2020-05-25', name: 'Hari Raya Idul Fitri 1441 Hijriah', kind: 'libur_nasional', source: 'SKB 3 Menteri 2019' },
      { id: 3, date: '2020-05-26', name: 'Hari Raya Idul Fitri 1441 Hijriah', kind: 'libur_nasional', source: 'SKB 3 Menteri 2019' },
      { id: 4, date: '2020-05-27', name: 'Cuti Bersama Idul Fitri', kind: 'cuti_bersama', source: 'SKB 3 Menteri 2020' },
    ],
    // The core's: SE 800/1/BKPSDM/2020 issued, its extension drafted (recorded by tests/contract.rs).
    circulars: structuredClone(CIRCULARS.summaries) as CircularSummary[],
    office: {
      region_kind: 'kabupaten',
      region_name: 'Tanjung Seroja',
      office_name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      address_lines: ['Jalan Merdeka Nomor 10, Tanjung Seroja 71234', 'Telepon (0511) 123456', 'Laman bkpsdm.tanjungseroja.go.id'],
      place: 'Tanjung Seroja',
      numbering_template: '{klasifikasi}/{nomor}/{unit}/{tahun}',
      classification: '800',
      unit_code: 'BKPSDM',
      paper: 'f4',
    },
  };
}

const EMBLEM = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function createFakeBackend(seed: FakeSeed = demoSeed()): Backend {
  const db = { ...structuredClone(seed), absences: [] as Absence[] };
  let emblem: string | null = null;
  let nextId = 1000;
  const ref = fakeReference;

  const agencyOf = (id: number) => db.agencies.find((a) => a.id === id);
  const agencyView = (a: FakeSeed['agencies'][number]): Agency => ({
    ...a,
    kind_label: label(ref.agency_kinds, a.kind) ?? a.kind,
    unit_count: db.units.filter((u) => u.agency_id === a.id).length,
    employee_count: db.employees.filter((e) => e.agency_id === a.id).length,
  });
  const unitView = (u: FakeSeed['units'][number]): Unit => ({
    ...u,
    kind_label: label(ref.unit_kinds, u.kind) ?? u.kind,
    employee_count: db.employees.filter((e) => e.unit_id === u.id).length,
  });
  const employeeView = (e: FakeSeed['employees'][number]): Employee => ({
    ...e,
    agency_name: agencyOf(e.agency_id)?.name ?? '',
    unit_name: db.units.find((u) => u.id === e.unit_id)?.name ?? null,
  });
  const officeView = (): OfficeView => ({
    profile: db.office ? structuredClone(db.office) : null,
    emblem,
    number_example: db.office ? (EXAMPLES[db.office.numbering_template as keyof typeof EXAMPLES] ?? null) : null,
  });
  const upsert = <T extends { id: number }>(list: T[], row: T) => {
    const i = list.findIndex((x) => x.id === row.id);
    if (i >= 0) list[i] = row;
    else list.push(row);
    return row;
  };
  const notFound = (what: string): never => {
    throw { code: 'tidak_ditemukan', message: `${what} tidak ditemukan.` };
  };

  /** The row an employee input makes; the core's checks are replayed by the tests (`refuseNext`). */
  const employeeRow = (input: EmployeeInput): FakeSeed['employees'][number] => ({
    id: input.id ?? nextId++,
    nip: input.nip.trim() || null,
    name: input.name.trim(),
    front_title: input.front_title.trim(),
    back_title: input.back_title.trim(),
    employment: input.employment as EmploymentKind,
    golongan: input.golongan.trim() || null,
    position_name: input.position_name.trim(),
    position_kind: (input.position_kind || 'pelaksana') as PositionKind,
    eselon: (input.eselon.trim() || null) as Eselon | null,
    agency_id: input.agency_id ?? 0,
    unit_id: input.unit_id ?? null,
  });

  let settings = { alert_working_days: 3 };

  // Everything resolves on a later tick, like a real IPC round trip.
  const later = <T>(f: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(f());
        } catch (e) {
          reject(e);
        }
      }, 0);
    });
  const { trash, deleted_restore } = fakeTrash(later);
  const circulars = fakeCirculars(db.circulars, later, trash);
  const signing = fakeSigning(
    (id) => fullName(db.signatories.find((s) => s.id === id)!),
    circulars.circular_issue,
    later,
    trash,
  );

  return {
    deleted_restore,
    overview: () =>
      later(() => ({
        agencies: db.agencies.length,
        units: db.units.length,
        employees: db.employees.length,
        signatories: db.signatories.length,
        holidays: db.holidays.length,
      })),
    reference_data: () => later(() => structuredClone(ref)),
    // The core's answer for “cuti” (recorded by tests/contract.rs); the fake does not search.
    classifications: () => later(() => structuredClone(CUTI)),
    database_info: () =>
      later(() =>
        db.signIn
          ? { path: 'server PostgreSQL petugas@192.168.1.10/edaran', shared: true, sign_in: structuredClone(db.signIn) }
          : { path: '/home/pengguna/.local/share/id.edaran.app/edaran.db', shared: false, sign_in: null },
      ),
    office_get: () => later(officeView),
    office_save: (profile) =>
      later(() => {
        db.office = structuredClone(profile);
        return officeView();
      }),
    office_pick_emblem: () =>
      later(() => {
        emblem = EMBLEM;
        return officeView();
      }),
    office_clear_emblem: () =>
      later(() => {
        const was = emblem;
        emblem = null;
        return trash('Lambang daerah', () => (emblem = was));
      }),
    agencies_list: (query) =>
      later(() => {
        const q = query.trim().toLowerCase();
        return db.agencies
          .filter((a) => !q || a.name.toLowerCase().includes(q) || a.short_name.toLowerCase().includes(q))
          .sort((a, b) => a.name.localeCompare(b.name, 'id'))
          .map(agencyView);
      }),
    agency_save: (input) =>
      later(() => agencyView(upsert(db.agencies, { id: input.id ?? nextId++, name: input.name.trim(), short_name: input.short_name.trim(), kind: input.kind as AgencyKind }))),
    agency_delete: (id) =>
      later(() => {
        const a = agencyOf(id) ?? notFound('Perangkat daerah');
        const agency = takeOut(db.agencies, (x) => x.id === id);
        const units = takeOut(db.units, (u) => u.agency_id === id);
        return trash(`Perangkat daerah “${a.name}”`, () => (agency(), units()));
      }),
    units_list: (agencyId) => later(() => db.units.filter((u) => u.agency_id === agencyId).map(unitView)),
    unit_save: (input) =>
      later(() =>
        unitView(upsert(db.units, { id: input.id ?? nextId++, agency_id: input.agency_id, parent_id: input.parent_id ?? null, name: input.name.trim(), kind: input.kind as UnitKind })),
      ),
    unit_delete: (id) =>
      later(() => {
        const u = db.units.find((x) => x.id === id) ?? notFound('Unit');
        return trash(`Unit “${u.name}”`, takeOut(db.units, (x) => x.id === id));
      }),
    employees_list: (filter) =>
      later(() => {
        const q = filter.query.trim().toLowerCase();
        const all = db.employees
          .filter((e) => filter.agency_id == null || e.agency_id === filter.agency_id)
          .filter((e) => filter.unit_id == null || e.unit_id === filter.unit_id)
          .filter((e) => !q || e.name.toLowerCase().includes(q) || (e.nip ?? '').includes(q) || e.position_name.toLowerCase().includes(q))
          .sort((a, b) => a.name.localeCompare(b.name, 'id'));
        const limit = filter.limit ?? all.length;
        return { total: all.length, rows: all.slice(filter.offset, filter.offset + limit).map(employeeView) };
      }),
    employee_save: (input) => later(() => employeeView(upsert(db.employees, employeeRow(input)))),
    employee_delete: (id) =>
      later(() => {
        const e = db.employees.find((x) => x.id === id) ?? notFound('Pegawai');
        const absences = takeOut(db.absences, (a) => a.employee_id === id);
        const person = takeOut(db.employees, (x) => x.id === id);
        return trash(`Pegawai “${e.name}”`, () => (person(), absences()));
      }),
    absences_list: () => later(() => structuredClone(db.absences)),
    absence_save: (input) =>
      later(() => {
        const person = db.employees.find((e) => e.nip === input.nip.trim()) ?? notFound('Pegawai');
        const row: Absence = {
          id: nextId++,
          employee_id: person.id,
          nip: person.nip,
          name: person.name,
          agency: db.agencies.find((a) => a.id === person.agency_id)?.name ?? '',
          from: input.from,
          to: input.to ?? input.from,
          reason: input.reason,
          note: input.note,
        };
        db.absences.push(row);
        return structuredClone(row);
      }),
    absence_delete: (id) =>
      later(() => {
        const a = db.absences.find((x) => x.id === id) ?? notFound('Ketidakhadiran');
        return trash(`Ketidakhadiran ${a.name}`, takeOut(db.absences, (x) => x.id === id));
      }),
    absences_import_csv: () => later(() => null),
    signatories_list: () => later(() => structuredClone(db.signatories)),
    signatory_save: (input) =>
      later(() => {
        const row: Signatory = {
          id: input.id ?? nextId++,
          role: input.role as SignatoryRole,
          name: input.name.trim(),
          front_title: input.front_title.trim(),
          back_title: input.back_title.trim(),
          position_title: input.position_title.trim(),
          nip: input.nip.trim() || null,
          golongan: (input.golongan.trim() || null) as Golongan | null,
          active: input.active ?? true,
          kop: input.kop as KopKind,
        };
        return structuredClone(upsert(db.signatories, row));
      }),
    signatory_delete: (id) =>
      later(() => {
        const s = db.signatories.find((x) => x.id === id) ?? notFound('Penanda tangan');
        return trash(`Penanda tangan “${s.name}”`, takeOut(db.signatories, (x) => x.id === id));
      }),
    holidays_list: (year) =>
      later(() =>
        db.holidays
          .filter((h) => year == null || h.date.startsWith(`${year}-`))
          .sort((a, b) => a.date.localeCompare(b.date)),
      ),
    holiday_decrees: (year) =>
      later(() => {
        const titles = [...new Set(db.holidays.map((h) => `${h.date.slice(0, 4)}|${h.source}`))];
        return titles
          .map((key, i) => {
            const [y, title] = key.split('|');
            const days = db.holidays.filter((h) => h.source === title && h.date.startsWith(y)).length;
            return { id: i + 1, year: Number(y), title, recorded_at: '2020-01-01 08:00:00', in_force: true, days, changes: [] };
          })
          .filter((d) => year === null || d.year === year);
      }),
    holiday_decree_save: (year, title, days) =>
      later(() => {
        db.holidays = db.holidays.filter((h) => !h.date.startsWith(`${year}-`));
        days.forEach((d) => db.holidays.push({ id: nextId++, ...d, source: title.trim() }));
        return nextId++;
      }),
    holidays_import_csv: () => later(() => null),
    holidays_export_csv: (year) => later(() => `/tmp/Hari libur ${year ?? ''}.csv`),
    settings_get: () => later(() => ({ ...settings })),
    settings_save: (next) =>
      later(() => {
        settings = { ...next };
        return null;
      }),
    backup_save: () => later(() => '/tmp/Cadangan Edaran.db'),
    // Servers are not faked: a test arranges the core's recorded answer (refuseNext).
    shared_db_check: () => Promise.reject(new Error('no recorded answer for shared_db_check: arrange one with refuseNext')),
    shared_db_copy: () => Promise.reject(new Error('no recorded answer for shared_db_copy: arrange one with refuseNext')),
    shared_db_use: () => Promise.reject(new Error('no recorded answer for shared_db_use: arrange one with refuseNext')),
    shared_db_leave: () => Promise.reject(new Error('no recorded answer for shared_db_leave: arrange one with refuseNext')),
    // Signed in unless a test arranged the core's refusal (refuseNext).
    shared_db_sign_in: () =>
      later(() => {
        delete db.signIn;
        return null;
      }),
    backup_restore: () => later(() => null),
    ...circulars,
    ...signing,
    ...fakeRules(circulars, later),
    ...fakeImport(db, (input) => upsert(db.employees, employeeRow(input)), () => nextId++, later),
  };
}
