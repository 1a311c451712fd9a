import { describe, expect, it } from 'vitest';
import CIRCULARS from '../src/lib/recorded/circulars.json';
import { acceptWarnings, openPage, renderApp, rowTexts, screen, waitFor } from './helpers';

/** The core's answer to deriving from SE 800/1 (recorded by tests/contract.rs). */
const derived = (key: keyof typeof CIRCULARS.derived) => CIRCULARS.derived[key].answer;
const draft = CIRCULARS.summaries.find((c) => c.status === 'draf')!;

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function openIssued(user: User) {
  await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
  await user.click((await screen.findAllByTestId('open-circular')).find((b) => b.textContent === '800/1/BKPSDM/2020')!);
  return screen.findByTestId('circular-editor');
}

describe('one draft per intent', () => {
  it('lists a draft with its parent and period', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await screen.findAllByTestId('circular-row');
    expect(rowTexts('draft-origin')).toEqual([`${draft.origin}, ${draft.period_label}`]);
  });

  it('opens the extension already started, naming it, and makes another only when asked', async () => {
    const { user, backend } = await renderApp();
    await openIssued(user);
    await user.click(screen.getByTestId('action-perpanjang'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Draf'));
    expect(screen.getByTestId('editor-notice').textContent).toContain(derived('perpanjangan||false|1,2').message);
    const before = (await backend.circulars_list()).length;

    await user.click(screen.getByTestId('derive-another'));
    await waitFor(() => expect(screen.getByTestId('editor-notice').textContent).toContain(derived('perpanjangan||true|1,2').message));
    expect(screen.queryByTestId('derive-another')).toBeNull();
    expect((await backend.circulars_list()).length).toBe(before + 1);
  });

  it('asks in the options dialog before a second extension', async () => {
    const { user, backend } = await renderApp();
    await openIssued(user);
    await user.click(screen.getByTestId('action-perpanjang-pilihan'));
    await user.type(screen.getByTestId('ext-days'), '7');
    await user.click(screen.getByTestId('confirm-perpanjang'));
    expect((await screen.findByTestId('ext-existing')).textContent).toContain(`${derived('perpanjangan|7|false|1,2').name} sudah ada.`);
    const before = (await backend.circulars_list()).length;
    await user.click(screen.getByTestId('ext-another'));
    await waitFor(() => expect(screen.getByTestId('editor-notice').textContent).toContain('disusun.'));
    expect((await backend.circulars_list()).length).toBe(before + 1);
  });
});

describe('rules belong to the drafting', () => {
  it('lists the core\'s checklist when issuing and needs a conscious override for its warnings', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
    await user.click(screen.getByTestId('new-circular'));
    await screen.findByTestId('circular-editor');
    await user.click(screen.getByTestId('action-terbit'));
    await screen.findByTestId('issue-checklist');
    const failing = () => screen.getAllByTestId('issue-check').filter((c) => !c.classList.contains('ok')).map((c) => c.dataset.code);
    expect(failing()).toEqual(['paraf', 'aturan', 'lambang']);
    expect(screen.getAllByTestId('issue-check')[0].textContent).toContain('Draf ini belum pernah diparaf.');
    const confirm = screen.getByTestId('confirm-terbit') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await acceptWarnings(user);
    expect(confirm.disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Batal' }));

    // Initialled, the paraf line is done.
    await user.click(screen.getByTestId('action-paraf'));
    await user.type(screen.getByTestId('verifier'), 'Kabid');
    await user.click(screen.getByTestId('confirm-paraf'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Diparaf'));
    await user.click(screen.getByTestId('action-terbit'));
    await screen.findByTestId('issue-checklist');
    expect(failing()).toEqual(['aturan', 'lambang']);
  });

  it('opens Pengecualian on the draft from the editor, and offers an amendment once issued', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.click((await screen.findAllByTestId('open-circular')).find((b) => b.textContent === 'Draf')!);
    await screen.findByTestId('circular-editor');
    await user.click(screen.getByTestId('action-aturan'));
    await screen.findByTestId('page-pengecualian');
    await waitFor(() => expect((screen.getByTestId('rules-circular') as HTMLSelectElement).value).toBe('2'));
    expect(await screen.findByTestId('rules-save')).toBeTruthy();

    await user.selectOptions(screen.getByTestId('rules-circular'), '1');
    await user.click(await screen.findByTestId('rules-amend'));
    await waitFor(() => expect(document.body.textContent).toContain(`${derived('perubahan||false|1,2').message} Aturannya dapat diubah di sini.`));
    expect((screen.getByTestId('rules-circular') as HTMLSelectElement).value).not.toBe('1');
    expect(await screen.findByTestId('rules-save')).toBeTruthy();
    expect(screen.queryByTestId('rules-readonly')).toBeNull();
  });
});
