import { getContext, setContext } from 'svelte';
import { commands, type Commands } from './generated/commands';
import { listen } from '@tauri-apps/api/event';
import type { NoticeProgress, ReferenceData } from './types';

/** The backend: every command (generated from the Rust handlers) and the events the page hears. */
export interface Backend extends Commands {
  /** Calls `handler` with the paths of files dropped on the window; returns the unsubscribe. */
  on_file_drop(handler: (paths: string[]) => void): Promise<() => void>;
  /** Calls `handler` on each `notices-progress` event; returns the unsubscribe. */
  on_notices_progress(handler: (p: NoticeProgress) => void): Promise<() => void>;
}

export const tauriBackend: Backend = {
  ...commands,
  // The app records dropped files as chosen before it announces them.
  on_file_drop: (handler) => listen<string[]>('berkas-dijatuhkan', (event) => handler(event.payload)),
  on_notices_progress: (handler) => listen<NoticeProgress>('notices-progress', (e) => handler(e.payload)),
};

const BACKEND = Symbol('backend');
const REFERENCE = Symbol('reference');

export function setBackend(backend: Backend): void {
  setContext(BACKEND, backend);
}

export function getBackend(): Backend {
  return getContext<Backend>(BACKEND);
}

/** Reference lists; the App loads them before any page renders. */
export function setReference(get: () => ReferenceData): void {
  setContext(REFERENCE, get);
}

export function getReference(): ReferenceData {
  return getContext<() => ReferenceData>(REFERENCE)();
}
