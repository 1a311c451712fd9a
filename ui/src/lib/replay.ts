/**
 * What a UI test arranges on the fake backend: the core's own answer to a
 * bad input (recorded over the demo office by tests/contract.rs, which fails
 * when the core answers otherwise), and the arguments each command was sent.
 * The fake itself accepts what it is given; it never decides a refusal.
 */
import type { Backend } from './backend';
import type { BackendError } from './types';
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
};

/** The arguments as they were when sent (functions left out). */
const copied = (args: unknown[]): unknown[] => JSON.parse(JSON.stringify(args, (_, v) => (typeof v === 'function' ? undefined : v)) ?? '[]');

/** `backend` with its calls logged and refusals queued per command. */
export function scripted(backend: Backend): Scripted {
  const calls = new Map<string, unknown[][]>();
  const queued = new Map<string, BackendError[]>();
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
  return Object.assign(wrapped, {
    refuseNext: (r: Refusal) => queued.set(r.command, [...(queued.get(r.command) ?? []), r.answer]),
    sent: (command: keyof Backend) => calls.get(command) ?? [],
  });
}
