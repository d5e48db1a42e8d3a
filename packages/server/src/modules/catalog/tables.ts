import type { ColumnType, Generated } from 'kysely';
import type { Procedure } from '@motcua/core/catalog';

export interface ProcedureTable {
  code: string;
  national_code: string | null;
  field_key: string;
  online: string | null;
  document: ColumnType<Procedure, string, string>;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string | null;
}

export interface CatalogTables {
  procedure: ProcedureTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends CatalogTables {}
}
