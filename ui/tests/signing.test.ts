import { describe, expect, it } from 'vitest';
import { refusals } from '../src/lib/replay';
import { expectSentRefused, openPage, renderApp, screen, waitFor, acceptWarnings } from './helpers';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function giveFirstSignatoryACertificate(user: User, passphrase: string) {
  await openPage(user, 'nav-pengaturan', 'page-pengaturan');
  await user.click((await screen.findAllByTestId('signatory-certificates'))[0]);
  await screen.findByTestId('certificate-dialog');
  await user.click(screen.getByTestId('certificate-internal'));
  await user.type(screen.getByTestId('certificate-pass'), passphrase);
  await user.type(screen.getByTestId('certificate-pass2'), passphrase);
  await user.click(screen.getByTestId('certificate-submit'));
}

describe('electronic signatures', () => {
  it('refuses a short passphrase, then shows the internal certificate it made, clearly labelled', async () => {
    const { user, backend } = await renderApp();
    backend.refuseNext(refusals.kata_sandi_pendek);
    await giveFirstSignatoryACertificate(user, 'pendek');
    expect((await screen.findByTestId('certificate-error')).textContent).toBe(refusals.kata_sandi_pendek.answer.message);
    expectSentRefused(backend, refusals.kata_sandi_pendek);
    await user.type(screen.getByTestId('certificate-pass'), 'kata sandi kepala');
    await user.type(screen.getByTestId('certificate-pass2'), 'kata sandi kepala');
    await user.click(screen.getByTestId('certificate-submit'));
    const row = await screen.findByTestId('certificate-row');
    expect(row.textContent).toContain('sertifikat internal kantor');
    expect(row.textContent).toContain('Sidik jari SHA-256');
    expect(row.textContent).toMatch(/Berlaku.*s\.d\./);
    await user.click(screen.getByText('Tutup'));
    expect((await screen.findAllByTestId('trusted-root-row'))[0].textContent).toContain('akar sertifikat internal kantor');
  });

  it('keeps the draft on a wrong passphrase, issues and signs with the right one, then verifies', async () => {
    const { user, backend } = await renderApp();
    await giveFirstSignatoryACertificate(user, 'kata sandi kepala');
    await screen.findByTestId('certificate-row');
    await user.click(screen.getByText('Tutup'));

    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
    await user.click(screen.getByTestId('new-circular'));
    await screen.findByTestId('circular-editor');
    await user.click(screen.getByTestId('action-terbit'));
    await waitFor(() => expect((screen.getByTestId('issue-sign') as HTMLInputElement).checked).toBe(true));
    await user.type(screen.getByTestId('issue-pass'), 'bukan ini');
    await acceptWarnings(user);
    backend.refuseNext(refusals.terbit_kata_sandi_salah);
    await user.click(screen.getByTestId('confirm-terbit'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe(refusals.terbit_kata_sandi_salah.answer.message);
    expectSentRefused(backend, refusals.terbit_kata_sandi_salah);
    expect(screen.getByTestId('circular-status').textContent).toBe('Draf');
    expect((screen.getByTestId('issue-pass') as HTMLInputElement).value).toBe('');

    await user.type(screen.getByTestId('issue-pass'), 'kata sandi kepala');
    await user.click(screen.getByTestId('confirm-terbit'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Terbit'));
    expect(document.body.textContent).toContain('ditandatangani secara elektronik');

    await openPage(user, 'nav-verifikasi', 'page-verifikasi');
    await user.click(screen.getByTestId('verify-pick'));
    const result = await screen.findByTestId('verify-result');
    expect(screen.getByTestId('verify-intact').textContent).toBe('utuh');
    expect(screen.getByTestId('verify-trust').textContent).toBe('dipercaya');
    expect(result.textContent).toContain(screen.getByTestId('verify-qr').textContent!.split(',')[0]);
  });

  it('says of a PDF recorded from SRIKANDI what the core says: that copy, and BSrE not verified', async () => {
    const { user, backend } = await renderApp();
    const copy = 'Sama persis dengan PDF dari SRIKANDI yang dicatat untuk surat edaran 800.1.11/123/BKPSDM/2026 tanggal 5 Januari 2026.';
    const headline = `TIDAK SAH: dokumen utuh, tetapi tanda tangannya tidak dipercaya. ${copy} Sertifikat BSrE-nya tidak diverifikasi oleh Edaran.`;
    backend.document_verify_pick = async () => ({
      path: '/tmp/SE dari SRIKANDI.pdf',
      name: 'SE dari SRIKANDI.pdf',
      size: 48213,
      verification: {
        report: {
          sha256: 'ef'.repeat(32),
          signatures: [
            { certificate: null, signing_time: '2026-01-05T02:00:00Z', byte_range: [0, 10, 20, 30], intact: true, covers_whole_file: true, chain_trusted: false, in_validity: false, qr: null, problems: [], verdict: 'tidak_dipercaya' },
          ],
          verdict: 'tidak_dipercaya',
        },
        verdict: 'tidak_dipercaya',
        register_matched: false,
        headline,
        register: [null],
        srikandi: { circular_id: 3, number: '800.1.11/123/BKPSDM/2026', issued_on: '2026-01-05', text: copy },
      },
    });
    await openPage(user, 'nav-verifikasi', 'page-verifikasi');
    await user.click(screen.getByTestId('verify-pick'));
    expect((await screen.findByTestId('verify-verdict')).textContent).toBe(headline);
    expect(screen.getByTestId('verify-register').textContent).toBe(copy);
  });
});
