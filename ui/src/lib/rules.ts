/**
 * The rules form as the user edits it: every part present (empty = not
 * ruled), numbers as typed. `toRules` gives back the `Rules` the backend
 * takes, with the empty parts left out.
 */
import type { Backend } from './backend';
import type {
  AgencyKind,
  AgencyRef,
  Employee,
  EmploymentKind,
  Grouping,
  KindLevels,
  PersonalException,
  Picket,
  Rules,
  ShiftGroup,
  UnitKind,
} from './types';

export interface RulesDraft {
  exempt_kinds: AgencyKind[];
  exempt_agencies: AgencyRef[];
  top_levels: number | null;
  /** A new row's kind is empty until chosen. */
  eselon_by_kind: { kind: AgencyKind | ''; levels: number[] }[];
  /** Empty = no picket rule. */
  per_day: number | null;
  unit_kinds: UnitKind[];
  categories: EmploymentKind[];
  /** Kept as loaded; the form does not edit it. */
  picket_agencies: AgencyRef[];
  /** Shift groups; empty = rotation by `per_day`. */
  groups: ShiftGroup[];
  grouping: Grouping;
  max_consecutive: number | null;
  max_share_percent: number | null;
  min_share_percent: number | null;
  exceptions: PersonalException[];
}

/** Eselon levels of the table, 2 = II … 5 = V. */
export const ESELON_LEVELS = [2, 3, 4, 5] as const;
export const roman = (level: number) => ['', 'I', 'II', 'III', 'IV', 'V'][level] ?? String(level);

export function toDraft(r: Rules): RulesDraft {
  return {
    exempt_kinds: [...(r.exempt_kinds ?? [])],
    exempt_agencies: [...(r.exempt_agencies ?? [])],
    top_levels: r.top_levels ?? null,
    eselon_by_kind: (r.eselon_by_kind ?? []).map((row) => ({ kind: row.kind, levels: [...row.levels] })),
    per_day: r.picket?.per_day ?? null,
    unit_kinds: [...(r.picket?.unit_kinds ?? [])],
    categories: [...(r.picket?.categories ?? [])],
    picket_agencies: [...(r.picket?.agencies ?? [])],
    groups: (r.picket?.groups ?? []).map((g) => ({ ...g, weekdays: [...(g.weekdays ?? [])] })),
    grouping: r.picket?.grouping ?? 'bergantian',
    max_consecutive: r.picket?.max_consecutive ?? null,
    max_share_percent: r.max_share_percent ?? null,
    min_share_percent: r.min_share_percent ?? null,
    exceptions: (r.exceptions ?? []).map((e) => ({ ...e })),
  };
}

/** A number input's value: null when empty (Svelte binds `null`, a cleared field may give ''). */
const num = (v: number | null | string): number | null => (v === null || v === '' ? null : Number(v));

export function toRules(d: RulesDraft): Rules {
  const rules: Rules = {};
  const top = num(d.top_levels);
  if (top !== null) rules.top_levels = top;
  const table = d.eselon_by_kind.filter((row): row is KindLevels => row.kind !== '');
  if (table.length) rules.eselon_by_kind = table.map((row) => ({ kind: row.kind, levels: [...row.levels].sort((a, b) => a - b) }));
  const perDay = num(d.per_day);
  if (perDay !== null) {
    const picket: Picket = { per_day: perDay, unit_kinds: [...d.unit_kinds], categories: [...d.categories] };
    rules.picket = picket;
    if (d.picket_agencies.length) picket.agencies = [...d.picket_agencies];
    if (d.groups.length) {
      picket.groups = d.groups.map((g) => ({
        name: g.name.trim(),
        pattern: g.pattern,
        ...(g.pattern === 'hari_tertentu' ? { weekdays: [...(g.weekdays ?? [])] } : {}),
      }));
      if (d.grouping !== 'bergantian') picket.grouping = d.grouping;
    }
    const run = num(d.max_consecutive);
    if (run !== null) picket.max_consecutive = run;
  }
  const share = num(d.max_share_percent);
  if (share !== null) rules.max_share_percent = share;
  const least = num(d.min_share_percent);
  if (least !== null) rules.min_share_percent = least;
  if (d.exempt_agencies.length) rules.exempt_agencies = [...d.exempt_agencies];
  if (d.exempt_kinds.length) rules.exempt_kinds = [...d.exempt_kinds];
  if (d.exceptions.length)
    rules.exceptions = d.exceptions.map((e) => ({
      nip: e.nip,
      placement: e.placement,
      reason: e.reason,
      ...(e.from ? { from: e.from } : {}),
      ...(e.to ? { to: e.to } : {}),
      ...(e.note?.trim() ? { note: e.note.trim() } : {}),
    }));
  return rules;
}

/** Same rules, whatever order the keys came in. */
export const sameRules = (a: Rules, b: Rules) => JSON.stringify(toRules(toDraft(a))) === JSON.stringify(toRules(toDraft(b)));

/** The circular carries at least one rule. */
export const hasRules = (r: Rules | null | undefined): boolean => !!r && Object.keys(toRules(toDraft(r))).length > 0;

/** What the number fields hold that the backend cannot take (whole numbers only). */
export function numberProblem(d: RulesDraft): string | null {
  const fields: [number | null, string][] = [
    [d.top_levels, 'Jumlah level struktural tertinggi'],
    [d.per_day, 'Jumlah pegawai piket per hari'],
    [d.max_consecutive, 'Batas hari piket berturut-turut'],
    [d.max_share_percent, 'Batas paling banyak pegawai di kantor'],
    [d.min_share_percent, 'Batas paling sedikit pegawai di kantor'],
  ];
  for (const [value, what] of fields) {
    const n = num(value);
    if (n !== null && !(Number.isInteger(n) && n >= 0 && n <= 255))
      return `${what} diisi bilangan bulat, atau dikosongkan bila tidak diatur.`;
  }
  return null;
}

/** The employee with exactly this NIP, or null. */
export async function findByNip(backend: Backend, nip: string): Promise<Employee | null> {
  const page = await backend.employees_list({ query: nip, limit: 5, offset: 0 });
  return page.rows.find((e) => e.nip === nip) ?? null;
}
