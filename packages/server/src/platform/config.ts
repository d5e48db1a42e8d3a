import net from 'node:net';
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
  /**
   * With demo data, also seed a week of demo dossiers (DEMO_DOSSIERS). Off by default under the
   * test runner: it costs seconds per test app and fills other modules' tables (outbox, audit).
   */
  demoDossiers: boolean;
  /** Run as if it were this moment (the clock then runs on from it): demos, training, tests. */
  clockStart: Date | null;
  webDist: string;
  /** Citizen and official login, sessions and rate limits (modules/identity). */
  identity: IdentityConfig;
  /** Largest accepted upload (UPLOAD_MAX_BYTES, default 10 MB). */
  uploadMaxBytes: number;
  /** Where uploaded files live: `${dataDir}/uploads` by default, or an S3-compatible bucket. */
  storage: StorageConfig;
  /** E-mail and SMS delivery of the outbox (modules/notifications). */
  notifications: NotificationsConfig;
  /** Signing of issued documents and delivery of results (modules/results). */
  results: ResultsConfig;
  /** Anchoring of the audit chains (modules/audit/anchoring.ts). */
  audit: AuditConfig;
  /** Online payment gateway (modules/payments); the built-in sandbox when not configured. */
  payments: PaymentsConfig;
  /**
   * TRUST_PROXY: which reverse proxies may tell us the client's address (X-Forwarded-For) and
   * protocol. false (default): none, the socket's peer is the client. A number: that many proxies
   * in front. A list: the proxies' addresses or CIDR ranges (and proxy-addr's `loopback`,
   * `linklocal`, `uniquelocal`). Rate limits are per client address, so trusting a client's own
   * header would give it a fresh limit per made-up address.
   */
  trustProxy: TrustProxy;
}

export interface AuditConfig {
  /** AUDIT_ANCHOR_MINUTES (default 60): how often the worker signs the chains' heads. */
  anchorMinutes: number;
  /** AUDIT_REPORT_HOUR (0–23 Vietnam time, default 18): when the day's anchor is e-mailed to the unit's leaders. */
  reportHour: number;
}

function auditConfigFrom(env: NodeJS.ProcessEnv): AuditConfig {
  const anchorMinutes = Number(env.AUDIT_ANCHOR_MINUTES || 60);
  if (!(anchorMinutes > 0 && anchorMinutes <= 24 * 60)) throw new Error(`AUDIT_ANCHOR_MINUTES must be between 1 and 1440, not "${env.AUDIT_ANCHOR_MINUTES}"`);
  const reportHour = Number(env.AUDIT_REPORT_HOUR || 18);
  if (!(Number.isInteger(reportHour) && reportHour >= 0 && reportHour <= 23))
    throw new Error(`AUDIT_REPORT_HOUR must be an hour 0–23, not "${env.AUDIT_REPORT_HOUR}"`);
  return { anchorMinutes, reportHour };
}

export type TrustProxy = false | number | string[];

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function trustProxyFrom(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === 'none') return false;
  if (v === 'true') {
    throw new Error(
      "TRUST_PROXY=true would believe any client's own X-Forwarded-For; give the proxies' addresses (e.g. 10.0.0.5,10.0.1.0/24 or loopback) or how many there are (e.g. 1)",
    );
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops < 1 || hops > 10) throw new Error(`TRUST_PROXY as a hop count must be 1 to 10, not "${v}"`);
    return hops;
  }
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (PROXY_KEYWORDS.has(item)) continue;
    const [address = '', prefix, ...rest] = item.split('/');
    const family = net.isIP(address);
    const max = family === 4 ? 32 : 128;
    if (!family || rest.length || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= max))) {
      throw new Error(`TRUST_PROXY: "${item}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`);
    }
  }
  return items;
}

export interface P12File {
  path: string;
  passphrase: string;
}

