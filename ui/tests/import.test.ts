import { within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeImportFile } from '../src/lib/fakeImport';
import IMPORTS from '../src/lib/recorded/import.json';
import { openPage, renderApp, rowTexts, screen, waitFor } from './helpers';

async function openImport() {
  const ctx = await renderApp();
  await openPage(ctx.user, 'nav-pegawai', 'page-pegawai');
  await waitFor(() => expect(screen.getByTestId('employee-total').textContent).toContain('dari 65'));
  await ctx.user.click(screen.getByTestId('employees-import'));
  await screen.findByTestId('import-dialog');
  return ctx;
}

/** The core's answers to importing the spreadsheet: without creating what is missing, with it, and without the name. */
const [refused, accepted, nameless] = IMPORTS.spreadsheet.imports;

const mapped = (field: string) => (screen.getByTestId(`import-map-${field}`) as HTMLSelectElement).value;

describe('employee import', () => {
  it('shows the file, a sample and the guessed mapping, with the required fields marked', async () => {
    await openImport();
    const dialog = screen.getByTestId('import-dialog');
    expect(screen.getByTestId('import-file').textContent).toBe('pegawai.csv');
    expect(screen.getByTestId('import-count').textContent).toBe('4 baris data');
    expect(screen.getByTestId('import-remembered').textContent).toContain('ditebak dari judul kolom');
    // The core's sample, with the eselon it reads from each position to confirm.
    const { preview } = IMPORTS.spreadsheet;
    const sample = within(screen.getByTestId('import-sample'));
    expect(sample.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([...preview.headers, 'Eselon (dari jabatan)']);
    expect(sample.getAllByRole('row')).toHaveLength(preview.sample.length + 1);
    expect(mapped('nip')).toBe('NIP');
    expect(mapped('agency')).toBe('Perangkat Daerah');
    expect(mapped('unit')).toBe('Unit Kerja');
    expect(mapped('front_title')).toBe('');
    expect(within(dialog).getByText('— tidak dipakai —', { selector: '#import-map-eselon option' })).toBeTruthy();
    expect(dialog.querySelector('label[for="import-map-name"]')!.textContent).toBe('Nama *');
    expect(dialog.querySelector('label[for="import-map-golongan"]')!.textContent).toBe('Golongan');
  });

  it('lists every bad row by line and column and saves nothing, then imports with new agencies and units', async () => {
    const { user, backend } = await openImport();
    await user.click(screen.getByTestId('import-confirm'));
    expect(backend.sent('employees_import').at(-1)!.slice(1)).toEqual([refused.mapping, false]);
    const errors = await screen.findByTestId('import-errors');
    expect(errors.textContent).toContain(refused.refused!.message);
    expect(rowTexts('import-error-row')).toEqual(refused.refused!.rows!.map((r) => `Baris ${r.line}, kolom ${r.column}: ${r.message}`));
    expect(screen.getByTestId('import-nothing-saved').textContent).toContain('Tidak ada data pegawai yang disimpan');
    expect(screen.getByTestId('employee-total').textContent).toContain('dari 65');

    await user.click(screen.getByTestId('import-create-missing'));
    await user.click(screen.getByTestId('import-confirm'));
    const summary = accepted.answer!;
    expect((await screen.findByTestId('import-result')).textContent).toBe(
      `Impor selesai: ${summary.created} pegawai baru, ${summary.updated} diperbarui, ${summary.agencies_created} perangkat daerah baru, ${summary.units_created} unit baru.`,
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
    expect((await screen.findByTestId('import-errors')).textContent).toContain(nameless.refused!.message);
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
      expect(rowTexts('import-eselon-cell')).toEqual(IMPORTS.siasn.preview.sample_eselon.map((e) => e || '—'));
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
