/**
 * The Surat Edaran part of the in-memory backend: drafts, a simplified
 * template, preview pages, the workflow and the register. It mirrors the
 * core's rules that the UI shows (frozen issued circulars, numbering from
 * the register, cancelled numbers kept) with the same codes and messages.
 */
import type { Backend } from './backend';
import type { Actions, CircularKind, ErrorReport, Relation, Edited, Preview, Alert, Arrangement, Chain, Check, CircularDocument, CircularRecord, CircularSummary, Deleted, Derived, Link, Point, Recording, Register, RegisterEntry } from './types';
import { addDays, daysBetween, today } from './dates';
import { takeOut } from './fakeTrash';
import RECORDED_ACTIONS from './recorded/actions.json';

/** What the core offers per status (recorded by tests/contract.rs). */
export const ACTIONS = RECORDED_ACTIONS as Record<CircularSummary['status'], Actions>;

type CircularMethods = Pick<
  Backend,
  | 'circulars_list'
  | 'circular_get'
  | 'circular_new'
  | 'circular_edit'
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

const LABELS: Record<string, string> = {
  wfh_baru: 'WFH baru',
  perpanjangan: 'Perpanjangan',
  penerapan_kembali: 'Penerapan kembali',
  perubahan: 'Perubahan',
  pencabutan: 'Pencabutan / kembali normal',
  umum: 'Umum',
  draf: 'Draf',
  diparaf: 'Diparaf',
  terbit: 'Terbit',
  diganti: 'Diganti (diubah)',
  dicabut: 'Dicabut',
  batal: 'Nomor dibatalkan',
};

const refuse = (code: string, message: string, field?: string): never => {
  throw { code, message, field };
};

/** The clause a kind writes for its period, in the core's words (shortened). */
export function periodClause(doc: CircularDocument): string {
  const p = doc.period;
  const span = !p
    ? 'sampai dengan dicabut atau dievaluasi lebih lanjut'
    : p.end
      ? `selama ${daysBetween(p.start, p.end) + 1} hari, terhitung mulai tanggal ${p.start} sampai dengan tanggal ${p.end}`
      : `terhitung mulai tanggal ${p.start} sampai dengan dicabut atau dievaluasi lebih lanjut`;
  return doc.kind === 'perpanjangan'
    ? `Masa bekerja di rumah bagi ${doc.scope} diperpanjang ${span}.`
    : `${doc.scope} melaksanakan tugas kedinasan dengan bekerja di rumah (_Work From Home_) ${span}.`;
}

/** The core's warning for a kop without emblem (`Circular::warnings`). */
function warnings(doc: CircularDocument): string[] {
  if (doc.letterhead.emblem) return [];
  const emblem = doc.letterhead.kind === 'perangkat_daerah' ? 'lambang daerah di kiri kop' : 'lambang negara (Garuda) di tengah kop';
  return [`Kop belum berlambang: ${emblem} tidak tercetak. Pilih gambar lambang di Pengaturan (Profil Kantor), lalu pilih kop surat ini sekali lagi.`];
}

function refresh(doc: CircularDocument): CircularDocument {
  const next = structuredClone(doc);
  next.points = next.points.map((pt) => (pt.clause === 'masa' ? { ...pt, text: periodClause(next) } : pt));
  return next;
}

function compose(doc: CircularDocument): CircularDocument {
  const next = structuredClone(doc);
  const own = next.points.filter((pt) => !pt.clause);
  next.points = [
    { text: 'Dengan ini disampaikan hal-hal sebagai berikut:', children: [], clause: 'dasar' },
    { text: periodClause(next), children: [], clause: 'masa' },
    ...own,
    ...next.points.filter((pt) => pt.clause === 'aturan'),
    { text: 'Demikian Surat Edaran ini disampaikan untuk dilaksanakan dengan penuh tanggung jawab.', children: [], clause: 'penutup' },
  ];
  return next;
}

export function blankDocument(kind: CircularKind, subject: string): CircularDocument {
  return compose({
    kind,
    letterhead: { kind: 'kepala_daerah', tiers: ['BUPATI TANJUNG SEROJA'], address_lines: [] },
    number: '',
    subject,
    scope: 'Aparatur Sipil Negara di lingkungan Pemerintah Kabupaten Tanjung Seroja',
    period: { start: '2020-03-30', end: '2020-04-13' },
    references: [],
    addressees: ['Para Kepala Perangkat Daerah'],
    addressee_location: 'Tempat',
    points: [],
    place: 'Muara Seroja',
    issued_on: null,
    signature: {
      mode: 'langsung',
      principal_office: 'BUPATI TANJUNG SEROJA',
      signer_office: '',
      intermediate_office: '',
      name: 'RUSDI HAMZAH, S.H., M.Si.',
      rank: '',
      nip: '',
    },
    copies: [],
    annexes: [],
  });
}

