import { generateKeyPairSync, sign } from 'node:crypto';
import nodemailer from 'nodemailer';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { ANCHOR_FORMAT, anchorStatement, checkAnchor, parsePublishedAnchors, type AnchorJson } from './anchor.ts';
import { anchorsBlock } from './report.ts';
import { X509Certificate } from 'node:crypto';

// A CA and a unit certificate made on the spot (forge), to check anchors without the server.
function pki() {
  const make = (subject: string, issuer: { cert?: forge.pki.Certificate; key?: forge.pki.rsa.PrivateKey }, ca: boolean) => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = ca ? '01' : '02';
    cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2030-01-01T00:00:00Z');
    cert.setSubject([{ shortName: 'CN', value: subject }]);
    cert.setIssuer((issuer.cert ?? cert).subject.attributes);
    cert.setExtensions([{ name: 'basicConstraints', cA: ca }]);
    cert.sign(issuer.key ?? key, forge.md.sha256.create());
    return { cert, key, pem: forge.pki.certificateToPem(cert), keyPem: privateKey };
  };
  const ca = make('Test CA', {}, true);
  const unit = make('UBND xa Thu', { cert: ca.cert, key: ca.key }, false);
  return { ca, unit };
}

const { ca, unit } = pki();
const fields = { chain: '30421', entryId: 42, headHash: 'ab'.repeat(32), signedAt: '2026-11-24T11:00:00.000Z' };
const statement = anchorStatement(fields);
const anchor: AnchorJson = {
  format: ANCHOR_FORMAT,
  ...fields,
  algorithm: 'RSA-SHA256',
  statement,
  signer: 'UBND xã Thử',
  signature: sign('sha256', Buffer.from(statement), unit.keyPem).toString('base64'),
  certificate: unit.pem,
  caCertificates: [ca.pem],
};
const trusted = [new X509Certificate(ca.pem)];

describe('audit anchors', () => {
  it("checks the signature, the certificate's validity at signing and its issuer", () => {
    expect(statement).toBe(`Motcua audit anchor v1\nchain: 30421\nentry: 42\nhead: ${'ab'.repeat(32)}\nsigned-at: 2026-11-24T11:00:00.000Z\n`);
    expect(checkAnchor(anchor, trusted)).toMatchObject({ ok: true, subject: 'CN=UBND xa Thu' });
    expect(checkAnchor(anchor, [new X509Certificate(unit.pem)])).toMatchObject({ ok: true }); // a pinned unit certificate
    expect(checkAnchor({ ...anchor, entryId: 43, statement: anchorStatement({ ...fields, entryId: 43 }) }, trusted)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature/),
    });
    expect(checkAnchor({ ...anchor, entryId: 43 }, trusted)).toMatchObject({ ok: false, reason: expect.stringMatching(/statement does not match/) });
    expect(checkAnchor(anchor, [])).toMatchObject({ ok: false, reason: expect.stringMatching(/not issued by a trusted CA/) });
    const late = { ...fields, signedAt: '2031-01-01T00:00:00.000Z' };
    const lateStatement = anchorStatement(late);
    expect(
      checkAnchor(
        { ...anchor, ...late, statement: lateStatement, signature: sign('sha256', Buffer.from(lateStatement), unit.keyPem).toString('base64') },
        trusted,
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid at/) });
    expect(checkAnchor({ ...anchor, certificate: 'nonsense' }, trusted)).toMatchObject({ ok: false });
  });

  it("reads anchors from the API's JSON, a bare array and a saved e-mail in either transfer encoding", async () => {
    expect(parsePublishedAnchors(JSON.stringify({ chain: '30421', anchors: [anchor] }))).toEqual([anchor]);
    expect(parsePublishedAnchors(JSON.stringify([anchor]))).toEqual([anchor]);
    const text = `Kính gửi lãnh đạo xã Thử — nhật ký kiểm toán, bản ghi cuối cùng được ký số.\n\n${anchorsBlock([anchor])}\n`;
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    for (const textEncoding of ['quoted-printable', 'base64'] as const) {
      const eml = (await builder.sendMail({ from: 'a@b.example', to: 'c@d.example', subject: 'Neo nhật ký', text, textEncoding })).message as Buffer;
      expect(eml.toString()).toMatch(new RegExp(`Content-Transfer-Encoding: ${textEncoding}`, 'i'));
      expect(parsePublishedAnchors(eml.toString())).toEqual([anchor]);
    }
    expect(() => parsePublishedAnchors('nothing here')).toThrow(/no anchors/);
    expect(() => parsePublishedAnchors(JSON.stringify([{ chain: '30421' }]))).toThrow(/incomplete/);
  });
});
