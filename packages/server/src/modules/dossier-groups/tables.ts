import type { ColumnType, Generated } from 'kysely';

export interface DossierGroupTable {
  code: string;
  group_code: string;
  unit_code: string;
  lead_dossier_code: string;
  submitted_at: Date;
}

export interface DossierGroupMemberTable {
  code: string;
  group_code: string;
  member_key: string;
  position: number;
  procedure_code: string;
  agency: string;
  handled_by: 'motcua' | 'partner';
  /** The Motcua dossier of a member handled here; null for partner members. */
  dossier_code: string | null;
  /** A partner member's state (PARTNER_MEMBER_STATES); for a Motcua member, its dossier's. */
  state: string;
  depends_on: ColumnType<string[], string, string>;
  due_at: Date | null;
}

export interface DossierGroupEventTable {
  id: Generated<number>;
  member_code: string;
  at: Date;
  action: string;
  note: string | null;
}

export interface PartnerMessageTable {
  id: Generated<number>;
  member_code: string;
  agency: string;
  adapter: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Date;
}

declare module '../../db/schema.ts' {
  interface Database {
    dossier_group: DossierGroupTable;
    dossier_group_member: DossierGroupMemberTable;
    dossier_group_event: DossierGroupEventTable;
    partner_message: PartnerMessageTable;
  }
}
