import 'i18next';
import type { FieldMessages } from '../field/i18n/vi.ts';
import type { DiscrepancyMessages } from '../office/discrepancies/i18n.ts';
import type { ReconciliationMessages } from '../office/payments/i18n.ts';
import type { OfficeMessages } from '../office/i18n/vi.ts';
import type { PortalMessages } from '../portal/i18n/vi.ts';
import type { Messages } from './vi.ts';
import type { VoiceMessages } from '../voice/i18n/vi.ts';
import type { NoticesMessages } from '../notices/i18n.ts';
import type { ReferenceMessages } from '../office/reference/i18n.ts';

// Typed keys: t('home.titel') fails to compile. Shared text is the default namespace (at run
// time defaultNS is 'common'); an app's own text is reached as 'portal:…', 'office:…' or
// 'field:…' — listing them here is what lets every t() take those prefixed keys — and is
// registered by the app's route chunks (addMessages) before they render.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: ['common', 'portal', 'office', 'field', 'discrepancies', 'voice', 'notices', 'reference', 'reconciliation'];
    resources: {
      common: Messages;
      portal: PortalMessages;
      office: OfficeMessages;
      field: FieldMessages;
      discrepancies: DiscrepancyMessages;
      reconciliation: ReconciliationMessages;
      voice: VoiceMessages;
      notices: NoticesMessages;
      reference: ReferenceMessages;
    };
    returnNull: false;
  }
}
