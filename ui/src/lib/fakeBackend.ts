/**
 * An in-memory `Backend` for tests and for running the UI in a plain
 * browser. It mirrors the Rust validation closely enough that forms
 * meet the same errors (same codes, fields and messages).
 */
import type { Backend } from './backend';
import { ACTIONS, fakeCirculars } from './fakeCirculars';
import CUTI from './recorded/classifications-cuti.json';
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
  Holiday,
  OfficeProfile,
  OfficeView,
  ReferenceData,
  Signatory,
  Unit,
} from './types';

const c = <T extends string>(code: T, label: string): Choice<T> => ({ code, label });

export const fakeReference: ReferenceData = {
  agency_kinds: [
    c('sekretariat_daerah', 'Sekretariat Daerah'),
    c('sekretariat_dprd', 'Sekretariat DPRD'),
    c('inspektorat', 'Inspektorat'),
    c('dinas', 'Dinas'),
    c('badan', 'Badan'),
    c('satpol_pp', 'Satuan Polisi Pamong Praja'),
    c('rsud', 'Rumah Sakit Umum Daerah'),
    c('puskesmas', 'Puskesmas'),
    c('kecamatan', 'Kecamatan'),
    c('kelurahan', 'Kelurahan'),
    c('uptd', 'UPTD'),
  ],
  unit_kinds: [
    c('sekretariat', 'Sekretariat'),
    c('bagian', 'Bagian'),
    c('bidang', 'Bidang'),
    c('subbagian', 'Subbagian'),
    c('seksi', 'Seksi'),
    c('subbidang', 'Subbidang'),
    c('instalasi', 'Instalasi'),
    c('uptd', 'UPTD'),
  ],
  employment_kinds: [
    c('pns', 'PNS'),
    c('cpns', 'CPNS'),
    c('pppk', 'PPPK'),
    c('tenaga_kontrak', 'Tenaga Kontrak'),
    c('ptt', 'PTT'),
    c('honorer', 'Honorer'),
  ],
  position_kinds: [c('struktural', 'Struktural'), c('fungsional', 'Fungsional'), c('pelaksana', 'Pelaksana')],
  eselons: [
    c('II.a', 'II.a (JPT Pratama)'),
    c('II.b', 'II.b (JPT Pratama)'),
    c('III.a', 'III.a (Administrator)'),
    c('III.b', 'III.b (Administrator)'),
    c('IV.a', 'IV.a (Pengawas)'),
    c('IV.b', 'IV.b (Pengawas)'),
    c('V.a', 'V.a'),
  ],
  golongan: [
    c('I/a', 'Juru Muda'),
    c('I/b', 'Juru Muda Tingkat I'),
    c('I/c', 'Juru'),
    c('I/d', 'Juru Tingkat I'),
    c('II/a', 'Pengatur Muda'),
    c('II/b', 'Pengatur Muda Tingkat I'),
    c('II/c', 'Pengatur'),
    c('II/d', 'Pengatur Tingkat I'),
    c('III/a', 'Penata Muda'),
    c('III/b', 'Penata Muda Tingkat I'),
    c('III/c', 'Penata'),
    c('III/d', 'Penata Tingkat I'),
    c('IV/a', 'Pembina'),
    c('IV/b', 'Pembina Tingkat I'),
    c('IV/c', 'Pembina Utama Muda'),
    c('IV/d', 'Pembina Utama Madya'),
    c('IV/e', 'Pembina Utama'),
  ],
  pppk_grades: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'],
  region_kinds: [c('kabupaten', 'Kabupaten'), c('kota', 'Kota'), c('provinsi', 'Provinsi')],
  paper_sizes: [c('f4', 'F4 / Folio (215 × 330 mm)'), c('a4', 'A4 (210 × 297 mm)')],
  signatory_roles: [
    c('kepala_daerah', 'Kepala Daerah'),
    c('wakil_kepala_daerah', 'Wakil Kepala Daerah'),
    c('sekda', 'Sekretaris Daerah'),
    c('kepala_perangkat_daerah', 'Kepala Perangkat Daerah'),
  ],
  circular_kinds: [
    c('wfh_baru', 'WFH baru'),
    c('perpanjangan', 'Perpanjangan'),
    c('penerapan_kembali', 'Penerapan kembali'),
    c('perubahan', 'Perubahan'),
    c('pencabutan', 'Pencabutan / kembali normal'),
    c('umum', 'Umum'),
  ],
  circular_statuses: [c('draf', 'Draf'), c('diparaf', 'Diparaf'), c('terbit', 'Terbit'), c('diganti', 'Diganti (diubah)'), c('dicabut', 'Dicabut'), c('batal', 'Nomor dibatalkan')],
  signing_modes: [
    c('langsung', 'Langsung'),
    c('an', 'a.n. (atas nama)'),
    c('ub', 'u.b. (untuk beliau)'),
    c('plt', 'Plt. (pelaksana tugas)'),
    c('plh', 'Plh. (pelaksana harian)'),
    c('pj', 'Pj. (penjabat)'),
    c('wakil', 'Wakil kepala daerah atas nama kepala daerah'),
  ],
  kop_kinds: [
    c('kepala_daerah', 'Kop kepala daerah (lambang di tengah, tanpa garis)'),
    c('perangkat_daerah', 'Kop perangkat daerah (lambang di kiri, alamat, garis ganda)'),
  ],
  exception_placements: [c('di_rumah', 'Tetap di rumah'), c('di_kantor', 'Tetap di kantor')],
  exception_reasons: [
    c('komorbid', 'memiliki penyakit penyerta (komorbid)'),
    c('hamil', 'sedang hamil'),
    c('usia_50_sakit', 'berusia di atas 50 tahun dan memiliki penyakit'),
    c('karantina', 'menjalani karantina'),
    c('layanan_esensial', 'menjalankan layanan esensial'),
    c('lainnya', 'alasan lain'),
  ],
  work_statuses: [
    c('wfo', 'Bekerja di kantor (WFO)'),
    c('wfh', 'Bekerja di rumah (WFH)'),
    c('piket', 'Piket di kantor'),
    c('dikecualikan', 'Dikecualikan (kerja normal di kantor)'),
    c('tetap_di_kantor', 'Pengecualian pribadi: tetap di kantor'),
    c('tetap_di_rumah', 'Pengecualian pribadi: tetap di rumah'),
    c('libur', 'Libur'),
    c('berhalangan', 'Berhalangan (cuti, sakit, dinas luar)'),
    c('di_luar_periode', 'Di luar periode'),
  ],
  // The core's kinds; the fake produces all but the share limit, unknown NIPs and structural levels.
  conflict_kinds: [
    c('unit_kurang_pegawai', 'Unit kekurangan pegawai piket'),
    c('melebihi_batas_persentase', 'Melebihi batas pegawai di kantor'),
    c('dikecualikan_dan_ditugaskan', 'Dikecualikan sekaligus ditugaskan'),
    c('pengecualian_di_luar_periode', 'Pengecualian di luar periode'),
    c('nip_tidak_dikenal', 'NIP pengecualian tidak dikenal'),
    c('kantor_kosong', 'Tidak ada pegawai di kantor'),
    c('level_struktural_kurang', 'Level struktural kurang'),
    c('periode_tumpang_tindih', 'Periode tumpang tindih'),
    c('kurang_dari_batas_persentase', 'Kurang dari batas paling sedikit pegawai di kantor'),
  ],
  work_days: [c('senin', 'Senin'), c('selasa', 'Selasa'), c('rabu', 'Rabu'), c('kamis', 'Kamis'), c('jumat', 'Jumat')],
  day_patterns: [
    c('hari_tertentu', 'Hari tertentu setiap minggu'),
    c('tanggal_ganjil', 'Tanggal ganjil'),
    c('tanggal_genap', 'Tanggal genap'),
    c('minggu_ganjil', 'Minggu ganjil (minggu ke-1, ke-3, … periode)'),
    c('minggu_genap', 'Minggu genap (minggu ke-2, ke-4, … periode)'),
  ],
  groupings: [
    c('bergantian', 'Bergantian dalam setiap unit (menurut urutan NIP)'),
    c('per_unit', 'Per unit kerja (seluruh pegawai unit dalam kelompok yang sama)'),
  ],
  absence_reasons: [c('cuti', 'Cuti'), c('sakit', 'Sakit'), c('dinas_luar', 'Dinas luar'), c('lainnya', 'Alasan lain')],
  sifat_naskah: [c('biasa', 'Biasa'), c('terbatas', 'Terbatas'), c('rahasia', 'Rahasia'), c('sangat_rahasia', 'Sangat Rahasia')],
  urgensi_naskah: [c('biasa', 'Biasa'), c('segera', 'Segera'), c('amat_segera', 'Amat Segera')],
};

