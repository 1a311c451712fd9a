import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../src/App.svelte';
import { createFakeBackend, demoSeed } from '../src/lib/fakeBackend';
import { refusals, scripted } from '../src/lib/replay';
import type { ErrorReport } from '../src/lib/types';
import { expectSentRefused, openPage, renderApp, screen, waitFor } from './helpers';

/** The app on a computer whose shared server asked for the password at start. */
async function renderWaiting() {
  const asked = refusals.server_minta_kata_sandi;
  // Recorded from the core, so an ErrorReport (never one of the UI's own codes).
  const backend = scripted(createFakeBackend({ ...demoSeed(), signIn: asked.answer as ErrorReport }));
  const user = userEvent.setup();
  render(App, { props: { backend } });
  await screen.findByTestId('page-masuk');
  return { backend, user, asked };
}

describe('Masuk ke basis data bersama', () => {
  it('asks the password before anything loads, says a wrong one at its field, and opens the office with the right one', async () => {
    const { backend, user, asked } = await renderWaiting();
    expect(screen.getByTestId('sign-in-server').textContent).toContain('petugas@192.168.1.10/edaran');
    // What the server said at start, as a hint: nothing was tried yet.
    const said = screen.getByTestId('sign-in-password-error');
    expect(said.textContent).toBe(asked.answer.message);
    expect(said.className).toBe('hint');
    expect(screen.queryByTestId('nav-beranda')).toBeNull();
    expect(backend.sent('office_get')).toEqual([]);

    const wrong = refusals.kata_sandi_server_salah;
    backend.refuseNext(wrong);
    await user.type(screen.getByTestId('sign-in-password'), wrong.given as string);
    await user.click(screen.getByTestId('sign-in-submit'));
    await waitFor(() => expect(screen.getByTestId('sign-in-password-error').textContent).toBe(wrong.answer.message));
    expect(screen.getByTestId('sign-in-password-error').className).toBe('field-error');
    expect(screen.getByTestId('sign-in-password').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('sign-in-password') as HTMLInputElement).value).toBe('');
    expectSentRefused(backend, wrong);

    await user.type(screen.getByTestId('sign-in-password'), 'sandi kantor');
    await user.click(screen.getByTestId('sign-in-submit'));
    await screen.findByTestId('page-beranda');
    expect(backend.sent('shared_db_sign_in').at(-1)).toEqual(['sandi kantor']);
  });

  it('goes back to this computer\'s file only once the clerk confirms what that means', async () => {
    const { backend, user } = await renderWaiting();
    await user.click(screen.getByTestId('sign-in-leave'));
    await user.click(await screen.findByTestId('confirm-no'));
    expect(backend.sent('shared_db_leave')).toEqual([]);
    expect(screen.getByTestId('page-masuk')).toBeTruthy();
  });
});

describe('Pengaturan → Basis data bersama', () => {
  it('sets this computer to a server with the address and the password of that call, and says a bad address at its field', async () => {
    const { user, backend } = await renderApp();
    await openPage(user, 'nav-pengaturan', 'page-pengaturan');
    // The same reading of the address refuses it whichever button sent it.
    const refusal = { ...refusals.alamat_server_rusak, command: 'shared_db_use' as const };
    const { address } = refusal.given as { address: string };
    backend.refuseNext(refusal);
    await user.type(screen.getByTestId('shared-address'), address);
    await user.type(screen.getByTestId('shared-password'), 'rahasia');
    await user.click(screen.getByTestId('shared-use'));
    expect((await screen.findByTestId('shared-address-error')).textContent).toBe(refusal.answer.message);
    expect(backend.sent('shared_db_use')).toEqual([[address, 'rahasia']]);
    expect(screen.queryByTestId('shared-leave')).toBeNull();
  });
});
