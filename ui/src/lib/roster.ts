/** How the roster shows: short codes of the work statuses, conflicts by kind. */
import type { Choice, Conflict } from './types';

const SHORT: Record<string, string> = {
  wfo: 'WFO',
  wfh: 'WFH',
  piket: 'P',
  dikecualikan: 'DK',
  tetap_di_kantor: 'PK',
  tetap_di_rumah: 'PR',
  libur: 'L',
  di_luar_periode: '–',
  berhalangan: 'BH',
  belum_dijadwalkan: '?',
};

/** The code a grid cell shows for a status (`piket` → `P`). */
export const shortCode = (status: string): string => SHORT[status] ?? status.toUpperCase();

/** Conflicts grouped by kind, in the order the reference lists the kinds. */
export function byKind(conflicts: Conflict[], kinds: Choice<string>[]): { kind: string; label: string; items: Conflict[] }[] {
  const order = (k: string) => {
    const i = kinds.findIndex((c) => c.code === k);
    return i < 0 ? kinds.length : i;
  };
  const groups = new Map<string, Conflict[]>();
  for (const c of conflicts) groups.set(c.kind, [...(groups.get(c.kind) ?? []), c]);
  return [...groups]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([kind, items]) => ({ kind, label: kinds.find((c) => c.code === kind)?.label ?? kind, items }));
}
