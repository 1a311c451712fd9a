import { toBackendError } from './errors';

/** A page's success notice and error message (shown by `StatusBar`). */
export class PageStatus {
  notice = $state<string | null>(null);
  error = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  ok(text: string): void {
    this.error = null;
    this.notice = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.notice = null), 6000);
  }

  fail(e: unknown): void {
    clearTimeout(this.#timer);
    this.notice = null;
    this.error = toBackendError(e).message;
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.notice = null;
    this.error = null;
  }
}
