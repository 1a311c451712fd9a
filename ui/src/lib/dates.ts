/** Dates as `YYYY-MM-DD` strings: arithmetic in UTC (no time zone shifts a day), and reading what clerks type. */
import { BULAN } from './format';

const DAY = 86_400_000;

const parse = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export function addDays(iso: string, days: number): string {
  return new Date(parse(iso) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b) - parse(a)) / DAY);
}

/** Today in the local calendar. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What a clerk typed into a date field, read: a day, nothing (cleared), or why not. */
export type ReadDate = { iso: string } | { iso: null } | { error: string };

const EXAMPLE = 'Tulis tanggal seperti 07/12/2026.';

/** Month names and their usual short forms (Indonesian; the English ones that differ). */
const MONTHS: Record<string, number> = Object.fromEntries(
  BULAN.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]).concat([
    ['agt', 8], ['ags', 8], ['sept', 9], ['nop', 11], ['nopember', 11], ['pebruari', 2],
    ['may', 5], ['aug', 8], ['oct', 10], ['dec', 12],
  ]),
);

const two = (n: number) => String(n).padStart(2, '0');

/** Days in a month (1–12) of a year. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date as clerks type it, always day first: `7-12-2026`, `7/12/26`,
 * `07.12.2026`, `7 Des 2026`, `Senin, 7 Desember 2026`, and ISO `2026-12-07`.
 * A two-digit year is 20xx. Empty text is no date.
 */
export function readDate(text: string): ReadDate {
  const t = text.trim().replace(/^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+/i, '');
  if (!t) return { iso: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return checkDay(Number(iso[3]), Number(iso[2]), iso[1]);
  const numeric = /^(\d{1,2})\s*([-/.\s])\s*(\d{1,2})\s*\2\s*(\d+)$/.exec(t);
  if (numeric) return checkDay(Number(numeric[1]), Number(numeric[3]), numeric[4]);
  const named = /^(\d{1,2})[\s\-/.]*([a-z]+)[\s\-/.]*(\d+)$/i.exec(t);
  if (named) {
    const month = MONTHS[named[2].toLowerCase()];
    if (!month) return { error: `Bulan “${named[2]}” tidak dikenal: tulis nama bulan, mis. 7 Desember 2026, atau 07/12/2026.` };
    return checkDay(Number(named[1]), month, named[3]);
  }
  return { error: EXAMPLE };
}

/** The day `d` of month `m` of the year as written (2 or 4 digits), if it exists. */
function checkDay(d: number, m: number, yearText: string): ReadDate {
  if (yearText.length !== 2 && yearText.length !== 4)
    return { error: `Tahun “${yearText}” tidak lengkap: tulis empat angka (mis. 2026) atau dua (26). ${EXAMPLE}` };
  const y = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (y < 1900 || y > 2099) return { error: `Tahun ${y} di luar jangkauan: tulis tahun 1900 sampai 2099.` };
  const written = `${two(d)}/${two(m)}/${y}`;
  if (m < 1 || m > 12) return { error: `Tanggal ${written} tidak ada: bulan hanya 1 sampai 12.` };
  const last = daysIn(y, m);
  if (d < 1 || d > last) return { error: `Tanggal ${written} tidak ada: ${BULAN[m - 1]} ${y} hanya sampai ${last}.` };
  return { iso: `${y}-${two(m)}-${two(d)}` };
}

/** `2026-12-07` → `07/12/2026`, the form every date field shows; other text unchanged. */
export function showDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/** Why `iso` is outside `min`…`max` (either may be absent), or null. */
export function outOfRange(iso: string, min?: string, max?: string): string | null {
  if (min && iso < min) return `Tanggal paling awal ${showDate(min)}.`;
  if (max && iso > max) return `Tanggal paling akhir ${showDate(max)}.`;
  return null;
}

/** The weeks of a month, Monday first, as ISO dates; days of the months around fill the edges. */
export function monthWeeks(year: number, month: number): string[][] {
  const first = `${year}-${two(month)}-01`;
  const weekday = (new Date(parse(first)).getUTCDay() + 6) % 7;
  const start = addDays(first, -weekday);
  const count = Math.ceil((weekday + daysIn(year, month)) / 7);
  return Array.from({ length: count }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
}

/** Saturday or Sunday. */
export function isWeekend(iso: string): boolean {
  const day = new Date(parse(iso)).getUTCDay();
  return day === 0 || day === 6;
}
