import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date, Date>;

/** A member of staff. Roles apply in every unit listed; matched to OIDC logins by subject (or username before the first login). */
export interface OfficialTable {
  id: string;
  username: string;
  /** OIDC `sub` at the configured issuer; null until the first login binds it. */
  subject: string | null;
  full_name: string;
  roles: string[];
  unit_codes: string[];
  /** Work address for the unit's reports (e.g. the daily audit anchor); null when none was given. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Position (chức vụ) printed under a signature, e.g. "Phó Chủ tịch Ủy ban nhân dân"; null when not recorded. */
  job_title: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Server-side session: only the SHA-256 of the cookie value is stored. */
export interface AuthSessionTable {
  id_hash: string;
  csrf_hash: string;
  kind: 'citizen' | 'official';
  subject: string;
  official_id: string | null;
  /** Citizen claims as received from the provider (CCCD, name, birth date, address...). */
  claims: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** An OIDC login in progress: PKCE verifier, state and nonce, bound to the browser by a cookie. */
export interface LoginAttemptTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  label: string;
  role: string;
  unit_code: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** One rate-limit window per route and client address, shared by every server process. */
export interface RateLimitTable {
  key: string;
  hits: number;
  window_ends_at: Timestamp;
}

export interface IdentityTables {
  official: OfficialTable;
  auth_session: AuthSessionTable;
  login_attempt: LoginAttemptTable;
  api_token: ApiTokenTable;
  identity_rate_limit: RateLimitTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends IdentityTables {}
}
