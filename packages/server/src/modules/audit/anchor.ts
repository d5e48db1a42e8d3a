// What an audit anchor is on the outside: the exact text that is signed, the JSON that is published
// (public page, API, daily e-mail), and how anyone checks one without trusting this server.
import { verify, X509Certificate } from 'node:crypto';
import { ANCHOR_FORMAT, type AuditAnchor } from '@motcua/core/api';

export { ANCHOR_FORMAT };
/** Lines around the anchors' JSON in e-mails, so a saved message can be handed to audit:verify. */
export const ANCHORS_BEGIN = '-----BEGIN MOTCUA AUDIT ANCHORS-----';
export const ANCHORS_END = '-----END MOTCUA AUDIT ANCHORS-----';

/** A signed anchor as published (@motcua/core/api `AuditAnchor`). */
export type AnchorJson = AuditAnchor;

/** The signed text: line-based so `openssl dgst -sha256 -verify` can check a copy pasted to a file. */
export function anchorStatement(a: { chain: string; entryId: number; headHash: string; signedAt: string }): string {
  return `Motcua audit anchor v1\nchain: ${a.chain}\nentry: ${a.entryId}\nhead: ${a.headHash}\nsigned-at: ${a.signedAt}\n`;
}

export type AnchorCheck = { ok: true; subject: string; fingerprint: string } | { ok: false; reason: string };

function isIssuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

/**
 * Is this anchor genuine? Its signature verifies with its certificate over the statement rebuilt
 * from its fields, the certificate was valid when it signed, and the certificate is one of
 * `trusted` or was issued by one (directly or through the anchor's own CA certificates).
 */
export function checkAnchor(a: AnchorJson, trusted: X509Certificate[]): AnchorCheck {
  const statement = anchorStatement(a);
  if (a.statement !== undefined && a.statement !== statement) return { ok: false, reason: 'the statement does not match the anchor fields' };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(a.certificate);
  } catch {
    return { ok: false, reason: 'the certificate cannot be read' };
  }
  let signed = false;
  try {
    signed = verify('sha256', Buffer.from(statement, 'utf8'), cert.publicKey, Buffer.from(a.signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'the signature does not verify with the certificate' };
  const at = new Date(a.signedAt).getTime();
  if (!(at >= new Date(cert.validFrom).getTime() && at <= new Date(cert.validTo).getTime())) {
    return { ok: false, reason: `the certificate was not valid at ${a.signedAt}` };
  }
  const chain = (a.caCertificates ?? []).flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  const anchored = (c: X509Certificate, depth: number): boolean =>
    trusted.some((t) => t.fingerprint256 === c.fingerprint256 || isIssuedBy(c, t)) ||
    (depth < 4 && chain.some((i) => i.fingerprint256 !== c.fingerprint256 && isIssuedBy(c, i) && anchored(i, depth + 1)));
  if (!anchored(cert, 0)) return { ok: false, reason: `the certificate (${cert.subject.replace(/\n/g, ', ')}) is not issued by a trusted CA` };
  return { ok: true, subject: cert.subject.split('\n').reverse().join(', '), fingerprint: cert.fingerprint256 };
}

/** The body of a saved single-part e-mail (.eml), decoded; any other text as it is. */
function mailBody(text: string): string {
  const split = /\r?\n\r?\n/.exec(text);
  if (!split || !/^[\w-]+:/.test(text)) return text;
  const headers = text.slice(0, split.index);
  const body = text.slice(split.index + split[0].length);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function asAnchors(value: unknown): AnchorJson[] {
  const list = Array.isArray(value) ? value : (value as { anchors?: unknown })?.anchors;
  if (!Array.isArray(list)) throw new Error('no anchors in this document (expected a JSON array or { "anchors": [...] })');
  return list.map((a, i) => {
    const x = a as Partial<AnchorJson>;
    if (
      typeof x?.chain !== 'string' ||
      !Number.isSafeInteger(x.entryId) ||
      typeof x.headHash !== 'string' ||
      typeof x.signedAt !== 'string' ||
      typeof x.signature !== 'string' ||
      typeof x.certificate !== 'string'
    ) {
      throw new Error(`anchor ${i + 1} is incomplete (chain, entryId, headHash, signedAt, signature, certificate)`);
    }
    return x as AnchorJson;
  });
}

/**
 * Anchors out of a published copy: the API's JSON, a JSON array, or a text holding the marked
 * block of a daily report (the e-mail as saved, .eml with quoted-printable body included).
 */
export function parsePublishedAnchors(text: string): AnchorJson[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return asAnchors(JSON.parse(trimmed));
  const plain = mailBody(text);
  const out: AnchorJson[] = [];
  for (let at = plain.indexOf(ANCHORS_BEGIN); at >= 0; at = plain.indexOf(ANCHORS_BEGIN, at + 1)) {
    const end = plain.indexOf(ANCHORS_END, at);
    if (end < 0) throw new Error('an anchors block has no end line');
    out.push(...asAnchors(JSON.parse(plain.slice(at + ANCHORS_BEGIN.length, end))));
  }
  if (!out.length) throw new Error('no anchors in this document');
  return out;
}
