/**
 * The Surat Edaran part of the in-memory backend: it keeps drafts, the
 * register and the audit, and replays what the core decides, recorded over
 * the demo office by tests/contract.rs (templates, period clauses, kop
 * warnings, the checklist, the actions per status, the numbers a register
 * gives). A refusal is arranged by the test (`refuseNext`), never decided here.
 */
import type { Backend } from './backend';
import type { Actions, AuditEntry, Check, CircularDocument, CircularRecord, CircularSummary, Dashboard, Deleted, Derived, Edited, Point, Preview, Recording, Register, RegisterEntry, SearchHit } from './types';
import { today } from './dates';
import { takeOut } from './fakeTrash';
import RECORDED_ACTIONS from './recorded/actions.json';
import CIRCULARS from './recorded/circulars.json';
import DRAFTING from './recorded/drafting.json';
import REFERENCE from './recorded/reference.json';

/** What the core offers per status (recorded by tests/contract.rs). */
export const ACTIONS = RECORDED_ACTIONS as Record<CircularSummary['status'], Actions>;

type CircularMethods = Pick<
  Backend,
  | 'circulars_list'
  | 'circular_get'
  | 'circular_new'
  | 'circular_edit'
  | 'data_stamp'
  | 'circular_compose'
  | 'circular_preview'
  | 'circular_initial'
  | 'circular_issue'
  | 'circular_issue_checklist'
  | 'circular_record'
  | 'srikandi_pdf_pick'
  | 'circular_record_srikandi'
  | 'registers_list'
  | 'register_save'
  | 'circular_derive'
  | 'circular_delete'
  | 'circular_cancel_number'
  | 'circular_audit'
  | 'signature_for'
  | 'letterhead_for'
  | 'register_list'
  | 'circular_save_pdf'
  | 'circular_save_docx'
  | 'circular_save_srikandi'
  | 'circular_export_json'
  | 'circular_import_json'
  | 'register_export'
  | 'dashboard'
  | 'circular_extend'
  | 'circulars_search'
>;

/** The core's labels of kinds and statuses. */
const LABELS: Record<string, string> = Object.fromEntries(
  [...REFERENCE.circular_kinds, ...REFERENCE.circular_statuses].map((c) => [c.code, c.label]),
);

/** The recorded answer under `key`; a key not recorded is the test's mistake, said as such. */
function replayed(answers: object, key: string, what: string): unknown {
  const answer = (answers as Record<string, unknown>)[key];
  if (answer === undefined) throw new Error(`no recorded ${what} for ${key}: record it in tests/contract.rs`);
  return structuredClone(answer);
}

const unknown = (what: string): never => {
  throw { code: 'tidak_ditemukan', message: `${what} tidak ditemukan.` };
};

/** The core's template document of `kind`, with the seed's subject when given. */
export function blankDocument(kind: string, subject?: string): CircularDocument {
  const doc = structuredClone(DRAFTING.templates[kind as keyof typeof DRAFTING.templates]) as CircularDocument;
  if (subject !== undefined) doc.subject = subject;
  return doc;
}

/** The period clause the core wrote for this period (the periods the tests set), else the text as it was. */
function refresh(doc: CircularDocument): CircularDocument {
  const next = structuredClone(doc);
  const key = next.period ? `${next.period.start}|${next.period.end ?? ''}` : '';
  const clause = (DRAFTING.period_clauses as Record<string, string>)[key];
  if (clause) next.points = next.points.map((pt) => (pt.clause === 'masa' ? { ...pt, text: clause } : pt));
  return next;
}

