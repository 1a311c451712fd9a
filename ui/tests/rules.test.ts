import { fireEvent, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../src/lib/backend';
import CIRCULARS from '../src/lib/recorded/circulars.json';
import RECORDED from '../src/lib/recorded/rules.json';
import { refusals, type Scripted } from '../src/lib/replay';
import { showDate } from '../src/lib/dates';
import { hasRules, numberProblem, sameRules, toDraft, toRules } from '../src/lib/rules';
import type { RosterSummary, Rules } from '../src/lib/types';
import { expectSentRefused, openPage, renderApp, rowTexts, screen, waitFor, acceptWarnings } from './helpers';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** The demo's draft (id 2, the extension the core drafted) and its issued predecessor (id 1);
 * what the core answers about them is recorded by tests/contract.rs (`recorded/rules.json`). */
const DRAFT = 2;
const ISSUED = 1;
/** The draft's first day (14 April 2020, a Tuesday), where the roster's edits are made. */
const FIRST = CIRCULARS.summaries.find((c) => c.id === DRAFT)!.period!.start;
const DISDIKBUD = 3; // 60 teachers without a unit
const RINA = '198203152006042011';

async function openRules() {
  const ctx = await renderApp();
  await openPage(ctx.user, 'nav-pengecualian', 'page-pengecualian');
  await screen.findByTestId('rules-save');
  return ctx;
}

const cell = (date: string, employee?: number) =>
  screen
    .getAllByTestId('grid-cell')
    .filter((c) => c.dataset.date === date && (employee === undefined || c.dataset.employee === String(employee)));

/** The rules the page sent last. */
const sentRules = (backend: Scripted) => backend.sent('rules_save').at(-1)![1] as Rules;

/** The core's recorded refusal of a roster edit that breaks the picket rule, and its warnings once forced. */
const breaking = RECORDED.find((e) => e.command === 'roster_edit' && 'refused' in e)!;
const forced = RECORDED.find((e) => e.command === 'roster_edit' && (e.args[1] as { force?: boolean }).force)!;
/** The core's summary of the draft's roster with a picket of two a day. */
const generated = RECORDED.find((e) => e.command === 'roster_generate' && e.args[0] === DRAFT)!.answer as RosterSummary;

async function openRoster(backend: Backend, user: User, rules: Rules) {
  await backend.rules_save(DRAFT, rules, 'Tester');
  await openPage(user, 'nav-piket', 'page-piket');
  await user.selectOptions(await screen.findByTestId('piket-circular'), String(DRAFT));
  await user.click(screen.getByTestId('roster-generate'));
  await screen.findByTestId('roster-summary');
  await user.selectOptions(screen.getByTestId('grid-agency'), String(DISDIKBUD));
  await screen.findByTestId('agency-grid');
}

describe('the rules form model', () => {
  it('leaves out what is not ruled and compares rules regardless of order', () => {
    const form = toDraft({});
    expect(toRules(form)).toEqual({});
    expect(hasRules({ exempt_kinds: [] })).toBe(false);
    form.per_day = 2;
    form.eselon_by_kind = [{ kind: 'dinas', levels: [3, 2] }];
    form.exceptions = [{ nip: RINA, placement: 'di_rumah', reason: 'hamil', from: '', to: null, note: ' ' }];
    expect(toRules(form)).toEqual({
      eselon_by_kind: [{ kind: 'dinas', levels: [2, 3] }],
      picket: { per_day: 2, unit_kinds: [], categories: [] },
      exceptions: [{ nip: RINA, placement: 'di_rumah', reason: 'hamil' }],
    });
    expect(sameRules({ top_levels: 1, max_share_percent: 50 }, { max_share_percent: 50, top_levels: 1 })).toBe(true);
    expect(numberProblem({ ...form, max_share_percent: 12.5 })).toContain('Batas paling banyak pegawai di kantor diisi bilangan bulat');
  });
});

describe('rules of a circular', () => {
  it('edits and saves every kind of rule and shows the clauses they write', async () => {
    const { user, backend } = await openRules();
    expect((screen.getByTestId('rules-circular') as HTMLSelectElement).value).toBe(String(DRAFT));
    expect(screen.getByTestId('no-clauses')).toBeTruthy();

    await user.click(screen.getByTestId('exempt-kind-rsud'));
    await user.click(screen.getByTestId('exempt-kind-puskesmas'));
    await user.selectOptions(screen.getByTestId('exempt-agency-select'), '2');
    await user.click(screen.getByTestId('exempt-agency-add'));
    expect(rowTexts('exempt-agency-item')[0]).toContain('Dinas Kesehatan');
    await user.type(screen.getByTestId('top-levels'), '2');
    await user.click(screen.getByTestId('eselon-add'));
    await user.selectOptions(screen.getByTestId('eselon-kind'), 'kecamatan');
    await user.click(screen.getByTestId('eselon-level-3'));
    await user.type(screen.getByTestId('picket-per-day'), '2');
    await user.click(screen.getByTestId('picket-unit-kind-bidang'));
    await user.click(screen.getByTestId('picket-unit-kind-sekretariat'));
    await user.click(screen.getByTestId('picket-category-pns'));
    await user.type(screen.getByTestId('max-share'), '50');
    expect(screen.getByTestId('rules-dirty')).toBeTruthy();
    expect((screen.getByTestId('rules-insert-clauses') as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByTestId('rules-save'));
    expect((await screen.findByTestId('notice')).textContent).toBe('Aturan disimpan.');
    // The clauses shown are the core's for the rules sent.
    const clauses = within(screen.getByTestId('rule-clauses')).getAllByRole('listitem').map((li) => li.textContent);
    expect(clauses).toEqual((await backend.rules_get(DRAFT)).clauses);
    expect(screen.queryByTestId('rules-dirty')).toBeNull();

    const sent = sentRules(backend);
    expect(sent.exempt_agencies).toEqual([2]);
    expect(sent.exempt_kinds).toEqual(['rsud', 'puskesmas']);
    expect([sent.top_levels, sent.max_share_percent]).toEqual([2, 50]);
    expect(sent.picket).toEqual({ per_day: 2, unit_kinds: ['sekretariat', 'bidang'], categories: ['pns'] });
    expect(sent.eselon_by_kind).toEqual([{ kind: 'kecamatan', levels: [2, 3] }]);
  });

  it('divides units into shift groups, bounds the share both ways and caps consecutive days', async () => {
    const { user, backend } = await openRules();
    await user.type(screen.getByTestId('picket-per-day'), '1');
    await user.click(screen.getByTestId('shift-start'));
    expect(screen.getAllByTestId('shift-group')).toHaveLength(2);
    expect((screen.getByTestId('shift-day-0-rabu') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('shift-day-1-kamis') as HTMLInputElement).checked).toBe(true);
    await user.selectOptions(screen.getAllByTestId('shift-pattern')[1], 'minggu_genap');
    expect(screen.queryByTestId('shift-day-1-kamis')).toBeNull();
    await user.selectOptions(screen.getByTestId('shift-grouping'), 'per_unit');
    await user.type(screen.getByTestId('picket-max-consecutive'), '3');
    await user.type(screen.getByTestId('min-share'), '25');
    await user.type(screen.getByTestId('max-share'), '50');
    await user.click(screen.getByTestId('rules-save'));
    expect((await screen.findByTestId('notice')).textContent).toBe('Aturan disimpan.');
    const sent = sentRules(backend);
    expect(sent.picket).toEqual({
      per_day: 1,
      unit_kinds: [],
      categories: [],
      groups: [
        { name: 'A', pattern: 'hari_tertentu', weekdays: ['senin', 'rabu', 'jumat'] },
        { name: 'B', pattern: 'minggu_genap' },
      ],
      grouping: 'per_unit',
      max_consecutive: 3,
    });
    expect([sent.min_share_percent, sent.max_share_percent]).toEqual([25, 50]);
  });

  it('adds an agency missing from the office data and exempts it at once', async () => {
    const { user, backend } = await openRules();
    await user.click(screen.getByTestId('exempt-agency-new'));
    const form = await screen.findByTestId('agency-form');
    await user.type(within(form).getByTestId('agency-name'), 'Dinas Kependudukan dan Pencatatan Sipil');
    await user.click(within(form).getByTestId('agency-submit'));
    await waitFor(() => expect(screen.queryByTestId('agency-form')).toBeNull());
    expect(rowTexts('exempt-agency-item')[0]).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    await user.click(screen.getByTestId('rules-save'));
    await screen.findByTestId('notice');
    const [added] = await backend.agencies_list('Dinas Kependudukan dan Pencatatan Sipil');
    expect(sentRules(backend)).toEqual({ exempt_agencies: [added.id] });
  });

  it('adds a personal exception with the employee found by NIP, and saves it', async () => {
    const { user, backend } = await openRules();
    await user.type(screen.getByTestId('exception-nip'), RINA);
    await waitFor(() => expect(screen.getByTestId('exception-match').textContent).toContain('Rina Marlina, S.E.'));
    await user.selectOptions(screen.getByTestId('exception-reason'), 'hamil');
    await user.type(screen.getByTestId('exception-from'), '2020-04-20');
    await user.type(screen.getByTestId('exception-note'), 'surat dokter');
    await user.click(screen.getByTestId('exception-add'));

    const row = screen.getByTestId('exception-row');
    expect(row.textContent).toContain(RINA);
    expect(row.textContent).toContain('Rina Marlina, S.E.');
    expect(row.textContent).toContain('Tetap di rumah');
    expect(row.textContent).toContain('sedang hamil');
    expect(row.textContent).toContain('20 Apr 2020 s.d. akhir periode');
    expect((screen.getByTestId('exception-nip') as HTMLInputElement).value).toBe('');

    await user.click(screen.getByTestId('rules-save'));
    await screen.findByTestId('rule-clauses');
    expect(screen.getByTestId('rule-clauses').textContent).toBe((await backend.rules_get(DRAFT)).clauses.join(''));
    await user.click(within(screen.getByTestId('exception-row')).getByTestId('exception-remove'));
    expect(screen.queryByTestId('exception-row')).toBeNull();
    expect(screen.getByTestId('rules-dirty')).toBeTruthy();
    // The notice offers the row back, as it was.
    expect(screen.getByTestId('notice').firstChild?.textContent).toBe('Pengecualian Rina Marlina, S.E. dihapus.');
    await user.click(screen.getByTestId('notice-action'));
    expect(screen.getByTestId('exception-row').textContent).toContain('surat dokter');
    expect(screen.getByTestId('notice').textContent).toBe('Pengecualian Rina Marlina, S.E. dikembalikan.');
  });

  it('shows the backend refusal and keeps the form as typed', async () => {
    const { user, backend } = await openRules();
    await user.type(screen.getByTestId('picket-per-day'), '0');
    backend.refuseNext(refusals.piket_nol_orang);
    await user.click(screen.getByTestId('rules-save'));
    expect((await screen.findByTestId('rules-error')).textContent).toContain(refusals.piket_nol_orang.answer.message);
    expectSentRefused(backend, refusals.piket_nol_orang);
    expect((screen.getByTestId('picket-per-day') as HTMLInputElement).value).toBe('0');

    await user.clear(screen.getByTestId('picket-per-day'));
    await user.type(screen.getByTestId('exception-nip'), '199912312020121001');
    await waitFor(() => expect(screen.getByTestId('exception-match').textContent).toBe('NIP ini tidak terdaftar sebagai pegawai.'));
    await user.click(screen.getByTestId('exception-add'));
    expect(screen.getByTestId('exception-row').textContent).toContain('tidak terdaftar');
    backend.refuseNext(refusals.pengecualian_nip_tidak_dikenal);
    await user.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(screen.getByTestId('rules-error').textContent).toContain(refusals.pengecualian_nip_tidak_dikenal.answer.message));
    expectSentRefused(backend, refusals.pengecualian_nip_tidak_dikenal);
  });

  it('asks before dropping unsaved changes when switching circular, and shows issued rules read-only', async () => {
    const { user } = await openRules();
    await user.type(screen.getByTestId('max-share'), '25');
    const select = screen.getByTestId('rules-circular') as HTMLSelectElement;
    await user.selectOptions(select, String(ISSUED));
    await screen.findByTestId('confirm-yes');
    await user.click(screen.getByTestId('confirm-no'));
    expect(select.value).toBe(String(DRAFT));
    expect((screen.getByTestId('max-share') as HTMLInputElement).value).toBe('25');

    await user.selectOptions(select, String(ISSUED));
    await user.click(await screen.findByTestId('confirm-yes'));
    expect((await screen.findByTestId('rules-readonly')).textContent).toContain('sudah terbit');
    expect(screen.queryByTestId('rules-save')).toBeNull();
    expect(screen.queryByTestId('exception-add')).toBeNull();
    expect((screen.getByTestId('max-share') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('max-share') as HTMLInputElement).value).toBe('');
  });

  it('asks before the side menu leaves unsaved rules, and keeps them on Batal', async () => {
    const { user } = await openRules();
    await user.type(screen.getByTestId('max-share'), '25');
    await user.click(screen.getByTestId('nav-beranda'));
    expect((await screen.findByRole('dialog')).textContent).toContain('Aturan surat edaran ini sudah diubah tetapi belum disimpan');
    await user.click(screen.getByTestId('confirm-no'));
    expect(screen.getByTestId('page-pengecualian')).toBeTruthy();
    expect((screen.getByTestId('max-share') as HTMLInputElement).value).toBe('25');

    await user.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(screen.queryByTestId('rules-dirty')).toBeNull());
    await openPage(user, 'nav-beranda', 'page-beranda');
    expect(screen.queryByRole('dialog')).toBeNull();

    await openPage(user, 'nav-pengecualian', 'page-pengecualian');
    await user.clear(await screen.findByTestId('max-share'));
    await user.type(screen.getByTestId('max-share'), '75');
    await user.click(screen.getByTestId('nav-kalender'));
    await user.click(await screen.findByTestId('confirm-yes'));
    await screen.findByTestId('page-kalender');
    await openPage(user, 'nav-pengecualian', 'page-pengecualian');
    await waitFor(() => expect((screen.getByTestId('max-share') as HTMLInputElement).value).toBe('25'));
  });

  it('writes the saved clauses into the draft, before its closing point', async () => {
    const { user, backend } = await openRules();
    await user.type(screen.getByTestId('picket-per-day'), '3');
    await user.click(screen.getByTestId('rules-save'));
    await screen.findByTestId('rule-clauses');
    await user.click(screen.getByTestId('rules-insert-clauses'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('Klausul aturan disisipkan'));
    expect(backend.sent('rules_insert_clauses')).toEqual([[DRAFT, expect.any(String)]]);
    // The document holds the points the core placed the clauses among: the clauses shown, under one point.
    const points = (await backend.circular_get(DRAFT)).document.points;
    const shown = within(screen.getByTestId('rule-clauses')).getAllByRole('listitem').map((li) => li.textContent);
    expect(points.find((p) => p.clause === 'aturan')!.children.map((c) => c.text)).toEqual(shown);
  });
});

describe('picket roster', () => {
  it('generates the roster and shows an agency day by day, weekends off', async () => {
    const { user, backend } = await renderApp();
    await openRoster(backend, user, { picket: { per_day: 2, unit_kinds: [], categories: [] } });
    expect(screen.getByTestId('roster-summary').textContent).toMatch(new RegExp(`^${generated.duties} tugas piket`));
    // The grid shown is the core's: one row per teacher, each day's status and reason.
    const answer = await backend.agency_grid(DRAFT, DISDIKBUD);
    const grid = screen.getByTestId('agency-grid');
    expect(within(grid).getAllByRole('row')).toHaveLength(answer.rows.length + 1);
    for (const [day, { date }] of answer.days.entries())
      expect(cell(date).map((c) => [c.dataset.employee, c.dataset.status, c.title])).toEqual(
        answer.rows.map((r) => [String(r.employee_id), r.cells[day].status, r.cells[day].reason]),
      );
    const weekend = answer.days.filter((d) => !d.working).map((d) => d.date);
    expect(weekend).toEqual(['2020-04-18', '2020-04-19', '2020-04-25', '2020-04-26']);
    for (const date of weekend) expect(cell(date).every((c) => c.dataset.status === 'libur' && c.textContent?.trim() === 'L')).toBe(true);
    const onDuty = (date: string) => cell(date).filter((c) => c.dataset.status === 'piket').map((c) => c.dataset.employee);
    expect(onDuty(FIRST)).toHaveLength(2);
    // Someone else's turn the next day.
    expect(onDuty('2020-04-15')).toHaveLength(2);
    expect(onDuty('2020-04-15')).not.toEqual(onDuty(FIRST));
    expect(within(screen.getByTestId('grid-legend')).getByText('Piket di kantor')).toBeTruthy();
  });

  it('lists the conflicts by kind with their dates', async () => {
    const { user, backend } = await renderApp();
    await openRoster(backend, user, { picket: { per_day: 2, unit_kinds: [], categories: [] } });
    // The core's conflicts of the roster, grouped by kind, each with its message and dates.
    const { conflicts } = generated;
    const kinds = [...new Set(conflicts.map((c) => c.kind))];
    const headings = within(screen.getByTestId('roster-conflicts')).getAllByTestId('conflict-kind').map((h) => h.textContent);
    expect(headings).toEqual(kinds.map((k) => expect.stringContaining(`(${conflicts.filter((c) => c.kind === k).length})`)));
    const items = rowTexts('conflict-item');
    expect(items).toHaveLength(conflicts.length);
    const short = conflicts.find((c) => c.kind === 'unit_kurang_pegawai')!;
    const item = items.find((i) => i.includes(short.message))!;
    // Every working day of the period, the weekends left out.
    expect(item).toContain('Tanggal: 14 Apr 2020, 15 Apr 2020, 16 Apr 2020, 17 Apr 2020, 20 Apr 2020');
    expect(item).not.toContain('18 Apr 2020');
    expect(item.split('Tanggal: ')[1].split(', ')).toHaveLength(short.dates!.length);
  });

  it('asks before an edit that breaks the picket rule, then shows the warnings of the forced edit', async () => {
    const { user, backend } = await renderApp();
    await openRoster(backend, user, { picket: { per_day: 2, unit_kinds: [], categories: [] } });
    const onDuty = cell(FIRST).find((c) => c.dataset.status === 'piket')!;
    const employee = Number(onDuty.dataset.employee);

    // One click only opens the cell's menu: nothing changes yet.
    await user.click(within(onDuty).getByRole('button'));
    expect(screen.getByTestId('cell-menu').textContent).toContain('piket di kantor');
    expect(cell(FIRST, employee)[0].dataset.status).toBe('piket');
    await user.click(screen.getByTestId('cell-release'));
    expect((await screen.findByRole('dialog')).textContent).toContain(breaking.refused!.message);
    expect(backend.sent('roster_edit').at(-1)).toEqual([DRAFT, breaking.args[1]]);
    await user.click(screen.getByTestId('confirm-no'));
    expect(cell(FIRST, employee)[0].dataset.status).toBe('piket');
    expect(screen.queryByTestId('roster-warnings')).toBeNull();

    await user.click(within(cell(FIRST, employee)[0]).getByRole('button'));
    await user.click(screen.getByTestId('cell-release'));
    await user.click(await screen.findByTestId('confirm-yes'));
    expect((await screen.findByTestId('roster-warnings')).textContent).toContain((forced.answer as string[])[0]);
    expect(backend.sent('roster_edit').at(-1)).toEqual([DRAFT, forced.args[1]]);
    const released = (await backend.agency_grid(DRAFT, DISDIKBUD)).rows.find((r) => r.employee_id === employee)!.cells[0];
    await waitFor(() => expect(cell(FIRST, employee)[0].dataset.status).toBe(released.status));
    expect(cell(FIRST, employee)[0].classList.contains('manual')).toBe(true);
    expect(cell(FIRST, employee)[0].title).toBe(released.reason);

    // Putting someone on duty breaks nothing: no question, no warnings.
    const free = cell(FIRST).find((c) => c.dataset.status === 'wfh' && c.dataset.employee !== String(employee))!;
    await user.click(within(free).getByRole('button'));
    await user.click(screen.getByTestId('cell-assign'));
    await waitFor(() => expect(cell(FIRST, Number(free.dataset.employee))[0].dataset.status).toBe('piket'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByTestId('roster-warnings')).toBeNull();

    // Escape closes a menu without a change; a swap hands the duty over in one edit.
    const onDutyNow = Number(free.dataset.employee);
    await user.click(within(cell(FIRST, onDutyNow)[0]).getByRole('button'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('cell-menu')).toBeNull();
    await user.click(within(cell(FIRST, onDutyNow)[0]).getByRole('button'));
    await user.selectOptions(screen.getByTestId('cell-partner'), String(employee));
    await user.click(screen.getByTestId('cell-swap'));
    await waitFor(() => expect(cell(FIRST, employee)[0].dataset.status).toBe('piket'));
    expect(cell(FIRST, onDutyNow)[0].dataset.status).toBe('wfh');
  });

  it('tells everyone’s status on a day for the chosen agency, and exports the roster', async () => {
    const { user, backend } = await renderApp();
    await openRoster(backend, user, { picket: { per_day: 2, unit_kinds: [], categories: [] } });
    const date = screen.getByTestId('status-date') as HTMLInputElement;
    // The draft's first day is offered, and asked.
    expect(date.value).toBe(showDate(FIRST));
    await user.click(screen.getByTestId('status-query'));
    expect(backend.sent('status_list').at(-1)).toEqual([DRAFT, FIRST, DISDIKBUD]);
    // Each row shows the core's status and reason.
    const answer = await backend.status_list(DRAFT, FIRST, DISDIKBUD);
    await waitFor(() => expect(screen.getAllByTestId('status-row')).toHaveLength(answer.length));
    const rows = screen.getAllByTestId('status-row');
    expect(rows.map((r) => r.dataset.status)).toEqual(answer.map((a) => a.status));
    rows.forEach((r, i) => expect(r.textContent).toContain(answer[i].reason));
    expect(rows.find((r) => r.dataset.status === 'piket')!.textContent).toContain('Piket di kantor');
    expect(rows.find((r) => r.dataset.status === 'wfh')!.textContent).toContain('Bekerja di rumah (WFH)');

    // The period's first Sunday: everyone is off.
    await fireEvent.input(date, { target: { value: '2020-04-19' } });
    await user.click(screen.getByTestId('status-query'));
    expect(backend.sent('status_list').at(-1)).toEqual([DRAFT, '2020-04-19', DISDIKBUD]);
    const sunday = await backend.status_list(DRAFT, '2020-04-19', DISDIKBUD);
    expect(sunday.every((s) => s.status === 'libur')).toBe(true);
    await waitFor(() => expect(screen.getAllByTestId('status-row')[0].textContent).toContain(sunday[0].reason));

    await user.click(screen.getByTestId('roster-export-xlsx'));
    expect(backend.sent('roster_export').at(-1)!.slice(0, 2)).toEqual([DRAFT, 'xlsx']);
    expect((await screen.findByTestId('roster-exported')).textContent).toContain(await backend.roster_export(DRAFT, 'xlsx', 'f4'));
  });

  it('prints notices of an issued circular with progress, and can cancel them', async () => {
    const { user, backend } = await renderApp();
    await backend.rules_save(DRAFT, { picket: { per_day: 2, unit_kinds: [], categories: [] } }, 'Tester');
    await backend.circular_issue(DRAFT, { date: CIRCULARS.today, register_id: null, backdate_reason: '' }, 'Tester');
    await openPage(user, 'nav-piket', 'page-piket');
    await user.selectOptions(await screen.findByTestId('piket-circular'), String(DRAFT));
    await user.click(screen.getByTestId('roster-generate'));
    await screen.findByTestId('roster-summary');

    // Count the progress listeners still subscribed.
    let listening = 0;
    const subscribe = backend.on_notices_progress;
    backend.on_notices_progress = async (handler) => {
      const stop = await subscribe(handler);
      listening++;
      return () => (listening--, stop());
    };
    await user.click(screen.getByTestId('notices-open'));
    expect(screen.queryByTestId('notices-sign')).toBeNull(); // no certificate yet
    await user.click(screen.getByTestId('notices-start'));
    const batch = RECORDED.find((e) => e.command === 'notices_save' && e.args[0] === DRAFT)!.answer as { files: number; pages: number };
    expect((await screen.findByTestId('notices-result')).textContent).toContain(`Selesai: ${batch.files} dokumen (${batch.pages} halaman)`);
    expect(screen.queryByTestId('notices-progress')).toBeNull();

    await user.click(screen.getByTestId('notices-per-employee'));
    await user.click(screen.getByTestId('notices-start'));
    await waitFor(() => expect(screen.getByTestId('notices-progress-text').textContent).toMatch(/^\d+ dari \d+ dokumen$/));
    const total = Number(screen.getByTestId('notices-progress-text').textContent!.split(' dari ')[1].split(' ')[0]);
    const perEmployee = RECORDED.find((e) => e.command === 'notices_save' && (e.args[1] as { per_employee: boolean }).per_employee)!;
    expect(total).toBe((perEmployee.answer as { files: number }).files);
    await user.click(screen.getByTestId('notices-cancel'));
    const result = await screen.findByTestId('notices-result');
    expect(result.textContent).toContain('dibatalkan setelah');
    expect(Number(result.textContent!.match(/setelah (\d+)/)![1])).toBeLessThan(total);
    expect(listening).toBe(0);
  });

  it('signs the whole batch with one passphrase, cleared after a wrong one', async () => {
    const { user, backend } = await renderApp();
    await backend.certificate_create_internal(1, 'kata sandi kepala');
    await openPage(user, 'nav-piket', 'page-piket');
    await user.selectOptions(await screen.findByTestId('piket-circular'), String(ISSUED));
    await user.click(screen.getByTestId('roster-generate'));
    await screen.findByTestId('roster-summary');
    await user.click(screen.getByTestId('notices-open'));
    await user.click(await screen.findByTestId('notices-sign'));
    expect((screen.getByTestId('notices-cert') as HTMLSelectElement).selectedOptions[0].textContent).toContain('internal kantor');

    await user.type(screen.getByTestId('notices-pass'), 'bukan ini');
    backend.refuseNext(refusals.pemberitahuan_kata_sandi_salah);
    await user.click(screen.getByTestId('notices-start'));
    expect((await screen.findByTestId('notices-error')).textContent).toBe(refusals.pemberitahuan_kata_sandi_salah.answer.message);
    expect(backend.sent('notices_save').at(-1)![1]).toMatchObject({ sign: { passphrase: 'bukan ini' } });
    expect((screen.getByTestId('notices-pass') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('notices-result')).toBeNull();

    await user.type(screen.getByTestId('notices-pass'), 'kata sandi kepala');
    await user.click(screen.getByTestId('notices-start'));
    expect((await screen.findByTestId('notices-result')).textContent).toContain('ditandatangani secara elektronik');
    expect((screen.getByTestId('notices-pass') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('notices-error')).toBeNull();
  });

  it('offers notices only for an issued circular', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-piket', 'page-piket');
    const select = await screen.findByTestId('piket-circular');
    expect((select as HTMLSelectElement).value).toBe(String(DRAFT));
    expect(screen.queryByTestId('notices-open')).toBeNull();
    await user.selectOptions(select, String(ISSUED));
    expect(screen.getByTestId('notices-open')).toBeTruthy();
  });
});

describe('conflicts when issuing', () => {
  async function openDraftEditor(user: User) {
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.click((await screen.findAllByTestId('open-circular'))[0]);
    await screen.findByTestId('circular-editor');
  }

  it('lists what the rules leave to settle, and still lets the circular be issued', async () => {
    const { user, backend } = await renderApp();
    await backend.rules_save(DRAFT, { picket: { per_day: 2, unit_kinds: [], categories: [] } }, 'Tester');
    await openDraftEditor(user);
    await user.click(screen.getByTestId('action-terbit'));
    const warning = await screen.findByTestId('issue-conflicts');
    expect(warning.textContent).toContain('Periksa konflik berikut sebelum menerbitkan');
    // The core's conflicts, each as it says it.
    const conflicts = await backend.circular_conflicts(DRAFT);
    const items = screen.getAllByTestId('issue-conflict');
    expect(items.map((i) => i.dataset.kind)).toEqual(conflicts.map((c) => c.kind));
    items.forEach((item, i) => expect(item.textContent).toContain(conflicts[i].message));
    expect(conflicts.length).toBeGreaterThan(0);

    await acceptWarnings(user);
    await user.click(screen.getByTestId('confirm-terbit'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Terbit'));
  });

  it('says nothing about conflicts for a circular without rules, and notes when they cannot be checked', async () => {
    const { user, backend } = await renderApp();
    await openDraftEditor(user);
    await user.click(screen.getByTestId('action-terbit'));
    await screen.findByTestId('confirm-terbit');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('issue-conflicts')).toBeNull();
    expect(screen.queryByTestId('issue-conflicts-note')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Batal' }));

    const doc = (await backend.circular_get(DRAFT)).document;
    await backend.circular_edit(DRAFT, { ...doc, period: null, rules: { max_share_percent: 50 } }, null, 'f4', 'Tester');
    await user.click(screen.getByTestId('back-to-list'));
    await openDraftEditor(user);
    backend.refuseNext(refusals.konflik_tanpa_periode);
    await user.click(screen.getByTestId('action-terbit'));
    expect((await screen.findByTestId('issue-conflicts-note')).textContent).toContain(refusals.konflik_tanpa_periode.answer.message);
    await acceptWarnings(user);
    expect((screen.getByTestId('confirm-terbit') as HTMLButtonElement).disabled).toBe(false);
  });
});