const ASN = ['pns', 'cpns', 'pppk'];

const fail = (code: string, field: string, message: string): never => {
  throw { code, field, message };
};

const label = (choices: Choice<string>[], code: string) => choices.find((x) => x.code === code)?.label;

function requiredName(raw: string, field: string, what: string): string {
  const name = raw.split(/\s+/).filter(Boolean).join(' ');
  if (!name) fail('wajib_diisi', field, `${what} wajib diisi.`);
  if (name.length > 200) fail('terlalu_panjang', field, `${what} terlalu panjang (maksimal 200 karakter).`);
  return name;
}

function checkNip(raw: string): string {
  const digits = raw.replace(/\s/g, '');
  if (!digits) fail('nip_kosong', 'nip', 'NIP wajib diisi.');
  if (!/^\d+$/.test(digits)) fail('nip_bukan_angka', 'nip', `NIP "${digits}" hanya boleh berisi angka.`);
  if (digits.length !== 18) fail('nip_panjang', 'nip', `NIP harus 18 digit, yang diisi ${digits.length} digit.`);
  return digits;
}

export interface FakeSeed {
  agencies: Omit<Agency, 'kind_label' | 'unit_count' | 'employee_count'>[];
  units: Omit<Unit, 'kind_label' | 'employee_count'>[];
  employees: Omit<Employee, 'agency_name' | 'unit_name'>[];
  signatories: Signatory[];
  holidays: Holiday[];
  circulars: CircularSummary[];
  office: OfficeProfile | null;
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
    circulars: [
      {
        id: 2,
        kind: 'perpanjangan',
        kind_label: 'Perpanjangan',
        status: 'draf',
        status_label: 'Draf',
        actions: ACTIONS.draf,
        subject: 'Perpanjangan Penyesuaian Sistem Kerja ASN',
        number: null,
        issued_on: null,
        parent_id: 1,
        relation: 'perpanjangan',
        updated_at: '2020-04-10 09:00:00',
        period: null,
        period_label: '14–27 April 2020',
        origin: 'Perpanjangan dari 800/1/BKPSDM/2020',
      },
      {
        id: 1,
        kind: 'wfh_baru',
        kind_label: 'WFH baru',
        status: 'terbit',
        status_label: 'Terbit',
        actions: ACTIONS.terbit,
        subject: 'Penyesuaian Sistem Kerja ASN',
        number: '800/1/BKPSDM/2020',
        issued_on: '2020-03-27',
        parent_id: null,
        relation: null,
        updated_at: '2020-03-27 10:00:00',
        period: null,
        period_label: null,
        origin: null,
      },
    ],
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

const BULAN_ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function numberExample(p: OfficeProfile): string {
  return p.numbering_template
    .replaceAll('{klasifikasi}', p.classification)
    .replaceAll('{nomor}', '439')
    .replaceAll('{unit}', p.unit_code)
    .replaceAll('{tahun}', '2020')
    .replaceAll('{bulan}', '05')
    .replaceAll('{bulan_romawi}', BULAN_ROMAWI[4]);
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
    number_example: db.office ? numberExample(db.office) : null,
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

  function validateEmployee(input: EmployeeInput): FakeSeed['employees'][number] {
    const name = requiredName(input.name, 'name', 'Nama pegawai');
    if (!input.employment.trim()) fail('wajib_diisi', 'employment', 'Jenis pegawai wajib dipilih.');
    const employment = input.employment;
    const employmentLabel = label(ref.employment_kinds, employment);
    if (!employmentLabel) fail('jenis_pegawai_tidak_dikenal', 'employment', `Jenis pegawai "${employment}" tidak dikenal.`);
    const asn = ASN.includes(employment);
    let nip: string | null = null;
    if (asn) nip = checkNip(input.nip);
    else if (input.nip.trim()) fail('nip_non_asn', 'nip', `${employmentLabel} tidak memiliki NIP; kosongkan kolom NIP.`);
    let golongan: string | null = input.golongan.trim() || null;
    if (employment === 'pppk') {
      if (golongan && !ref.pppk_grades.includes(golongan))
        fail('golongan_pppk', 'golongan', `Golongan PPPK "${golongan}" tidak dikenal (I sampai XVII).`);
    } else if (asn) {
      if (golongan && !label(ref.golongan, golongan)) fail('golongan_tidak_dikenal', 'golongan', `Golongan "${golongan}" tidak dikenal.`);
    } else if (golongan) {
      fail('golongan_non_asn', 'golongan', `${employmentLabel} tidak memiliki golongan; kosongkan kolom golongan.`);
    }
    const position_name = requiredName(input.position_name, 'position_name', 'Nama jabatan');
    const position_kind = input.position_kind.trim() || 'pelaksana';
    let eselon: string | null = input.eselon.trim() || null;
    if (position_kind === 'struktural') {
      if (!eselon) fail('eselon_wajib', 'eselon', 'Jabatan struktural wajib memiliki eselon.');
      if (!asn) fail('struktural_non_asn', 'position_kind', `${employmentLabel} tidak dapat memegang jabatan struktural.`);
    } else if (eselon) {
      eselon = null;
    }
    if (input.agency_id == null) fail('wajib_diisi', 'agency_id', 'Perangkat daerah wajib dipilih.');
    const agency_id = input.agency_id as number;
    if (!agencyOf(agency_id)) fail('tidak_ditemukan', 'agency_id', 'Perangkat daerah tidak ditemukan.');
    if (input.unit_id != null) {
      const unit = db.units.find((u) => u.id === input.unit_id);
      if (!unit || unit.agency_id !== agency_id)
        fail('unit_lain', 'unit_id', 'Unit yang dipilih bukan bagian dari perangkat daerah tersebut.');
    }
    if (nip && db.employees.some((e) => e.nip === nip && e.id !== input.id))
      fail('nip_ganda', 'nip', `NIP ${nip} sudah terdaftar untuk pegawai lain.`);
    return {
      id: input.id ?? nextId++,
      nip,
      name,
      front_title: input.front_title.trim(),
      back_title: input.back_title.trim(),
      employment: employment as EmploymentKind,
      golongan,
      position_name,
      position_kind: position_kind as PositionKind,
      eselon: eselon as Eselon | null,
      agency_id,
      unit_id: input.unit_id ?? null,
    };
  }

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
  const { unlock, ...signing } = fakeSigning(
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
    database_info: () => later(() => ({ path: '/home/pengguna/.local/share/id.edaran.app/edaran.db' })),
    office_get: () => later(officeView),
    office_save: (profile) =>
      later(() => {
        const region_name = requiredName(profile.region_name, 'region_name', 'Nama daerah');
        const office_name = requiredName(profile.office_name, 'office_name', 'Nama kantor');
        if (!/\{nomor\}/.test(profile.numbering_template))
          fail('templat_tanpa_nomor', 'numbering_template', 'Templat nomor harus memuat {nomor}.');
        const unknown = [...profile.numbering_template.matchAll(/\{([^}]*)\}/g)]
          .map((m) => m[1])
          .find((t) => !['klasifikasi', 'nomor', 'unit', 'tahun', 'bulan', 'bulan_romawi'].includes(t));
        if (unknown !== undefined)
          fail('templat_token', 'numbering_template', `Templat nomor memuat {${unknown}} yang tidak dikenal.`);
        db.office = { ...structuredClone(profile), region_name, office_name };
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
      later(() => {
        const name = requiredName(input.name, 'name', 'Nama perangkat daerah');
        if (!label(ref.agency_kinds, input.kind))
          fail('jenis_tidak_dikenal', 'kind', 'Jenis perangkat daerah wajib dipilih.');
        if (db.agencies.some((a) => a.name.toLowerCase() === name.toLowerCase() && a.id !== input.id))
          fail('nama_ganda', 'name', `Perangkat daerah "${name}" sudah ada.`);
        if (input.id != null && !agencyOf(input.id)) notFound('Perangkat daerah');
        const row = { id: input.id ?? nextId++, name, short_name: input.short_name.trim(), kind: input.kind as AgencyKind };
        return agencyView(upsert(db.agencies, row));
      }),
    agency_delete: (id) =>
      later(() => {
        const a = agencyOf(id) ?? notFound('Perangkat daerah');
        const count = db.employees.filter((e) => e.agency_id === id).length;
        if (count > 0)
          throw {
            code: 'perangkat_daerah_berpegawai',
            message: `Perangkat daerah "${a.name}" tidak dapat dihapus karena masih memiliki ${count} pegawai. Pindahkan atau hapus pegawainya terlebih dahulu.`,
          };
        const agency = takeOut(db.agencies, (x) => x.id === id);
        const units = takeOut(db.units, (u) => u.agency_id === id);
        return trash(`Perangkat daerah “${a.name}”`, () => (agency(), units()));
      }),
    units_list: (agencyId) => later(() => db.units.filter((u) => u.agency_id === agencyId).map(unitView)),
    unit_save: (input) =>
      later(() => {
        if (input.parent_id != null && input.parent_id === input.id)
          fail('unit_induk_diri_sendiri', 'parent_id', 'Unit tidak boleh menjadi induk dirinya sendiri.');
        const name = requiredName(input.name, 'name', 'Nama unit');
        if (!label(ref.unit_kinds, input.kind)) fail('jenis_tidak_dikenal', 'kind', 'Jenis unit wajib dipilih.');
        if (!agencyOf(input.agency_id)) notFound('Perangkat daerah');
        const row = { id: input.id ?? nextId++, agency_id: input.agency_id, parent_id: input.parent_id ?? null, name, kind: input.kind as UnitKind };
        return unitView(upsert(db.units, row));
      }),
    unit_delete: (id) =>
      later(() => {
        const u = db.units.find((x) => x.id === id) ?? notFound('Unit');
        if (db.units.some((x) => x.parent_id === id))
          throw { code: 'unit_bersubunit', message: `Unit "${u.name}" tidak dapat dihapus karena masih memiliki sub-unit.` };
        const count = db.employees.filter((e) => e.unit_id === id).length;
        if (count > 0)
          throw {
            code: 'unit_berpegawai',
            message: `Unit "${u.name}" tidak dapat dihapus karena masih memiliki ${count} pegawai.`,
          };
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
    employee_save: (input) => later(() => employeeView(upsert(db.employees, validateEmployee(input)))),
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
        const person = db.employees.find((e) => e.nip === input.nip.trim());
        if (!person) fail('nip_tidak_dikenal', 'nip', `NIP ${input.nip.trim()} tidak terdaftar sebagai pegawai.`);
        const row: Absence = {
          id: nextId++,
          employee_id: person!.id,
          nip: person!.nip,
          name: person!.name,
          agency: db.agencies.find((a) => a.id === person!.agency_id)?.name ?? '',
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
        if (!label(ref.signatory_roles, input.role)) fail('wajib_diisi', 'role', 'Peran penanda tangan wajib dipilih.');
        const name = requiredName(input.name, 'name', 'Nama penanda tangan');
        const position_title = requiredName(input.position_title, 'position_title', 'Jabatan yang dicetak');
        let nip: string | null = input.nip.trim() || null;
        let golongan: string | null = input.golongan.trim() || null;
        if (input.role === 'kepala_perangkat_daerah') {
          nip = checkNip(input.nip);
          if (!golongan) fail('golongan_wajib', 'golongan', 'Kepala perangkat daerah wajib memiliki golongan.');
        } else if (nip) {
          nip = checkNip(nip);
        }
        if (golongan && !label(ref.golongan, golongan)) fail('golongan_tidak_dikenal', 'golongan', `Golongan "${golongan}" tidak dikenal.`);
        const row: Signatory = {
          id: input.id ?? nextId++,
          role: input.role as SignatoryRole,
          name,
          front_title: input.front_title.trim(),
          back_title: input.back_title.trim(),
          position_title,
          nip,
          golongan: golongan as Golongan | null,
          active: input.active ?? true,
          kop: (input.kop || (input.role === 'kepala_perangkat_daerah' ? 'perangkat_daerah' : 'kepala_daerah')) as KopKind,
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
        if (!title.trim()) throw { code: 'wajib_diisi', field: 'title', message: 'Sebutkan keputusan yang menetapkan daftar ini (mis. SKB 3 Menteri Nomor … Tahun …).' };
        days.forEach((d, i) => {
          if (!d.date.startsWith(`${year}-`)) throw { code: 'tahun_berbeda', field: 'days', message: `Baris ${i + 1}: tanggal ${d.date} bukan tahun ${year}.` };
          if (!d.name.trim()) throw { code: 'wajib_diisi', field: 'days', message: `Baris ${i + 1}: nama hari libur wajib diisi.` };
        });
        db.holidays = db.holidays.filter((h) => !h.date.startsWith(`${year}-`));
        days.forEach((d) => db.holidays.push({ id: nextId++, ...d, source: title.trim() }));
        return nextId++;
      }),
    holidays_import_csv: () => later(() => null),
    holidays_export_csv: (year) => later(() => `/tmp/Hari libur ${year ?? ''}.csv`),
    settings_get: () => later(() => ({ ...settings })),
    settings_save: (next) =>
      later(() => {
        if (next.alert_working_days < 1 || next.alert_working_days > 30)
          throw { code: 'di_luar_rentang', field: 'alert_working_days', message: `Peringatan masa berlaku harus 1 sampai 30 hari kerja sebelum berakhir, bukan ${next.alert_working_days}.` };
        settings = { ...next };
        return null;
      }),
    backup_save: () => later(() => '/tmp/Cadangan Edaran.db'),
    backup_restore: () => later(() => null),
    ...circulars,
    ...signing,
    ...fakeRules(db, ref, circulars, unlock, later),
    ...fakeImport(db, ref.employment_kinds, (input) => upsert(db.employees, validateEmployee(input)), () => nextId++, later),
  };
}
