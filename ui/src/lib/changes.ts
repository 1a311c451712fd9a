// Work done at another workstation (on a shared server) shows without a
// restart: while a page is open, the core's data stamp is read every few
// seconds (polling: cheaper to keep right than a LISTEN connection per
// workstation, and the same on a file) and the page reads its data again
// when the stamp moved.
import type { Backend } from './backend';

const POLL_MS = 3000;

/** Calls `changed` whenever the stored data changed since the last look; returns the stop (an `$effect`'s cleanup). */
export function watchChanges(backend: Backend, changed: () => void): () => void {
  let last: string | null = null;
  const look = async () => {
    try {
      const stamp = await backend.data_stamp();
      if (last !== null && stamp !== last) changed();
      last = stamp;
    } catch {
      // A lost server is said where a save fails; the next look tries again.
    }
  };
  // The first look at once, as the page reads its data: a change made
  // before the next look is then seen.
  void look();
  const timer = setInterval(look, POLL_MS);
  return () => clearInterval(timer);
}
