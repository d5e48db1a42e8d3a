import { type Static, Type } from '@sinclair/typebox';
import { DossierStateSchema } from './dossiers.ts';

/**
 * Where a dossier stands, cheaply: what the office page polls while work happens in the
 * background (the result being signed), to reload the dossier only when something changed.
 * Read from the projection and the document list, never the event log; no personal data.
 */
export const DossierProgressSchema = Type.Object(
  {
    code: Type.String(),
    /** The dossier's version (its last event's seq): it changes with every recorded action. */
    version: Type.Integer({ minimum: 1 }),
    state: Type.Ref(DossierStateSchema),
    /** How many signed documents have been issued so far. */
    documents: Type.Integer({ minimum: 0 }),
  },
  { $id: 'DossierProgress', additionalProperties: false },
);
export type DossierProgress = Static<typeof DossierProgressSchema>;

export const PROGRESS_SCHEMAS = [DossierProgressSchema];
