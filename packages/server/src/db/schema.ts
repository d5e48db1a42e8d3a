import type { UnitsTables } from '../modules/units/tables.ts';
import type { CatalogTables } from '../modules/catalog/tables.ts';
import type { NotificationsTables } from '../modules/notifications/tables.ts';
import type { IdentityTables } from '../modules/identity/tables.ts';
import type { UploadsTables } from '../modules/uploads/tables.ts';
import type { AuditTables } from '../modules/audit/tables.ts';
import type { DossiersTables } from '../modules/dossiers/tables.ts';
import type { OutreachTables } from '../modules/outreach/tables.ts';
import type { ResultsTables } from '../modules/results/tables.ts';

/** All tables, composed from the modules that own them. */
export interface Database
  extends UnitsTables,
    CatalogTables,
    NotificationsTables,
    UploadsTables,
    AuditTables,
    DossiersTables,
    IdentityTables,
    OutreachTables,
    ResultsTables {}
