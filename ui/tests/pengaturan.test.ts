import { describe, expect, it } from 'vitest';
import { refusals } from '../src/lib/replay';
import { expectSentRefused, openPage, renderApp, rowTexts, screen, waitFor } from './helpers';

describe('Pengaturan', () => {
  it('saves the office profile and shows the number example', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    const region = await screen.findByTestId('office-region-name');
    expect((region as HTMLInputElement).value).toBe('Tanjung Seroja');

    await user.clear(region);
    await user.type(region, 'Sungai Mas');
    await user.selectOptions(screen.getByTestId('office-region-kind'), 'kota');
    const template = screen.getByTestId('office-template');
    await user.clear(template);
    await user.type(template, '{{klasifikasi}/{{nomor}/{{unit}/{{bulan_romawi}/{{tahun}');
    await user.click(screen.getByTestId('office-submit'));

    await waitFor(() => expect(screen.getByTestId('number-example').textContent).toBe('800/439/BKPSDM/V/2020'));
    expect(screen.getByTestId('notice').textContent).toBe('Profil kantor disimpan.');
    expect(screen.getByTestId('office-line').textContent).toBe('BKPSDM · Kota Sungai Mas');
  });

  it('keeps registers: adds one that only records numbers given by another office', async () => {
    const { user, backend } = await renderApp();
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    await waitFor(() => expect(rowTexts('register-book-row')).toHaveLength(2));
    expect(rowTexts('register-book-row')[0]).toContain('kantor sendiri');
    backend.refuseNext(refusals.buku_agenda_tanpa_nama);
    await user.click(screen.getByTestId('register-book-add'));
    await user.click(screen.getByTestId('register-save'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe(refusals.buku_agenda_tanpa_nama.answer.message);
    expectSentRefused(backend, refusals.buku_agenda_tanpa_nama);
    await user.type(screen.getByTestId('register-name'), 'Pemerintah Provinsi Sumatera Selatan');
    await user.click(screen.getByTestId('register-save'));
    await waitFor(() => expect(rowTexts('register-book-row')).toHaveLength(3));
    expect(rowTexts('register-book-row')[2]).toContain('(hanya mencatat)');
  });

  it('shows a template error next to the template field', async () => {
    const { user, backend } = await renderApp();
    const refusal = refusals.templat_tanpa_nomor;
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    const template = await screen.findByTestId('office-template');
    backend.refuseNext(refusal);
    await user.clear(template);
    await user.type(template, '{{klasifikasi}/{{unit}{Enter}');
    expect((await screen.findByTestId(`error-${refusal.answer.field}`)).textContent).toBe(refusal.answer.message);
    expectSentRefused(backend, refusal);
  });

  it('picks and clears the emblem', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    await user.click(await screen.findByRole('button', { name: 'Pilih lambang…' }));
    const img = (await screen.findByTestId('emblem-preview')) as HTMLImageElement;
    expect(img.src).toMatch(/^data:image\/png;base64,/);
    await user.click(screen.getByRole('button', { name: 'Hapus lambang' }));
    await waitFor(() => expect(screen.queryByTestId('emblem-preview')).toBeNull());
  });

  it('tests a shared server\'s address, shows the core\'s refusal at the field and sends the password only with the call', async () => {
    const { user, backend } = await renderApp();
    const refusal = refusals.alamat_server_rusak;
    const { address } = refusal.given as { address: string };
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    backend.refuseNext(refusal);
    await user.type(screen.getByTestId('shared-address'), address);
    await user.type(screen.getByTestId('shared-password'), 'rahasia');
    await user.click(screen.getByTestId('shared-check'));
    expect((await screen.findByTestId('shared-address-error')).textContent).toBe(refusal.answer.message);
    expect(backend.sent('shared_db_check')).toEqual([[address, 'rahasia']]);
    expect(screen.getByTestId('shared-copy')).toBeTruthy();
  });

  it('adds a signatory, with the NIP checked by the backend', async () => {
    const { user, backend } = await renderApp();
    const refusal = refusals.penanda_tangan_nip_pendek;
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    await waitFor(() => expect(screen.getAllByTestId('signatory-row')).toHaveLength(1));
    expect((await screen.findByTestId('database-path')).textContent).toContain('edaran.db');

    await user.click(screen.getByTestId('signatory-new'));
    await user.selectOptions(screen.getByTestId('signatory-role'), 'kepala_perangkat_daerah');
    await user.type(screen.getByTestId('signatory-name'), 'Bambang Hartono');
    await user.type(screen.getByTestId('signatory-front-title'), 'Drs.');
    await user.type(screen.getByTestId('signatory-back-title'), 'M.Si.');
    await user.type(screen.getByTestId('signatory-position'), 'KEPALA BKPSDM');
    backend.refuseNext(refusal);
    await user.type(screen.getByTestId('signatory-nip'), '1978{Enter}');
    expect((await screen.findByTestId(`error-${refusal.answer.field}`)).textContent).toBe(refusal.answer.message);
    expectSentRefused(backend, refusal);

    await user.type(screen.getByTestId('signatory-nip'), '05122003121004');
    await user.selectOptions(screen.getByTestId('signatory-golongan'), 'IV/b');
    await user.click(screen.getByTestId('signatory-submit'));
    await waitFor(() => expect(screen.getAllByTestId('signatory-row')).toHaveLength(2));
    expect(rowTexts('signatory-row')[1]).toContain('Drs. Bambang Hartono, M.Si.');
    expect(rowTexts('signatory-row')[1]).toContain('Kepala Perangkat Daerah');
  });

  it('sets which kop a signatory\'s circulars use, by role unless chosen', async () => {
    const { user, backend } = await renderApp();
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    await waitFor(() => expect(screen.getAllByTestId('signatory-row')).toHaveLength(1));
    const add = async (name: string, kop: string) => {
      await user.click(screen.getByTestId('signatory-new'));
      await user.selectOptions(screen.getByTestId('signatory-role'), 'sekda');
      await user.type(screen.getByTestId('signatory-name'), name);
      await user.type(screen.getByTestId('signatory-position'), 'SEKRETARIS DAERAH');
      expect((screen.getByTestId('signatory-kop') as HTMLSelectElement).value).toBe('');
      if (kop) await user.selectOptions(screen.getByTestId('signatory-kop'), kop);
      await user.click(screen.getByTestId('signatory-submit'));
      await waitFor(() => expect(screen.queryByTestId('signatory-form')).toBeNull());
    };
    await add('Sekda Kop Kantor', 'perangkat_daerah');
    await add('Sekda Menurut Peran', '');
    // An empty kop is the core's “by role”.
    expect(backend.sent('signatory_save').map(([input]) => (input as { kop: string }).kop)).toEqual(['perangkat_daerah', '']);
  });
});
