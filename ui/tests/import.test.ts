import { within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeImportFile } from '../src/lib/fakeImport';
import { openPage, renderApp, rowTexts, screen, waitFor } from './helpers';

async function openImport() {
  const ctx = await renderApp();
  await openPage(ctx.user, 'nav-pegawai', 'page-pegawai');
  await waitFor(() => expect(screen.getByTestId('employee-total').textContent).toContain('dari 65'));
  await ctx.user.click(screen.getByTestId('employees-import'));
  await screen.findByTestId('import-dialog');
  return ctx;
}

const mapped = (field: string) => (screen.getByTestId(`import-map-${field}`) as HTMLSelectElement).value;

describe('employee import', () => {
  it('shows the file, a sample and the guessed mapping, with the required fields marked', async () => {
    await openImport();
    const dialog = screen.getByTestId('import-dialog');
    expect(screen.getByTestId('import-file').textContent).toBe('pegawai-siasn.xlsx');
    expect(screen.getByTestId('import-count').textContent).toBe('4 baris data');
    expect(screen.getByTestId('import-remembered').textContent).toContain('ditebak dari judul kolom');
    const sample = within(screen.getByTestId('import-sample'));
    expect(sample.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'NIP',
      'Nama',
      'Jenis Pegawai',
      'Golongan',
      'Jabatan',
      'Perangkat Daerah',
      'Unit Kerja',
    ]);
    expect(sample.getAllByRole('row')).toHaveLength(4);
    expect(mapped('nip')).toBe('NIP');
    expect(mapped('agency')).toBe('Perangkat Daerah');
    expect(mapped('unit')).toBe('Unit Kerja');
    expect(mapped('front_title')).toBe('');
    expect(within(dialog).getByText('— tidak dipakai —', { selector: '#import-map-eselon option' })).toBeTruthy();
    expect(dialog.querySelector('label[for="import-map-name"]')!.textContent).toBe('Nama *');
    expect(dialog.querySelector('label[for="import-map-golongan"]')!.textContent).toBe('Golongan');
  });

  it('lists every bad row by line and column and saves nothing, then imports with new agencies and units', async () => {
    const { user } = await openImport();
    await user.click(screen.getByTestId('import-confirm'));
    const errors = await screen.findByTestId('import-errors');
    expect(errors.textContent).toContain('Impor dibatalkan: 2 baris bermasalah');
    expect(rowTexts('import-error-row')).toEqual([
      'Baris 4, kolom Perangkat Daerah: Perangkat daerah "Dinas Perhubungan" belum terdaftar. Daftarkan dulu, atau impor dengan persetujuan membuat perangkat daerah baru.',
      'Baris 5, kolom Unit Kerja: Unit "Seksi Pemerintahan" tidak ada di Kecamatan Seroja Hilir. Daftarkan dulu, atau impor dengan persetujuan membuat unit baru.',
    ]);
    expect(screen.getByTestId('import-nothing-saved').textContent).toContain('Tidak ada data pegawai yang disimpan');
    expect(screen.getByTestId('employee-total').textContent).toContain('dari 65');

    await user.click(screen.getByTestId('import-create-missing'));
    await user.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByTestId('import-result')).textContent).toBe(
      'Impor selesai: 3 pegawai baru, 1 diperbarui, 1 perangkat daerah baru, 2 unit baru.',
    );
    await waitFor(() => expect(screen.getByTestId('employee-total').textContent).toContain('dari 68'));
    await waitFor(() => expect(rowTexts('agency-row').some((t) => t.includes('Dinas Perhubungan'))).toBe(true));

    // The same headers next time: the mapping is remembered.
    await user.click(screen.getByText('Tutup'));
    await user.click(screen.getByTestId('employees-import'));
    expect((await screen.findByTestId('import-remembered')).textContent).toContain('diingat');
  });

  it('refuses a mapping that leaves a required field out', async () => {
    const { user } = await openImport();
    await user.selectOptions(screen.getByTestId('import-map-name'), '');
    await user.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByTestId('import-errors')).textContent).toContain('Kolom wajib tidak ditemukan: NAMA (Nama).');
    expect(screen.queryAllByTestId('import-error-row')).toHaveLength(0);
    expect(screen.queryByTestId('import-result')).toBeNull();
  });

  describe('a SIASN export as downloaded', () => {
    afterEach(() => fakeImportFile('spreadsheet'));

    it('maps the uppercase headers, shows the eselon from each position for confirmation, and lists the skipped retired row', async () => {
      fakeImportFile('siasn');
      const { user } = await openImport();
      expect(mapped('nip')).toBe('NIP BARU');
      expect(mapped('employment')).toBe('STATUS CPNS PNS');
      expect(mapped('agency')).toBe('SATUAN KERJA KERJA NAMA');
      expect(mapped('legal_status')).toBe('KEDUDUKAN HUKUM NAMA');
      expect(mapped('eselon')).toBe('');
      expect(screen.getByTestId('import-sample-eselon').textContent).toBe('Eselon (dari jabatan)');
      expect(rowTexts('import-eselon-cell')).toEqual(['II.b', 'IV.a', '—']);
      expect(screen.getByTestId('import-eselon-note').textContent).toContain('PP 18/2016');
      expect(screen.getByTestId('import-inactive').textContent).toContain('1 baris pegawai tidak aktif');
      expect(screen.getByTestId('import-unused').textContent).toContain('TMT GOLONGAN');

      // Choosing an eselon column hides the derived one.
      await user.selectOptions(screen.getByTestId('import-map-eselon'), 'TMT GOLONGAN');
      expect(screen.queryByTestId('import-sample-eselon')).toBeNull();
      await user.selectOptions(screen.getByTestId('import-map-eselon'), '');

      await user.click(screen.getByTestId('import-create-missing'));
      await user.click(screen.getByTestId('import-confirm'));
      expect((await screen.findByTestId('import-result')).textContent).toContain('Impor selesai: 3 pegawai baru');
      expect(screen.getByTestId('import-skipped').textContent).toContain('1 baris');
      expect(rowTexts('import-skipped-row')).toEqual(['5196101011985031001AGUS SANTOSOSudah pensiun (kedudukan hukum "Pensiun"); tidak diimpor.']);
      expect(rowTexts('import-inferred-row')).toEqual(['Kepala Dinas KesehatanII.b1', 'Kepala Seksi Pelayanan Kesehatan PrimerIV.a1']);
    });
  });
});
