import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { DiskBlobStore } from './blob-store.ts';
import { createBlobStore } from './index.ts';
import { S3BlobStore } from './s3-blob-store.ts';

describe('upload configuration', () => {
  it('defaults to 10 MB on disk under DATA_DIR/uploads', () => {
    const config = loadConfig({ DATA_DIR: '/srv/motcua' });
    expect(config.uploadMaxBytes).toBe(10 * 1024 * 1024);
    const store = createBlobStore(config);
    expect(store).toBeInstanceOf(DiskBlobStore);
    expect((store as DiskBlobStore).root).toBe(path.resolve('/srv/motcua/uploads'));
  });

  it('reads UPLOAD_MAX_BYTES and refuses nonsense', () => {
    expect(loadConfig({ UPLOAD_MAX_BYTES: '5242880' }).uploadMaxBytes).toBe(5242880);
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: '10MB' })).toThrow(/UPLOAD_MAX_BYTES/);
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: '0' })).toThrow(/UPLOAD_MAX_BYTES/);
  });

  it('uses S3 when STORAGE=s3 and names what is missing', () => {
    const env = { STORAGE: 's3', S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'motcua', S3_ACCESS_KEY: 'k', S3_SECRET_KEY: 's' };
    const config = loadConfig(env);
    expect(config.storage).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      bucket: 'motcua',
      accessKey: 'k',
      secretKey: 's',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(createBlobStore(config)).toBeInstanceOf(S3BlobStore);
    expect(() => loadConfig({ ...env, S3_BUCKET: '' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ STORAGE: 'ftp' })).toThrow(/STORAGE/);
  });
});