/** The core's first complaint about a document, as the preview shows it. */
function validate(doc: CircularDocument): void {
  if (!doc.subject.trim()) refuse('wajib_diisi', 'Perihal (tentang) surat edaran wajib diisi.', 'subject');
  if (doc.period?.end && doc.period.end < doc.period.start)
    refuse('periode_terbalik', '“Sampai dengan” sebelum “Mulai”; masa berlaku sedikitnya 1 (satu) hari.', 'period');
  const empty = doc.addressees.findIndex((a) => !a.trim());
  if (empty >= 0) refuse('baris_kosong', `Tujuan surat baris ${empty + 1} kosong; isi atau hapus baris itu.`, 'addressees');
  if (doc.points.length === 0) refuse('wajib_diisi', 'Isi surat edaran belum ada; tambahkan sedikitnya satu butir.', 'points');
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function fakeCirculars(
  summaries: CircularSummary[],
  later: <T>(f: () => T) => Promise<T>,
  trash: (what: string, restore: () => void) => Deleted,
): CircularMethods {
  const docs = new Map<number, CircularDocument>();
  const audit = new Map<number, { action: string; actor: string; at: string; detail: string }[]>();
  const register: RegisterEntry[] = [];
  const registers: Register[] = [
    { id: 1, name: 'Buku Agenda BKPSDM', numbering_template: '{klasifikasi}/{nomor}/{unit}/{tahun}', classification: '800', unit_code: 'BKPSDM' },
    { id: 2, name: 'Bagian Organisasi Setda', numbering_template: '{klasifikasi}/{nomor}/ORG/{tahun}', classification: '061', unit_code: '' },
  ];
  const book = (id: number | null) => registers.find((r) => r.id === (id ?? 1)) ?? refuse('tidak_ditemukan', `Buku agenda dengan id ${id} tidak ditemukan.`);
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
    const doc = blankDocument(s.kind, s.subject);
    doc.number = s.number ?? '';
    doc.issued_on = s.issued_on;
    docs.set(s.id, doc);
    s.period = doc.period; // the fake drafts every seeded circular with the blank period
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
    if (!number) refuse('wajib_diisi', 'Nomor surat edaran yang dicatat wajib diisi, mis. 061/412/ORG.', 'number');
    const taken = register.find((r) => r.register_id === b.id && r.number.toLowerCase() === number.toLowerCase());
    if (taken) refuse('nomor_sudah_ada', `Nomor ${taken.number} sudah ada di buku agenda ${b.name}: ${taken.subject}.`, 'number');
    return publish(s, entry(b, { year: Number(date.slice(0, 4)), sequence: null, number, circular_id: id, subject: s.subject, issued_on: date, kind }), actor);
  };
  const summary = (id: number) => summaries.find((s) => s.id === id) ?? refuse('tidak_ditemukan', `Surat edaran dengan id ${id} tidak ditemukan.`);
  const log = (id: number, action: string, actor: string, detail = '') =>
    audit.set(id, [...(audit.get(id) ?? []), { action, actor: actor || 'petugas', at: '2020-04-01 09:00:00', detail }]);
  const setStatus = (s: CircularSummary, status: CircularSummary['status']) => {
    s.status = status;
    s.status_label = LABELS[status];
    s.actions = ACTIONS[status];
  };
  const editable = (s: CircularSummary) => {
    if (!s.actions.edit)
      refuse('surat_edaran_terbit', `Surat edaran ${s.number ?? 'ini'} sudah ${LABELS[s.status].toLowerCase()} dan tidak dapat diubah; buat perubahan atau pencabutan sebagai surat edaran baru.`);
  };
  const add = (doc: CircularDocument, parent: number | null, relation: Relation | null, actor: string) => {
    const id = nextId++;
    const origin = relation && parent !== null ? `${LABELS[relation]} dari ${summary(parent).number}` : null;
    summaries.unshift({ id, kind: doc.kind, kind_label: LABELS[doc.kind], status: 'draf', status_label: 'Draf', actions: ACTIONS.draf, subject: doc.subject, number: null, issued_on: null, parent_id: parent, relation, updated_at: '2020-04-01 09:00:00', period: doc.period, period_label: null, origin });
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
    if (s.status === 'diparaf') {
      setStatus(s, 'draf');
      log(id, 'paraf dibatalkan', actor);
    }
    return s;
  };
  const previewOf = (document: CircularDocument): Preview => {
    validate(document);
    const lines = ['SURAT EDARAN', `NOMOR ${document.number || '....'}`, document.subject.toUpperCase(), ...document.points.map((pt: Point) => pt.text)];
    const text = lines.map((l, i) => `<text x="70" y="${100 + i * 16}">${escape(l)}</text>`).join('');
    return { pages: [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 609 935">${text}</svg>`], page_count: 1, warnings: warnings(document), holiday_gap: null };
  };

  /** One draft per intent, as the core decides it (without the period in the name). */
  const derived = (parent: number, relation: Relation, another: boolean, make: () => number): Derived => {
    const name = `Draf ${relation} dari ${summary(parent).number}`;
    const open = summaries.find((c) => c.parent_id === parent && c.relation === relation && (c.status === 'draf' || c.status === 'diparaf'));
    if (open && !another) return { id: open.id, existing: true, name, message: `${name} sudah ada; dibuka.` };
    return { id: make(), existing: false, name, message: `${name} disusun.` };
  };

  return {
    circulars_list: () => later(() => structuredClone(summaries)),
    circular_get: (id) =>
      later((): CircularRecord => ({ ...structuredClone(summary(id)), document: structuredClone(docs.get(id)!) })),
    circular_new: (kind, actor) => later(() => add(blankDocument(kind, kind === 'umum' ? '' : 'Penyesuaian Sistem Kerja ASN'), null, null, actor)),
    circular_edit: (id, document, _paper, actor) =>
      later((): Edited => {
        const stored = refresh(document);
        const s = saveDraft(id, stored, actor);
        try {
          return { ...structuredClone(s), document: structuredClone(stored), preview: previewOf(stored), preview_error: null };
        } catch (e) {
          return { ...structuredClone(s), document: structuredClone(stored), preview: null, preview_error: e as ErrorReport };
        }
      }),
    circular_compose: (document) => later(() => compose(document)),
    circular_preview: (document) => later(() => previewOf(document)),
    circular_initial: (id, verifier) =>
      later(() => {
        const s = summary(id);
        if (s.status !== 'draf') refuse('bukan_draf', `Hanya draf yang dapat diparaf; status surat edaran ini ${s.status_label}.`);
        validate(docs.get(id)!);
        setStatus(s, 'diparaf');
        log(id, 'diparaf', verifier);
        return null;
      }),
    circular_issue: (id, { date, register_id }, actor) =>
      later(() => {
        const s = summary(id);
        editable(s);
        validate(docs.get(id)!);
        const b = book(register_id ?? null);
        const year = Number(date.slice(0, 4));
        const sequence = Math.max(0, ...register.filter((r) => r.register_id === b.id && r.year === year).map((r) => r.sequence ?? 0)) + 1;
        const number = `${b.classification}/${sequence}/${b.unit_code || 'ORG'}/${year}`;
        return publish(s, entry(b, { year, sequence, number, circular_id: id, subject: s.subject, issued_on: date, kind: 'terbit' }), actor);
      }),
    circular_issue_checklist: (id) =>
      later((): Check[] => {
        const s = summary(id);
        const doc = docs.get(id)!;
        const rules = doc.rules && Object.keys(doc.rules).length > 0;
        return [
          s.status === 'diparaf'
            ? { code: 'paraf', ok: true, message: 'Draf sudah diparaf.', blocking: false }
            : { code: 'paraf', ok: false, message: 'Draf ini belum pernah diparaf.', blocking: false },
          rules || doc.kind === 'pencabutan' || doc.kind === 'umum'
            ? { code: 'aturan', ok: true, message: 'Aturan pengecualian dan piket sudah diatur.', blocking: false }
            : { code: 'aturan', ok: false, message: 'Belum ada aturan pengecualian dan piket.', blocking: false },
          ...warnings(doc).map((message) => ({ code: 'lambang', ok: false, message, blocking: false })),
        ];
      }),
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
        if (!r.name.trim()) refuse('wajib_diisi', 'Nama buku agenda wajib diisi, mis. Bagian Organisasi Setda.', 'name');
        const saved = { ...structuredClone(r), id: r.id || Math.max(...registers.map((x) => x.id)) + 1 };
        const at = registers.findIndex((x) => x.id === saved.id);
        if (at < 0) registers.push(saved);
        else registers[at] = saved;
        return saved.id;
      }),
    circular_derive: (id, relation, actor, another = false) =>
      later(() => {
        const s = summary(id);
        if (s.status !== 'terbit') refuse('belum_terbit', 'Hanya dari surat edaran yang terbit.');
        return derived(id, relation, another ?? false, () => {
        const doc = structuredClone(docs.get(id)!);
        doc.kind = relation;
        doc.number = '';
        doc.issued_on = null;
        doc.references = [...doc.references, { text: `Surat Edaran Bupati Tanjung Seroja Nomor ${s.number}`, circular_id: id }];
        doc.subject = `${LABELS[relation]} ${s.subject}`;
        return add(compose(doc), id, relation, actor);
        });
      }),
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
        if (!reason.trim()) refuse('wajib_diisi', 'Alasan pembatalan nomor wajib diisi.', 'reason');
        const s = summary(id);
        if (s.status !== 'terbit') refuse('bukan_terbit', 'Hanya nomor surat edaran yang berstatus terbit yang dapat dibatalkan.');
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
    circular_extend: (id, extension, actor, another = false) =>
      later(() => {
        if (extension.days === 0) refuse('periode_kosong', 'Lama perpanjangan sedikitnya 1 (satu) hari.', 'days');
        const s = summary(id);
        if (s.status !== 'terbit') refuse('belum_terbit', 'Perpanjangan hanya dapat dibuat dari surat edaran yang terbit.');
        return derived(id, 'perpanjangan', another ?? false, () => {
        const doc = structuredClone(docs.get(id)!);
        const end = doc.period?.end ?? today();
        const length = extension.days ?? (doc.period?.end ? daysBetween(doc.period.start, doc.period.end) + 1 : 14);
        const start = addDays(end, 1);
        Object.assign(doc, { kind: 'perpanjangan', number: '', issued_on: null, subject: `Perpanjangan ${s.subject}` });
        doc.period = { start, end: addDays(start, length - 1) };
        doc.references = [...doc.references, { text: `Surat Edaran Bupati Tanjung Seroja Nomor ${s.number}`, circular_id: id }];
        return add(compose(doc), id, 'perpanjangan', actor);
        });
      }),
    circulars_search: (query, filter) =>
      later(() => {
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        return summaries
          .filter((s) => {
            const text = `${s.number ?? ''} ${s.subject} ${JSON.stringify(docs.get(s.id)?.points ?? [])}`.toLowerCase();
            return (
              words.every((w) => text.includes(w)) &&
              (filter.status === null || s.status === filter.status) &&
              (filter.kind === null || s.kind === filter.kind) &&
              (filter.year === null || (s.issued_on ?? docs.get(s.id)?.period?.start ?? '').startsWith(`${filter.year}`))
            );
          })
          .map((s) => ({ ...structuredClone(s), snippet: words.length ? `…\u0002${words[0]}\u0003…` : '' }));
      }),
  };

  /** The core's dashboard, simplified: weekdays only, alerts for endings only. */
  function dashboard(at: string) {
    const links: Link[] = summaries
      .filter((s) => s.status !== 'batal')
      .map((s) => {
        const p = docs.get(s.id)?.period ?? null;
        return { ...structuredClone(s), start: p?.start ?? null, end: p?.end ?? null, scope: docs.get(s.id)?.scope ?? '', horizon: null };
      });
    const rootOf = (l: Link): number => {
      const parent = links.find((x) => x.id === l.parent_id);
      return parent ? rootOf(parent) : l.id;
    };
    const chains: Chain[] = [];
    for (const l of links) {
      const root = rootOf(l);
      let chain = chains.find((c) => c.root === root);
      if (!chain) chains.push((chain = { root, links: [] }));
      chain.links.push(l);
    }
    chains.forEach((c) => c.links.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.id - b.id));
    const weekdays = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d <= to; d = addDays(d, 1)) if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) n++;
      return n;
    };
    const active: Arrangement[] = [];
    chains.forEach((c, chain) =>
      c.links.forEach((l, i) => {
        if (l.status !== 'terbit' || !l.start || (l.end !== null && l.end < at)) return;
        const state = l.start <= at ? 'berlaku' : 'akan_berlaku';
        const left = l.end ? weekdays(l.start > at ? l.start : at, l.end) : null;
        active.push({ ...l, state, working_days_left: left, chain, position: i === 0 ? 'Surat edaran awal' : `Perpanjangan ke-${i}` });
      }),
    );
    const alerts: Alert[] = active
      .filter((a) => a.state === 'berlaku' && a.working_days_left !== null && a.working_days_left <= 3 && !links.some((l) => l.parent_id === a.id))
      .map((a) => ({
        kind: 'segera_berakhir',
        kind_label: 'Segera berakhir',
        message: `SE Nomor ${a.number} berakhir ${a.end} (${a.working_days_left} hari kerja lagi).`,
        circular_id: a.id,
        action: 'perpanjang',
        action_label: 'Susun perpanjangan',
      }));
    const ended = links.filter((l) => l.status === 'terbit' && l.end !== null && l.end < at).map((l) => l.end!);
    return { at, alert_working_days: 3, active, chains, alerts, last_end: active.length ? null : (ended.sort().pop() ?? null), holiday_gap: null };
  }
}
