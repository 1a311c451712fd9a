import type { BackendError } from './types';

/** Turns whatever a command rejected with into a `BackendError`. */
export function toBackendError(e: unknown): BackendError {
  if (e && typeof e === 'object' && typeof (e as BackendError).message === 'string') {
    return e as BackendError;
  }
  if (typeof e === 'string' && e.trim() !== '') {
    return { code: 'tidak_dikenal', message: e };
  }
  return { code: 'tidak_dikenal', message: 'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.' };
}

/** Errors of one form: per field, or for the whole form. */
export interface FormErrors {
  fields: Record<string, string>;
  top: BackendError | null;
}

export const noErrors = (): FormErrors => ({ fields: {}, top: null });

/**
 * Places the error next to its field when the form shows that field,
 * otherwise at the top of the form.
 */
export function formErrors(e: unknown, shownFields: readonly string[]): FormErrors {
  const err = toBackendError(e);
  if (err.field && shownFields.includes(err.field)) {
    return { fields: { [err.field]: err.message }, top: null };
  }
  return { fields: {}, top: err };
}
