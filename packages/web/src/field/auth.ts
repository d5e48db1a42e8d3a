/**
 * How the field app is signed in, for the header's sign: the kit's offline credential (valid until
 * its expiry, unless the server refused it), the official's web session (after a re-login), or
 * neither — then sync cannot send and the official must sign in again. Offline work stays in
 * IndexedDB either way: signing in again is a page load, never a reset.
 */
export type FieldAuth = { kind: 'session'; name: string } | { kind: 'credential'; until: string } | { kind: 'expired' };

export interface FieldAuthInput {
  /** The kit credential's expiry (ISO). */
  credentialExpiresAt: string;
  /** The server-corrected time (clock.ts fieldNow). */
  now: Date;
  /** The latest sync was refused as a whole (401/403): the credential was revoked or replaced. */
  refused: boolean;
  /** The signed-in official's name when the web session is known to be live (online only). */
  sessionName: string | null;
}

export function fieldAuth(input: FieldAuthInput): FieldAuth {
  if (input.sessionName !== null) return { kind: 'session', name: input.sessionName };
  const expired = Date.parse(input.credentialExpiresAt) <= input.now.getTime();
  if (expired || input.refused) return { kind: 'expired' };
  return { kind: 'credential', until: input.credentialExpiresAt };
}
