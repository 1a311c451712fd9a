/**
 * The rules part of the in-memory backend: rules kept in each circular's
 * document and the clauses they write, a picket roster over the period
 * (weekends and holidays off, a rotation per unit, hand edits kept), each
 * employee's status on a day, conflicts, exports, and the notices batch
 * with its progress events. Codes and messages follow the core's, simplified.
 */
import type { Backend } from './backend';
import type { FakeSeed } from './fakeBackend';
import { addDays } from './dates';
import { formatTanggal, fullName } from './format';
import type {
  AgencyRef,
  CircularRecord,
  Conflict,
  GridCell,
  Horizon,
  NoticeProgress,
  PersonalException,
  Point,
  ReferenceData,
  RosterSummary,
  Rules,
  StatusRow,
  Status,
} from './types';

type RulesMethods = Pick<
  Backend,
  | 'rules_get'
  | 'rules_save'
  | 'rules_insert_clauses'
  | 'circular_conflicts'
  | 'roster_generate'
  | 'roster_horizon'
  | 'roster_holiday_gap'
  | 'roster_extend'
  | 'agency_grid'
  | 'roster_edit'
  | 'roster_export'
  | 'status_list'
  | 'notices_save'
  | 'notices_cancel'
  | 'on_notices_progress'
>;
type CircularAccess = Pick<Backend, 'circulars_list' | 'circular_get' | 'circular_edit'>;
type Employee = FakeSeed['employees'][number];
type Agency = FakeSeed['agencies'][number];

const refuse = (code: string, message: string, field?: string): never => {
  throw { code, message, field };
};

const SATUAN = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** 75 → `tujuh puluh lima`. */
export function terbilang(n: number): string {
  if (n < 12) return SATUAN[n];
  if (n < 20) return `${SATUAN[n - 10]} belas`;
  if (n < 100) return `${SATUAN[Math.floor(n / 10)]} puluh${n % 10 ? ` ${SATUAN[n % 10]}` : ''}`;
  if (n < 200) return `seratus${n > 100 ? ` ${terbilang(n - 100)}` : ''}`;
  if (n < 1000) return `${SATUAN[Math.floor(n / 100)]} ratus${n % 100 ? ` ${terbilang(n % 100)}` : ''}`;
  return String(n);
}
const spelled = (n: number) => `${n} (${terbilang(n)})`;
// As the core's words::list: `A dan B`, `A, B, dan C`.
const joined = (items: string[]) =>
  items.length < 2 ? items.join('') : items.length === 2 ? items.join(' dan ') : `${items.slice(0, -1).join(', ')}, dan ${items.at(-1)}`;
/** `13 Mei 2020`, as the core writes dates in sentences. */
const tanggal = (iso: string) => formatTanggal(iso).replace(/^\S+, /, '');
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V'];
/** `III.a` → 3. */
const levelOf = (eselon: string | null) => (eselon ? ROMAN.indexOf(eselon.split('.')[0]) : -1);
const key = (date: string, employeeId: number) => `${date}|${employeeId}`;

type Source = 'otomatis' | 'manual' | 'dilepas';
type Entries = Map<string, Source>;
const onDuty = (s: Source | undefined) => s === 'otomatis' || s === 'manual';

interface Pool {
  key: string;
  agency_id: number;
  unit_id: number | null;
  name: string;
  members: number[];
}

/** One circular as the roster sees it. */
interface Context {
  record: CircularRecord;
  rules: Rules;
  start: string;
  end: string;
  days: { date: string; working: boolean; why: string }[];
  pools: Pool[];
  poolOf: Map<number, Pool>;
}

