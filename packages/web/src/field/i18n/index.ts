// Importing this module registers the field's text (namespace `field`); every field route chunk imports it.
import { addMessages } from '../../i18n/index.ts';
import { fieldEn } from './en.ts';
import { fieldVi } from './vi.ts';

addMessages('field', { vi: fieldVi, en: fieldEn });
