import 'i18next';
import type { Messages } from './vi.ts';

// Typed keys: t('home.titel') fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
