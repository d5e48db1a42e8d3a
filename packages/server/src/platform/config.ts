import path from 'node:path';

/** Everything an operator can set, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Embedded database, uploads and development keys live here unless configured otherwise. */
  dataDir: string;
  /** When set, a real PostgreSQL server is used instead of the embedded PGlite. */
  databaseUrl: string | null;
  /** Public base URL, used in QR codes, e-mails and OIDC redirects. */
  publicUrl: string;
  /** Secret for cookies and derived keys; generated per data folder in development. */
  sessionSecret: string | null;
  logLevel: string;
  /** Load demo accounts, hamlets and dossiers when the database is new. */
  demoData: boolean;
  webDist: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl: publicUrl.replace(/\/$/, ''),
    sessionSecret: env.SESSION_SECRET || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: (env.DEMO_DATA ?? 'true') !== 'false',
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
  };
}

export { repoRoot };
