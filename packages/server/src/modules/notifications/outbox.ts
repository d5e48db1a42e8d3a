/** Outbox topic of the notices the dossier workflow announces (platform/outbox carries them). */
export const DOSSIER_NOTICE = 'dossier.notice';
