import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages, runTool } from '../../../testing/system-tools.ts';
import { scratchDir } from '../../../testing/scratch.ts';
import { resultInput } from '../documents/fixtures.ts';
import { renderResult } from '../documents/index.ts';
import { devCaCertificatePem, ensureUnitCredentials } from './dev-ca.ts';
import { signerFromConfig } from './signer.ts';
import { inspectSignedPdf, sha256Hex } from './verify.ts';

const work = scratchDir('motcua-sign-');
const pki = join(work, 'pki');
const unit = { kind: 'dev-ca', dir: pki, unitCode: 'xa-phu-lam', unitName: 'Ủy ban nhân dân Xã Phú Lâm' } as const;
const meta = {
  reason: 'Ký số kết quả giải quyết hồ sơ 000.19.01.H91-261123-0001',
  location: 'Xã Phú Lâm, Tỉnh An Giang',
  signerName: 'Ủy ban nhân dân Xã Phú Lâm',
};
let signed: Uint8Array;
let nssDir: string;

function save(name: string, pdf: Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, pdf);
  return path;
}

const pdfsig = async (path: string) => (await runTool('pdfsig', ['-nssdir', `sql:${nssDir}`, path])).output;

beforeAll(async () => {
  await ensureDebianPackages({ pdfsig: 'poppler-utils', certutil: 'libnss3-tools' });
  signed = await (await signerFromConfig(unit)).sign(await renderResult(resultInput()), meta);
  // A throw-away NSS database that trusts the dev CA, so pdfsig can validate the chain too.
  nssDir = join(work, 'nss');
  mkdirSync(nssDir);
  writeFileSync(join(work, 'ca.pem'), await devCaCertificatePem(pki));
  for (const args of [
    ['-N', '-d', `sql:${nssDir}`, '--empty-password'],
    ['-A', '-d', `sql:${nssDir}`, '-n', 'motcua-dev-ca', '-t', 'CT,C,C', '-a', '-i', join(work, 'ca.pem')],
  ]) {
    const r = await runTool('certutil', args);
    expect(r.code, r.output).toBe(0);
  }
}, 300_000);

describe('dev CA', () => {
  it('is created once and reloaded from disk', async () => {
    const first = await ensureUnitCredentials(pki, { code: 'xa-phu-lam', name: 'Ủy ban nhân dân Xã Phú Lâm' });
    const again = await ensureUnitCredentials(pki, { code: 'xa-phu-lam', name: 'Ủy ban nhân dân Xã Phú Lâm' });
    expect(again.certPem).toBe(first.certPem);
    expect(again.p12.equals(first.p12)).toBe(true);
    expect(await devCaCertificatePem(pki)).toBe(first.caCertPem);
    await expect(ensureUnitCredentials(pki, { code: '../etc', name: 'x' })).rejects.toThrow(/Invalid unit code/);
  });

  it('lets a real PKCS#12 file replace it by configuration, and rejects a wrong passphrase', async () => {
    const creds = await ensureUnitCredentials(pki, { code: 'xa-phu-lam', name: 'Ủy ban nhân dân Xã Phú Lâm' });
    const signer = await signerFromConfig({ kind: 'p12', path: creds.p12Path, passphrase: creds.passphrase });
    const report = inspectSignedPdf(await signer.sign(await renderResult(resultInput()), meta));
    expect(report.signatures[0]?.digestValid).toBe(true);
    await expect(signerFromConfig({ kind: 'p12', path: creds.p12Path, passphrase: 'wrong' })).rejects.toThrow(/PKCS#12/);
  });
});

describe('signed result', () => {
  it('passes pdfsig: valid signature, whole document signed, trusted dev CA', async () => {
    const out = await pdfsig(save('signed.pdf', signed));
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signer Certificate Common Name: Ủy ban nhân dân Xã Phú Lâm');
    expect(out).toContain('Certificate is Trusted.');
  });

  it('is reported valid by inspectSignedPdf, with the Vietnamese metadata intact', () => {
    const report = inspectSignedPdf(signed);
    expect(report.sha256).toBe(sha256Hex(signed));
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({
      signerName: 'Ủy ban nhân dân Xã Phú Lâm',
      byteRangeCoversWholeFile: true,
      digestValid: true,
      signatureValid: true,
      certificateSubject: 'CN=Ủy ban nhân dân Xã Phú Lâm, O=Motcua development CA, C=VN',
      issuer: 'CN=Motcua development CA, O=Motcua development CA, C=VN',
      reason: meta.reason,
      location: meta.location,
      subFilter: 'adbe.pkcs7.detached',
    });
    expect(report.signatures[0]?.signedAt).toBeInstanceOf(Date);
  });

  it('detects one flipped byte inside the signed range', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const [, holeStart] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text)!.slice(1).map(Number) as number[];
    // A byte inside the first content stream: the file still parses, only its bytes changed.
    const at = text.indexOf('stream\n') + 'stream\n'.length + 10;
    expect(at).toBeGreaterThan(10);
    expect(at).toBeLessThan(holeStart!);
    const tampered = new Uint8Array(signed);
    tampered[at] = tampered[at]! ^ 0x01;

    const out = await pdfsig(save('tampered.pdf', tampered));
    expect(out).not.toContain('Signature is Valid.');
    expect(out).toMatch(/Digest Mismatch|Signature is Invalid/);
    const sig = inspectSignedPdf(tampered).signatures[0];
    expect(sig?.digestValid).toBe(false);
    expect(sig?.signatureValid).toBe(true); // the attributes are untouched; the content is not
  });

  it('notices bytes appended after signing', async () => {
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended\n')]);
    const sig = inspectSignedPdf(appended).signatures[0];
    expect(sig?.byteRangeCoversWholeFile).toBe(false);
    expect(sig?.digestValid).toBe(true);
    expect(await pdfsig(save('appended.pdf', appended))).not.toContain('Total document signed');
  });

  it('finds no signature in an unsigned PDF', async () => {
    expect(inspectSignedPdf(await renderResult(resultInput())).signatures).toEqual([]);
  });
});
