import { PassThrough, Transform, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertBlobKey, type BlobStore } from './blob-store.ts';

export interface S3Settings {
  endpoint: string | null;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** MinIO, Ceph and most self-hosted S3 servers address buckets by path, not by sub-domain. */
  forcePathStyle: boolean;
}

/**
 * S3-compatible storage. Uploads go through lib-storage's multipart Upload, which reads the stream
 * part by part (5 MiB) and aborts the multipart upload if the stream fails, so a refused upload
 * leaves no object and no orphaned parts.
 */
export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  constructor(
    private readonly s3: S3Settings,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        region: s3.region,
        ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
        forcePathStyle: s3.forcePathStyle,
        credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey },
      });
  }

  async put(key: string, stream: Readable): Promise<{ size: number }> {
    assertBlobKey(key);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        cb(null, chunk);
      },
    });
    // A source error must reach the body the SDK is reading, or the upload would hang.
    stream.on('error', (err) => counter.destroy(err));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.s3.bucket, Key: key, Body: stream.pipe(counter) },
      leavePartsOnError: false,
    });
    await upload.done();
    return { size };
  }

  get(key: string): Readable {
    assertBlobKey(key);
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }))
      .then((r) => {
        const body = r.Body as Readable | undefined;
        if (!body) throw new Error(`Empty S3 body for ${key}`);
        body.on('error', (err) => out.destroy(err));
        body.pipe(out);
      })
      .catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
    return out;
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key }));
  }
}