export function fakeRules(
  db: FakeSeed,
  ref: ReferenceData,
  circulars: CircularAccess,
  unlock: (certificateId: number, passphrase: string) => void,
  later: <T>(f: () => T) => Promise<T>,
): RulesMethods {
  const rosters = new Map<number, Entries>();
  /** Open-ended periods' horizons set by `roster_extend`; otherwise a month (the core's default is not copied). */
  const horizons = new Map<number, string>();
  const listeners = new Set<(p: NoticeProgress) => void>();
  let cancelling = false;

  const label = (list: keyof ReferenceData, code: string) =>
    (ref[list] as { code: string; label: string }[]).find((c) => c.code === code)?.label ?? code;
  const agencyOf = (id: number) => db.agencies.find((a) => a.id === id)!;
  const unitOf = (id: number | null) => db.units.find((u) => u.id === id) ?? null;
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const matches = (r: AgencyRef, a: Agency) =>
    typeof r === 'number' ? r === a.id : same(r, a.name) || (a.short_name !== '' && same(r, a.short_name));
  const agencyName = (r: AgencyRef) =>
    typeof r === 'string' ? r.trim() : (db.agencies.find((a) => a.id === r)?.name ?? `Perangkat daerah #${r}`);

  // --- the rules themselves

  function validate(r: Rules) {
    const bad = (code: string, message: string) => refuse(code, message, 'rules');
    if (r.top_levels === 0) bad('level_nol', 'Jumlah level struktural tertinggi sedikitnya 1 (satu).');
    for (const row of r.eselon_by_kind ?? []) {
      const l = row.levels.find((x) => x < 2 || x > 5);
      if (l !== undefined)
        bad('eselon_tidak_dikenal', `Level eselon ${l} untuk ${label('agency_kinds', row.kind)} tidak dikenal; pilihan 2 (II) sampai 5 (V).`);
    }
    if (r.picket && r.picket.per_day === 0) bad('piket_nol', 'Jumlah pegawai piket per hari sedikitnya 1 (satu) orang.');
    const share = r.max_share_percent;
    if (share != null && (share < 1 || share > 100))
      bad('persentase_tidak_sah', `Batas pegawai di kantor ${share}% tidak sah; pilih 1 sampai 100%.`);
    for (const e of r.exceptions ?? [])
      if (e.from && e.to && e.to < e.from)
        bad('periode_terbalik', `Pengecualian NIP ${e.nip}: “Sampai” (${tanggal(e.to)}) sebelum “Mulai” (${tanggal(e.from)}).`);
  }

  /** One sentence per rule, as the core's `clauses`. */
  function clauses(r: Rules): string[] {
    const out: string[] = [];
    if (r.top_levels != null)
      out.push(`Kepala Perangkat Daerah memastikan pada setiap hari kerja terdapat minimal ${spelled(r.top_levels)} level pejabat struktural tertinggi yang menjalankan tugas di kantor.`);
    for (const row of r.eselon_by_kind ?? [])
      out.push(`Pejabat struktural ${joined(row.levels.map((l) => `eselon ${ROMAN[l]}`))} pada ${label('agency_kinds', row.kind)} tetap melaksanakan tugas di kantor.`);
    if (r.picket) {
      const p = r.picket;
      const units = p.unit_kinds.length ? joined(p.unit_kinds.map((k) => label('unit_kinds', k))) : 'unit kerja';
      const who = p.categories.length ? ` (${joined(p.categories.map((k) => label('employment_kinds', k)))})` : '';
      out.push(`Setiap ${units} pada Perangkat Daerah menugaskan ${spelled(p.per_day)} orang pegawai${who} secara bergiliran untuk bekerja di kantor pada setiap hari kerja sesuai jadwal piket.`);
    }
    if (r.max_share_percent != null)
      out.push(`Jumlah pegawai yang bekerja di kantor pada setiap Perangkat Daerah paling banyak ${r.max_share_percent}% (${terbilang(r.max_share_percent)} persen) dari seluruh pegawai Perangkat Daerah tersebut.`);
    const exempt = [...(r.exempt_kinds ?? []).map((k) => `seluruh ${label('agency_kinds', k)}`), ...(r.exempt_agencies ?? []).map(agencyName)];
    if (exempt.length)
      out.push(`Dikecualikan dari ketentuan ini, ${joined(exempt)} tetap melaksanakan tugas di kantor seperti biasa dengan menerapkan protokol kesehatan.`);
    for (const [placement, place] of [['di_rumah', 'di rumah'], ['di_kantor', 'di kantor']]) {
      const n = (r.exceptions ?? []).filter((e) => e.placement === placement).length;
      if (n) out.push(`Sebanyak ${spelled(n)} pegawai ditetapkan tetap bekerja ${place} karena alasan pribadi atau tugas esensial, sebagaimana tercantum dalam lampiran.`);
    }
    return out;
  }

  async function draft(id: number) {
    const record = await circulars.circular_get(id);
    if (record.status !== 'draf' && record.status !== 'diparaf')
      refuse('surat_edaran_terbit', `Surat edaran ${record.number ?? 'ini'} sudah ${record.status_label.toLowerCase()}; aturannya tidak dapat diubah.`);
    return record;
  }

  // --- who is where

  function exemption(a: Agency, r: Rules): string | null {
    if ((r.exempt_agencies ?? []).some((x) => matches(x, a))) return `${a.name} dikecualikan: tetap bekerja normal di kantor`;
    if ((r.exempt_kinds ?? []).includes(a.kind)) return `Seluruh ${label('agency_kinds', a.kind)} dikecualikan: tetap bekerja normal di kantor`;
    return null;
  }

  /** The structural rule that keeps `e` in the office, in words. */
  function structural(e: Employee, r: Rules): string | null {
    const level = levelOf(e.eselon);
    if (level < 0) return null;
    if (r.top_levels != null) {
      const filled = [...new Set(db.employees.filter((x) => x.agency_id === e.agency_id).map((x) => levelOf(x.eselon)))]
        .filter((l) => l > 0)
        .sort((a, b) => a - b);
      if (filled.slice(0, r.top_levels).includes(level))
        return `Pejabat eselon ${ROMAN[level]}: ${spelled(r.top_levels)} level struktural tertinggi tetap di kantor`;
    }
    const kind = agencyOf(e.agency_id).kind;
    if ((r.eselon_by_kind ?? []).some((row) => row.kind === kind && row.levels.includes(level)))
      return `Pejabat eselon ${ROMAN[level]} pada ${label('agency_kinds', kind)} tetap di kantor`;
    return null;
  }

  const exceptionOn = (e: Employee, date: string, r: Rules) =>
    (r.exceptions ?? []).find((x) => x.nip === e.nip && (!x.from || x.from <= date) && (!x.to || date <= x.to));

  const describe = (x: PersonalException) => {
    const span = x.from || x.to ? ` (${x.from ? tanggal(x.from) : 'awal periode'} s.d. ${x.to ? tanggal(x.to) : 'akhir periode'})` : '';
    return `${label('exception_placements', x.placement).toLowerCase()} karena ${label('exception_reasons', x.reason)}${x.note ? `, ${x.note}` : ''}${span}`;
  };

  /** The picket pools: one per targeted unit (its sub-units' staff included), plus an agency's staff without a unit. */
  function pools(r: Rules): Pool[] {
    const p = r.picket;
    if (!p) return [];
    const targeted = (a: Agency) => !exemption(a, r) && (!p.agencies?.length || p.agencies.some((x) => matches(x, a)));
    const targetUnit = (u: FakeSeed['units'][number]) => (p.unit_kinds.length ? p.unit_kinds.includes(u.kind) : u.parent_id === null);
    const found = new Map<string, Pool>();
    for (const u of db.units)
      if (targetUnit(u) && targeted(agencyOf(u.agency_id)))
        found.set(`u${u.id}`, { key: `u${u.id}`, agency_id: u.agency_id, unit_id: u.id, name: u.name, members: [] });
    const staff = [...db.employees].sort((a, b) => (a.nip ?? '').localeCompare(b.nip ?? '') || a.id - b.id);
    for (const e of staff) {
      const a = agencyOf(e.agency_id);
      if (!targeted(a) || structural(e, r) || (p.categories.length && !p.categories.includes(e.employment))) continue;
      let unit = unitOf(e.unit_id);
      while (unit && !targetUnit(unit)) unit = unitOf(unit.parent_id);
      if (unit) found.get(`u${unit.id}`)!.members.push(e.id);
      else if (!p.unit_kinds.length && e.unit_id === null) {
        const k = `a${a.id}`;
        if (!found.has(k)) found.set(k, { key: k, agency_id: a.id, unit_id: null, name: `${a.short_name || a.name} (tanpa unit)`, members: [] });
        found.get(k)!.members.push(e.id);
      }
    }
    return [...found.values()];
  }

  async function context(id: number): Promise<Context> {
    const record = await circulars.circular_get(id);
    const period = record.document.period;
    if (!period) refuse('periode_kosong', 'Surat edaran belum memiliki periode; status dan jadwal piket memerlukan periode.', 'period');
    const start = period!.start;
    const end = period!.end ?? horizons.get(id) ?? addDays(start, 30);
    const days = [];
    for (let d = start; d <= end; d = addDays(d, 1)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      const holiday = db.holidays.find((h) => h.date === d);
      const why = holiday ? `Hari libur: ${holiday.name}` : weekday === 6 ? 'Hari Sabtu' : weekday === 0 ? 'Hari Minggu' : '';
      days.push({ date: d, working: why === '', why });
    }
    const rules = record.document.rules ?? {};
    const list = pools(rules);
    const poolOf = new Map(list.flatMap((p) => p.members.map((m) => [m, p] as const)));
    return { record, rules, start, end, days, pools: list, poolOf };
  }

  /** Fills each working day's pools around the hand edits, in turn. */
  function generate(ctx: Context, edits: Entries) {
    const entries: Entries = new Map([...edits].filter(([, s]) => s !== 'otomatis'));
    const shortages = new Map<string, { dates: string[]; short: number }>();
    const perDay = ctx.rules.picket?.per_day ?? 0;
    for (const pool of ctx.pools) {
      let turn = 0;
      for (const day of ctx.days.filter((d) => d.working)) {
        const free = (id: number) =>
          !entries.has(key(day.date, id)) && !exceptionOn(db.employees.find((e) => e.id === id)!, day.date, ctx.rules);
        let on = pool.members.filter((id) => onDuty(entries.get(key(day.date, id)))).length;
        for (let tries = 0; on < perDay && tries < pool.members.length; tries++) {
          const id = pool.members[turn++ % pool.members.length];
          if (free(id)) {
            entries.set(key(day.date, id), 'otomatis');
            on++;
          }
        }
        if (on < perDay) {
          const s = shortages.get(pool.key) ?? { dates: [], short: 0 };
          s.dates.push(day.date);
          s.short = Math.max(s.short, perDay - on);
          shortages.set(pool.key, s);
        }
      }
    }
    return { entries, shortages };
  }

  function decide(ctx: Context, entries: Entries, e: Employee, date: string): GridCell {
    const source = entries.get(key(date, e.id)) ?? null;
    const pool = ctx.poolOf.get(e.id);
    const cell = (status: Status, reason: string): GridCell => ({ status, reason, source, editable: !!pool });
    const day = ctx.days.find((d) => d.date === date);
    if (!day) return cell('di_luar_periode', `Di luar periode surat edaran (${tanggal(ctx.start)} s.d. ${tanggal(ctx.end)})`);
    if (!day.working) return cell('libur', day.why);
    const x = exceptionOn(e, date, ctx.rules);
    if (x) return cell(x.placement === 'di_kantor' ? 'tetap_di_kantor' : 'tetap_di_rumah', `Pengecualian pribadi: ${describe(x)}`);
    const exempt = exemption(agencyOf(e.agency_id), ctx.rules);
    if (exempt) return cell('dikecualikan', exempt);
    const wfo = structural(e, ctx.rules);
    if (wfo) return cell('wfo', wfo);
    if (onDuty(source ?? undefined))
      return cell('piket', source === 'manual' ? `Piket ${pool!.name} (diubah manual)` : `Piket ${pool!.name} sesuai jadwal bergilir`);
    return cell('wfh', source === 'dilepas' ? 'Dilepas dari piket (diubah manual); bekerja di rumah' : 'Bekerja di rumah sesuai surat edaran');
  }

  const IN_OFFICE = ['wfo', 'piket', 'dikecualikan', 'tetap_di_kantor'];

  function conflicts(ctx: Context, entries: Entries, shortages: Map<string, { dates: string[]; short: number }>): Conflict[] {
    const out: Conflict[] = [];
    const perDay = ctx.rules.picket?.per_day ?? 0;
    for (const pool of ctx.pools) {
      const s = shortages.get(pool.key);
      if (s)
        out.push({
          kind: 'unit_kurang_pegawai',
          message: `${pool.name} (${agencyOf(pool.agency_id).name}) tidak dapat memenuhi piket minimal ${spelled(perDay)} orang per hari kerja; kurang ${spelled(s.short)} orang.`,
          agency_id: pool.agency_id,
          ...(pool.unit_id !== null ? { unit_id: pool.unit_id } : {}),
          dates: s.dates,
          short: s.short,
        });
    }
    for (const a of db.agencies)
      if (exemption(a, ctx.rules) && ctx.rules.picket?.agencies?.some((x) => matches(x, a)))
        out.push({ kind: 'dikecualikan_dan_ditugaskan', message: `${a.name} dikecualikan, tetapi juga disebut dalam aturan piket.`, agency_id: a.id });
    for (const x of ctx.rules.exceptions ?? [])
      if ((x.to && x.to < ctx.start) || (x.from && x.from > ctx.end))
        out.push({ kind: 'pengecualian_di_luar_periode', message: `Pengecualian NIP ${x.nip} (${describe(x)}) berada di luar periode surat edaran.` });
    for (const a of db.agencies) {
      const staff = db.employees.filter((e) => e.agency_id === a.id);
      if (!staff.length) continue;
      const empty = ctx.days
        .filter((d) => d.working && !staff.some((e) => IN_OFFICE.includes(decide(ctx, entries, e, d.date).status)))
        .map((d) => d.date);
      if (empty.length)
        out.push({ kind: 'kantor_kosong', message: `Tidak ada pegawai ${a.name} yang bekerja di kantor pada ${spelled(empty.length)} hari kerja.`, agency_id: a.id, dates: empty });
    }
    return out;
  }

  /** Issued circulars whose period overlaps this one's. */
  async function overlaps(ctx: Context): Promise<Conflict[]> {
    const out: Conflict[] = [];
    for (const s of await circulars.circulars_list()) {
      if (s.id === ctx.record.id || s.status !== 'terbit') continue;
      const p = (await circulars.circular_get(s.id)).document.period;
      if (!p || p.start > ctx.end || (p.end !== null && p.end < ctx.start)) continue;
      out.push({
        kind: 'periode_tumpang_tindih',
        message: `Periode ${tanggal(ctx.start)} s.d. ${tanggal(ctx.end)} tumpang tindih dengan Surat Edaran Nomor ${s.number} (${tanggal(p.start)} s.d. ${p.end ? tanggal(p.end) : 'dievaluasi'}).`,
      });
    }
    return out;
  }

  const rosterOf = (id: number) =>
    rosters.get(id) ?? refuse('jadwal_belum_disusun', 'Jadwal piket surat edaran ini belum disusun; pilih “Susun jadwal piket” terlebih dahulu.');
  const employee = (id: number) => db.employees.find((e) => e.id === id) ?? refuse('tidak_ditemukan', 'Pegawai tidak ditemukan.');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  function horizonOf(ctx: Context): Horizon {
    return { until: ctx.end, open_ended: !ctx.record.document.period!.end };
  }

  async function generateRoster(id: number): Promise<RosterSummary> {
    const ctx = await context(id);
    const { entries, shortages } = generate(ctx, rosters.get(id) ?? new Map());
    rosters.set(id, entries);
    const duties = [...entries].filter(([k, s]) => onDuty(s) && ctx.days.some((d) => d.working && k.startsWith(`${d.date}|`))).length;
    return { duties, conflicts: conflicts(ctx, entries, shortages), horizon: horizonOf(ctx), loads: [], holiday_gap: null };
  }

  return {
    rules_get: async (id) => {
      const rules = (await circulars.circular_get(id)).document.rules ?? {};
      return { rules, clauses: clauses(rules) };
    },
    rules_save: async (id, given, actor) => {
      const record = await draft(id);
      validate(given);
      (given.exceptions ?? []).forEach((e, i) => {
        if (!db.employees.some((x) => x.nip === e.nip.trim()))
          refuse('nip_tidak_dikenal', `Pengecualian ke-${i + 1}: NIP ${e.nip.trim()} tidak terdaftar sebagai pegawai.`, 'exceptions');
      });
      // Like the core: exempt agencies are kept by name (names travel in exchange files).
      const rules = structuredClone(given);
      if (rules.exempt_agencies)
        rules.exempt_agencies = rules.exempt_agencies.map(
          (r) =>
            db.agencies.find((a) => matches(r, a))?.name ??
            refuse('perangkat_daerah_tidak_dikenal', `Perangkat daerah ${typeof r === 'number' ? `dengan id ${r}` : `"${r}"`} yang dikecualikan tidak ditemukan.`, 'exempt_agencies'),
        );
      const doc = record.document;
      if (Object.keys(rules).length) doc.rules = rules;
      else delete doc.rules;
      await circulars.circular_edit(id, doc, 'f4', actor);
      return { rules: structuredClone(rules), clauses: clauses(rules) };
    },
    rules_insert_clauses: async (id, actor) => {
      const doc = (await draft(id)).document;
      const list = clauses(doc.rules ?? {});
      const point: Point = {
        text: 'Pengaturan sistem kerja selama masa berlaku Surat Edaran ini sebagai berikut:',
        children: list.map((text) => ({ text, children: [] })),
        clause: 'aturan',
      };
      const at = doc.points.findIndex((p) => p.clause === 'aturan');
      if (!list.length) doc.points = doc.points.filter((p) => p.clause !== 'aturan');
      else if (at >= 0) doc.points[at] = point;
      else {
        const closing = doc.points.findIndex((p) => p.clause === 'penutup');
        doc.points.splice(closing < 0 ? doc.points.length : closing, 0, point);
      }
      await circulars.circular_edit(id, doc, 'f4', actor);
      return null;
    },
    circular_conflicts: async (id) => {
      const ctx = await context(id);
      const { entries, shortages } = generate(ctx, rosters.get(id) ?? new Map());
      return [...(await overlaps(ctx)), ...conflicts(ctx, entries, shortages)];
    },
    roster_generate: generateRoster,
    roster_horizon: async (id) => horizonOf(await context(id)),
    // The demo's periods are in listed years; tests set a gap themselves.
    roster_holiday_gap: async () => null,
    roster_extend: async (id, until) => {
      const now = horizonOf(await context(id));
      if (!now.open_ended) refuse('periode_berakhir', 'Periode surat edaran sudah berakhir; jadwal piketnya tidak diperpanjang.', 'until');
      if (until <= now.until) refuse('horizon_tidak_maju', `Jadwal piket sudah disusun sampai dengan ${now.until}; pilih tanggal sesudahnya.`, 'until');
      horizons.set(id, until);
      return generateRoster(id);
    },
    agency_grid: async (id, agencyId) => {
      const ctx = await context(id);
      const entries = rosters.get(id) ?? new Map();
      const a = db.agencies.find((x) => x.id === agencyId) ?? refuse('tidak_ditemukan', 'Perangkat daerah tidak ditemukan.');
      return {
        agency_id: a.id,
        agency: a.name,
        days: ctx.days.map((d) => ({ date: d.date, working: d.working })),
        rows: db.employees
          .filter((e) => e.agency_id === a.id)
          .sort((x, y) => x.name.localeCompare(y.name, 'id'))
          .map((e) => ({
            employee_id: e.id,
            nip: e.nip,
            name: fullName(e),
            unit: unitOf(e.unit_id)?.name ?? null,
            group: null,
            cells: ctx.days.map((d) => decide(ctx, entries, e, d.date)),
          })),
      };
    },
    roster_edit: async (id, edit) => {
      const ctx = await context(id);
      const entries = rosterOf(id);
      const e = employee(edit.employee_id);
      const pool = ctx.poolOf.get(e.id);
      const day = ctx.days.find((d) => d.date === edit.date);
      const problems: string[] = [];
      if (!day) problems.push(`${tanggal(edit.date)} di luar periode surat edaran.`);
      else if (!day.working) problems.push(`${tanggal(edit.date)} bukan hari kerja (${day.why.toLowerCase()}).`);
      const next = new Map(entries);
      if (edit.on_duty) {
        const x = exceptionOn(e, edit.date, ctx.rules);
        if (x) problems.push(`${fullName(e)} tidak dapat dijadwalkan: ${describe(x)}.`);
        if (!pool) problems.push(`${fullName(e)} tidak termasuk pegawai yang dijadwalkan piket.`);
        next.set(key(edit.date, e.id), 'manual');
        if (edit.replaces != null) next.set(key(edit.date, edit.replaces), 'dilepas');
      } else {
        next.set(key(edit.date, e.id), 'dilepas');
      }
      const perDay = ctx.rules.picket?.per_day ?? 0;
      if (pool && day?.working && (!edit.on_duty || edit.replaces != null)) {
        const left = pool.members.filter((m) => onDuty(next.get(key(edit.date, m)))).length;
        if (left < perDay)
          problems.push(`${pool.name} hanya akan memiliki ${spelled(left)} orang piket pada ${tanggal(edit.date)}, kurang dari minimal ${spelled(perDay)} orang.`);
      }
      if (problems.length && !edit.force) refuse('piket_melanggar_aturan', `Perubahan jadwal ditolak: ${problems.join(' ')}`);
      rosters.set(id, next);
      return problems;
    },
    roster_export: async (id, format) => {
      const record = await circulars.circular_get(id);
      rosterOf(id);
      return `/tmp/Jadwal piket ${record.number?.replaceAll('/', '-') ?? 'draf'}.${format}`;
    },
    status_list: async (id, date, agencyId) => {
      const ctx = await context(id);
      const entries = rosters.get(id) ?? new Map();
      return db.employees
        .filter((e) => agencyId === null || e.agency_id === agencyId)
        .sort((x, y) => agencyOf(x.agency_id).name.localeCompare(agencyOf(y.agency_id).name, 'id') || x.name.localeCompare(y.name, 'id'))
        .map((e): StatusRow => {
          const { status, reason } = decide(ctx, entries, e, date);
          return { nip: e.nip, name: fullName(e), agency: agencyOf(e.agency_id).name, unit: unitOf(e.unit_id)?.name ?? null, status, reason };
        });
    },
    notices_save: async (id, options) => {
      const ctx = await context(id);
      if (ctx.record.status !== 'terbit')
        refuse('belum_terbit', 'Pemberitahuan hanya dapat dicetak untuk surat edaran yang sudah terbit (bernomor dan bertanggal).', 'circular');
      const entries = rosterOf(id);
      if (options.sign) unlock(options.sign.certificate_id, options.sign.passphrase);
      const agencies = db.agencies.filter((a) => !exemption(a, ctx.rules) && db.employees.some((e) => e.agency_id === a.id)).length;
      const people = options.per_employee
        ? db.employees.filter((e) => [...entries].some(([k, s]) => onDuty(s) && k.endsWith(`|${e.id}`))).length
        : 0;
      const total = agencies + people;
      if (!total)
        refuse('tanpa_pemberitahuan', 'Tidak ada pemberitahuan untuk dicetak: semua perangkat daerah dikecualikan atau tidak memiliki pegawai.', 'circular');
      const folder = `/tmp/Pemberitahuan SE ${ctx.record.number?.replaceAll('/', '-')}`;
      const result = (files: number, cancelled: boolean) => ({
        folder,
        merged: `${folder}/Gabungan untuk dicetak.pdf`,
        files,
        pages: 2 * Math.min(files, agencies) + Math.max(0, files - agencies),
        signed: options.sign !== null,
        cancelled,
      });
      cancelling = false;
      for (let done = 1; done <= total; done++) {
        await sleep(15);
        if (cancelling) return result(done - 1, true);
        listeners.forEach((l) => l({ done, total }));
      }
      return result(total, false);
    },
    notices_cancel: () =>
      later(() => {
        cancelling = true;
        return null;
      }),
    on_notices_progress: async (handler) => {
      listeners.add(handler);
      return () => {
        listeners.delete(handler);
      };
    },
  };
}
