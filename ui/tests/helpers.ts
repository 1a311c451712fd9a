import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { createFakeBackend } from '../src/lib/fakeBackend';

/** Renders the whole app on a fresh fake backend and waits for it to load. */
export async function renderApp() {
  const backend = createFakeBackend();
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