/** The core's warnings for a kop without emblem. */
const warnings = (doc: CircularDocument): string[] =>
  doc.letterhead.emblem ? [] : DRAFTING.kop_warnings[doc.letterhead.kind as keyof typeof DRAFTING.kop_warnings];

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function fakeCirculars(
  summaries: CircularSummary[],
  later: <T>(f: () => T) => Promise<T>,
  trash: (what: string, restore: () => void) => Deleted,
): CircularMethods {
  const docs = new Map<number, CircularDocument>();
  /** The signatory the core found each circular signed by (recorded; none for a new draft). */
  const signers = new Map<number, number | null>();
  const audit = new Map<number, AuditEntry[]>();
  const register: RegisterEntry[] = [];
  const registers: Register[] = [
    { id: 1, name: 'Buku Agenda BKPSDM', numbering_template: '{klasifikasi}/{nomor}/{unit}/{tahun}', classification: '800', unit_code: 'BKPSDM' },
    { id: 2, name: 'Bagian Organisasi Setda', numbering_template: '{klasifikasi}/{nomor}/ORG/{tahun}', classification: '061', unit_code: '' },
  ];
  const book = (id: number | null) => registers.find((r) => r.id === (id ?? 1)) ?? unknown('Buku agenda');
  const entry = (b: Register, e: Pick<RegisterEntry, 'year' | 'sequence' | 'number' | 'circular_id' | 'subject' | 'issued_on' | 'kind'>): RegisterEntry => ({
    ...e,
    register_id: b.id,
    register_name: b.name,
    status: 'terpakai',
    status_label: ({ terbit: 'Terpakai', dicatat: 'Dicatat', srikandi: 'Dicatat dari SRIKANDI' } as Record<string, string>)[e.kind] ?? e.kind,
    note: '',
  });
  let nextId = 5000;

  for (const s of summaries) {
    const held = CIRCULARS.documents[String(s.id) as keyof typeof CIRCULARS.documents];
    docs.set(s.id, structuredClone(held.document) as CircularDocument);
    signers.set(s.id, held.signatory_id);
    if (s.number && s.issued_on) {
      const sequence = Number(s.number.split('/')[1]);
      register.push(entry(registers[0], { year: Number(s.issued_on.slice(0, 4)), sequence, number: s.number, circular_id: s.id, subject: s.subject, issued_on: s.issued_on, kind: 'terbit' }));
    }
  }

  const publish = (s: CircularSummary, e: RegisterEntry, actor: string) => {
    register.push(e);
    Object.assign(docs.get(s.id)!, { number: e.number, issued_on: e.issued_on });
    Object.assign(s, { number: e.number, issued_on: e.issued_on });
    setStatus(s, 'terbit');
    log(s.id, e.kind, actor, `nomor ${e.number}`);
    return e.number;
  };
  const record = (id: number, { number, date, register_id }: Recording, kind: RegisterEntry['kind'], actor: string) => {
    const s = summary(id);
    editable(s);
    const b = book(register_id);
    number = number.trim();
    return publish(s, entry(b, { year: Number(date.slice(0, 4)), sequence: null, number, circular_id: id, subject: s.subject, issued_on: date, kind }), actor);
  };
  const summary = (id: number) => summaries.find((s) => s.id === id) ?? unknown('Surat edaran');
  const log = (id: number, action: string, actor: string, detail = '') =>
    audit.set(id, [...(audit.get(id) ?? []), { action, actor: actor || 'petugas', at: '2020-04-01 09:00:00', detail, station: '' }]);
  const setStatus = (s: CircularSummary, status: CircularSummary['status']) => {
    s.status = status;
    s.status_label = LABELS[status];
    s.actions = ACTIONS[status];
  };
  const editable = (s: CircularSummary) => {
    if (!s.actions.edit)
      throw { code: 'surat_edaran_terbit', message: s.actions.locked_reason };
  };
  /** A new draft: the core's record when it was recorded (derived), else a plain summary of `doc`. */
  const add = (doc: CircularDocument, actor: string, recorded?: CircularRecord) => {
    const id = nextId++;
    const plain = { kind: doc.kind, kind_label: LABELS[doc.kind], status: 'draf', status_label: 'Draf', actions: ACTIONS.draf, subject: doc.subject, number: null, issued_on: null, parent_id: null, relation: null, updated_at: '2020-04-06 09:00:00', period: doc.period, period_label: null, origin: null, version: 1, updated_by: '' } as const;
    const { signatory_id = null, ...summary } = recorded ?? { ...plain, signatory_id: null };
    summaries.unshift({ ...summary, id });
    signers.set(id, signatory_id);
    docs.set(id, doc);
    log(id, 'dibuat', actor);
    return id;
  };

  const saveDraft = (id: number, document: CircularDocument, actor: string) => {
    const s = summary(id);
    editable(s);
    docs.set(id, structuredClone(document));
    s.subject = document.subject;
    s.period = structuredClone(document.period);
    if (s.actions.edit_withdraws_paraf) {
      setStatus(s, 'draf');
      log(id, 'paraf dibatalkan', actor);
    }
    return s;
  };
  const previewOf = (document: CircularDocument): Preview => {
    const lines = ['SURAT EDARAN', `NOMOR ${document.number || '....'}`, document.subject.toUpperCase(), ...document.points.map((pt: Point) => pt.text)];
    const text = lines.map((l, i) => `<text x="70" y="${100 + i * 16}">${escape(l)}</text>`).join('');
    return { pages: [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 609 935">${text}</svg>`], page_count: 1, warnings: warnings(document), holiday_gap: null };
  };

  /** The ids of the circulars held now: part of the key of an answer that depends on them. */
  const held = () => summaries.map((c) => c.id).sort((a, b) => a - b).join(',');

  /** The core's answer to deriving from the seed's issued circular (one draft per intent included): a new draft is added as recorded. */
  const derived = (parent: number, relation: string, days: number | null, another: boolean, actor: string): Derived => {
    const key = `${relation}|${days ?? ''}|${another}|${held()}`;
    const recorded = (CIRCULARS.derived as Record<string, { answer: Derived; record: (CircularRecord & { document: CircularDocument }) | null }>)[key];
    if (parent !== 1 || !recorded) throw new Error(`no recorded answer for deriving ${key} from ${parent}: record it in tests/contract.rs`);
    if (!recorded.record) return structuredClone(recorded.answer);
    const record = structuredClone(recorded.record);
    return { ...recorded.answer, id: add(record.document, actor, record) };
  };

  return {
    circulars_list: () => later(() => structuredClone(summaries)),
    data_stamp: () => later(() => 'tetap'),
    circular_get: (id) =>
      later((): CircularRecord => ({ ...structuredClone(summary(id)), document: structuredClone(docs.get(id)!), signatory_id: signers.get(id) ?? null })),
    circular_new: (kind, actor) => later(() => add(blankDocument(kind), actor)),
    circular_edit: (id, document, _version, _paper, actor) =>
      later((): Edited => {
        const stored = refresh(document);
        const s = saveDraft(id, stored, actor);
        return { ...structuredClone(s), document: structuredClone(stored), signatory_id: signers.get(id) ?? null, preview: previewOf(stored), preview_error: null };
      }),
    circular_compose: (document) => later(() => structuredClone(document)),
    circular_preview: (document) => later(() => previewOf(document)),
    circular_initial: (id, verifier) =>
      later(() => {
        const s = summary(id);
        setStatus(s, 'diparaf');
        log(id, 'diparaf', verifier);
        return null;
      }),
    circular_issue: (id, { date, register_id }, actor) =>
      later(() => {
        const s = summary(id);
        editable(s);
        const b = book(register_id ?? null);
        // The next of the numbers the core gave a fresh office's register, in order.
        const given = DRAFTING.numbers_by_register[String(b.id) as keyof typeof DRAFTING.numbers_by_register];
        const number = given.find((n) => !register.some((r) => r.number === n))!;
        const sequence = Number(number.split('/')[1]);
        return publish(s, entry(b, { year: Number(date.slice(0, 4)), sequence, number, circular_id: id, subject: s.subject, issued_on: date, kind: 'terbit' }), actor);
      }),
    // The core's checklist of a template draft without rules or emblem, by status.
    circular_issue_checklist: (id) =>
      later((): Check[] => structuredClone(DRAFTING.checklists[summary(id).status === 'diparaf' ? 'diparaf' : 'draf'])),
    circular_record: (id, recording, actor) => later(() => record(id, recording, 'dicatat', actor)),
    // Stores what it is given; the PDF's checks and warnings are the core's.
    srikandi_pdf_pick: () =>
      later(() => ({
        path: '/tmp/SE dari SRIKANDI.pdf',
        name: 'SE dari SRIKANDI.pdf',
        size: 48213,
        signatures: '1 tanda tangan elektronik: RUSDI HAMZAH (penerbit Balai Sertifikasi Elektronik). Ditandatangani di SRIKANDI; sertifikatnya tidak diverifikasi oleh Edaran.',
      })),
    circular_record_srikandi: (id, recording, _path, _confirmed, actor) => later(() => record(id, recording, 'srikandi', actor)),
    registers_list: () => later(() => structuredClone(registers)),
    register_save: (r) =>
      later(() => {
        const saved = { ...structuredClone(r), id: r.id || Math.max(...registers.map((x) => x.id)) + 1 };
        const at = registers.findIndex((x) => x.id === saved.id);
        if (at < 0) registers.push(saved);
        else registers[at] = saved;
        return saved.id;
      }),
    circular_derive: (id, relation, actor, another = false) => later(() => derived(id, relation, null, another ?? false, actor)),
    circular_delete: (id) =>
      later(() => {
        const s = summary(id);
        editable(s);
        const doc = docs.get(id)!;
        const back = takeOut(summaries, (x) => x.id === id);
        docs.delete(id);
        return trash(`Draf “${s.subject || 'tanpa perihal'}”`, () => (back(), docs.set(id, doc)));
      }),
    circular_cancel_number: (id, reason, actor) =>
      later(() => {
        const s = summary(id);
        const found = register.find((r) => r.circular_id === id)!;
        Object.assign(found, { status: 'dibatalkan', status_label: 'Dibatalkan', note: reason.trim() });
        setStatus(s, 'batal');
        log(id, 'nomor dibatalkan', actor, reason);
        return null;
      }),
    circular_audit: (id) => later(() => structuredClone(audit.get(id) ?? [])),
    signature_for: (_signatoryId, mode) =>
      later(() => ({ ...blankDocument('umum', 'x').signature, mode })),
    letterhead_for: (kind) =>
      later(() =>
        kind === 'kepala_daerah'
          ? { kind, tiers: ['BUPATI TANJUNG SEROJA'], address_lines: [] }
          : { kind, tiers: ['PEMERINTAH KABUPATEN TANJUNG SEROJA', 'BKPSDM'], address_lines: ['Jalan Merdeka 10'] },
      ),
    register_list: (query, year) =>
      later(() =>
        register
          .filter((r) => (year === null || r.year === year) && (r.number.includes(query) || r.subject.toLowerCase().includes(query.toLowerCase())))
          .sort((a, b) => b.issued_on.localeCompare(a.issued_on))
          .map((r) => structuredClone(r)),
      ),
    circular_save_pdf: (id) => later(() => `/tmp/SE ${summary(id).number ?? 'draf'}.pdf`),
    circular_save_docx: (id) => later(() => `/tmp/SE ${id}.docx`),
    circular_save_srikandi: (id) => later(() => ({ docx: `/tmp/SE ${id} untuk SRIKANDI.docx`, sheet: `/tmp/SE ${id} untuk SRIKANDI-metadata.txt` })),
    circular_export_json: (id) => later(() => `/tmp/SE ${id}.json`),
    circular_import_json: () => later(() => null),
    register_export: (_q, _y, format) => later(() => `/tmp/buku-agenda.${format}`),
    dashboard: (at) => later(() => dashboard(at ?? today())),
    circular_extend: (id, extension, actor, another = false) => later(() => derived(id, 'perpanjangan', extension.days, another ?? false, actor)),
    circulars_search: (query, filter) => later(() => replayed(CIRCULARS.searches, `${query}|${JSON.stringify({ kind: filter.kind, status: filter.status, year: filter.year })}`, 'search') as SearchHit[]),
  };

  /** The core's dashboard on `at` over the circulars the fake now holds. */
  function dashboard(at: string) {
    return replayed(CIRCULARS.dashboards, `${at}|${held()}`, 'dashboard') as Dashboard;
  }
}
