import { fireEvent } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { HolidayGap } from '../src/lib/types';
import { openPage, renderApp, screen } from './helpers';

const GAP: HolidayGap = {
  years: [2028],
  message:
    'Daftar hari libur tahun 2028 belum dicatat; hari kerja dihitung tanpa hari libur. Impor daftar di halaman Kalender.',
};

describe('a year without a holiday list', () => {
  it('is warned of on Beranda, which offers the Kalender page', async () => {
    const { user, backend } = await renderApp();
    const dashboard = backend.dashboard;
    // 2028 as the core answers a quiet day, with the gap it would name.
    backend.dashboard = async (at) => (at?.startsWith('2028') ? { ...(await dashboard('2020-06-01')), at, holiday_gap: GAP } : dashboard(at));
    await fireEvent.input(screen.getByTestId('dashboard-date'), { target: { value: '2020-04-06' } });
    await screen.findByTestId('active-row');
    expect(screen.queryByTestId('holiday-gap')).toBeNull();
    await fireEvent.input(screen.getByTestId('dashboard-date'), { target: { value: '2028-03-01' } });
    expect((await screen.findByTestId('holiday-gap')).textContent).toContain(GAP.message);
    await user.click(screen.getByTestId('holiday-gap-open'));
    await screen.findByTestId('page-kalender');
  });

  it('is warned of in the editor for the period and on Jadwal Piket', async () => {
    const { user, backend } = await renderApp();
    const preview = backend.circular_preview;
    backend.circular_preview = async (doc, paper) => ({ ...(await preview(doc, paper)), holiday_gap: GAP });
    backend.roster_holiday_gap = async () => GAP;
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
    await user.click(screen.getByTestId('new-circular'));
    await screen.findByTestId('circular-editor');
    expect((await screen.findByTestId('holiday-gap')).textContent).toContain('tahun 2028');
    await openPage(user, 'nav-piket', 'page-piket');
    const choice = (await screen.findByTestId('piket-circular')) as HTMLSelectElement;
    await user.selectOptions(choice, choice.options[choice.options.length - 1].value);
    expect((await screen.findByTestId('holiday-gap')).textContent).toContain('tahun 2028');
    await user.click(screen.getByTestId('holiday-gap-open'));
    await screen.findByTestId('page-kalender');
  });
});
