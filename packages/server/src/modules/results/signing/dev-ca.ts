// Local development CA: lets every environment sign result PDFs without a commercial
// certificate. Created on first use inside a directory the caller owns (e.g. `${DATA_DIR}/pki`),
// then reused. Production swaps in a real PKCS#12 through signerFromConfig — never this CA.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

export const DEV_CA_ORGANISATION = 'Motcua development CA';
const CA_YEARS = 10;
const UNIT_YEARS = 5;
const UNIT_CODE = /^[A-Za-z0-9._-]{1,64}$/;

export interface DevCa {
  certPem: string;
  keyPem: string;
}

export interface UnitCredentials {
  /** PKCS#12 holding the unit key, its certificate and the CA certificate. */
  p12: Buffer;
  p12Path: string;
  passphrase: string;
  certPem: string;
  caCertPem: string;
}

const generate = promisify(generateKeyPair);

// Node's native RSA generation (forge's pure-JS one takes seconds), handed to forge as PEM.
async function newRsaKey(): Promise<forge.pki.rsa.KeyPair> {
  const { privateKey } = await generate('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** Positive random serial (first byte below 0x80 so DER keeps it positive). */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

// UTF8String so Vietnamese names ("Ủy ban nhân dân Xã Phú Lâm") survive (forge encodes the JS string).
function dn(commonName: string): forge.pki.CertificateField[] {
  const utf8 = (value: string) => ({ value: value.normalize('NFC'), valueTagClass: forge.asn1.Type.UTF8 as number });
  return [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', ...utf8(DEV_CA_ORGANISATION) },
    { shortName: 'CN', ...utf8(commonName) },
  ] as forge.pki.CertificateField[];
}

function validity(cert: forge.pki.Certificate, years: number, notAfterCap?: Date): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 5 * 60_000); // tolerate small clock skew
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  cert.validity.notAfter = notAfterCap && notAfterCap < notAfter ? notAfterCap : notAfter;
}

/** Writes via a temporary file and rename so a crash never leaves half a key on disk. */
async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, path);
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Where every process finds the same keys (shared storage under a database lock, see
 * results/credential-vault.ts):
 * `once` returns what is stored for `subject`, or stores and returns what `make` gives, with no
 * second creation anywhere while the first is under way.
 */
export interface CredentialVault {
  once(subject: string, make: () => Promise<StoredCredential>): Promise<StoredCredential>;
}

/** A CA: its PEM key as `secret`. A unit: its PKCS#12 as `secret`, with the passphrase. */
export interface StoredCredential {
  certPem: string;
  secret: Buffer;
  passphrase: string | null;
}

async function makeCa(): Promise<DevCa> {
  const keys = await newRsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  validity(cert, CA_YEARS);
  cert.setSubject(dn(DEV_CA_ORGANISATION));
  cert.setIssuer(dn(DEV_CA_ORGANISATION));
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

async function writeCa(dir: string, ca: DevCa): Promise<void> {
  // Key first: a cert file on disk always has its key beside it.
  await writeAtomic(join(dir, 'ca.key.pem'), ca.keyPem);
  await writeAtomic(join(dir, 'ca.cert.pem'), ca.certPem);
}

// One in-flight creation per directory and unit within this process.
const pending = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  let p = pending.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make().finally(() => pending.delete(key));
    pending.set(key, p);
  }
  return p;
}

/**
 * Loads the CA, creating it (RSA 2048, 10 years) on first use. With a vault, the vault's copy is
 * the one (a CA this folder already had is adopted when the vault has none) and `dir` keeps a copy
 * for file-based verifiers (pdfsig -nssdir, audit-verify).
 */
export function ensureDevCa(dir: string, vault?: CredentialVault): Promise<DevCa> {
  return once(`ca:${dir}`, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const [certPem, keyPem] = await Promise.all([readIfExists(join(dir, 'ca.cert.pem')), readIfExists(join(dir, 'ca.key.pem'))]);
    const local = certPem && keyPem ? { certPem: certPem.toString('utf8'), keyPem: keyPem.toString('utf8') } : undefined;
    if (!vault) {
      if (local) return local;
      const ca = await makeCa();
      await writeCa(dir, ca);
      return ca;
    }
    const stored = await vault.once('ca', async () => {
      const ca = local ?? (await makeCa());
      return { certPem: ca.certPem, secret: Buffer.from(ca.keyPem, 'utf8'), passphrase: null };
    });
    const ca = { certPem: stored.certPem, keyPem: stored.secret.toString('utf8') };
    if (local?.certPem !== ca.certPem || local.keyPem !== ca.keyPem) await writeCa(dir, ca);
    return ca;
  });
}

