import type { Sealed } from './types.ts';

/*
 * Encryption at rest for the field device — threat model.
 *
 * Protects against:
 *  - Leftovers. IndexedDB deletes do not scrub disk: Chromium's LevelDB keeps old values in logs
 *    and compacted tables for a while, and profile backups copy them. Every dossier body, survey
 *    comment, photo and the kit (with the offline credential and residents needing help) is
 *    AES-GCM-encrypted under one random 256-bit data key; synced records are deleted, and when the
 *    device is cleared the key itself is deleted, which makes every remaining copy of the
 *    ciphertext unreadable (crypto-shredding).
 *  - Key theft by script. The key is a non-extractable CryptoKey: an injected script, an
 *    extension reading IndexedDB through the page, or a bug that dumps storage cannot copy the key
 *    off the phone — at most it can decrypt while it runs on it.
 *  - Tampering and swapping. Each ciphertext is bound (AES-GCM additional data) to the id of its
 *    record, so moving one dossier's photo onto another fails to decrypt instead of misfiling it.
 *
 * Does NOT protect against someone holding the unlocked phone with the browser profile while a kit
 * is live: the browser stores the CryptoKey in the same profile. The limits there are the device
 * lock, the credential's bounded lifetime (end of the session day + 3 days) and revocation on the
 * server (DELETE /api/office/outreach/credentials/{id}) for a lost phone. A PIN-wrapped key would
 * close that gap at the cost of a PIN prompt on every start; not done here.
 */

// Types taken from the runtime's own WebCrypto, so this file compiles for the DOM and for Node.
export type DataKey = Parameters<typeof crypto.subtle.encrypt>[1];
type Bytes = Parameters<typeof crypto.subtle.digest>[1];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A fresh non-extractable AES-256-GCM key (WebCrypto: browser and Node 20 alike). */
export function newDataKey(): Promise<DataKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) as Promise<DataKey>;
}

export interface Sealer {
  seal(bytes: Uint8Array, recordId: string): Promise<Sealed>;
  open(sealed: Sealed, recordId: string): Promise<Uint8Array>;
  sealJson(value: unknown, recordId: string): Promise<Sealed>;
  openJson<T>(sealed: Sealed, recordId: string): Promise<T>;
}

export function sealerFor(key: DataKey): Sealer {
  const seal = async (bytes: Uint8Array, recordId: string): Promise<Sealed> => {
    // 96-bit random nonces: far below the 2^32 messages per key where collisions start to matter.
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(recordId) }, key, bytes as Bytes);
    return { iv, data };
  };
  const open = async (sealed: Sealed, recordId: string): Promise<Uint8Array> =>
    new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Bytes, additionalData: encoder.encode(recordId) }, key, sealed.data));
  return {
    seal,
    open,
    sealJson: (value, recordId) => seal(encoder.encode(JSON.stringify(value)), recordId),
    openJson: async <T>(sealed: Sealed, recordId: string) => JSON.parse(decoder.decode(await open(sealed, recordId))) as T,
  };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
