import { getContext, setContext } from 'svelte';
import type { Backend } from './backend';
import { toBackendError } from './errors';
import type { Deleted } from './types';

/** A button offered with a notice (*Urungkan*). */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** How long a notice stays; one that offers *Urungkan* a little longer. */
const SHOWN_MS = 6000;
const UNDO_MS = 10000;

/** A page's success notice and error message (shown by `StatusBar`). */
export class PageStatus {
  notice = $state<string | null>(null);
  error = $state<string | null>(null);
  action = $state<NoticeAction | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  ok(text: string, action: NoticeAction | null = null): void {
    this.error = null;
    this.notice = text;
    this.action = action;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.notice = null;
      this.action = null;
    }, action ? UNDO_MS : SHOWN_MS);
  }

  /** Says what was deleted and offers *Urungkan* until the notice goes (or
   * the next one comes): `undo` puts it back and says what it did. */
  removed(text: string, undo: () => string | Promise<string>): void {
    this.ok(text, {
      label: 'Urungkan',
      run: async () => {
        this.action = null;
        try {
          this.ok(await undo());
        } catch (e) {
          this.fail(e);
        }
      },
    });
  }

  /** `removed` for a stored record: the core puts back what `deleted`
   * removed; `after` reloads what shows it. */
  trashed(backend: Backend, deleted: Deleted, after: () => void = () => {}): void {
    this.removed(deleted.message, async () => {
      const said = await backend.deleted_restore(deleted.token);
      after();
      return said;
    });
  }

  /** Takes row `i` out of the form list that `get` reads and `set` writes,
   * offering it back at its place; `what` names it (`Kelompok “A”`). */
  removeRow<T>(what: string, get: () => T[], set: (list: T[]) => void, i: number): void {
    const row = get()[i];
    set(get().filter((_, j) => j !== i));
    this.removed(`${what} dihapus.`, () => {
      const now = get();
      set([...now.slice(0, i), row, ...now.slice(i)]);
      return `${what} dikembalikan.`;
    });
  }

  fail(e: unknown): void {
    clearTimeout(this.#timer);
    this.notice = null;
    this.action = null;
    this.error = toBackendError(e).message;
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.notice = null;
    this.action = null;
    this.error = null;
  }
}

const KEY = Symbol('page-status');

/** Makes `status` the notice of the widgets inside this page (form lists
 * whose removed rows offer *Urungkan*). */
export function providePageStatus(status: PageStatus): PageStatus {
  return setContext(KEY, status);
}

/** The page's status (one nobody shows when the page provided none). Call
 * while the component is created. */
export function pageStatus(): PageStatus {
  return getContext<PageStatus | undefined>(KEY) ?? new PageStatus();
}
