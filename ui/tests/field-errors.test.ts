import { describe, expect, it } from 'vitest';
import { refusals } from '../src/lib/replay';
import { openPage, renderApp, screen, waitFor } from './helpers';
import type { CircularDocument } from '../src/lib/types';

async function openEditorOfNew(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
  await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
  await user.click(screen.getByTestId('new-circular'));
  return screen.findByTestId('circular-editor');
}

const emptyPoint = (doc: CircularDocument) => doc.points.findIndex((p) => !p.text.trim());

describe('problems at their fields', () => {
  it('marks the field the core named, dims the stale preview, and clears the mark as the field is corrected', async () => {
    const { user, backend } = await renderApp();
    const refusal = refusals.pratinjau_tanpa_perihal;
    backend.refusePreviewOf(refusal);
    await openEditorOfNew(user);
    await screen.findByTestId('preview-page');
    const subject = screen.getByTestId('c-subject');
    await user.clear(subject);
    expect((await screen.findByTestId(`problem-${refusal.answer.field}`)).textContent).toBe(refusal.answer.message);
    expect(subject.closest('.field')!.classList.contains('has-error')).toBe(true);
    expect(screen.getByTestId('preview').dataset.stale).toBe('true');

    await user.type(subject, 'S');
    // Gone with the first letter, before the preview is drawn again.
    expect(screen.queryByTestId('problem-subject')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('preview').dataset.stale).toBe('false'));
  });

  it('says a refused save is not saved, at the field it names', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    // The core refuses to store a period that ends before it starts.
    const edit = backend.circular_edit;
    backend.circular_edit = async (id, doc, version, paper, actor) => {
      if (doc.period?.end && doc.period.end < doc.period.start)
        throw { code: 'periode_terbalik', field: 'period', message: 'Tanggal “sampai dengan” sebelum tanggal mulai.' };
      return edit(id, doc, version, paper, actor);
    };
    const end = screen.getByTestId('c-end');
    await user.clear(end);
    await user.type(end, '01/01/2020');
    await user.tab();
    await waitFor(() =>
      expect(screen.getByTestId('save-state').textContent).toBe('Belum tersimpan: Tanggal “sampai dengan” sebelum tanggal mulai.'),
    );
    expect(screen.getByTestId('problem-period').textContent).toBe('Tanggal “sampai dengan” sebelum tanggal mulai.');
  });

  it('does not call a new point empty while the clerk is typing into it', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    // The core saves the draft and says why it cannot draw it yet.
    const edit = backend.circular_edit;
    backend.circular_edit = async (id, doc, version, paper, actor) => {
      const edited = await edit(id, doc, version, paper, actor);
      const at = emptyPoint(doc);
      if (at < 0) return edited;
      return { ...edited, preview: null, preview_error: { code: 'butir_kosong', field: 'points', message: `Butir ${at + 1}. kosong; isi atau hapus butir itu.` } };
    };
    await user.click(screen.getByTestId('c-add-point'));
    const boxes = screen.getAllByTestId('point-text');
    expect(document.activeElement).toBe(boxes.at(-1));
    await new Promise((r) => setTimeout(r, 400));
    expect(screen.queryByTestId('problem-points')).toBeNull();
    expect(screen.queryByTestId('preview-error')).toBeNull();

    // Left empty, it is.
    await user.click(screen.getByTestId('c-subject'));
    expect((await screen.findByTestId('problem-points')).textContent).toContain('kosong; isi atau hapus butir itu.');
  });

  it('takes the clerk to the field when initialling refuses it', async () => {
    const { user, backend } = await renderApp();
    const refusal = refusals.paraf_tanpa_perihal;
    await openEditorOfNew(user);
    await user.clear(screen.getByTestId('c-subject'));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Tersimpan'));
    await user.click(screen.getByTestId('c-place'));
    await user.click(screen.getByTestId('action-paraf'));
    await user.type(screen.getByTestId('verifier'), 'Kabid Mutasi');
    backend.refuseNext(refusal);
    await user.click(screen.getByTestId('confirm-paraf'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId(`problem-${refusal.answer.field}`).textContent).toBe(refusal.answer.message);
    expect(document.activeElement).toBe(screen.getByTestId('c-subject'));
  });
});

describe('an initialled draft', () => {
  it('stays locked until the clerk chooses to change it and withdraw the paraf', async () => {
    const { user, backend } = await renderApp();
    await openEditorOfNew(user);
    await user.click(screen.getByTestId('action-paraf'));
    await user.type(screen.getByTestId('verifier'), 'Kabid Mutasi');
    await user.click(screen.getByTestId('confirm-paraf'));
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Diparaf'));

    const subject = screen.getByTestId('c-subject') as HTMLTextAreaElement;
    expect(subject.disabled).toBe(true);
    expect(screen.getByTestId('paraf-lock').textContent).toContain('Mengubah isinya membatalkan paraf');
    expect(screen.getByTestId('circular-status').textContent).toBe('Diparaf');

    await user.click(screen.getByTestId('paraf-unlock'));
    expect(subject.disabled).toBe(false);
    expect(screen.queryByTestId('paraf-lock')).toBeNull();
    await user.type(subject, ' (revisi)');
    await waitFor(() => expect(screen.getByTestId('circular-status').textContent).toBe('Draf'));
    const list = await backend.circulars_list();
    expect((await backend.circular_audit(list[0].id)).map((e) => e.action)).toContain('paraf dibatalkan');
  });
});
