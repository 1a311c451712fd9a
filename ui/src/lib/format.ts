/** Day names, Sunday first (as `Date.getUTCDay`). */
export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** Month names, January first. */
export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** The numbers of a `YYYY-MM-DD` that names a real day, or null. */
function parts(iso: string): { y: number; mo: number; d: number; weekday: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { y, mo, d, weekday: date.getUTCDay() };
}

/** `2020-05-25` → `Senin, 25 Mei 2020`; anything else is returned unchanged. */
export function formatTanggal(iso: string): string {
  const p = parts(iso);
  return p ? `${HARI[p.weekday]}, ${p.d} ${BULAN[p.mo - 1]} ${p.y}` : iso;
}

/** `2020-03-30` → `Sen` (a grid's column head). */
export function hariPendek(iso: string): string {
  const p = parts(iso);
  return p ? HARI[p.weekday].slice(0, 3) : '';
}

/** `2020-03-30` → `30 Mar 2020`; `withYear` false → `30 Mar`. */
export function tanggalPendek(iso: string, withYear = true): string {
  const p = parts(iso);
  if (!p) return iso;
  return `${p.d} ${BULAN[p.mo - 1].slice(0, 3)}${withYear ? ` ${p.y}` : ''}`;
}

/** Name with academic titles: `dr. Sari Wulandari, M.Kes.` */
export function fullName(p: { front_title: string; name: string; back_title: string }): string {
  const front = p.front_title.trim();
  const back = p.back_title.trim();
  return `${front ? front + ' ' : ''}${p.name}${back ? ', ' + back : ''}`;
}

/** Whole numbers with Indonesian thousands separators: 1.234 */
export function angka(n: number): string {
  return n.toLocaleString('id-ID');
}

/**
 * A circular in a dropdown: what tells it apart first (number or status,
 * then its period), the subject last, so a cut-off name still says which.
 */
export function circularChoice(c: { number: string | null; status_label: string; period_label: string | null; subject: string }): string {
  return [c.number ?? c.status_label, c.period_label, c.subject || '(tanpa perihal)'].filter(Boolean).join(' · ');
}

/** The label of a code in a reference list, or the code itself. */
export function labelOf(choices: { code: string; label: string }[], code: string | null): string {
  if (!code) return '';
  return choices.find((c) => c.code === code)?.label ?? code;
}

/** An RFC 3339 time → `24 November 2026 09.15` in the computer's time zone. */
export function formatWaktu(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getDate()} ${BULAN[t.getMonth()]} ${t.getFullYear()} ${two(t.getHours())}.${two(t.getMinutes())}`;
}
