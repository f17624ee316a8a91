import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GuardError } from '../../core/errors.ts';
import type { BlobStore } from '../../ports/blob-store.ts';

/** A presigned URL lives at most 7 days (SigV4). */
const MAX_UPLOAD_URL_SECONDS = 7 * 24 * 3600;

/** Options of {@link S3BlobStore}. */
export interface S3BlobStoreOptions {
  bucket: string;
  client?: S3Client | undefined;
}

function blobError(action: string, key: string, error: unknown): GuardError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return new GuardError('BLOB_STORE_FAILED', `S3 ${action} "${key}" failed: ${name}: ${message}`, { cause: error });
}

/** Blobs in one S3 bucket; SDK failures become GuardErrors (BLOB_STORE_FAILED), a missing key is undefined. */
export class S3BlobStore implements BlobStore {
  private readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.client = options.client ?? new S3Client({});
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body }));
    } catch (error) {
      throw blobError('put', key, error);
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!output.Body) return new Uint8Array();
      return await output.Body.transformToByteArray();
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: unknown } | null)?.name === 'NoSuchKey') return undefined;
      throw blobError('get', key, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    try {
      for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      }
    } catch (error) {
      throw blobError('list', prefix, error);
    }
    return keys;
  }

  /** A presigned PUT URL; `expiresInSeconds` must be a whole number from 1 to 604800 (7 days). */
  async uploadUrl(key: string, expiresInSeconds: number): Promise<string> {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_UPLOAD_URL_SECONDS) {
      throw new GuardError('BLOB_STORE_FAILED', `An upload URL must expire in 1 to ${MAX_UPLOAD_URL_SECONDS} seconds, got ${expiresInSeconds}`);
    }
    try {
      return await getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds });
    } catch (error) {
      throw blobError('presign upload of', key, error);
    }
  }
}
