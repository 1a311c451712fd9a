import { describe, expect, it } from 'vitest';
import { openPage, renderApp, screen, waitFor } from './helpers';

describe('navigation', () => {
  it('shows the eight entries in order and switches pages', async () => {
    const { user } = await renderApp();
    const entries = screen.getAllByRole('button', { name: /./ }).filter((b) => b.dataset.testid?.startsWith('nav-'));
    expect(entries.map((b) => b.textContent?.trim())).toEqual([
      'Beranda',
      'Surat Edaran',
      'Perangkat Daerah & Pegawai',
      'Pengecualian',
      'Jadwal Piket',
      'Kalender',
      'Verifikasi Dokumen',
      'Pengaturan',
    ]);
    expect(screen.getByRole('navigation')).toBeTruthy();

    const pages: [string, string][] = [
      ['nav-surat-edaran', 'page-surat-edaran'],
      ['nav-pegawai', 'page-pegawai'],
      ['nav-pengecualian', 'page-pengecualian'],
      ['nav-piket', 'page-piket'],
      ['nav-kalender', 'page-kalender'],
      ['nav-pengaturan', 'page-pengaturan'],
      ['nav-beranda', 'page-beranda'],
    ];
    for (const [nav, page] of pages) {
      await openPage(user, nav, page);
      expect(screen.getByTestId(nav).getAttribute('aria-current')).toBe('page');
    }
  });

  it('shows the office in the header and the counts on Beranda', async () => {
    await renderApp();
    await waitFor(() => expect(screen.getByTestId('office-line').textContent).toBe('BKPSDM · Kabupaten Tanjung Seroja'));
    expect((await screen.findByTestId('overview-employees')).textContent).toContain('65');
    // The fake office's day is 6 April 2020: SE 800/1 is in force.
    expect((await screen.findAllByTestId('active-row'))[0].textContent).toContain('800/1/BKPSDM/2020');
  });

});

describe('Surat Edaran', () => {
  it('lists the stored circulars with number, date, kind and status', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await waitFor(() => expect(screen.getAllByTestId('circular-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('circular-row').map((r) => r.textContent);
    expect(rows[0]).toContain('Perpanjangan');
    expect(rows[0]).toContain('Draf');
    expect(rows[1]).toContain('800/1/BKPSDM/2020');
    expect(rows[1]).toContain('Jumat, 27 Maret 2020');
    expect(rows[1]).toContain('Terbit');
  });
});

describe('Kalender', () => {
  it('lists the holidays of 2020 with Indonesian dates and kinds', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-kalender', 'page-kalender');
    await waitFor(() => expect(screen.getAllByTestId('holiday-row')).toHaveLength(4));
    const rows = screen.getAllByTestId('holiday-row').map((r) => r.textContent);
    expect(rows[1]).toContain('Senin, 25 Mei 2020');
    expect(rows[1]).toContain('Libur Nasional');
    expect(rows[3]).toContain('Cuti Bersama');
    expect((screen.getByTestId('kalender-year') as HTMLSelectElement).value).toBe('2020');
  });
});
