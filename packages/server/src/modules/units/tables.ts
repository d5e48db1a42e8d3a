import type { ColumnType, Generated } from 'kysely';

export interface UnitTable {
  code: string;
  name: string;
  name_en: string | null;
  full_name: string;
  full_name_en: string | null;
  type: string;
  province_code: string | null;
  /** Set by a system administrator; null: the default derivation (agency.ts). */
  agency_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HamletTable {
  code: string;
  unit_code: string;
  name: string;
  kind: string;
  distance_km: number | null;
  travel_minutes: number | null;
  active: Generated<boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface UnitsTables {
  unit: UnitTable;
  hamlet: HamletTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends UnitsTables {}
}
