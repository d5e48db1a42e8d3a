import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import { DiskBlobStore, type BlobStore } from './blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

export {
  UploadsService,
  type OfficialReadHook,
  type AttachmentInput,
  type Attachment,
  type PersonalDocumentInput,
  type PersonalDocument,
  type UploadView,
  openStored,
  fileUnavailable,
} from './service.ts';
export type { BlobStore } from './blob-store.ts';
export { contentDisposition } from './routes.ts';

/** The configured storage: `${DATA_DIR}/uploads` unless STORAGE=s3. */
export function createBlobStore(config: Config): BlobStore {
  if (config.storage.kind === 's3') return new S3BlobStore(config.storage);
  return new DiskBlobStore(path.join(config.dataDir, 'uploads'));
}
