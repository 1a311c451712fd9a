import { fireEvent } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CIRCULARS from '../src/lib/recorded/circulars.json';
import { refusals } from '../src/lib/replay';
import { expectSentRefused, openPage, renderApp, rowTexts, screen, waitFor } from './helpers';

async function showDay(day: string) {
  await fireEvent.input(screen.getByTestId('dashboard-date'), { target: { value: day } });
}

describe('Beranda: periods in force', () => {
  it('shows the arrangement, its chain and the timeline on a chosen day', async () => {
    await renderApp();
    // The core's dashboard of that day (recorded by tests/contract.rs): Good Friday is not a working day.
    const board = CIRCULARS.dashboards['2020-04-06|1,2'];
    await showDay('2020-04-06');
    await waitFor(() => expect(rowTexts('active-row')).toHaveLength(board.active.length));
    expect(screen.getByTestId('working-days-left').textContent).toBe(String(board.active[0].working_days_left));
    expect(screen.getByTestId('chain').textContent).toMatch(/800\/1\/BKPSDM\/2020\s*→\s*draf/);
    const bars = screen.getAllByTestId('timeline-bar');
    expect(bars.length).toBe(2);
    expect(bars.some((b) => b.classList.contains('draft'))).toBe(true);
    await fireEvent.mouseEnter(bars[0]);
    expect(screen.getByTestId('timeline-detail').textContent).toContain('30 Maret 2020');
    expect(screen.getByTestId('no-alerts')).toBeTruthy();
  });

  it('offers to jump to the last arrangement on a quiet day', async () => {
    const { user } = await renderApp();
    await showDay('2020-06-01');
    await user.click(await screen.findByTestId('jump-last'));
    await waitFor(() => expect(rowTexts('active-row')).toHaveLength(1));
  });

  it('warns before the end with no successor and extends in one click', async () => {
    const { user, backend } = await renderApp();
    await backend.circular_delete(2);
    await showDay('2020-04-09');
    const alert = await screen.findByTestId('alert');
    expect(alert.dataset.kind).toBe('segera_berakhir');
    await user.click(screen.getByTestId('alert-action'));
    await screen.findByTestId('circular-editor');
    const subject = screen.getByTestId('c-subject') as HTMLInputElement;
    expect(subject.value).toMatch(/^Perpanjangan /);
    const drafts = (await backend.circulars_list()).filter((c) => c.parent_id === 1);
    expect(drafts).toHaveLength(1);
  });
});

describe('Kalender: amendments', () => {
  it('records a new decree for the year and refuses a day of another year', async () => {
    const { user, backend } = await renderApp();
    await openPage(user, 'nav-kalender', 'page-kalender');
    await user.click(await screen.findByTestId('amend'));
    await user.click(screen.getByTestId('amend-add'));
    const rows = screen.getAllByTestId('amend-row');
    const last = rows[rows.length - 1];
    const [date, name] = last.querySelectorAll('input');
    await fireEvent.input(date, { target: { value: '2021-12-28' } });
    await user.type(name, 'Cuti bersama pengganti Idul Fitri');
    await user.type(screen.getByTestId('decree-title'), 'SKB perubahan 2020');
    backend.refuseNext(refusals.hari_libur_tahun_lain);
    await user.click(screen.getByTestId('amend-save'));
    expect((await screen.findByRole('alert')).textContent).toContain(refusals.hari_libur_tahun_lain.answer.message);
    expectSentRefused(backend, refusals.hari_libur_tahun_lain);
    await fireEvent.input(date, { target: { value: '2020-12-28' } });
    await user.click(screen.getByTestId('amend-save'));
    await waitFor(() => expect(rowTexts('holiday-row').some((r) => r.includes('pengganti Idul Fitri'))).toBe(true));
    expect(rowTexts('holiday-row').every((r) => r.includes('SKB perubahan 2020'))).toBe(true);
  });
});

describe('Surat Edaran: search', () => {
  it('narrows the list by words and filters, with the match marked', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await waitFor(() => expect(rowTexts('circular-row').length).toBeGreaterThan(1));
    await user.type(screen.getByTestId('circular-search'), '800/1');
    // What the core's search found (recorded): the circular and the extension citing it, marked.
    const hits = CIRCULARS.searches['800/1|{"kind":null,"status":null,"year":null}'];
    await waitFor(() => expect(rowTexts('circular-row')).toHaveLength(hits.length));
    expect(screen.getAllByTestId('snippet').map((s) => s.querySelector('mark')?.textContent ?? null)).toContain('800');
    await user.selectOptions(screen.getByTestId('search-status'), 'draf');
    const drafts = CIRCULARS.searches['800/1|{"kind":null,"status":"draf","year":null}'];
    await waitFor(() => expect(rowTexts('circular-row')).toHaveLength(drafts.length));
    expect(rowTexts('circular-row')[0]).toContain('Draf');
  });
});

describe('Pengaturan: alert threshold', () => {
  it('refuses 0 working days with the reason', async () => {
    const { user, backend } = await renderApp();
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    const input = await screen.findByTestId('alert-days');
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('3'));
    await user.clear(input);
    await user.type(input, '0');
    backend.refuseNext(refusals.peringatan_nol_hari);
    await user.click(screen.getByTestId('alert-days-save'));
    expect((await screen.findByTestId('alert-days-error')).textContent).toBe(refusals.peringatan_nol_hari.answer.message);
    expectSentRefused(backend, refusals.peringatan_nol_hari);
  });
});
