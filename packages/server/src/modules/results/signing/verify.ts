// Inspection of signed PDFs for the public verification page: does each CMS signature match the
// bytes it claims to cover, and does it cover the whole file? Trust in the certificate chain is a
// separate question (the page compares the issuer with the configured CA / provider list).
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface SignatureReport {
  /** Common name of the signing certificate (falls back to the dictionary's /Name). */
  signerName: string;
  /** signingTime from the signed attributes, else the dictionary's /M. */
  signedAt?: Date;
  /** The byte range is [0, hole) + (hole, end of file]: nothing was appended after signing. */
  byteRangeCoversWholeFile: boolean;
  /** The messageDigest attribute equals the hash of the bytes in the byte range. */
  digestValid: boolean;
  /** The certificate's key verifies the signature over the signed attributes. */
  signatureValid: boolean;
  certificateSubject: string;
  issuer: string;
  subFilter?: string;
  /** From the signature dictionary (inside the signed range, so covered by the digest). */
  reason?: string;
  location?: string;
}

export interface SignedPdfReport {
  sha256: string;
  signatures: SignatureReport[];
}

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const HASHES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type Asn1 = forge.asn1.Asn1;
// @types/node-forge only knows the old boolean `strict` argument; forge 1.x takes an options object.
const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { parseAllBytes: boolean; decodeBitStrings: boolean }) => Asn1;
const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node.value as Asn1[]) : []);
const isContext = (node: Asn1, tag: number) => node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === tag;

/** RFC 4514-ish "CN=…, O=…, C=VN" from Node's newline-separated form. */
function formatName(name: string): string {
  return name.split('\n').filter(Boolean).reverse().join(', ');
}

function commonName(name: string): string | undefined {
  return name
    .split('\n')
    .find((l) => l.startsWith('CN='))
    ?.slice(3);
}

function attributeValue(attrs: Asn1[], oid: string): Asn1 | undefined {
  const attr = attrs.find((a) => forge.asn1.derToOid(children(a)[0]!.value as string) === oid);
  return children(children(attr)[1])[0];
}

/** Decodes a PDF literal string's raw bytes (PDFDocEncoding approximated by Latin-1, or UTF-16BE). */
function pdfString(raw: string): string {
  const unescaped = raw.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
  );
  if (!unescaped.startsWith('\u00fe\u00ff')) return unescaped;
  return Buffer.from(unescaped.slice(2), 'latin1').swap16().toString('utf16le');
}

function dictionaryEntry(dict: string, key: string): string | undefined {
  const m = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`, 's').exec(dict);
  return m ? pdfString(m[1]!) : undefined;
}

function pdfDate(value: string | undefined): Date | undefined {
  const m = value && /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(value);
  if (!m) return undefined;
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - offset * 60_000);
}

function inspectOne(pdf: Buffer, text: string, range: number[], dict: string): SignatureReport {
  const [a, b, c, d] = range as [number, number, number, number];
  const holeOk = text[b] === '<' && text[c - 1] === '>';
  const coversWhole = a === 0 && holeOk && b < c && c + d === pdf.length;
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  // The hole is zero-padded after the DER: parse one TLV and ignore the padding.
  const contentInfo = fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false, decodeBitStrings: false });
  const signedData = children(children(contentInfo)[1])[0];
  const parts = children(signedData);
  const certs = children(parts.find((p) => isContext(p, 0))).map((node) => new X509Certificate(Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary')));
  const signerInfo = children(parts[parts.length - 1])[0];
  const si = children(signerInfo);
  const serial = forge.util
    .bytesToHex(children(si[1])[1]?.value as string)
    .replace(/^0+/, '')
    .toUpperCase();
  const cert = certs.find((x) => x.serialNumber.replace(/^0+/, '').toUpperCase() === serial);
  const hash = HASHES[forge.asn1.derToOid(children(si[2])[0]!.value as string)];
  const signedAttrs = si.find((p) => isContext(p, 0));
  const attrs = children(signedAttrs);

  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const claimed = attributeValue(attrs, OID.messageDigest)?.value as string | undefined;
  const digestValid = !!hash && !!claimed && createHash(hash).update(covered).digest('binary') === claimed;

  let signatureValid = false;
  if (cert && hash && signedAttrs) {
    // The signature covers the attributes re-tagged as a SET OF (RFC 5652 §5.4).
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const sigValue = si.find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING);
    try {
      signatureValid = verifySignature(
        hash,
        Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary'),
        cert.publicKey,
        Buffer.from(sigValue?.value as string, 'binary'),
      );
    } catch {
      signatureValid = false; // unsupported algorithm (e.g. RSA-PSS parameters) counts as unverified
    }
  }

  const timeNode = attributeValue(attrs, OID.signingTime);
  const signedAt = timeNode
    ? timeNode.type === forge.asn1.Type.UTCTIME
      ? forge.asn1.utcTimeToDate(timeNode.value as string)
      : forge.asn1.generalizedTimeToDate(timeNode.value as string)
    : pdfDate(dictionaryEntry(dict, 'M'));
  return {
    signerName: (cert && commonName(cert.subject)) ?? dictionaryEntry(dict, 'Name') ?? '',
    signedAt,
    byteRangeCoversWholeFile: coversWhole,
    digestValid,
    signatureValid,
    certificateSubject: cert ? formatName(cert.subject) : '',
    issuer: cert ? formatName(cert.issuer) : '',
    reason: dictionaryEntry(dict, 'Reason'),
    location: dictionaryEntry(dict, 'Location'),
    subFilter: /\/SubFilter\s*\/([A-Za-z0-9.#]+)/.exec(dict)?.[1],
  };
}

/** Finds every signature dictionary (by its /ByteRange) and checks it against the file bytes. */
export function inspectSignedPdf(pdf: Uint8Array): SignedPdfReport {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = buf.toString('latin1');
  const signatures: SignatureReport[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = m.slice(1, 5).map(Number);
    const start = text.lastIndexOf('obj', m.index);
    const end = text.indexOf('endobj', m.index);
    const dict = text.slice(start, end < 0 ? undefined : end);
    try {
      signatures.push(inspectOne(buf, text, range, dict));
    } catch {
      // Unparseable CMS or out-of-range numbers: report it as a failed signature, not a crash.
      signatures.push({
        signerName: dictionaryEntry(dict, 'Name') ?? '',
        byteRangeCoversWholeFile: false,
        digestValid: false,
        signatureValid: false,
        certificateSubject: '',
        issuer: '',
      });
    }
  }
  return { sha256: sha256Hex(pdf), signatures };
}
