/**
 * The rules part of the in-memory backend. It decides nothing: a rule's
 * clauses, the roster, an agency's grid, everyone's status, the conflicts
 * and the notices are the core's answers, recorded by tests/contract.rs for
 * the calls the UI tests make (`recorded/rules.json`), each found by the call
 * and by the rule-changing calls accepted before it. They are recorded over
 * a core store holding the seed's office and circulars (same ids), except that
 * Disdikbud's teachers are in a unit there, as the core rosters units only:
 * the grid, statuses and notices are served as the core gave them. A call
 * that was not recorded fails with its name; a refusal is arranged by the
 * test (`refuseNext`) unless the core refused the recorded call itself.
 */
import type { Backend } from './backend';
import type { BackendError, CircularDocument, NoticeProgress, NoticesResult, Point, RulesView } from './types';
import RECORDED from './recorded/rules.json';

type RulesMethods = Pick<
  Backend,
  | 'rules_get'
  | 'rules_save'
  | 'rules_insert_clauses'
  | 'circular_conflicts'
  | 'roster_generate'
  | 'roster_horizon'
  | 'roster_holiday_gap'
  | 'roster_extend'
  | 'agency_grid'
  | 'roster_edit'
  | 'roster_export'
  | 'status_list'
  | 'notices_save'
  | 'notices_cancel'
  | 'on_notices_progress'
>;
type CircularAccess = Pick<Backend, 'circular_get' | 'circular_edit'>;

/** One call the core answered: after which accepted changes, with what, and its answer or refusal. */
interface Exchange {
  after: [string, unknown[]][];
  command: string;
  args: unknown[];
  answer?: unknown;
  refused?: BackendError;
}

/** The calls that change what later calls are answered (as `Conversation::ask` in tests/contract.rs). */
const CHANGES = new Set(['rules_save', 'rules_insert_clauses', 'roster_generate', 'roster_extend', 'roster_edit']);

/** A value as JSON with its object keys sorted, so equal calls read alike. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
const callOf = (command: string, args: unknown[]) => canonical([command, ...args]);

const ANSWERS = new Map(
  (RECORDED as Exchange[]).map((e) => [canonical([e.after.map(([command, args]) => callOf(command, args)), callOf(e.command, e.args)]), e]),
);

export function fakeRules(circulars: CircularAccess, later: <T>(f: () => T) => Promise<T>): RulesMethods {
  /** The changes accepted so far, as calls. */
  const accepted: string[] = [];
  const listeners = new Set<(p: NoticeProgress) => void>();
  let cancelling = false;

  /** The core's recorded answer to `command` with `args` (the actor left out). */
  function replay<T>(command: string, args: unknown[]): Promise<T> {
    const call = callOf(command, args);
    const found = ANSWERS.get(canonical([accepted, call]));
    return later(() => {
      if (!found) throw new Error(`tests/contract.rs recorded no answer to ${call} after ${canonical(accepted)}`);
      if (found.refused) throw structuredClone(found.refused);
      if (CHANGES.has(command)) accepted.push(call);
      return structuredClone(found.answer) as T;
    });
  }

  /** Keeps the circular's document as the core left it (the checklist and the editor read it). */
  async function keep(id: number, change: (doc: CircularDocument) => void, actor: string) {
    const doc = (await circulars.circular_get(id)).document;
    change(doc);
    await circulars.circular_edit(id, doc, null, 'f4', actor);
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    rules_get: (id) => replay('rules_get', [id]),
    rules_save: async (id, rules, actor) => {
      const view = await replay<RulesView>('rules_save', [id, rules]);
      await keep(id, (doc) => (Object.keys(view.rules).length ? (doc.rules = view.rules) : delete doc.rules), actor);
      return view;
    },
    // The core's points after placing the clauses, served as they are (its template's points, not the fake's).
    rules_insert_clauses: async (id, actor) => {
      const points = await replay<Point[]>('rules_insert_clauses', [id]);
      await keep(id, (doc) => (doc.points = points), actor);
      return null;
    },
    circular_conflicts: (id) => replay('circular_conflicts', [id]),
    roster_generate: (id) => replay('roster_generate', [id]),
    roster_horizon: (id) => replay('roster_horizon', [id]),
    roster_holiday_gap: (id) => replay('roster_holiday_gap', [id]),
    roster_extend: (id, until) => replay('roster_extend', [id, until]),
    agency_grid: (id, agencyId) => replay('agency_grid', [id, agencyId]),
    roster_edit: (id, edit) => replay('roster_edit', [id, edit]),
    // Where the save dialog put the file.
    roster_export: (_id, format) => later(() => `/tmp/Jadwal piket.${format}`),
    status_list: (id, date, agencyId) => replay('status_list', [id, date, agencyId]),
    // The core's batch (documents, pages, signed) with its progress replayed; cancel stops it (the pages stay the whole batch's).
    notices_save: async (id, options) => {
      const written = await replay<NoticesResult>('notices_save', [id, { per_employee: options.per_employee, signed: options.sign !== null }]);
      cancelling = false;
      for (let done = 1; done <= written.files; done++) {
        await sleep(15);
        if (cancelling) return { ...written, files: done - 1, cancelled: true };
        listeners.forEach((l) => l({ done, total: written.files }));
      }
      return written;
    },
    notices_cancel: () =>
      later(() => {
        cancelling = true;
        return null;
      }),
    on_notices_progress: async (handler) => {
      listeners.add(handler);
      return () => {
        listeners.delete(handler);
      };
    },
  };
}
