/**
 * The in-memory trash: each fake deletion keeps how to put back what it
 * removed (same objects, same places), as the core's trash table does.
 */
import type { Backend } from './backend';
import type { Deleted } from './types';

export function fakeTrash(later: <T>(f: () => T) => Promise<T>) {
  const kept = new Map<number, { what: string; restore: () => void }>();
  let next = 1;
  return {
    /** Records a deletion of `what`; `restore` undoes it. */
    trash(what: string, restore: () => void): Deleted {
      const token = next++;
      kept.set(token, { what, restore });
      return { token, message: `${what} dihapus.` };
    },
    deleted_restore: ((token) =>
      later(() => {
        const entry = kept.get(token);
        if (!entry)
          throw { code: 'urungkan_kedaluwarsa', message: 'Penghapusan ini tidak dapat diurungkan lagi: catatannya sudah tidak ada.' };
        kept.delete(token);
        entry.restore();
        return `${entry.what} dikembalikan.`;
      })) as Backend['deleted_restore'],
  };
}

/** Removes the items of `list` that `gone` picks, returning how to put them back at their places. */
export function takeOut<T>(list: T[], gone: (item: T) => boolean): () => void {
  const taken = list.flatMap((item, i) => (gone(item) ? [[i, item] as const] : []));
  for (const [i] of [...taken].reverse()) list.splice(i, 1);
  return () => taken.forEach(([i, item]) => list.splice(i, 0, item));
}
