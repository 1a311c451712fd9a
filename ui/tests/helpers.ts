import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { expect } from 'vitest';
import { createFakeBackend } from '../src/lib/fakeBackend';
import { scripted, type Refusal, type Scripted } from '../src/lib/replay';

/** Renders the whole app on a fresh fake backend and waits for it to load. */
export async function renderApp() {
  const backend = scripted(createFakeBackend());
  const user = userEvent.setup();
  render(App, { props: { backend } });
  await screen.findByTestId('page-beranda');
  return { backend, user };
}

export async function openPage(user: ReturnType<typeof userEvent.setup>, nav: string, page: string) {
  await user.click(screen.getByTestId(nav));
  return screen.findByTestId(page);
}

/** Ticks “Saya sudah memeriksa dan tetap menerbitkan” once the Terbitkan dialog's checklist warned. */
export async function acceptWarnings(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId('issue-override'));
}

export const rowTexts = (testid: string) => screen.queryAllByTestId(testid).map((r) => r.textContent ?? '');

export { screen, waitFor };

/** The page sent `refusal.command` with what the core refused (`given`, recorded by tests/contract.rs). */
export function expectSentRefused(backend: Scripted, refusal: Refusal) {
  const last = backend.sent(refusal.command).at(-1);
  expect(last, `${refusal.command} was not sent`).toBeDefined();
  if (refusal.given === null) return;
  const given = typeof refusal.given === 'object' ? expect.objectContaining(refusal.given as object) : refusal.given;
  // One of the arguments, or one item of a list argument (a decree's days).
  expect(last!.flatMap((arg) => (Array.isArray(arg) ? [arg, ...arg] : [arg]))).toContainEqual(given);
}
