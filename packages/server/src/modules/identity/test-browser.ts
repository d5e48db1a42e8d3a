import net from 'node:net';

/** A free TCP port, found before the app starts so its public URL (and the issuer) can name it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Cookie {
  name: string;
  value: string;
  host: string;
  path: string;
}

/**
 * Just enough of a browser for login-flow tests: fetch without automatic redirects and a cookie
 * jar that honours host, path and deletion. Everything else (forms, redirects) the test does by hand,
 * so each step of the flow is visible.
 */
export class TestBrowser {
  private cookies: Cookie[] = [];

  cookie(name: string, host?: string): string | undefined {
    return this.cookies.find((c) => c.name === name && (!host || c.host === host))?.value;
  }

  setCookie(name: string, value: string, url: string, path = '/') {
    const host = new URL(url).host;
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.host === host && c.path === path));
    this.cookies.push({ name, value, host, path });
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.cookies.filter((c) => c.host === u.host && (u.pathname === c.path || u.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)));
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (jar.length) headers.cookie = jar.map((c) => `${c.name}=${c.value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(u, line);
    return res;
  }

  private store(u: URL, line: string) {
    const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (k: string) =>
      attrs
        .find((a) => a.toLowerCase().startsWith(`${k}=`))
        ?.split('=')
        .slice(1)
        .join('=');
    const path = attr('path') ?? '/';
    const expires = attr('expires');
    const gone = attr('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() < Date.now()) || value === '';
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.host === u.host && c.path === path));
    if (!gone) this.cookies.push({ name, value, host: u.host, path });
  }

  /** Follows redirects (resolving relative locations) until a response that is not one, or until `stop` says so. */
  async follow(url: string, stop: (next: URL) => boolean = () => false): Promise<{ res: Response; url: string }> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
      const next = new URL(location, current);
      if (stop(next)) return { res, url: next.href };
      current = next.href;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** The `action` of the first form on an HTML page, resolved against the page URL. */
export function formAction(html: string, pageUrl: string, index = 0): string {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const action = actions[index];
  if (!action) throw new Error(`no form #${index} on ${pageUrl}:\n${html.slice(0, 500)}`);
  return new URL(action, pageUrl).href;
}

/** Hidden inputs of the page's forms (the stock oidc-provider pages carry some). */
export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1];
    if (name) out[name] = value ?? '';
  }
  return out;
}
