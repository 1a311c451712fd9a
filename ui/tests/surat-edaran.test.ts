import { describe, expect, it, vi } from 'vitest';
import CIRCULARS from '../src/lib/recorded/circulars.json';
import DRAFTING from '../src/lib/recorded/drafting.json';
import { refusals } from '../src/lib/replay';
import { expectSentRefused, openPage, renderApp, rowTexts, screen, waitFor, acceptWarnings } from './helpers';

/** The core's period clause for a period the tests set (recorded by tests/contract.rs). */
const clause = (start: string, end: string) => (DRAFTING.period_clauses as Record<string, string>)[`${start}|${end}`];
const template = DRAFTING.templates.wfh_baru;
import { within } from '@testing-library/svelte';

async function openEditorOfNew(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
  await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
  await user.click(screen.getByTestId('new-circular'));
  return screen.findByTestId('circular-editor');
}

describe('drafting a circular', () => {
  it('starts from the template, autosaves what is typed and previews it', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const points = await screen.findAllByTestId('point-text');
    expect((points[1] as HTMLTextAreaElement).value).toBe(clause(template.period.start, template.period.end));
    const subject = screen.getByTestId('c-subject');
    await user.clear(subject);
    await user.type(subject, 'Sistem Kerja Baru');
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Tersimpan'));
    const list = await backend.circulars_list();
    const saved = await backend.circular_get(list[0].id);
    expect(saved.document.subject).toBe('Sistem Kerja Baru');
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toContain('SISTEM KERJA BARU'));
  });

  it('undoes and redoes typing with Ctrl+Z / Ctrl+Shift+Z and the bar buttons, and saves each state', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const subject = screen.getByTestId('c-subject') as HTMLInputElement;
    const before = subject.value;
    expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(true);
    await user.type(subject, ' Lanjutan');
    await waitFor(() => expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(false));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect((screen.getByTestId('c-subject') as HTMLInputElement).value).toBe(before));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect((screen.getByTestId('c-subject') as HTMLInputElement).value).toBe(`${before} Lanjutan`));
    await user.click(screen.getByTestId('undo'));
    await waitFor(() => expect((screen.getByTestId('c-subject') as HTMLInputElement).value).toBe(before));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Tersimpan'));
    const list = await backend.circulars_list();
    expect((await backend.circular_get(list[0].id)).document.subject).toBe(before);
  });

  it('offers a draft deleted in the editor back on the list', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await waitFor(() => expect(screen.getAllByTestId('circular-row')).toHaveLength(2));
    const before = rowTexts('circular-row');
    await openEditorOfNew(user);
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Tersimpan'));
    await user.click(screen.getByTestId('action-hapus'));
    await user.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(rowTexts('circular-row')).toEqual(before));
    expect(screen.getByTestId('notice').firstChild?.textContent).toMatch(/^Draf “.+” dihapus\.$/);
    await user.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(rowTexts('circular-row')).toHaveLength(3));
    expect(screen.getByTestId('notice').textContent).toMatch(/^Draf “.+” dikembalikan\.$/);
  });

  it('offers a removed point back at its place', async () => {
    const { user } = await renderApp();
    await openEditorOfNew(user);
    const texts = () => screen.getAllByTestId('point-text').map((t) => (t as HTMLTextAreaElement).value);
    const before = texts();
    await user.click(screen.getAllByTestId('point-remove')[1]);
    await waitFor(() => expect(texts()).toHaveLength(before.length - 1));
    // The template's opening sentence has no number: the second box is point 1.
    expect(screen.getByTestId('notice').firstChild?.textContent).toBe('Butir 1 dihapus.');
    await user.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(texts()).toEqual(before));
    expect(screen.getByTestId('notice').textContent).toBe('Butir 1 dikembalikan.');
  });

  it('warns in the form and the preview while the kop has no emblem, and follows the signer\'s kop', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const garuda = 'Kop belum berlambang: lambang negara (Garuda) di tengah kop tidak tercetak.';
    await waitFor(() => expect(screen.getByTestId('preview-warning').textContent).toContain(garuda));
    expect(screen.getByTestId('kop-warning').textContent).toContain(garuda);
    expect((screen.getByTestId('c-kop') as HTMLSelectElement).value).toBe('kepala_daerah');

    await user.selectOptions(screen.getByTestId('c-kop'), 'perangkat_daerah');
    await waitFor(() => expect(screen.getByTestId('kop-warning').textContent).toContain('lambang daerah di kiri kop'));
    expect(screen.getByTestId('preview-warning').textContent).toContain('lambang daerah di kiri kop');

    // The signer's kop (set in Pengaturan) comes with the signer.
    await user.selectOptions(screen.getByTestId('c-signer'), '');
    await user.selectOptions(screen.getByTestId('c-signer'), '1');
    await waitFor(() => expect((screen.getByTestId('c-kop') as HTMLSelectElement).value).toBe('kepala_daerah'));

    // With an emblem in the kop the warnings go.
    const plain = backend.letterhead_for;
    backend.letterhead_for = async (kind) => ({ ...(await plain(kind)), emblem: 'iVBORw0KGgo=' });
    await user.selectOptions(screen.getByTestId('c-kop'), 'perangkat_daerah');
    await waitFor(() => expect(screen.queryByTestId('preview-warning')).toBeNull());
    expect(screen.queryByTestId('kop-warning')).toBeNull();
  });

  it('keeps a draft whose save failed: asks before leaving it, and saves it on retry', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const edit = backend.circular_edit;
    backend.circular_edit = () => Promise.reject({ code: 'basis_data', message: 'Basis data sedang dipakai.' });
    await user.type(screen.getByTestId('c-subject'), ' Lanjutan');
    await waitFor(() =>
      expect(screen.getByTestId('save-state').textContent).toContain('Belum tersimpan: Basis data sedang dipakai.'),
    );

    await user.click(screen.getByTestId('nav-beranda'));
    expect((await screen.findByRole('dialog')).textContent).toContain('Surat edaran ini sudah diubah tetapi belum disimpan');
    await user.click(screen.getByTestId('confirm-no'));
    await user.click(screen.getByTestId('back-to-list'));
    expect((await screen.findByRole('dialog')).textContent).toContain('Kembali ke daftar dan buang perubahan itu?');
    await user.click(screen.getByTestId('confirm-no'));
    expect((screen.getByTestId('c-subject') as HTMLInputElement).value).toMatch(/ Lanjutan$/);

    // Initialling would read the stored (older) draft: refused while unsaved.
    await user.click(screen.getByTestId('action-paraf'));
    await user.type(screen.getByTestId('verifier'), 'Kabid Mutasi');
    await user.click(screen.getByTestId('confirm-paraf'));
    expect((await screen.findByTestId('dialog-error')).textContent).toContain('Perubahan terakhir belum tersimpan');
    expect(screen.getByTestId('circular-status').textContent).toBe('Draf');
    await user.keyboard('{Escape}');

    backend.circular_edit = edit;
    await user.click(screen.getByTestId('save-retry'));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Tersimpan'));
    const list = await backend.circulars_list();
    expect((await backend.circular_get(list[0].id)).document.subject).toMatch(/ Lanjutan$/);
    await openPage(user, 'nav-beranda', 'page-beranda');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the clerk\'s text when another workstation saved the draft meanwhile, and writes over it only on purpose', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    backend.refuseNext(refusals.diubah_di_komputer_lain);
    await user.type(screen.getByTestId('c-subject'), ' Versi saya');
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toContain('Draf ini sudah diubah oleh Budi'));
    // The edit was sent with the version the editor opened.
    const [, , version] = backend.sent('circular_edit').at(-1)!;
    expect(version).toBe(1);
    expect((screen.getByTestId('c-subject') as HTMLInputElement).value).toMatch(/ Versi saya$/);
    expect(screen.queryByTestId('save-retry')).toBeNull();
    await user.click(screen.getByTestId('overwrite'));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Tersimpan'));
    const list = await backend.circulars_list();
    expect((await backend.circular_get(list[0].id)).document.subject).toMatch(/ Versi saya$/);
  });

  it('rewrites the period clause when the period changes, and refuses 0 days', async () => {
    const { user } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('period-selama'));
    const days = screen.getByTestId('c-days');
    await user.clear(days);
    await user.type(days, '0');
    expect((await screen.findByTestId('error-days')).textContent).toBe('Lama periode sedikitnya 1 (satu) hari.');
    await user.clear(days);
    await user.type(days, '7');
    // The core's clause for the 7 days comes back into the form.
    await waitFor(() => expect((screen.getAllByTestId('point-text')[1] as HTMLTextAreaElement).value).toBe(clause(template.period.start, '2020-04-03')));
  });

  it('shows why the preview cannot be drawn, naming the problem', async () => {
    const { user, backend } = await renderApp();
    backend.refusePreviewOf(refusals.pratinjau_tanpa_perihal);
    await openEditorOfNew(user);
    await user.clear(screen.getByTestId('c-subject'));
    expect((await screen.findByTestId('preview-error')).textContent).toContain(refusals.pratinjau_tanpa_perihal.answer.message);
  });

  it('saves the circular as Word, and for SRIKANDI with the sifat and urgensi chosen', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('action-word'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/^Berkas Word disimpan: .+\.docx$/));
    const handoff = vi.spyOn(backend, 'circular_save_srikandi');
    await user.click(screen.getByTestId('action-naskah'));
    await user.selectOptions(screen.getByTestId('srikandi-sifat'), 'terbatas');
    await user.selectOptions(screen.getByTestId('srikandi-urgensi'), 'amat_segera');
    await user.click(screen.getByTestId('confirm-naskah'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/^Naskah untuk SRIKANDI disimpan: .+\.docx; lembar metadata: .+-metadata\.txt$/));
    expect(handoff).toHaveBeenCalledWith(expect.any(Number), 'f4', 'terbatas', 'amat_segera');
  });

  it('nests a new point under the one above', async () => {
    const { user } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('c-add-point'));
    const added = screen.getAllByTestId('point').at(-1)!;
    expect(added.dataset.path).toBe('3');
    await user.click(added.querySelector('[data-testid="point-indent"]')!);
    await waitFor(() => expect(screen.getAllByTestId('point').map((p) => p.dataset.path)).toContain('2.0'));
  });

  it('initials, issues with a register number, then offers only amend, revoke or extend', async () => {
    const { user } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('action-paraf'));
    await user.type(screen.getByTestId('verifier'), 'Kabid Mutasi');
    await user.click(screen.getByTestId('confirm-paraf'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Diparaf'));
    await user.click(screen.getByTestId('action-terbit'));
    const date = screen.getByTestId('issue-date');
    await user.clear(date);
    await user.type(date, '2020-04-14');
    await acceptWarnings(user);
    await user.click(screen.getByTestId('confirm-terbit'));
    await waitFor(() => expect(screen.getByTestId('circular-number').textContent).toBe('800/2/BKPSDM/2020'));
    expect(screen.queryByTestId('action-terbit')).toBeNull();
    expect((screen.getByTestId('c-subject') as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.getByTestId('action-perpanjang')).toBeTruthy();
    expect(screen.getByTestId('action-batal')).toBeTruthy();
  });

  it('shows as chosen the signatory the core found the circular signed by', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.click((await screen.findAllByTestId('open-circular')).find((b) => b.textContent === 'Draf')!);
    const signer = (await screen.findByTestId('c-signer')) as HTMLSelectElement;
    // Recorded by tests/contract.rs: the core's Signature::is_by over the fake's signatories.
    const held = Object.values(CIRCULARS.documents).find((d) => d.signatory_id !== null)!;
    await waitFor(() => expect(signer.value).toBe(String(held.signatory_id)));
  });

  it('keeps a cancelled number in the register with its reason', async () => {
    const { user, backend } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.click((await screen.findAllByTestId('open-circular')).find((b) => b.textContent === '800/1/BKPSDM/2020')!);
    await user.click(await screen.findByTestId('action-batal'));
    backend.refuseNext(refusals.pembatalan_tanpa_alasan);
    await user.click(screen.getByTestId('confirm-batal'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe(refusals.pembatalan_tanpa_alasan.answer.message);
    expectSentRefused(backend, refusals.pembatalan_tanpa_alasan);
    await user.type(screen.getByTestId('cancel-reason'), 'Salah alamat');
    await user.click(screen.getByTestId('confirm-batal'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Nomor dibatalkan'));
    await user.click(screen.getByTestId('back-to-list'));
    await user.click(await screen.findByTestId('tab-agenda'));
    await waitFor(() => expect(rowTexts('register-row')[0]).toContain('Dibatalkan'));
    expect(rowTexts('register-row')[0]).toContain('Salah alamat');
  });

  it('records a draft numbered by another register, refuses the same number twice there, and lists it as Dicatat', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('action-catat'));
    const dialog = await screen.findByTestId('record-dialog');
    expect(Array.from(dialog.querySelectorAll('option')).map((o) => o.textContent)).toEqual(['Buku Agenda BKPSDM', 'Bagian Organisasi Setda']);
    await user.type(screen.getByTestId('record-number'), '061/412/ORG');
    await user.click(screen.getByTestId('confirm-catat'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe('Tanggal surat yang dicatat wajib diisi.');
    await user.type(screen.getByTestId('record-date'), '2020-07-28');
    await user.selectOptions(screen.getByTestId('record-register'), '2');
    await user.click(screen.getByTestId('confirm-catat'));
    await waitFor(() => expect(screen.getByTestId('circular-number').textContent).toBe('061/412/ORG'));
    expect(screen.getByTestId('circular-status').textContent).toBe('Terbit');
    expect(screen.queryByTestId('record-dialog')).toBeNull();
    expect(screen.getByTestId('action-perpanjang')).toBeTruthy();

    await user.click(screen.getByTestId('back-to-list'));
    await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
    await user.click(screen.getByTestId('new-circular'));
    await user.click(await screen.findByTestId('action-catat'));
    await user.type(await screen.findByTestId('record-number'), '061/412/org');
    await user.type(screen.getByTestId('record-date'), '2020-07-29');
    await user.selectOptions(screen.getByTestId('record-register'), '2');
    backend.refuseNext(refusals.nomor_sudah_dicatat);
    await user.click(screen.getByTestId('confirm-catat'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe(refusals.nomor_sudah_dicatat.answer.message);
    expectSentRefused(backend, refusals.nomor_sudah_dicatat);
    expect(screen.getByTestId('circular-status').textContent).toBe('Draf');
    await user.keyboard('{Escape}');

    await user.click(screen.getByTestId('back-to-list'));
    await user.click(await screen.findByTestId('tab-agenda'));
    await waitFor(() => expect(rowTexts('register-row').find((r) => r.includes('061/412/ORG'))).toContain('Bagian Organisasi Setda'));
    expect(rowTexts('register-row').find((r) => r.includes('061/412/ORG'))).toContain('Dicatat');
  });

  it('records SRIKANDI\'s number with its signed PDF, asking to confirm what the core warns of, and lists it as Dicatat dari SRIKANDI', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const record = backend.circular_record_srikandi;
    const sent: { path: string; confirmed: boolean }[] = [];
    // The core's refusal until the clerk confirms the PDF's warning.
    backend.circular_record_srikandi = (id, recording, path, confirmed, actor) => {
      sent.push({ path, confirmed });
      if (!confirmed)
        return Promise.reject({ code: 'pdf_perlu_konfirmasi', field: 'pdf', message: 'Periksa PDF ini sebelum dilampirkan: Nomor 800.1.11/123/BKPSDM/2026 tidak ditemukan di PDF (halaman 1).' });
      return record(id, recording, path, confirmed, actor);
    };
    await user.click(screen.getByTestId('action-srikandi'));
    const dialog = await screen.findByTestId('record-dialog');
    expect(dialog.closest('[role="dialog"]')?.textContent).toContain('Catat nomor dari SRIKANDI');
    await user.type(screen.getByTestId('record-number'), '800.1.11/123/BKPSDM/2026');
    await user.type(screen.getByTestId('record-date'), '2026-01-05');
    await user.click(screen.getByTestId('confirm-catat'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe('Pilih PDF bertanda tangan yang diunduh dari SRIKANDI.');
    expect(sent).toEqual([]);

    await user.click(screen.getByTestId('record-pdf-pick'));
    expect((await screen.findByTestId('record-pdf')).textContent).toContain('SE dari SRIKANDI.pdf · 48.213 bita · 1 tanda tangan elektronik');
    expect(screen.queryByTestId('record-pdf-confirm')).toBeNull();
    await user.click(screen.getByTestId('confirm-catat'));
    expect((await screen.findByTestId('dialog-error')).textContent).toContain('tidak ditemukan di PDF');
    expect(screen.getByTestId('circular-status').textContent).toBe('Draf');
    await user.click(await screen.findByTestId('record-pdf-confirm'));
    await user.click(screen.getByTestId('confirm-catat'));
    await waitFor(() => expect(screen.getByTestId('circular-number').textContent).toBe('800.1.11/123/BKPSDM/2026'));
    expect(screen.getByTestId('circular-status').textContent).toBe('Terbit');
    expect(screen.getByTestId('notice').textContent).toContain('dari SRIKANDI dicatat dan PDF bertanda tangannya disimpan');
    expect(sent).toEqual([
      { path: '/tmp/SE dari SRIKANDI.pdf', confirmed: false },
      { path: '/tmp/SE dari SRIKANDI.pdf', confirmed: true },
    ]);

    await user.click(screen.getByTestId('back-to-list'));
    await user.click(await screen.findByTestId('tab-agenda'));
    await waitFor(() => expect(rowTexts('register-row').find((r) => r.includes('800.1.11/123/BKPSDM/2026'))).toContain('Dicatat dari SRIKANDI'));
  });

  it('asks why when the core refuses a date before the register\'s last entry, then issues with the reason', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const issue = backend.circular_issue;
    const asked: string[] = [];
    backend.circular_issue = (id, how, actor) => {
      asked.push(how.backdate_reason);
      if (!how.backdate_reason)
        return Promise.reject({ code: 'tanggal_mundur', field: 'date', message: 'Tanggal 1 April 2020 lebih awal dari nomor terakhir buku agenda Buku Agenda BKPSDM: 800/2/BKPSDM/2020 tanggal 13 April 2020.' });
      return issue(id, how, actor);
    };
    await user.click(screen.getByTestId('action-terbit'));
    await acceptWarnings(user);
    await user.click(screen.getByTestId('confirm-terbit'));
    expect((await screen.findByTestId('issue-backdate')).textContent).toContain('800/2/BKPSDM/2020 tanggal 13 April 2020');
    expect(screen.getByTestId('circular-status').textContent).toBe('Draf');
    await user.type(screen.getByTestId('issue-backdate-reason'), 'Ditandatangani Bupati 1 April');
    await user.click(screen.getByTestId('confirm-terbit'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Terbit'));
    expect(asked).toEqual(['', 'Ditandatangani Bupati 1 April']);
  });

  it('sends the classification code found by a word, the register code until then', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    const sent: (string | null | undefined)[] = [];
    const issue = backend.circular_issue;
    backend.circular_issue = async (id, how, actor) => {
      sent.push(how.classification);
      return issue(id, how, actor);
    };
    await user.click(screen.getByTestId('action-terbit'));
    const code = screen.getByTestId('issue-classification') as HTMLInputElement;
    await waitFor(() => expect(code.value).toBe('800'));
    await user.clear(code);
    await user.type(code, 'cuti');
    const list = await screen.findByTestId('issue-classification-list');
    expect(list.textContent).toContain('800.1.11.4 Cuti Tahunan');
    await user.click(within(list).getByText('Cuti Tahunan'));
    expect(code.value).toBe('800.1.11.4');
    expect((await screen.findByTestId('issue-classification-name')).textContent).toBe('Cuti Tahunan');
    await acceptWarnings(user);
    await user.click(screen.getByTestId('confirm-terbit'));
    await waitFor(() => expect(sent).toEqual(['800.1.11.4']));
  });

  it('issues from the register chosen in the dialog', async () => {
    const { user } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('action-terbit'));
    await waitFor(() => expect(screen.getByTestId('issue-register').querySelectorAll('option')).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('issue-register'), '2');
    const date = screen.getByTestId('issue-date');
    await user.clear(date);
    await user.type(date, '2020-06-01');
    await acceptWarnings(user);
    await user.click(screen.getByTestId('confirm-terbit'));
    await waitFor(() => expect(screen.getByTestId('circular-number').textContent).toBe('061/1/ORG/2020'));
  });
});
