import * as oidc from 'openid-client';
import type { AppContext } from '../../platform/context.ts';
import { Problem, badRequest } from '../../platform/errors.ts';
import { inspectText } from '../../platform/input.ts';
import type { IdentityStore } from './store.ts';
import { randomSecret, sha256 } from './sessions.ts';
import type { LoginClaims } from './service.ts';

export const LOGIN_COOKIE = 'motcua_login';
const LOGIN_TTL_MS = 10 * 60_000;

/** The issuer this installation trusts: the configured one, else the built-in development provider. */
export function issuerUrl(ctx: AppContext): string {
  return ctx.config.identity.oidcIssuer ?? `${ctx.config.publicUrl}/dev-idp`;
}

export function redirectUri(ctx: AppContext): string {
  return `${ctx.config.publicUrl}/auth/callback`;
}

/**
 * Only a path on this site may follow a login, so /auth/login cannot be used to bounce people to
 * a look-alike site ("//evil.example" and "/\\evil.example" are other hosts to a browser).
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.length > 512) return '/';
  return value;
}

/** The relying party: authorization code flow with PKCE, state and nonce, via openid-client. */
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly store: IdentityStore,
  ) {}

  /** Discovered on first use (the built-in provider is only reachable once the server listens). */
  private config(): Promise<oidc.Configuration> {
    const { oidcClientId, oidcClientSecret } = this.ctx.config.identity;
    const issuer = new URL(issuerUrl(this.ctx));
    this.configuration ??= oidc
      .discovery(issuer, oidcClientId, oidcClientSecret, undefined, issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((err: unknown) => {
        this.configuration = undefined;
        throw new Problem(
          503,
          'identity_provider_unavailable',
          'Không kết nối được nhà cung cấp định danh, vui lòng thử lại sau.',
          'The identity provider cannot be reached; please try again later.',
          { cause: err instanceof Error ? err.message : String(err) },
        );
      });
    return this.configuration;
  }

  /** Starts a login: remembers the PKCE verifier, state and nonce; returns the provider URL and the browser-binding cookie value. */
  async begin(returnTo: string): Promise<{ url: string; attemptId: string }> {
    const config = await this.config();
    const now = this.ctx.clock.now();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const attemptId = randomSecret();
    await this.store.deleteLoginAttemptsBefore(new Date(now.getTime() - LOGIN_TTL_MS));
    await this.store.insertLoginAttempt({
      id_hash: sha256(attemptId),
      state,
      nonce,
      code_verifier: codeVerifier,
      return_to: safeReturnTo(returnTo),
      created_at: now,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(this.ctx),
      scope: this.ctx.config.identity.oidcScopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Always ask the provider to authenticate again: on a shared counter or kiosk, a provider
      // session left by the previous person must not sign the next one in silently.
      prompt: 'login',
    });
    return { url: url.href, attemptId };
  }

  /** Completes a login from the callback URL; returns the merged ID-token and userinfo claims. */
  async complete(attemptId: string | undefined, callbackPathAndQuery: string): Promise<{ claims: LoginClaims; returnTo: string }> {
    const expired = () =>
      badRequest('Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng đăng nhập lại.', 'The login attempt expired or is unknown; please log in again.');
    if (!attemptId) throw expired();
    const attempt = await this.store.takeLoginAttempt(sha256(attemptId));
    if (!attempt || this.ctx.clock.now().getTime() - new Date(attempt.created_at).getTime() > LOGIN_TTL_MS) throw expired();
    const config = await this.config();
    const current = new URL(callbackPathAndQuery, this.ctx.config.publicUrl);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw badRequest('Nhà cung cấp định danh không trả về ID token.', 'The identity provider returned no ID token.');
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
    } catch (err) {
      throw loginProblem(err);
    }
    // Claims go into the session row: text PostgreSQL cannot hold is the provider's fault, not a 500.
    if (inspectText(claims, 'claims'))
      throw badRequest(
        'Nhà cung cấp định danh trả về thông tin không hợp lệ, vui lòng thử lại sau.',
        'The identity provider returned claims that are not valid text.',
      );
    return { claims: claims as LoginClaims, returnTo: attempt.return_to };
  }
}

/**
 * What a citizen is told when the provider's part of a login fails, and what the operator finds in
 * the log (the Problem's `cause`). Unreachable or failing provider → 503 (try later); the person
 * cancelled → 400 saying so; anything else the provider answered (refused code, refused user-info
 * call with a WWW-Authenticate challenge, a bad ID token) → 400 "login failed, try again".
 */
export function loginProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  let p: Problem;
  const status = (err as { cause?: { status?: unknown } } | undefined)?.cause?.status;
  const code = (err as { code?: unknown } | undefined)?.code;
  if (err instanceof TypeError || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT' || (typeof status === 'number' && status >= 500)) {
    p = new Problem(
      503,
      'identity_provider_unavailable',
      'Không kết nối được nhà cung cấp định danh, vui lòng thử lại sau.',
      'The identity provider cannot be reached; please try again later.',
    );
  } else if (err instanceof oidc.AuthorizationResponseError && err.error === 'access_denied') {
    p = new Problem(400, 'login_cancelled', 'Bạn đã huỷ đăng nhập. Hãy đăng nhập lại khi sẵn sàng.', 'The login was cancelled; log in again when ready.');
  } else {
    p = new Problem(400, 'login_failed', 'Đăng nhập không thành công, vui lòng thử lại.', 'Login failed; please try again.');
  }
  (p as { cause?: unknown }).cause = err;
  return p;
}
