/**
 * An editor's undo history for one session: snapshots of a document (as
 * JSON text), changes in quick succession joined into one step so typing a
 * word is undone at once. Pure: the caller says what time it is.
 */

/** Changes closer together than this (ms) make one step, unless `cut` came between. */
export const STEP_MS = 700;

export class History {
  #past: string[] = [];
  #future: string[] = [];
  #current: string;
  #lastAt = -Infinity;

  constructor(initial: string) {
    this.#current = initial;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Notes `state` as the document now (`now` in ms); the same state again is no change. */
  record(state: string, now: number): void {
    if (state === this.#current) return;
    if (now - this.#lastAt > STEP_MS || !this.canUndo) this.#past.push(this.#current);
    this.#current = state;
    this.#future = [];
    this.#lastAt = now;
  }

  /** Ends the current step: the next change starts a new one (another field, a button). */
  cut(): void {
    this.#lastAt = -Infinity;
  }

  /** The state before the last step, or null when there is none. */
  undo(): string | null {
    return this.#go(this.#past, this.#future);
  }

  /** The state the last undo left, or null when there is none. */
  redo(): string | null {
    return this.#go(this.#future, this.#past);
  }

  #go(from: string[], to: string[]): string | null {
    const state = from.pop();
    if (state === undefined) return null;
    to.push(this.#current);
    this.#current = state;
    this.cut();
    return state;
  }
}
