// A local fake of the Zalo APIs (ZNS template message and OAuth refresh) for tests, on loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeZalo {
  znsUrl: string;
  oauthUrl: string;
  /** Accepted ZNS messages. */
  sent: { phone: string; template_id: string; template_data: Record<string, string>; tracking_id: string; token: string }[];
  /** Every ZNS request, answered or not. */
  requests: number;
  refreshes: number;
  /** The only access token and refresh token Zalo currently honours. */
  validAccess: string;
  validRefresh: string;
  /** Numbers without a Zalo account (-118). */
  noAccount: Set<string>;
  /** The next n ZNS requests get HTTP 503. */
  failNext: number;
  close(): Promise<void>;
}

export async function startFakeZalo(o: { appId: string; secretKey: string; refreshToken: string }): Promise<FakeZalo> {
  const z: FakeZalo = {
    znsUrl: '',
    oauthUrl: '',
    sent: [],
    requests: 0,
    refreshes: 0,
    validAccess: 'never-issued',
    validRefresh: o.refreshToken,
    noAccount: new Set(),
    failNext: 0,
    close: async () => undefined,
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/v4/oa/access_token') {
        const form = new URLSearchParams(body);
        if (
          req.headers.secret_key !== o.secretKey ||
          form.get('app_id') !== o.appId ||
          form.get('grant_type') !== 'refresh_token' ||
          form.get('refresh_token') !== z.validRefresh
        ) {
          return json(res, 200, { error: -14014, error_name: 'Invalid refresh token', error_description: 'Invalid refresh token' });
        }
        z.refreshes++;
        z.validAccess = `access-${z.refreshes}`;
        z.validRefresh = `refresh-${z.refreshes}`;
        return json(res, 200, { access_token: z.validAccess, refresh_token: z.validRefresh, expires_in: '90000' });
      }
      if (req.url === '/message/template') {
        z.requests++;
        if (z.failNext > 0) {
          z.failNext--;
          return json(res, 503, { error: -100, message: 'Unknown error' });
        }
        const token = String(req.headers.access_token ?? '');
        if (token !== z.validAccess) return json(res, 200, { error: -124, message: 'Access token invalid' });
        const m = JSON.parse(body) as FakeZalo['sent'][number];
        if (z.noAccount.has(m.phone)) return json(res, 200, { error: -118, message: 'Zalo account not existed' });
        z.sent.push({ ...m, token });
        return json(res, 200, { error: 0, message: 'Success', data: { msg_id: `msg-${z.sent.length}`, sent_time: String(Date.now()) } });
      }
      json(res, 404, { error: -106, message: 'Method unsupported' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  z.znsUrl = `${base}/message/template`;
  z.oauthUrl = `${base}/v4/oa/access_token`;
  z.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return z;
}
