/**
 * The signature part of the in-memory backend: certificates per signatory,
 * trusted roots, issuing with a signature, and verification of the last
 * signed circular. It holds what it is given and refuses nothing (a short
 * or wrong passphrase is the core's refusal, arranged by a test with
 * `refuseNext`); the certificate and the verification are samples.
 */
import type { Backend } from './backend';
import type { CertificateInfo, CertificateRecord, Deleted, TrustedRoot, VerifiedFile } from './types';
import { takeOut } from './fakeTrash';

type SigningMethods = Pick<
  Backend,
  | 'certificates_list'
  | 'certificate_import'
  | 'certificate_create_internal'
  | 'certificate_remove'
  | 'trusted_roots_list'
  | 'trusted_root_import'
  | 'trusted_root_remove'
  | 'signing_certificates'
  | 'circular_issue_signed'
  | 'document_verify_pick'
  | 'document_verify_path'
  | 'on_file_drop'
>;

function internalInfo(name: string, issuer: string, serial: number): CertificateInfo {
  return {
    name,
    subject: `CN=${name},O=Pemerintah Kabupaten Tanjung Seroja`,
    issuer_name: issuer,
    issuer: `CN=${issuer},O=Pemerintah Kabupaten Tanjung Seroja`,
    serial: serial.toString(16).toUpperCase(),
    valid_from: '2026-11-23T00:00:00Z',
    valid_to: '2028-11-23T00:00:00Z',
    fingerprint: Array.from({ length: 32 }, (_, i) => ((serial * 7 + i * 13) % 256).toString(16).padStart(2, '0').toUpperCase()).join(':'),
    internal: true,
    key: 'ECDSA P-256',
  };
}

export function fakeSigning(
  signatoryName: (id: number) => string,
  issue: Backend['circular_issue'],
  later: <T>(f: () => T) => Promise<T>,
  trash: (what: string, restore: () => void) => Deleted,
): SigningMethods {
  const certificates: CertificateRecord[] = [];
  const roots: TrustedRoot[] = [];
  let lastSigned: { number: string; date: string; signer: string } | null = null;
  let nextId = 1;

  const verification = (path: string): VerifiedFile => {
    const cert = certificates[certificates.length - 1]?.certificate ?? null;
    return {
      path,
      name: path.split('/').pop() ?? path,
      size: 48213,
      verification: {
        report: {
          sha256: 'ab'.repeat(32),
          signatures: [
            {
              certificate: cert,
              signing_time: '2026-11-24T02:15:00Z',
              byte_range: [0, 1000, 2000, 500],
              intact: true,
              covers_whole_file: true,
              chain_trusted: true,
              in_validity: true,
              qr: lastSigned && { payload: { ...lastSigned, sha256: 'cd'.repeat(32) }, drawn_matches: true, hash_matches: true },
              problems: [],
              verdict: 'sah',
            },
          ],
          verdict: 'sah',
        },
        verdict: 'sah',
        register_matched: false,
        headline: 'Tanda tangan sah (berkas contoh). TIDAK cocok dengan buku agenda kantor ini.',
        register: [{ entry: null, date_matches: false, hash_matches: false, ok: false, text: 'Nomor pada kode QR tidak tercatat di buku agenda kantor ini.' }],
        srikandi: null,
      },
    };
  };

  return {
    certificates_list: (signatoryId) =>
      later(() => structuredClone(certificates.filter((c) => c.signatory_id === signatoryId))),
    certificate_import: () => later(() => null),
    certificate_create_internal: (signatoryId) =>
      later(() => {
        const id = nextId++;
        const record = {
          id,
          signatory_id: signatoryId,
          label: 'Sertifikat internal kantor',
          certificate: internalInfo(signatoryName(signatoryId), 'Akar Internal BKPSDM', id),
          created_at: '2026-11-23 09:00:00',
        };
        certificates.push(record);
        roots.push({ id, label: 'Akar sertifikat internal kantor', internal: true, certificate: internalInfo('Akar Internal BKPSDM', 'Akar Internal BKPSDM', 100 + id), added_at: record.created_at });
        return structuredClone(record);
      }),
    certificate_remove: (id) =>
      later(() => {
        const c = certificates.find((x) => x.id === id)!;
        return trash(`Sertifikat “${c.label}”`, takeOut(certificates, (x) => x.id === id));
      }),
    trusted_roots_list: () => later(() => structuredClone(roots)),
    trusted_root_import: () => later(() => null),
    trusted_root_remove: (id) =>
      later(() => {
        const r = roots.find((x) => x.id === id)!;
        return trash(`Sertifikat akar “${r.label}”`, takeOut(roots, (x) => x.id === id));
      }),
    signing_certificates: () => later(() => structuredClone(certificates)),
    circular_issue_signed: async (id, how, actor, certificateId) => {
      const cert = certificates.find((c) => c.id === certificateId)!;
      const number = await issue(id, how, actor);
      lastSigned = { number, date: how.date, signer: cert.certificate.name };
      return { number, sha256: 'cd'.repeat(32), signer: cert.certificate.name };
    },
    document_verify_pick: () => later(() => verification('/tmp/SE bertanda tangan.pdf')),
    document_verify_path: (path) => later(() => verification(path)),
    on_file_drop: async () => () => {},
  };
}
