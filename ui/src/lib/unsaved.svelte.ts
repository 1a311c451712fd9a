import { getContext, setContext } from 'svelte';

const UNSAVED = Symbol('unsaved');

/**
 * Edits on the shown page that are not saved yet. A page sets `what` (e.g.
 * "Aturan surat edaran ini") while it has them; the side menu then asks
 * before leaving the page.
 */
export class Unsaved {
  what = $state<string | null>(null);
}

export function setUnsaved(unsaved: Unsaved): void {
  setContext(UNSAVED, unsaved);
}

/** The app's guard; pages report their unsaved edits through it. */
export function getUnsaved(): Unsaved {
  return getContext<Unsaved>(UNSAVED);
}
