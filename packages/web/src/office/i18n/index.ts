// Importing this module registers the office's text (namespace `office`); every office route chunk imports it.
import { addMessages } from '../../i18n/index.ts';
import { officeEn } from './en.ts';
import { officeVi } from './vi.ts';

addMessages('office', { vi: officeVi, en: officeEn });
