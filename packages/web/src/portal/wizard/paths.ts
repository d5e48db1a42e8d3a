/** Citizen-facing paths, in one place so links and redirects agree. */
export const receiptPath = (code: string) => `/ho-so/${encodeURIComponent(code)}/bien-nhan`;
export const MY_DOSSIERS_PATH = '/ho-so-cua-toi';
export const lookupPath = (code?: string) => (code ? `/tra-cuu?ma=${encodeURIComponent(code)}` : '/tra-cuu');
