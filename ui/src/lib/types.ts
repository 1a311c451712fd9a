/**
 * Shapes exchanged with the Rust backend: written from the Rust types into
 * `generated/types.ts` (regenerate: `cargo test -p edaran-app bindings`),
 * plus the UI's names for a few of them.
 */
import type { Circular, ErrorCode, ErrorReport, Progress, Written } from './generated/types';

export type * from './generated/types';

/** Everything printed on a circular (the core's `Circular`). */
export type CircularDocument = Circular;
/** Codes of the UI's own errors: a rejection it cannot read, a form check before sending. */
export type UiErrorCode = 'tidak_dikenal' | 'bukan_bilangan';
/** What every command rejects with (`ErrorReport`), or the UI's own error in its shape. */
export type BackendError = Omit<ErrorReport, 'code'> & { code: ErrorCode | UiErrorCode };
/** Progress of a notices batch (event `notices-progress`). */
export type NoticeProgress = Progress;
/** How a notices batch ended. */
export type NoticesResult = Written;
