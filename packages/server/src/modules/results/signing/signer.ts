// Digital signing of result PDFs with a PKCS#12 (dev CA or a real provider's certificate).
import { readFile } from 'node:fs/promises';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { ensureUnitCredentials, type CredentialVault } from './dev-ca.ts';
import { WarmP12Signer } from './warm-signer.ts';

export interface SignatureMeta {
  reason: string;
  location: string;
  signerName: string;
  contactInfo?: string;
}

export interface DocumentSigner {
  sign(pdf: Uint8Array, meta: SignatureMeta): Promise<Uint8Array>;
}

export type SignerConfig =
  | { kind: 'dev-ca'; dir: string; unitCode: string; unitName: string; vault?: CredentialVault }
  | { kind: 'p12'; path: string; passphrase: string };

/** Bytes reserved for the CMS blob (hex doubles it in the file): room for a 3–4 certificate chain. */
export const SIGNATURE_PLACEHOLDER_BYTES = 16_384;
const SUBFILTER = 'adbe.pkcs7.detached';

/**
 * pdf-lib's PDFString writes char codes as single bytes, so Vietnamese in /Reason or /Name would
 * be mangled. PDF text strings may be UTF-16BE with a BOM; we hand the placeholder those bytes
 * as a binary string, escaping the bytes a literal string treats specially ("ĩ" is 0x01 0x29 = ")").
 */
export function pdfTextLiteral(text: string): string {
  const normalized = text.normalize('NFC');
  if (/^[\x20-\x7e]*$/.test(normalized)) return normalized.replace(/[\\()]/g, (c) => `\\${c}`);
  let bytes = '\u00fe\u00ff';
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    bytes += String.fromCharCode(code >> 8, code & 0xff);
  }
  return bytes.replace(/[\\()\r\n]/g, (c) => ({ '\\': '\\\\', '(': '\\(', ')': '\\)', '\r': '\\r', '\n': '\\n' })[c]!);
}

/**
 * Signs with the key in a PKCS#12. The CMS is built as @signpdf/signer-p12 builds it (warm-signer.ts: SHA-256, signed
 * attributes contentType/signingTime/messageDigest, full chain embedded) and is declared as
 * adbe.pkcs7.detached: it lacks the ESS signing-certificate-v2 attribute that PAdES
 * (ETSI.CAdES.detached) requires, so claiming PAdES would be false.
 */
export function p12Signer(p12: Buffer, passphrase: string): DocumentSigner {
  // Opened once per signer (UnitSigners keeps one per unit): the key stays decrypted in memory.
  const signer = new WarmP12Signer(p12, passphrase);
  return {
    async sign(pdf, meta) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const signingTime = new Date();
      pdflibAddPlaceholder({
        pdfDoc: doc,
        reason: pdfTextLiteral(meta.reason),
        location: pdfTextLiteral(meta.location),
        name: pdfTextLiteral(meta.signerName),
        contactInfo: pdfTextLiteral(meta.contactInfo ?? ''),
        signingTime,
        signatureLength: SIGNATURE_PLACEHOLDER_BYTES,
        subFilter: SUBFILTER,
        appName: 'Motcua',
      });
      // Object streams would hide the signature dictionary from signpdf's ByteRange search.
      const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
      return new Uint8Array(await new SignPdf().sign(prepared, signer, signingTime));
    },
  };
}

/** The signer chosen by configuration: the dev CA for development, a real PKCS#12 in production. */
export async function signerFromConfig(config: SignerConfig): Promise<DocumentSigner> {
  if (config.kind === 'dev-ca') {
    const creds = await ensureUnitCredentials(config.dir, { code: config.unitCode, name: config.unitName }, config.vault);
    return p12Signer(creds.p12, creds.passphrase);
  }
  const p12 = await readFile(config.path);
  assertP12Opens(p12, config.passphrase);
  return p12Signer(p12, config.passphrase);
}

/** Fails at start-up, not at the first signature, when the file or passphrase is wrong. */
export function assertP12Opens(p12: Buffer, passphrase: string): void {
  let keyCount = 0;
  try {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
    keyCount = parsed.getBags({ bagType: keyBag })[keyBag]?.length ?? 0;
  } catch (err) {
    throw new Error(`Không mở được tệp PKCS#12 / cannot open PKCS#12: ${(err as Error).message}`);
  }
  if (keyCount === 0) throw new Error('Tệp PKCS#12 không có khóa bí mật / PKCS#12 holds no private key');
}
