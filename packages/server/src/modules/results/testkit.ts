// Test-only helpers for the results API tests (imported by *.test.ts files only).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from '../../testing/harness.ts';
import { ensureDebianPackages, runTool } from '../../testing/system-tools.ts';
import { as } from '../dossiers/testkit.ts';
import { DOSSIER_NOTICE } from '../notifications/index.ts';
import { OutboxWorker } from '../notifications/index.ts';
import { resultsWorkerHandlers } from './index.ts';
import { devCaCertificatePem } from './signing/index.ts';

export const TOOLS = { pdfsig: 'poppler-utils', pdftotext: 'poppler-utils', pdftoppm: 'poppler-utils', zbarimg: 'zbar-tools', certutil: 'libnss3-tools' };

export function ensureTools(): Promise<void> {
  return ensureDebianPackages(TOOLS);
}

/**
 * Runs the outbox until it is empty, as the server's worker would after each commit: documents
 * are signed by the results handler; notices are acknowledged without sending.
 */
export function resultsWorker(t: TestContext) {
  const worker = new OutboxWorker({ db: t.ctx.db, clock: t.ctx.clock, handlers: { ...resultsWorkerHandlers(t.ctx), [DOSSIER_NOTICE]: () => [] } });
  return async function drain(): Promise<void> {
    while ((await worker.runOnce()) > 0);
    const stuck = await t.ctx.db.selectFrom('outbox').select(['topic', 'last_error']).where('done_at', 'is', null).execute();
    if (stuck.length > 0) throw new Error(`outbox not drained: ${JSON.stringify(stuck)}`);
  };
}

/** A scratch folder with files and a throw-away NSS database trusting this app's dev CA. */
export async function pdfTools(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-results-'));
  const nss = join(dir, 'nss');
  mkdirSync(nss);
  writeFileSync(join(dir, 'ca.pem'), await devCaCertificatePem(t.ctx.config.results.pkiDir));
  for (const args of [
    ['-N', '-d', `sql:${nss}`, '--empty-password'],
    ['-A', '-d', `sql:${nss}`, '-n', 'motcua-dev-ca', '-t', 'CT,C,C', '-a', '-i', join(dir, 'ca.pem')],
  ]) {
    const r = await runTool('certutil', args);
    if (r.code !== 0) throw new Error(r.output);
  }
  let n = 0;
  const save = (bytes: Uint8Array) => {
    const file = join(dir, `f${n++}.pdf`);
    writeFileSync(file, bytes);
    return file;
  };
  return {
    /** Removes the scratch folder (the caller's afterAll). */
    remove: () => rmSync(dir, { recursive: true, force: true }),
    pdfsig: async (bytes: Uint8Array) => (await runTool('pdfsig', ['-nssdir', `sql:${nss}`, save(bytes)])).output,
    text: async (bytes: Uint8Array) => (await runTool('pdftotext', [save(bytes), '-'])).stdout.replace(/\s+/g, ' '),
    /** The QR code of page 1, decoded from a 150 dpi rendering. */
    qr: async (bytes: Uint8Array) => {
      const prefix = join(dir, `qr${n++}`);
      const r = await runTool('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', save(bytes), prefix]);
      if (r.code !== 0) throw new Error(r.output);
      return (await runTool('zbarimg', ['--raw', '-q', `${prefix}.png`])).stdout.trim();
    },
  };
}

export async function getPdf(t: TestContext, who: string, url: string): Promise<{ status: number; bytes: Buffer }> {
  const r = await t.app.inject({ method: 'GET', url, headers: await as(t, who) });
  return { status: r.statusCode, bytes: r.rawPayload };
}

/** A multipart/form-data body with one PDF in the field "file". */
export function multipartPdf(bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----motcua${Date.now().toString(16)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="document.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Flips one bit of a byte inside the first content stream: the file parses, its bytes changed. */
export function flipOneByte(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const at = text.indexOf('stream\n') + 'stream\n'.length + 10;
  const out = new Uint8Array(pdf);
  out[at] = out[at]! ^ 0x01;
  return out;
}
