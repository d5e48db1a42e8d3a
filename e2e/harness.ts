/**
 * End-to-end harness: the real server (its own data directory, demo data, built web app) on a
 * free port, Debian's Chromium through playwright-core, and an axe-core check on every page a
 * test visits. Used by e2e/*.test.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runTool } from '../packages/server/src/testing/system-tools.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'packages/web');
const DIST_INDEX = path.join(WEB, 'dist/index.html');
export const SCREENSHOTS = path.join(ROOT, '.test-artifacts/screenshots');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist is missing or older than any source file, config or dictionary. */
export function ensureWebBuilt(): void {
  const sources = Math.max(
    newestMtime(path.join(WEB, 'src')),
    fs.statSync(path.join(WEB, 'index.html')).mtimeMs,
    fs.statSync(path.join(WEB, 'vite.config.ts')).mtimeMs,
  );
  if (fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= sources) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  const result = spawnSync('npm', ['run', 'build', '-w', '@motcua/web'], {
    cwd: ROOT,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts `tsx packages/server/src/main.ts` with a fresh DATA_DIR and waits for /health. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['packages/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      // The outbox worker signs issued PDFs (forms 01–04, results); without SMTP_URL/SMS_URL it
      // writes mail and SMS to files in DATA_DIR, so it is safe to run.
      NOTIFICATIONS_WORKER: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits are on conditions (a heading appears, a request answers); the ceilings below only decide
 * how long a loaded 2-core machine may take before a wait counts as failed.
 */
export const E2E_WAIT_MS = 90_000;

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(E2E_WAIT_MS);
    context.setDefaultNavigationTimeout(E2E_WAIT_MS);
    return context;
  };
  return browser;
}

export interface AxeFinding {
  url: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now. Serious and critical
 * violations are collected by the caller and fail the test at the end, with every page listed.
 */
export async function checkAccessibility(page: Page, findings: AxeFinding[]): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of result.violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      findings.push({ url: page.url(), id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) });
    }
  }
}

/** Saves a screenshot at the phone and desktop widths the project designs for. */
export async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Picks a demo account on the development identity provider's page and waits to be back in the app. */
export async function chooseDemoAccount(page: Page, baseUrl: string, account: string): Promise<void> {
  await page.waitForURL((u) => u.pathname.startsWith('/dev-idp'));
  await page.locator(`button[name="account"][value="${account}"]`).click();
  await page.waitForURL((u) => u.origin === baseUrl && !u.pathname.startsWith('/dev-idp') && !u.pathname.startsWith('/auth'));
}

/** Signs in as a demo citizen (CCCD) or official (username) and lands on `returnTo`. */
export async function signIn(context: BrowserContext, baseUrl: string, account: string, returnTo = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await chooseDemoAccount(page, baseUrl, account);
  return page;
}

/** A small valid PDF and PNG, made here so the test needs no fixture files. */
export function samplePdf(title: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 20 50 Td (${title}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 50 Td (${title}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// A 1×1 white PNG.
export const SAMPLE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');

/**
 * Runs a command-line tool (pdfsig, pdftotext, zbarimg) through the server's test helper on bytes
 * written to a temporary file, and removes the folder whatever happens: the test command fails a
 * run that leaves folders behind.
 */
export async function runToolOnBytes(
  tool: string,
  args: (file: string) => string[],
  bytes: Buffer,
  fileName: string,
): Promise<{ code: number; stdout: string; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-tool-'));
  try {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    return await runTool(tool, args(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
