/**
 * Employee import in the in-memory backend: a canned spreadsheet with its
 * mapping preview, then the core's all-or-nothing import — bad rows named by
 * line and column, agencies and units created only when the user agrees,
 * the mapping remembered for a file with the same headers.
 */
import type { Backend } from './backend';
import type { FakeSeed } from './fakeBackend';
import type { AgencyKind, Choice, EmployeeInput, Field, ImportStart, ImportSummary, UnitKind } from './types';

type ImportMethods = Pick<Backend, 'employees_import_pick' | 'employees_import'>;

/** The core's fields: label, required, the headers that mean it (normalised). */
const FIELDS: { field: Field; label: string; required: boolean; aliases: string[] }[] = [
  { field: 'nip', label: 'NIP', required: true, aliases: ['nip_baru', 'nip'] },
  { field: 'name', label: 'Nama', required: true, aliases: ['nama', 'nama_pegawai', 'nama_lengkap'] },
  { field: 'front_title', label: 'Gelar depan', required: false, aliases: ['gelar_depan'] },
  { field: 'back_title', label: 'Gelar belakang', required: false, aliases: ['gelar_belakang'] },
  { field: 'employment', label: 'Jenis pegawai', required: true, aliases: ['status_cpns_pns', 'jenis_pegawai', 'status_pegawai'] },
  { field: 'golongan', label: 'Golongan', required: false, aliases: ['gol_akhir_nama', 'golongan', 'gol'] },
  { field: 'position_name', label: 'Nama jabatan', required: true, aliases: ['jabatan_nama', 'jabatan', 'nama_jabatan'] },
  { field: 'position_kind', label: 'Jenis jabatan', required: false, aliases: ['jenis_jabatan_nama', 'jenis_jabatan'] },
  { field: 'eselon', label: 'Eselon', required: false, aliases: ['eselon', 'eselon_nama'] },
  {
    field: 'agency',
    label: 'Perangkat daerah',
    required: true,
    aliases: ['satuan_kerja_kerja_nama', 'satuan_kerja_kerja', 'satuan_kerja', 'perangkat_daerah', 'opd'],
  },
  { field: 'unit', label: 'Unit kerja', required: false, aliases: ['unor_nama', 'unit', 'unit_kerja'] },
  { field: 'birth_date', label: 'Tanggal lahir', required: false, aliases: ['tanggal_lahir', 'tgl_lahir'] },
  { field: 'sex', label: 'Jenis kelamin', required: false, aliases: ['jenis_kelamin'] },
  { field: 'legal_status', label: 'Kedudukan hukum', required: false, aliases: ['kedudukan_hukum_nama', 'kedudukan_hukum'] },
];

/** Which import field an employee validation error is about. */
const FIELD_OF_ERROR: Record<string, string> = { agency_id: 'agency', unit_id: 'unit' };

interface CannedFile {
  path: string;
  headers: string[];
  rows: string[][];
  /** The eselon the core gives each row's position (no eselon column), '' for none. */
  eselon?: string[];
  /** What the core reads in each row of an export it knows (kind codes, a skip's reason, no unit for a head). */
  read?: { employment: string; position_kind: string; unit?: string; skip?: string }[];
  /** Headers the core knows from the SIASN export but does not keep. */
  unused?: string[];
}

const SPREADSHEET: CannedFile = {
  path: '/home/pengguna/Dokumen/pegawai-siasn.xlsx',
  headers: ['NIP', 'Nama', 'Jenis Pegawai', 'Golongan', 'Jabatan', 'Perangkat Daerah', 'Unit Kerja'],
  rows: [
    ['198501012010011001', 'Guru Contoh 001', 'PNS', 'III/c', 'Guru Ahli Muda', 'Dinas Pendidikan dan Kebudayaan', ''],
    ['199105202015031002', 'Yusuf Ramadhan', 'PNS', 'III/a', 'Analis Kepegawaian', 'BKPSDM', 'Sekretariat'],
    ['199307112019022001', 'Lina Kartika', 'PPPK', 'IX', 'Penata Kelola Lalu Lintas', 'Dinas Perhubungan', 'Bidang Lalu Lintas'],
    ['198811232014021005', 'Fajar Nugroho', 'PNS', 'III/b', 'Analis Pemerintahan', 'Kecamatan Seroja Hilir', 'Seksi Pemerintahan'],
  ],
};

