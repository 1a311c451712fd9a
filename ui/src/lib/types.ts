/**
 * Shapes exchanged with the Rust backend: written from the Rust types into
 * `generated/types.ts` (regenerate: `cargo test -p edaran-app bindings`),
 * plus the UI's names for a few of them.
 */
import type { Circular, ErrorReport, Progress, Written } from './generated/types';

export type * from './generated/types';

/** Everything printed on a circular (the core's `Circular`). */
export type CircularDocument = Circular;
/** What every command rejects with. */
export type BackendError = ErrorReport;
/** Progress of a notices batch (event `notices-progress`). */
export type NoticeProgress = Progress;
/** How a notices batch ended. */
export type NoticesResult = Written;
