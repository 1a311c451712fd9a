// Problems at their fields. The core names the field of what it refused (a
// save, the preview, a workflow step); the editor's form marks that field
// until the clerk changes it.
import { toBackendError } from './errors';
import type { BackendError, CircularDocument } from './types';

/** A refusal, with the value its field had then (`basis`), so a change clears it. */
export type Problem = BackendError & { basis?: string };

/** The document fields the editor's form shows. */
export const FORM_FIELDS = ['subject', 'period', 'references', 'addressees', 'copies', 'points', 'place', 'signature', 'annexes'];

/** A field's value as compared with a problem's `basis`. */
export const fieldValue = (d: CircularDocument, field: string) => JSON.stringify((d as unknown as Record<string, unknown>)[field]);

/** What `e` says, tied to the value of its field in `basis`. */
export function problemOf(e: unknown, basis: CircularDocument): Problem {
  const err = toBackendError(e);
  return err.field ? { ...err, basis: fieldValue(basis, err.field) } : err;
}

/** Runs a dialog's step: null when it is done or its problem is in the form
 * (the dialog closes either way), else what the dialog says. */
export type RunStep = (work: () => Promise<void>) => Promise<string | null>;
