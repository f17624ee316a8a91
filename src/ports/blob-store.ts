/** Campaign files, per-recipient digests and uploads: S3 on AWS, a folder locally. */
export interface BlobStore {
  put(key: string, body: Uint8Array | string): Promise<void>;
  /** Undefined when absent. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Keys under a prefix. */
  list(prefix: string): Promise<string[]>;
  /** A URL the browser can PUT a large file to, valid for `expiresInSeconds`. */
  uploadUrl(key: string, expiresInSeconds: number): Promise<string>;
}
