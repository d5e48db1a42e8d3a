// Document engine of the results module: plain data in, PDF bytes out. No HTTP, no storage.
export { renderApology, renderReceipt, renderRefusal, renderSupplementRequest } from './forms.ts';
export { renderResult } from './result.ts';
export { renderCivilRecord, type CivilBlock, type CivilRecordInput } from './civil.ts';
export { fillTemplate, MissingPlaceholderError, vnDate, vnDateTime, vnShortDate, placeAndDate, localParts, TIME_ZONE } from './format.ts';
export type { TemplateValue } from './format.ts';
export type * from './types.ts';
export { CHANNEL_LABEL } from './types.ts';