/** PEM of the development CA certificate, for verifiers (pdfsig -nssdir, the verify page). */
export async function devCaCertificatePem(dir: string, vault?: CredentialVault): Promise<string> {
  return (await ensureDevCa(dir, vault)).certPem;
}

type UnitSecret = { p12: Buffer; passphrase: string; certPem: string };

async function makeUnit(ca: DevCa, unit: { code: string; name: string }): Promise<UnitSecret> {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = await newRsaKey();
  const leaf = forge.pki.createCertificate();
  leaf.publicKey = keys.publicKey;
  leaf.serialNumber = serial();
  validity(leaf, UNIT_YEARS, caCert.validity.notAfter);
  leaf.setSubject(dn(unit.name));
  leaf.setIssuer(caCert.subject.attributes);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leaf.sign(caKey, forge.md.sha256.create());

  const passphrase = randomBytes(18).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [leaf, caCert], passphrase, {
    algorithm: '3des', // widest reader support (OpenSSL, NSS pk12util, Windows)
    friendlyName: `motcua-${unit.code}`, // ASCII: forge mangles non-Latin BMPStrings
    generateLocalKeyId: true,
  });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase, certPem: forge.pki.certificateToPem(leaf) };
}

function issuedBy(ca: DevCa, certPem: string): boolean {
  try {
    return forge.pki.certificateFromPem(ca.certPem).verify(forge.pki.certificateFromPem(certPem));
  } catch {
    return false;
  }
}

/**
 * Key and certificate of one signing unit (CN = unit full name), issued by the dev CA and stored
 * as `units/<unitCode>.p12` with a random passphrase beside it. Idempotent: reloads from disk, or
 * with a vault from the vault (which creates it once across every process; a set this folder
 * already had is adopted when the vault has none and the vault's CA issued it).
 */
export async function ensureUnitCredentials(dir: string, unit: { code: string; name: string }, vault?: CredentialVault): Promise<UnitCredentials> {
  if (!UNIT_CODE.test(unit.code)) throw new Error(`Invalid unit code for a file name: "${unit.code}"`);
  return once(`unit:${dir}:${unit.code}`, async () => {
    // The CA first, outside the unit's own creation: on PGlite the vault's one connection is
    // held by that creation, so it must not wait on a second vault call.
    const ca = await ensureDevCa(dir, vault);
    const unitsDir = join(dir, 'units');
    await mkdir(unitsDir, { recursive: true, mode: 0o700 });
    const p12Path = join(unitsDir, `${unit.code}.p12`);
    const paths = { pass: join(unitsDir, `${unit.code}.passphrase`), cert: join(unitsDir, `${unit.code}.cert.pem`) };
    const [p12, pass, cert] = await Promise.all([readIfExists(p12Path), readIfExists(paths.pass), readIfExists(paths.cert)]);
    const local = p12 && pass && cert ? { p12, passphrase: pass.toString('utf8').trim(), certPem: cert.toString('utf8') } : undefined;
    let chosen: UnitSecret;
    if (!vault) {
      chosen = local ?? (await makeUnit(ca, unit));
    } else {
      const stored = await vault.once(`unit:${unit.code}`, async () => {
        const set = local && issuedBy(ca, local.certPem) ? local : await makeUnit(ca, unit);
        return { certPem: set.certPem, secret: set.p12, passphrase: set.passphrase };
      });
      chosen = { p12: stored.secret, passphrase: stored.passphrase ?? '', certPem: stored.certPem };
    }
    if (local?.certPem !== chosen.certPem || !local.p12.equals(chosen.p12)) {
      await writeAtomic(paths.pass, chosen.passphrase);
      await writeAtomic(paths.cert, chosen.certPem);
      await writeAtomic(p12Path, chosen.p12); // last: its presence marks the set complete
    }
    return { p12: chosen.p12, p12Path, passphrase: chosen.passphrase, certPem: chosen.certPem, caCertPem: ca.certPem };
  });
}
