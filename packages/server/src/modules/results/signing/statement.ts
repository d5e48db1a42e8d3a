// Signing short statements (e.g. an audit chain's head) with the same PKCS#12 key that signs a
// unit's documents. A detached signature over the statement's UTF-8 bytes plus the certificate:
// anyone can check it with `openssl dgst -sha256 -verify`, no Motcua code needed.
import { createPrivateKey, createPublicKey, sign, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { ensureUnitCredentials } from './dev-ca.ts';
import type { SignerConfig } from './signer.ts';

export interface StatementSignature {
  /** 'sha256' digest; the key type says RSA PKCS#1 v1.5 (or ECDSA, DER-encoded). */
  algorithm: 'RSA-SHA256' | 'ECDSA-SHA256';
  /** Base64 of the raw signature. */
  signature: string;
  /** PEM of the signing certificate. */
  certificatePem: string;
  /** PEM of the other certificates in the PKCS#12 (the issuing CA for the dev CA). */
  chainPem: string[];
}

export interface StatementSigner {
  sign(statement: string): StatementSignature;
}

/** Key and certificates out of a PKCS#12; the leaf is the certificate whose key is the private key. */
function openP12(p12: Buffer, passphrase: string): { keyPem: string; leafPem: string; chainPem: string[] } {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  const keyOid = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certOid = forge.pki.oids.certBag as string;
  const key = parsed.getBags({ bagType: keyOid })[keyOid]?.[0]?.key;
  if (!key) throw new Error('Tệp PKCS#12 không có khóa bí mật / PKCS#12 holds no private key');
  const keyPem = forge.pki.privateKeyToPem(key);
  const certs = (parsed.getBags({ bagType: certOid })[certOid] ?? []).flatMap((b) => (b.cert ? [forge.pki.certificateToPem(b.cert)] : []));
  const publicDer = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  const leafPem = certs.find((pem) => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer));
  if (!leafPem) throw new Error('PKCS#12: no certificate matches the private key');
  return { keyPem, leafPem, chainPem: certs.filter((c) => c !== leafPem) };
}

export function p12StatementSigner(p12: Buffer, passphrase: string): StatementSigner {
  const { keyPem, leafPem, chainPem } = openP12(p12, passphrase);
  const key = createPrivateKey(keyPem);
  const algorithm = key.asymmetricKeyType === 'ec' ? 'ECDSA-SHA256' : 'RSA-SHA256';
  return {
    sign: (statement) => ({
      algorithm,
      signature: sign('sha256', Buffer.from(statement, 'utf8'), key).toString('base64'),
      certificatePem: leafPem,
      chainPem,
    }),
  };
}

/** The statement signer for the same configuration as signerFromConfig (dev CA or PKCS#12). */
export async function statementSignerFromConfig(config: SignerConfig): Promise<StatementSigner> {
  if (config.kind === 'dev-ca') {
    const creds = await ensureUnitCredentials(config.dir, { code: config.unitCode, name: config.unitName }, config.vault);
    return p12StatementSigner(creds.p12, creds.passphrase);
  }
  return p12StatementSigner(await readFile(config.path), config.passphrase);
}
