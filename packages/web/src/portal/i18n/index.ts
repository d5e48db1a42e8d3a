// Importing this module registers the portal's text (namespace `portal`); every portal route chunk imports it.
import { addMessages } from '../../i18n/index.ts';
import { portalEn } from './en.ts';
import { portalVi } from './vi.ts';

addMessages('portal', { vi: portalVi, en: portalEn });
