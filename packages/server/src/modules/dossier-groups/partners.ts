import type { Db } from '../../db/database.ts';

/**
 * How a member handled by another agency is sent there. The built-in adapter records the
 * outbound message in `partner_message` (in the dossier event's transaction, so a message is
 * never lost nor sent for a rolled-back event); a connector for the agency's system reads it
 * from there. Chosen by configuration, like the notification adapters.
 */
export interface PartnerAdapter {
  readonly name: string;
  send(trx: Db, message: PartnerMessage): Promise<void>;
}

export interface PartnerMessage {
  memberCode: string;
  groupCode: string;
  agency: string;
  procedureCode: string;
  /** What the partner needs from the lead member (the birth registration's result). */
  leadDossierCode: string;
  unitCode: string;
  sentAt: Date;
}

export const localPartnerAdapter: PartnerAdapter = {
  name: 'local',
  async send(trx, m) {
    await trx
      .insertInto('partner_message')
      .values({ member_code: m.memberCode, agency: m.agency, adapter: 'local', payload: JSON.stringify(m), created_at: m.sentAt })
      .execute();
  },
};