export interface ResultsConfig {
  /** Development CA and one key+certificate per unit, created on first use (DATA_DIR/pki). */
  pkiDir: string;
  /** SIGNING_P12_PATH + SIGNING_P12_PASSPHRASE: one real PKCS#12 for every unit (replaces the dev CA). */
  p12: P12File | null;
  /** SIGNING_P12_PATH_<unit code> + SIGNING_P12_PASSPHRASE_<unit code>: a unit's own PKCS#12. */
  unitP12: Record<string, P12File>;
  /** POSTAL_COD_FEE_VND: cash-on-delivery fee shown to citizens (a configurable stand-in value). */
  postalCodFeeVnd: number;
  /** POSTAL_WEBHOOK_SECRET: HMAC-SHA256 key of the carrier's status webhook; null → webhook off. */
  postalWebhookSecret: string | null;
}

function resultsConfigFrom(env: NodeJS.ProcessEnv, dataDir: string): ResultsConfig {
  const pair = (pathVar: string, passVar: string): P12File | null => {
    const file = env[pathVar];
    if (!file) return null;
    if (env[passVar] === undefined) throw new Error(`${pathVar} is set but ${passVar} is not`);
    return { path: path.resolve(file), passphrase: env[passVar]! };
  };
  const unitP12: Record<string, P12File> = {};
  for (const name of Object.keys(env)) {
    const m = /^SIGNING_P12_PATH_(\d{5})$/.exec(name);
    if (m) unitP12[m[1]!] = pair(name, `SIGNING_P12_PASSPHRASE_${m[1]}`)!;
  }
  const fee = Number(env.POSTAL_COD_FEE_VND ?? 25_000);
  if (!Number.isSafeInteger(fee) || fee < 0) throw new Error(`POSTAL_COD_FEE_VND must be a whole number of đồng, not "${env.POSTAL_COD_FEE_VND}"`);
  return {
    pkiDir: path.join(dataDir, 'pki'),
    p12: pair('SIGNING_P12_PATH', 'SIGNING_P12_PASSPHRASE'),
    unitP12,
    postalCodFeeVnd: fee,
    postalWebhookSecret: env.POSTAL_WEBHOOK_SECRET || null,
  };
}

export interface NotificationsConfig {
  /** SMTP_URL (smtp://user:pass@host:587, smtps://…:465); null → .eml files in DATA_DIR/outbox-mail. */
  smtpUrl: string | null;
  mailFrom: string;
  /** SMS_URL of a gateway taking POST {to, text} with SMS_TOKEN as bearer; null → DATA_DIR/sms.log. */
  smsUrl: string | null;
  smsToken: string | null;
  /** NOTIFICATIONS_WORKER=false: this process only enqueues; other processes deliver. */
  worker: boolean;
  pollMs: number;
  /** SMS_CALLBACK_SECRET: HMAC key of the gateway's delivery reports; null → the report route is off. */
  smsCallbackSecret: string | null;
  zalo: ZaloConfig;
}

/** Zalo Notification Service: the real API when app id, secret key and refresh token are all set; else DATA_DIR/zalo.log. */
export interface ZaloConfig {
  znsUrl: string;
  oauthUrl: string;
  appId: string | null;
  secretKey: string | null;
  refreshToken: string | null;
  /** ZALO_OA_SECRET_KEY: the OA's secret key, which signs Zalo's webhooks (not the app secret key). */
  oaSecretKey: string | null;
  /** ZALO_TEMPLATE_<KIND> (RECEIVED, RESULT_READY, …) → ZNS template id, by notice kind. */
  templates: Record<string, string>;
}

function zaloConfigFrom(env: NodeJS.ProcessEnv): ZaloConfig {
  const templates: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (k.startsWith('ZALO_TEMPLATE_') && v) templates[k.slice('ZALO_TEMPLATE_'.length).toLowerCase()] = v;
  return {
    znsUrl: env.ZALO_ZNS_URL || 'https://business.openapi.zalo.me/message/template',
    oauthUrl: env.ZALO_OAUTH_URL || 'https://oauth.zaloapp.com/v4/oa/access_token',
    appId: env.ZALO_APP_ID || null,
    secretKey: env.ZALO_SECRET_KEY || null,
    refreshToken: env.ZALO_REFRESH_TOKEN || null,
    oaSecretKey: env.ZALO_OA_SECRET_KEY || null,
    templates,
  };
}

