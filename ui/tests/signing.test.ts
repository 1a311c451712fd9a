import { describe, expect, it } from 'vitest';
import { openPage, renderApp, screen, waitFor, acceptWarnings } from './helpers';

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
    const { user } = await renderApp();
    await giveFirstSignatoryACertificate(user, 'pendek');
    expect((await screen.findByTestId('certificate-error')).textContent).toBe('Kata sandi kunci penanda tangan minimal 8 karakter.');
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
    const { user } = await renderApp();
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
    await user.click(screen.getByTestId('confirm-terbit'));
    expect((await screen.findByTestId('dialog-error')).textContent).toBe('Kata sandi kunci penanda tangan salah.');
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
});
