/** For other modules' tests: files of the kinds the uploads module takes, and the helpers around them. */
export { bigStream, citizen, filesUnder, JPEG, makeHeic, makePdf, makePng, multipart, official } from './test-files.ts';
