import fs from 'node:fs/promises';
import path from 'node:path';

/*
 * Zalo Notification Service (ZNS): approved template messages to a phone number.
 *
 * Sources (the official developers.zalo.me pages are not in our reference store; what we could read):
 *  - Send: POST https://business.openapi.zalo.me/message/template, header `access_token`, JSON
 *    { phone: "84…", template_id, template_data, tracking_id } → { error: 0, message, data: { msg_id, sent_time } }
 *    (endpoint as used by Zalo SDKs, e.g. redai-zalo-sdk's ZNSService; fields as in eTelecom's ZNS docs).
 *  - Error codes: zalo.cloud/zns/guidelines/handle-error-code ("Cách xử lý mã lỗi"): 0 success, -100 unknown
 *    error ("vui lòng thử lại sau"), -108 phone number invalid, -109 template ID invalid, -111/-112 template
 *    data empty/invalid, -118 Zalo account not existed, -124 access token invalid.
 *  - Token: POST https://oauth.zaloapp.com/v4/oa/access_token, form { refresh_token, app_id,
 *    grant_type=refresh_token }, header `secret_key` (the app's secret key) → { access_token, refresh_token,
 *    expires_in }. Each refresh token works once: the new pair must be kept (ZaloTokenStore).
 */
export const ZNS_TEMPLATE_URL = 'https://business.openapi.zalo.me/message/template';
export const ZALO_OAUTH_URL = 'https://oauth.zaloapp.com/v4/oa/access_token';
export const ZNS_ACCESS_TOKEN_INVALID = -124;
export const ZNS_UNKNOWN_ERROR = -100;

export interface ZaloMessage {
  /** International form without "+": 84912345678. */
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Ours, echoed in Zalo's callbacks: the outbox message it carries. */
  trackingId: string;
}

export interface ZaloSender {
  readonly kind: string;
  send(message: ZaloMessage): Promise<{ id: string }>;
}

/**
 * Zalo's final "no" for this message (no Zalo account for the number, template rejected, quota):
 * retrying will not help, the notice goes by SMS instead.
 */
export class ZaloRefusal extends Error {
  override name = 'ZaloRefusal';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`ZNS ${code}: ${message}`);
  }
}

export interface ZaloToken {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

/** Where the newest token pair lives (the database, so every worker process shares it). */
export interface ZaloTokenStore {
  load(): Promise<ZaloToken | null>;
  save(token: ZaloToken): Promise<void>;
}

/** 0912 345 678, +84912345678, 84912345678 → 84912345678; null when it is not a Vietnamese mobile number. */
export function toZaloPhone(phone: string): string | null {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+/, '');
  const national = digits.startsWith('84') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : null;
  return national && /^[35789]\d{8}$/.test(national) ? `84${national}` : null;
}

export interface HttpZaloOptions {
  url: string;
  oauthUrl: string;
  appId: string;
  secretKey: string;
  /** The refresh token from configuration, used until the store holds a newer one. */
  refreshToken: string;
  tokens: ZaloTokenStore;
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The real ZNS API with the access token refreshed when Zalo says it is no longer valid. */
export function httpZaloSender(o: HttpZaloOptions): ZaloSender {
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? (() => new Date());
  const signal = () => AbortSignal.timeout(o.timeoutMs ?? 15_000);

  async function refresh(stale: ZaloToken | null): Promise<ZaloToken> {
    const refreshToken = stale?.refreshToken ?? o.refreshToken;
    const response = await doFetch(o.oauthUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: o.secretKey },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: o.appId, grant_type: 'refresh_token' }).toString(),
      signal: signal(),
    });
    const json = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      refresh_token?: string;
      expires_in?: string | number;
      error?: number;
      error_description?: string;
    };
    if (!response.ok || !json.access_token || !json.refresh_token) {
      // Another worker may have refreshed first (the old refresh token then fails): take its pair.
      const latest = await o.tokens.load();
      if (latest && latest.refreshToken !== refreshToken) return latest;
      throw new Error(`Zalo token refresh failed (${response.status} ${json.error ?? ''} ${json.error_description ?? ''})`.trim());
    }
    const token = {
      accessToken: json.access_token,
      refreshToken: json.refresh_token,
      expiresAt: new Date(now().getTime() + Number(json.expires_in ?? 0) * 1000),
    };
    await o.tokens.save(token);
    return token;
  }

  async function post(token: ZaloToken, m: ZaloMessage): Promise<{ error: number; message: string; msgId: string | null }> {
    const response = await doFetch(o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token.accessToken },
      body: JSON.stringify({ phone: m.phone, template_id: m.templateId, template_data: m.templateData, tracking_id: m.trackingId }),
      signal: signal(),
    });
    if (response.status >= 500 || response.status === 429) throw new Error(`ZNS HTTP ${response.status}`);
    const json = (await response.json().catch(() => null)) as { error?: number; message?: string; data?: { msg_id?: string } } | null;
    if (!json || typeof json.error !== 'number') throw new Error(`ZNS answered HTTP ${response.status} without an error code`);
    return { error: json.error, message: json.message ?? '', msgId: json.data?.msg_id ?? null };
  }

  return {
    kind: 'zns',
    async send(m) {
      let token = await o.tokens.load();
      if (!token || token.expiresAt.getTime() <= now().getTime()) token = await refresh(token);
      let r = await post(token, m);
      if (r.error === ZNS_ACCESS_TOKEN_INVALID) {
        token = await refresh(token);
        r = await post(token, m);
      }
      if (r.error === 0) return { id: r.msgId ?? m.trackingId };
      // -100 says "try again later"; everything else is Zalo's answer for this message.
      if (r.error === ZNS_UNKNOWN_ERROR) throw new Error(`ZNS ${r.error}: ${r.message}`);
      throw new ZaloRefusal(r.error, r.message);
    },
  };
}

/** Development stand-in: one JSON line per message in `file` (`tail -f data/zalo.log`). */
export function fileZaloSender(file: string, now: () => Date = () => new Date()): ZaloSender {
  return {
    kind: 'file',
    async send(m) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.appendFile(
        file,
        JSON.stringify({ at: now().toISOString(), id: m.trackingId, to: m.phone, template: m.templateId, data: m.templateData }) + '\n',
      );
      return { id: m.trackingId };
    },
  };
}
