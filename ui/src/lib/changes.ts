// Work done at another workstation (on a shared server) shows without a
// restart: while a page is open, the core's data stamp is read every few
// seconds and the page reads its data again when the stamp moved.
import type { Backend } from './backend';

const POLL_MS = 3000;

/** Calls `changed` whenever the stored data changed since the last look; returns the stop (an `$effect`'s cleanup). */
export function watchChanges(backend: Backend, changed: () => void): () => void {
  let last: string | null = null;
  const timer = setInterval(async () => {
    if (document.hidden) return;
    try {
      const stamp = await backend.data_stamp();
      if (last !== null && stamp !== last) changed();
      last = stamp;
    } catch {
      // A lost server is said where a save fails; the next look tries again.
    }
  }, POLL_MS);
  return () => clearInterval(timer);
}