function notificationsConfigFrom(env: NodeJS.ProcessEnv, publicUrl: string): NotificationsConfig {
  const pollMs = Number(env.OUTBOX_POLL_MS || 1000);
  if (!(pollMs > 0)) throw new Error(`OUTBOX_POLL_MS must be a positive number, not "${env.OUTBOX_POLL_MS}"`);
  return {
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || `Motcua <no-reply@${new URL(publicUrl).hostname}>`,
    smsUrl: env.SMS_URL || null,
    smsToken: env.SMS_TOKEN || null,
    worker: (env.NOTIFICATIONS_WORKER ?? 'true') !== 'false',
    pollMs,
    smsCallbackSecret: env.SMS_CALLBACK_SECRET || null,
    zalo: zaloConfigFrom(env),
  };
}

export type StorageConfig =
  | { kind: 'disk' }
  | { kind: 's3'; endpoint: string | null; bucket: string; accessKey: string; secretKey: string; region: string; forcePathStyle: boolean };

function storageFrom(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = env.STORAGE ?? 'disk';
  if (kind === 'disk') return { kind: 'disk' };
  if (kind !== 's3') throw new Error(`STORAGE must be "disk" or "s3", not "${kind}"`);
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`STORAGE=s3 needs ${name}`);
    return v;
  };
  return {
    kind: 's3',
    endpoint: env.S3_ENDPOINT || null,
    bucket: need('S3_BUCKET'),
    accessKey: need('S3_ACCESS_KEY'),
    secretKey: need('S3_SECRET_KEY'),
    region: env.S3_REGION ?? 'us-east-1',
    forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? 'true') !== 'false',
  };
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number of bytes, not "${value}"`);
  return n;
}

export interface IdentityConfig {
  /** OpenID Connect issuer; null means the built-in development provider at `${publicUrl}/dev-idp`. */
  oidcIssuer: string | null;
  oidcClientId: string;
  oidcClientSecret: string;
  oidcScopes: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Requests per minute per client address on login routes and on public look-ups. */
  rateLimitLoginPerMinute: number;
  rateLimitLookupPerMinute: number;
}

function identityConfigFrom(env: NodeJS.ProcessEnv): IdentityConfig {
  const num = (name: string, fallback: number) => {
    const n = Number(env[name] || fallback);
    if (!(n > 0)) throw new Error(`${name} must be a positive number, not "${env[name]}"`);
    return n;
  };
  return {
    oidcIssuer: env.OIDC_ISSUER ? env.OIDC_ISSUER.replace(/\/$/, '') : null,
    oidcClientId: env.OIDC_CLIENT_ID || 'motcua-dev',
    oidcClientSecret: env.OIDC_CLIENT_SECRET || 'motcua-dev-secret',
    oidcScopes: env.OIDC_SCOPES || 'openid profile phone address vneid motcua',
    sessionIdleMinutes: num('SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: num('SESSION_ABSOLUTE_HOURS', 12),
    rateLimitLoginPerMinute: num('RATE_LIMIT_LOGIN_PER_MINUTE', 30),
    rateLimitLookupPerMinute: num('RATE_LIMIT_LOOKUP_PER_MINUTE', 120),
  };
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data'));
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    publicUrl: publicUrl.replace(/\/$/, ''),
    sessionSecret: env.SESSION_SECRET || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: (env.DEMO_DATA ?? 'true') !== 'false',
    demoDossiers: (env.DEMO_DOSSIERS ?? (process.env.VITEST ? 'false' : 'true')) !== 'false',
    clockStart: clockStartFrom(env.MOTCUA_CLOCK_START),
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    identity: identityConfigFrom(env),
    uploadMaxBytes: positiveInt('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    storage: storageFrom(env),
    notifications: notificationsConfigFrom(env, publicUrl),
    results: resultsConfigFrom(env, dataDir),
    audit: auditConfigFrom(env),
    payments: paymentsConfigFrom(env, publicUrl.replace(/\/$/, '')),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
  };
}

export { repoRoot };

export interface PaymentsConfig {
  /** VNPAY's payment page (PAYMENT_VNPAY_URL); default the sandbox on this server. */
  vnpayUrl: string;
  /** VNPAY's merchant web API for querydr and refund (PAYMENT_VNPAY_API_URL). */
  vnpayApiUrl: string;
  vnpayTmnCode: string;
  vnpayHashSecret: string;
  /** True when the built-in sandbox gateway stands in for VNPAY (and is mounted). */
  sandbox: boolean;
  /**
   * Each unit's account for VietQR transfers (PAYMENT_BANK_ACCOUNTS, JSON `{unitCode: {bankBin,
   * bankName, accountNumber, accountName}}`); null = every unit gets the labelled demo account.
   */
  bankAccounts: Record<string, BankAccount> | null;
  /** Shared secret of the bank's signed notifications (PAYMENT_BANK_WEBHOOK_SECRET). */
  bankWebhookSecret: string;
}

export interface BankAccount {
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
}

/** Published like the sandbox terminal's: the demo webhook secret signs nothing that moves money. */
export const SANDBOX_BANK_WEBHOOK_SECRET = 'MOTCUA-BANK-WEBHOOK-SANDBOX-SECRET-NOT-FOR-PRODUCTION';

function bankConfigFrom(env: NodeJS.ProcessEnv): Pick<PaymentsConfig, 'bankAccounts' | 'bankWebhookSecret'> {
  let bankAccounts: Record<string, BankAccount> | null = null;
  if (env.PAYMENT_BANK_ACCOUNTS) {
    const parsed = JSON.parse(env.PAYMENT_BANK_ACCOUNTS) as Record<string, BankAccount>;
    for (const [unit, a] of Object.entries(parsed)) {
      if (!/^\d{6}$/.test(a.bankBin ?? '') || !/^[0-9A-Za-z]{1,19}$/.test(a.accountNumber ?? '') || !a.accountName || !a.bankName)
        throw new Error(`PAYMENT_BANK_ACCOUNTS: unit ${unit} needs bankBin (6 digits), bankName, accountNumber (≤ 19 letters/digits), accountName`);
    }
    bankAccounts = parsed;
  }
  if (bankAccounts && !env.PAYMENT_BANK_WEBHOOK_SECRET) throw new Error('PAYMENT_BANK_ACCOUNTS needs PAYMENT_BANK_WEBHOOK_SECRET');
  return { bankAccounts, bankWebhookSecret: env.PAYMENT_BANK_WEBHOOK_SECRET || SANDBOX_BANK_WEBHOOK_SECRET };
}

/** Published in the sandbox page and the tests: the sandbox terminal's code and secret are not secrets. */
export const SANDBOX_VNPAY = { tmnCode: 'MOTCUA01', hashSecret: 'MOTCUA-SANDBOX-HASH-SECRET-NOT-FOR-PRODUCTION' } as const;

function paymentsConfigFrom(env: NodeJS.ProcessEnv, publicUrl: string): PaymentsConfig {
  const configured = Boolean(env.PAYMENT_VNPAY_URL);
  if (configured && (!env.PAYMENT_VNPAY_TMN_CODE || !env.PAYMENT_VNPAY_HASH_SECRET)) {
    throw new Error('PAYMENT_VNPAY_URL needs PAYMENT_VNPAY_TMN_CODE and PAYMENT_VNPAY_HASH_SECRET');
  }
  if (!configured) {
    return {
      vnpayUrl: `${publicUrl}/sandbox/vnpay/paymentv2/vpcpay.html`,
      vnpayApiUrl: `${publicUrl}/sandbox/vnpay/merchant_webapi/api/transaction`,
      vnpayTmnCode: SANDBOX_VNPAY.tmnCode,
      vnpayHashSecret: SANDBOX_VNPAY.hashSecret,
      sandbox: true,
      ...bankConfigFrom(env),
    };
  }
  return {
    vnpayUrl: env.PAYMENT_VNPAY_URL!,
    vnpayApiUrl: env.PAYMENT_VNPAY_API_URL || new URL('/merchant_webapi/api/transaction', env.PAYMENT_VNPAY_URL!).href,
    vnpayTmnCode: env.PAYMENT_VNPAY_TMN_CODE!,
    vnpayHashSecret: env.PAYMENT_VNPAY_HASH_SECRET!,
    sandbox: false,
    ...bankConfigFrom(env),
  };
}

function clockStartFrom(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`MOTCUA_CLOCK_START must be an ISO 8601 date-time, not "${value}"`);
  return d;
}