/** A SIASN bulk export as downloaded: uppercase headers, no eselon column, a retired row. */
const SIASN: CannedFile = {
  path: '/home/pengguna/Unduhan/export.csv',
  headers: ['PNS ID', 'NIP BARU', 'NAMA', 'GOL AKHIR NAMA', 'JENIS JABATAN NAMA', 'JABATAN NAMA', 'UNOR NAMA', 'SATUAN KERJA KERJA NAMA', 'KEDUDUKAN HUKUM NAMA', 'STATUS CPNS PNS', 'TMT GOLONGAN'],
  rows: [
    ['8ae4838a1', '197203142000031004', 'HENDRA WIJAYA', 'IV/c', 'Struktural', 'Kepala Dinas Kesehatan', 'Dinas Kesehatan', 'Dinas Kesehatan', 'Aktif', 'P', '01-04-2020'],
    ['8ae4838a2', '198006212006042002', 'RATNA UTAMI', 'III/d', 'Struktural', 'Kepala Seksi Pelayanan Kesehatan Primer', 'Seksi Pelayanan Kesehatan Primer', 'Dinas Kesehatan', 'Aktif', 'P', '01-04-2021'],
    ['8ae4838a3', '199902102024011003', 'BAYU PRATAMA', 'III/a', 'Fungsional Tertentu', 'Perawat Ahli Pertama', 'Sekretariat', 'Dinas Kesehatan', 'Aktif', 'C', '01-01-2024'],
    ['8ae4838a4', '196101011985031001', 'AGUS SANTOSO', 'IV/a', 'Fungsional Umum', 'Pengadministrasi Umum', 'Sekretariat', 'Dinas Kesehatan', 'Pensiun', 'P', '01-04-2010'],
  ],
  eselon: ['II.b', 'IV.a', '', ''],
  read: [
    { employment: 'pns', position_kind: 'struktural', unit: '' },
    { employment: 'pns', position_kind: 'struktural' },
    { employment: 'cpns', position_kind: 'fungsional' },
    { employment: 'pns', position_kind: 'pelaksana', skip: 'Sudah pensiun (kedudukan hukum "Pensiun"); tidak diimpor.' },
  ],
  unused: ['PNS ID', 'TMT GOLONGAN'],
};

let FILE: CannedFile = SPREADSHEET;

/** Which canned file the next pick returns (tests switch to the SIASN export). */
export function fakeImportFile(which: 'spreadsheet' | 'siasn') {
  FILE = which === 'siasn' ? SIASN : SPREADSHEET;
}

const AGENCY_KINDS: [RegExp, AgencyKind][] = [
  [/^sekretariat daerah/i, 'sekretariat_daerah'],
  [/^sekretariat dprd/i, 'sekretariat_dprd'],
  [/^inspektorat/i, 'inspektorat'],
  [/^dinas/i, 'dinas'],
  [/^badan/i, 'badan'],
  [/^satuan polisi/i, 'satpol_pp'],
  [/^rumah sakit/i, 'rsud'],
  [/^puskesmas/i, 'puskesmas'],
  [/^kecamatan/i, 'kecamatan'],
  [/^kelurahan/i, 'kelurahan'],
  [/^uptd/i, 'uptd'],
];
const UNIT_KINDS: [RegExp, UnitKind][] = [
  [/^sekretariat/i, 'sekretariat'],
  [/^bagian/i, 'bagian'],
  [/^bidang/i, 'bidang'],
  [/^sub ?bagian/i, 'subbagian'],
  [/^seksi/i, 'seksi'],
  [/^sub ?bidang/i, 'subbidang'],
  [/^instalasi/i, 'instalasi'],
  [/^uptd/i, 'uptd'],
];
const kindOf = <T extends string>(kinds: [RegExp, T][], name: string) => kinds.find(([re]) => re.test(name))?.[1] ?? null;

