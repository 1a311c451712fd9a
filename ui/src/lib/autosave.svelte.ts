// The editor's autosave: one round trip per edit. Shortly after the last
// change the core rewrites the template clauses for the facts, stores the
// draft and draws it, in one call. A change made meanwhile goes in the next
// trip, so nothing typed is lost; clauses the core rewrote come back into the
// form unless the clerk typed on (the next trip brings them). A document with
// nothing to store (just opened, another paper, a locked circular) is only
// drawn.
import { tick, untrack } from 'svelte';
import type { Backend } from './backend';
import { actor } from './actor';
import { problemOf, type Problem } from './problems';
import type { CircularDocument, CircularRecord, PaperSize, Preview } from './types';

const EDIT_PAUSE_MS = 150;

/** What the editor holds: the draft, its document as JSON (once per change), the paper, whether the form may change. */
export interface Draft {
  readonly record: CircularRecord | null;
  readonly doc: CircularDocument | null;
  readonly json: string;
  readonly paper: PaperSize;
  readonly editable: boolean;
}

/** Saves and draws the editor's draft; made while the editor component is set up (its effects live as long). */
export class Autosave {
  state = $state<'tersimpan' | 'menyimpan' | 'gagal'>('tersimpan');
  /** Why the last save was refused. */
  error = $state<Problem | null>(null);
  preview = $state<Preview | null>(null);
  previewError = $state<Problem | null>(null);
  previewBusy = $state(false);
  /** The last edit's round trip, change sent to preview shown (ms), and how many came back. */
  roundTrip = $state<number | null>(null);
  roundTrips = $state(0);

  /** The stored document as JSON. */
  #saved = '';
  /** The newer version the clerk chose to write over (after a conflict). */
  #overwrite: number | null = null;
  #pending = false;
  #saving = false;
  #pause: ReturnType<typeof setTimeout> | undefined;
  /** What the preview shows (document and paper), so it is drawn once per change. */
  #drawn = '';

  #backend: Backend;
  #draft: Draft;

  constructor(backend: Backend, draft: Draft) {
    this.#backend = backend;
    this.#draft = draft;
    // An edit: one round trip after the pause.
    $effect(() => {
      if (!draft.doc || !draft.editable) return;
      if (draft.json === this.#saved) return;
      this.#pending = true;
      this.previewBusy = true;
      // Honest from the first key: not yet stored (a failure stays said until the next try).
      untrack(() => {
        if (this.state !== 'gagal') this.state = 'menyimpan';
      });
      clearTimeout(this.#pause);
      this.#pause = setTimeout(() => this.flush(), EDIT_PAUSE_MS);
    });

    // Nothing to store: only drawn.
    $effect(() => {
      const doc = draft.doc;
      if (!doc) return;
      const json = draft.json;
      const onPaper = draft.paper;
      if ((draft.editable && json !== this.#saved) || this.#drawn === json + onPaper) return;
      const snapshot = $state.snapshot(doc) as CircularDocument;
      this.previewBusy = true;
      const timer = setTimeout(async () => {
        try {
          this.preview = await backend.circular_preview(snapshot, onPaper);
          this.previewError = null;
          this.#drawn = json + onPaper;
        } catch (e) {
          this.previewError = problemOf(e, snapshot);
        } finally {
          this.previewBusy = false;
        }
      }, EDIT_PAUSE_MS);
      return () => clearTimeout(timer);
    });
  }

  /** A draft (re)loaded: `saved` is its stored document as JSON. */
  reset(saved: string) {
    this.#saved = saved;
    this.state = 'tersimpan';
    this.error = null;
  }

  /** Sends the pending edits now, one trip after another until none is left. */
  async flush() {
    clearTimeout(this.#pause);
    if (this.#saving) return;
    this.#saving = true;
    while (this.#pending && this.#draft.doc && this.#draft.record) {
      this.#pending = false;
      const snapshot = $state.snapshot(this.#draft.doc) as CircularDocument;
      const json = JSON.stringify(snapshot);
      const onPaper = this.#draft.paper;
      this.state = 'menyimpan';
      this.previewBusy = true;
      const started = performance.now();
      try {
        // Based on the version opened: a save made meanwhile elsewhere is refused, not overwritten.
        const base = this.#overwrite ?? this.#draft.record.version;
        const { document: stored, preview: drawnNow, preview_error, ...summary } = await this.#backend.circular_edit(this.#draft.record.id, snapshot, base, onPaper, actor());
        this.#overwrite = null;
        // The core says what the draft is now (a withdrawn paraf included).
        Object.assign(this.#draft.record, summary);
        this.#saved = JSON.stringify(stored);
        if (this.#saved !== json && this.#draft.json === json) this.#draft.doc.points = stored.points;
        this.#drawn = this.#saved + onPaper;
        this.preview = drawnNow;
        this.previewError = preview_error ? problemOf(preview_error, snapshot) : null;
        this.state = 'tersimpan';
        this.error = null;
        await tick();
        this.roundTrip = Math.round((performance.now() - started) * 10) / 10;
        this.roundTrips++;
      } catch (e) {
        // Refused: nothing stored, and the pages stay those of the last stored state.
        this.state = 'gagal';
        this.error = problemOf(e, snapshot);
        this.previewError = this.error;
      } finally {
        this.previewBusy = false;
      }
    }
    this.#saving = false;
  }

  /** Writes the edits again after a failed save. */
  retry = () => {
    this.#pending = true;
    return this.flush();
  };

  /** True when the last save was refused because the draft was saved elsewhere meanwhile. */
  get conflict() {
    return this.state === 'gagal' && this.error?.code === 'diubah_di_tempat_lain';
  }

  /** After a conflict: writes the clerk's text over the newer version, on purpose. */
  overwrite = async () => {
    if (!this.#draft.record) return;
    this.#overwrite = (await this.#backend.circular_get(this.#draft.record.id)).version;
    return this.retry();
  };

  /** Saves what is on screen before a step that reads the stored draft;
   * refuses the step while it cannot be saved, so no edit is lost to it. */
  savedFirst = async () => {
    await (this.state === 'gagal' ? this.retry() : this.flush());
    if (this.state === 'gagal')
      throw { code: 'gagal_menyimpan', message: `Perubahan terakhir belum tersimpan: ${this.error?.message} Perbaiki atau simpan dulu dengan “Coba simpan lagi”.` };
  };
}
