/**
 * What a UI test arranges on the fake backend: the core's own answer to a
 * bad input (recorded over the demo office by tests/contract.rs, which fails
 * when the core answers otherwise), and the arguments each command was sent.
 * The fake itself accepts what it is given; it never decides a refusal.
 */
import type { Backend } from './backend';
import type { BackendError, ErrorReport } from './types';
import REFUSALS from './recorded/refusals.json';

/** A bad input (`given`: what of it the page must send) and the core's answer. */
export interface Refusal {
  command: keyof Backend;
  given: unknown;
  answer: BackendError;
}

export const refusals = REFUSALS as Record<keyof typeof REFUSALS, Refusal>;

export type Scripted = Backend & {
  /** The next call of `refusal.command` is answered with the core's refusal. */
  refuseNext(refusal: Refusal): void;
  /** The arguments of each call of `command`, oldest first. */
  sent(command: keyof Backend): unknown[][];
  /** From now on a document holding `refusal.given` is stored but not drawn: the core's problem instead (`circular_edit`, `circular_preview`). */
  refusePreviewOf(refusal: Refusal): void;
};

/** Whether `document` holds every field of `given` as recorded. */
const holds = (document: object, given: unknown) =>
  Object.entries(given as object).every(([key, value]) => JSON.stringify((document as Record<string, unknown>)[key]) === JSON.stringify(value));

/** The arguments as they were when sent (functions left out). */
const copied = (args: unknown[]): unknown[] => JSON.parse(JSON.stringify(args, (_, v) => (typeof v === 'function' ? undefined : v)) ?? '[]');

/** `backend` with its calls logged and refusals queued per command. */
export function scripted(backend: Backend): Scripted {
  const calls = new Map<string, unknown[][]>();
  const queued = new Map<string, BackendError[]>();
  const undrawable: Refusal[] = [];
  const problemOf = (document: object) => undrawable.find((r) => holds(document, r.given))?.answer;
  const wrapped = Object.fromEntries(
    Object.entries(backend).map(([name, method]) => [
      name,
      (...args: unknown[]) => {
        calls.set(name, [...(calls.get(name) ?? []), copied(args)]);
        const refusal = queued.get(name)?.shift();
        if (!refusal) return (method as (...a: unknown[]) => unknown)(...args);
        return new Promise((_, reject) => setTimeout(() => reject(structuredClone(refusal)), 0));
      },
    ]),
  ) as unknown as Backend;
  const { circular_edit, circular_preview } = wrapped;
  wrapped.circular_edit = async (id, document, version, paper, actor) => {
    const edited = await circular_edit(id, document, version, paper, actor);
    const problem = problemOf(document);
    return problem ? { ...edited, preview: null, preview_error: structuredClone(problem) as ErrorReport } : edited;
  };
  wrapped.circular_preview = async (document, paper) => {
    const problem = problemOf(document);
    if (problem) throw structuredClone(problem);
    return circular_preview(document, paper);
  };
  return Object.assign(wrapped, {
    refusePreviewOf: (r: Refusal) => undrawable.push(r),
    refuseNext: (r: Refusal) => queued.set(r.command, [...(queued.get(r.command) ?? []), r.answer]),
    sent: (command: keyof Backend) => calls.get(command) ?? [],
  });
}
