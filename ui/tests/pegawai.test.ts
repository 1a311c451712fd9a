import { describe, expect, it } from 'vitest';
import { refusals } from '../src/lib/replay';
import { expectSentRefused, openPage, renderApp, rowTexts, screen, waitFor } from './helpers';

async function openPegawai() {
  const ctx = await renderApp();
  await openPage(ctx.user, 'nav-pegawai', 'page-pegawai');
  await waitFor(() => expect(screen.getAllByTestId('agency-row')).toHaveLength(4));
  return ctx;
}

function agencyRow(name: string) {
  const row = screen.getAllByTestId('agency-row').find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no agency row ${name}`);
  return row;
}

describe('agencies', () => {
  it('filters the list as one types', async () => {
    const { user } = await openPegawai();
    expect(agencyRow('Dinas Kesehatan').textContent).toContain('Dinas · 3 pegawai');
    await user.type(screen.getByTestId('agency-search'), 'kesehatan');
    await waitFor(() => expect(rowTexts('agency-row')).toHaveLength(1));
    expect(rowTexts('agency-row')[0]).toContain('Dinas Kesehatan');
    await user.clear(screen.getByTestId('agency-search'));
    await waitFor(() => expect(rowTexts('agency-row')).toHaveLength(4));
  });

  it('creates an agency through the form', async () => {
    const { user } = await openPegawai();
    await user.click(screen.getByTestId('agency-new'));
    const name = screen.getByTestId('agency-name');
    expect(document.activeElement).toBe(name);
    await user.type(name, 'Dinas Perhubungan');
    await user.type(screen.getByTestId('agency-short'), 'Dishub');
    await user.selectOptions(screen.getByTestId('agency-kind'), 'dinas');
    await user.click(screen.getByTestId('agency-submit'));

    await waitFor(() => expect(screen.queryByTestId('agency-form')).toBeNull());
    await waitFor(() => expect(rowTexts('agency-row').some((t) => t.includes('Dinas Perhubungan'))).toBe(true));
    expect(screen.getByTestId('notice').textContent).toBe('Perangkat daerah disimpan.');
    expect(screen.getByTestId('agency-detail').textContent).toContain('Dinas Perhubungan');
  });

  it('shows the backend error next to the name and keeps the form open', async () => {
    const { user, backend } = await openPegawai();
    const refusal = refusals.perangkat_daerah_tanpa_nama;
    backend.refuseNext(refusal);
    await user.click(screen.getByTestId('agency-new'));
    await user.type(screen.getByTestId('agency-name'), '   {Enter}');
    expect((await screen.findByTestId(`error-${refusal.answer.field}`)).textContent).toBe(refusal.answer.message);
    expectSentRefused(backend, refusal);
    expect(screen.getByTestId('agency-form')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('agency-form')).toBeNull();
  });

  it('refuses to delete an agency that still has employees', async () => {
    const { user, backend } = await openPegawai();
    const refusal = refusals.perangkat_daerah_berpegawai;
    backend.refuseNext(refusal);
    await user.click(agencyRow('Dinas Kesehatan'));
    await user.click(await screen.findByTestId('agency-delete'));
    await user.click(screen.getByTestId('confirm-yes'));

    expect((await screen.findByTestId('page-error')).textContent).toBe(refusal.answer.message);
    expectSentRefused(backend, refusal);
    expect(agencyRow('Dinas Kesehatan')).toBeTruthy();
  });

  it('deletes an agency without employees after confirmation', async () => {
    const { user } = await openPegawai();
    await user.click(agencyRow('Kecamatan Seroja Hilir'));
    await user.click(await screen.findByTestId('agency-delete'));
    await user.click(screen.getByTestId('confirm-no'));
    expect(rowTexts('agency-row')).toHaveLength(4);

    await user.click(screen.getByTestId('agency-delete'));
    await user.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(rowTexts('agency-row')).toHaveLength(3));
    expect(screen.getByTestId('notice').textContent).toBe('Perangkat daerah “Kecamatan Seroja Hilir” dihapus.Urungkan');
  });
});

describe('units', () => {
  it('adds a sub-unit under its parent', async () => {
    const { user } = await openPegawai();
    await user.click(agencyRow('Badan Kepegawaian'));
    await waitFor(() => expect(screen.getAllByTestId('unit-row')).toHaveLength(2));
    await user.click(screen.getByTestId('unit-new'));
    await user.type(screen.getByTestId('unit-name'), 'Subbagian Keuangan');
    await user.selectOptions(screen.getByTestId('unit-kind'), 'subbagian');
    await user.selectOptions(screen.getByTestId('unit-parent'), 'Sekretariat');
    await user.click(screen.getByTestId('unit-submit'));

    await waitFor(() => expect(screen.getAllByTestId('unit-row')).toHaveLength(3));
    const names = screen.getAllByTestId('unit-row').map((r) => r.querySelector('td')?.textContent);
    expect(names).toEqual(['Sekretariat', '└ Subbagian Keuangan', '└ Subbagian Umum dan Kepegawaian']);
  });
});

describe('employees', () => {
  it('lists all employees with paging', async () => {
    const { user } = await openPegawai();
    await waitFor(() => expect(screen.getByTestId('employee-total').textContent).toBe('Menampilkan 1–50 dari 65'));
    expect(screen.getAllByTestId('employee-row')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: /Berikutnya/ }));
    await waitFor(() => expect(screen.getByTestId('employee-total').textContent).toBe('Menampilkan 51–65 dari 65'));
    expect(screen.getAllByTestId('employee-row')).toHaveLength(15);
  });

  it("shows an agency's employees with their titles, and searches them", async () => {
    const { user } = await openPegawai();
    await user.click(agencyRow('Dinas Kesehatan'));
    await waitFor(() => expect(screen.getByTestId('employee-total').textContent).toBe('Menampilkan 1–3 dari 3'));
    const sari = rowTexts('employee-row').find((t) => t.includes('Sari'));
    expect(sari).toContain('dr. Sari Wulandari, M.Kes.');
    expect(sari).toContain('PNS');
    expect(sari).toContain('IV/a');

    await user.type(screen.getByTestId('employee-search'), 'dewi');
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(1));
    expect(rowTexts('employee-row')[0]).toContain('Dewi Lestari, S.Kep., Ners');
    expect(rowTexts('employee-row')[0]).toContain('PPPK');
  });

  it("shows the backend's NIP error next to the NIP field and keeps the form open", async () => {
    const { user, backend } = await openPegawai();
    const refusal = refusals.nip_pendek;
    backend.refuseNext(refusal);
    await user.click(screen.getByTestId('employee-new'));
    expect(document.activeElement).toBe(screen.getByTestId('employee-nip'));
    await user.type(screen.getByTestId('employee-nip'), '123');
    await user.type(screen.getByTestId('employee-name'), 'Budi Santoso');
    await user.type(screen.getByTestId('employee-position'), 'Analis Kepegawaian{Enter}');

    expect((await screen.findByTestId(`error-${refusal.answer.field}`)).textContent).toBe(refusal.answer.message);
    expectSentRefused(backend, refusal);
    expect(screen.getByTestId('employee-form')).toBeTruthy();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('offers golongan according to jenis pegawai', async () => {
    const { user } = await openPegawai();
    await user.click(screen.getByTestId('employee-new'));
    const golongan = screen.getByTestId('employee-golongan') as HTMLSelectElement;
    const options = () => [...golongan.options].map((o) => o.textContent);

    expect(options()).toContain('III/d — Penata Tingkat I');
    expect(options()).toHaveLength(18);
    await user.selectOptions(golongan, 'III/d');

    await user.selectOptions(screen.getByTestId('employee-employment'), 'pppk');
    expect(options().slice(1)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII']);
    expect(golongan.value).toBe('');
    expect(golongan.disabled).toBe(false);

    await user.selectOptions(screen.getByTestId('employee-employment'), 'honorer');
    expect(options()).toHaveLength(1);
    expect(golongan.disabled).toBe(true);
    expect((screen.getByTestId('employee-nip') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('employee-form').textContent).toContain('Tenaga non-ASN tidak memiliki NIP dan golongan.');
  });

  it('enables eselon only for struktural positions', async () => {
    const { user } = await openPegawai();
    await user.click(screen.getByTestId('employee-new'));
    const eselon = screen.getByTestId('employee-eselon') as HTMLSelectElement;
    expect(eselon.disabled).toBe(true);
    await user.selectOptions(screen.getByTestId('employee-position-kind'), 'struktural');
    expect(eselon.disabled).toBe(false);
    expect([...eselon.options].map((o) => o.value)).toContain('III.b');
  });

  it('saves a new employee in the selected agency and refreshes the list', async () => {
    const { user } = await openPegawai();
    await user.click(agencyRow('Dinas Kesehatan'));
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(3));
    await user.click(screen.getByTestId('employee-new'));

    expect((screen.getByTestId('employee-agency') as HTMLSelectElement).value).toBe('2');
    await waitFor(() => expect((screen.getByTestId('employee-unit') as HTMLSelectElement).options).toHaveLength(2));
    await user.type(screen.getByTestId('employee-nip'), '198807212011012005');
    await user.type(screen.getByTestId('employee-name'), 'Maya Puspita');
    await user.type(screen.getByTestId('employee-back-title'), 'S.K.M.');
    await user.selectOptions(screen.getByTestId('employee-golongan'), 'III/c');
    await user.type(screen.getByTestId('employee-position'), 'Epidemiolog Kesehatan Ahli Muda');
    await user.selectOptions(screen.getByTestId('employee-position-kind'), 'fungsional');
    await user.selectOptions(screen.getByTestId('employee-unit'), 'Bidang Pelayanan Kesehatan');
    await user.click(screen.getByTestId('employee-submit'));

    await waitFor(() => expect(screen.queryByTestId('employee-form')).toBeNull());
    expect(screen.getByTestId('notice').textContent).toBe('Pegawai disimpan.');
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(4));
    const maya = rowTexts('employee-row').find((t) => t.includes('Maya'));
    expect(maya).toContain('198807212011012005');
    expect(maya).toContain('Maya Puspita, S.K.M.');
    expect(maya).toContain('Bidang Pelayanan Kesehatan');
    await waitFor(() => expect(agencyRow('Dinas Kesehatan').textContent).toContain('4 pegawai'));
  });

  it('opens an existing employee with every field filled in', async () => {
    const { user } = await openPegawai();
    await user.click(agencyRow('Dinas Kesehatan'));
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(3));
    const dewi = screen.getAllByTestId('employee-row').find((r) => r.textContent?.includes('Dewi'))!;
    await user.click(dewi.querySelector('button.link:not(.danger)')!);

    const value = (id: string) => (screen.getByTestId(id) as HTMLInputElement | HTMLSelectElement).value;
    expect(value('employee-nip')).toBe('199002142023212018');
    expect(value('employee-employment')).toBe('pppk');
    expect(value('employee-golongan')).toBe('IX');
    expect(value('employee-position-kind')).toBe('fungsional');
    expect(value('employee-agency')).toBe('2');
    await waitFor(() => expect(value('employee-unit')).toBe('3'));

    await user.clear(screen.getByTestId('employee-position'));
    await user.type(screen.getByTestId('employee-position'), 'Perawat Ahli Muda{Enter}');
    await waitFor(() => expect(rowTexts('employee-row').some((t) => t.includes('Perawat Ahli Muda'))).toBe(true));
    expect(screen.getAllByTestId('employee-row')).toHaveLength(3);
  });

  it('deletes an employee after confirmation', async () => {
    const { user } = await openPegawai();
    await user.click(agencyRow('Dinas Kesehatan'));
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(3));
    const agus = screen.getAllByTestId('employee-row').find((r) => r.textContent?.includes('Agus Salim'))!;
    await user.click(agus.querySelector('button.danger')!);
    expect(screen.getByRole('dialog').textContent).toContain('Hapus data pegawai Agus Salim?');
    await user.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(2));
    expect(screen.getByTestId('notice').firstChild?.textContent).toBe('Pegawai “Agus Salim” dihapus.');
  });

  it('brings a deleted employee back with Urungkan, at the same place and id', async () => {
    const { user, backend } = await openPegawai();
    await user.click(agencyRow('Dinas Kesehatan'));
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(3));
    const before = rowTexts('employee-row');
    const id = (await backend.employees_list({ query: 'Agus Salim', agency_id: null, unit_id: null, limit: null, offset: 0 })).rows[0].id;
    const agus = screen.getAllByTestId('employee-row').find((r) => r.textContent?.includes('Agus Salim'))!;
    await user.click(agus.querySelector('button.danger')!);
    await user.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(screen.getAllByTestId('employee-row')).toHaveLength(2));

    await user.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(rowTexts('employee-row')).toEqual(before));
    expect(screen.getByTestId('notice').textContent).toBe('Pegawai “Agus Salim” dikembalikan.');
    expect(screen.queryByTestId('notice-action')).toBeNull();
    const back = await backend.employees_list({ query: 'Agus Salim', agency_id: null, unit_id: null, limit: null, offset: 0 });
    expect(back.rows.map((e) => e.id)).toEqual([id]);
  });
});

describe('absences', () => {
  it('records leave by NIP, lists it, names a wrong NIP at its field, and removes it', async () => {
    const { user, backend } = await openPegawai();
    const refusal = refusals.ketidakhadiran_nip_tidak_dikenal;
    const section = await screen.findByTestId('absences');
    expect(screen.getByTestId('absences-empty')).toBeTruthy();
    backend.refuseNext(refusal);
    await user.type(screen.getByTestId('absence-nip'), '199001012015031999');
    await user.type(screen.getByTestId('absence-from'), '2020-04-01');
    await user.click(screen.getByTestId('absence-add'));
    expect((await screen.findByTestId(`error-${refusal.answer.field}`)).textContent).toBe(refusal.answer.message);
    expectSentRefused(backend, refusal);
    await user.clear(screen.getByTestId('absence-nip'));
    await user.type(screen.getByTestId('absence-nip'), '198203152006042011');
    await user.selectOptions(screen.getByTestId('absence-reason'), 'sakit');
    await user.type(screen.getByTestId('absence-note'), 'rawat inap');
    await user.click(screen.getByTestId('absence-add'));
    await waitFor(() => expect(screen.getAllByTestId('absence-row')).toHaveLength(1));
    const row = rowTexts('absence-row')[0];
    expect(row).toContain('Rina Marlina');
    expect(row).toContain('Sakit');
    expect(row).toContain('rawat inap');
    expect(section.querySelector('[data-testid="error-nip"]')).toBeNull();
    await user.click(screen.getByTestId('absence-remove'));
    await waitFor(() => expect(screen.getByTestId('absences-empty')).toBeTruthy());
  });
});
