import { createHash, randomBytes } from 'node:crypto';

/**
 * Rating links: 16 random bytes (128 bits, 22 base64url characters, short enough for an SMS) that only the notice or the kiosk screen carries; the
 * database keeps their SHA-256, so a leaked table opens no link. Random tokens held in a table
 * rather than HMAC-signed ones: "single use" needs a row to spend anyway, and no key to manage
 * or rotate (docs/decisions.md).
 */
export const newToken = (): string => randomBytes(16).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The portal page that rates by link: the same page serves a notice's link and the desk's kiosk. */
export const RATING_PAGE = '/danh-gia';
export const ratingPath = (token: string): string => `${RATING_PAGE}/${token}`;
