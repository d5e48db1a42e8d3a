// @motcua/core/voice: the citizen's voice — dossier ratings (criteria, scale, tallies) and the
// feedback (PAKN) deadline rule. Pure: the server and the field app compute the same.
export * from './ratings.ts';
export * from './feedback.ts';
