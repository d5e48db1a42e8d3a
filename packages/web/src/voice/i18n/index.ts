// Importing this module registers the ratings text (namespace `voice`) before a page renders it.
import { addMessages } from '../../i18n/index.ts';
import { voiceEn } from './en.ts';
import { voiceVi } from './vi.ts';

addMessages('voice', { vi: voiceVi, en: voiceEn });
