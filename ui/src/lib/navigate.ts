import { getContext, setContext } from 'svelte';

/** Pages a notice can send the clerk to (through the side menu's own check for unsaved edits). */
export type Destination = 'kalender';

const NAVIGATE = Symbol('navigate');

export function setNavigate(go: (page: Destination) => void): void {
  setContext(NAVIGATE, go);
}

export function getNavigate(): (page: Destination) => void {
  return getContext<(page: Destination) => void>(NAVIGATE);
}