const normalise = (h: string) => h.trim().toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('_');
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function fakeImport(
  db: FakeSeed,
  employmentKinds: Choice<string>[],
  save: (input: EmployeeInput) => unknown,
  newId: () => number,
  later: <T>(f: () => T) => Promise<T>,
): ImportMethods {
  let remembered: Record<string, string> | null = null;

  function guess(headers: string[]): Record<string, string> {
    const normal = headers.map(normalise);
    const mapping: Record<string, string> = {};
    for (const f of FIELDS) {
      const i = f.aliases.map((a) => normal.indexOf(a)).find((x) => x >= 0);
      if (i !== undefined) mapping[f.field] = headers[i];
    }
    return mapping;
  }

  function columns(mapping: Record<string, string>): Record<string, number> {
    const index: Record<string, number> = {};
    for (const [field, header] of Object.entries(mapping)) {
      const i = FILE.headers.findIndex((h) => same(h, header));
      if (i < 0)
        throw {
          code: 'kolom_pemetaan_tidak_ada',
          field: 'mapping',
          message: `Pemetaan memakai kolom "${header}" untuk ${FIELDS.find((f) => f.field === field)?.label ?? field}, tetapi kolom itu tidak ada di berkas. Kolom yang ada: ${FILE.headers.join(', ')}.`,
        };
      index[field] = i;
    }
    const missing = FIELDS.filter((f) => f.required && !(f.field in index)).map((f) => `${f.aliases[0].toUpperCase().replaceAll('_', ' ')} (${f.label})`);
    if (missing.length)
      throw {
        code: 'kolom_wajib_hilang',
        field: 'file',
        message: `Kolom wajib tidak ditemukan: ${missing.join(', ')}. Kolom yang ada: ${FILE.headers.join(', ')}.`,
      };
    return index;
  }

  return {
    employees_import_pick: () =>
      later(
        (): ImportStart => ({
          path: FILE.path,
          file_name: FILE.path.split('/').pop()!,
          preview: {
            kind: 'xlsx',
            headers: [...FILE.headers],
            sample: FILE.rows.slice(0, 3).map((r) => [...r]),
            row_count: FILE.rows.length,
            mapping: { ...(remembered ?? guess(FILE.headers)) },
            remembered: remembered !== null,
            fields: FIELDS.map(({ field, label, required }) => ({ field, label, required })),
            sample_eselon: FILE.eselon?.slice(0, 3) ?? [],
            inactive_rows: FILE.read?.filter((r) => r.skip).length ?? 0,
            unused_known: FILE.unused ?? [],
          },
        }),
      ),
    employees_import: (_path, mapping, createMissing) =>
      later(() => {
        const index = columns(mapping);
        const before = structuredClone({ agencies: db.agencies, units: db.units, employees: db.employees });
        const rows: { line: number; column: string; message: string }[] = [];
        const summary: ImportSummary = { created: 0, updated: 0, agencies_created: 0, units_created: 0, skipped: [], inferred_eselon: [] };
        FILE.rows.forEach((row, i) => {
          const line = i + 2;
          const value = (field: string) => (field in index ? row[index[field]].trim() : '');
          const read = FILE.read?.[i];
          if (read?.skip) {
            summary.skipped.push({ line, nip: value('nip'), name: value('name'), reason: read.skip });
            return;
          }
          const inferred = !('eselon' in index) ? (FILE.eselon?.[i] ?? '') : '';
          if (inferred) summary.inferred_eselon.push({ position: value('position_name'), eselon: inferred, count: 1, line });
          const fail = (field: string, message: string) => rows.push({ line, column: mapping[field as Field] ?? field, message });
          const agencyName = value('agency');
          let agency = db.agencies.find((a) => same(a.name, agencyName) || (a.short_name !== '' && same(a.short_name, agencyName)));
          if (!agency) {
            const kind = kindOf(AGENCY_KINDS, agencyName);
            if (!createMissing) return fail('agency', `Perangkat daerah "${agencyName}" belum terdaftar. Daftarkan dulu, atau impor dengan persetujuan membuat perangkat daerah baru.`);
            if (!kind) return fail('agency', `Perangkat daerah "${agencyName}" belum terdaftar dan jenisnya tidak dapat ditentukan dari namanya (Dinas, Badan, Kecamatan, …); daftarkan dulu secara manual.`);
            agency = { id: newId(), name: agencyName, short_name: '', kind };
            db.agencies.push(agency);
            summary.agencies_created++;
          }
          const unitName = read?.unit ?? value('unit');
          let unit = unitName ? db.units.find((u) => u.agency_id === agency.id && same(u.name, unitName)) : undefined;
          if (unitName && !unit) {
            const kind = kindOf(UNIT_KINDS, unitName);
            if (!createMissing) return fail('unit', `Unit "${unitName}" tidak ada di ${agency.name}. Daftarkan dulu, atau impor dengan persetujuan membuat unit baru.`);
            if (!kind) return fail('unit', `Unit "${unitName}" tidak ada di ${agency.name} dan jenisnya tidak dapat ditentukan dari namanya (Sekretariat, Bidang, Bagian, Seksi, …); daftarkan dulu secara manual.`);
            unit = { id: newId(), agency_id: agency.id, parent_id: null, name: unitName, kind };
            db.units.push(unit);
            summary.units_created++;
          }
          const employment = value('employment');
          const nip = value('nip');
          const existing = db.employees.find((e) => nip !== '' && e.nip === nip);
          try {
            save({
              id: existing?.id ?? null,
              nip,
              name: value('name'),
              front_title: value('front_title'),
              back_title: value('back_title'),
              employment: read?.employment ?? employmentKinds.find((k) => same(k.code, employment) || same(k.label, employment))?.code ?? employment,
              golongan: value('golongan'),
              position_name: value('position_name'),
              position_kind: read?.position_kind ?? value('position_kind').toLowerCase(),
              eselon: inferred || value('eselon'),
              agency_id: agency.id,
              unit_id: unit?.id ?? null,
            });
            summary[existing ? 'updated' : 'created']++;
          } catch (e) {
            const err = e as { field?: string; message: string };
            fail(FIELD_OF_ERROR[err.field ?? ''] ?? err.field ?? '', err.message);
          }
        });
        if (rows.length) {
          Object.assign(db, before);
          throw { code: 'impor_gagal', message: `Impor dibatalkan: ${rows.length} baris bermasalah, tidak ada data yang disimpan.`, rows };
        }
        remembered = { ...mapping };
        return summary;
      }),
  };
}
