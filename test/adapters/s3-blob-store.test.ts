import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../src/adapters/aws/s3-blob-store.ts';
import { GuardError } from '../../src/core/errors.ts';

const BUCKET = 'followup-guard-files';

/** The part of the SDK's streaming body that the store reads. */
function bodyOf(text: string): GetObjectCommandOutput['Body'] {
  return { transformToByteArray: async () => new Uint8Array(Buffer.from(text)) } as unknown as GetObjectCommandOutput['Body'];
}

describe('S3BlobStore', () => {
  const s3 = mockClient(S3Client);
  let store: S3BlobStore;

  beforeEach(() => {
    s3.reset();
    store = new S3BlobStore({
      bucket: BUCKET,
      client: new S3Client({ region: 'eu-west-3', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } }),
    });
  });

  it('puts a blob under its key in the bucket', async () => {
    // Prepare
    s3.on(PutObjectCommand).resolves({});

    // Act
    await store.put('campaigns/c1/v2/recipients.csv', 'email\ncamille@example.net\n');

    // Assess
    const [call] = s3.commandCalls(PutObjectCommand);
    expect(call!.args[0].input).toMatchObject({ Bucket: BUCKET, Key: 'campaigns/c1/v2/recipients.csv', Body: 'email\ncamille@example.net\n' });
  });

  it('reads a blob back as bytes', async () => {
    // Prepare
    s3.on(GetObjectCommand, { Bucket: BUCKET, Key: 'campaigns/c1/digest.json' }).resolves({ Body: bodyOf('{"ok":true}') });

    // Act
    const bytes = await store.get('campaigns/c1/digest.json');

    // Assess
    expect(Buffer.from(bytes!).toString('utf8')).toBe('{"ok":true}');
  });

  it('answers undefined for a key that does not exist', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));

    // Act
    const bytes = await store.get('campaigns/missing.json');

    // Assess
    expect(bytes).toBeUndefined();
  });

  it('turns any other S3 failure into a GuardError naming the key', async () => {
    // Prepare
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    s3.on(GetObjectCommand).rejects(denied);

    // Act
    const failure = await store.get('campaigns/c1/digest.json').catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect((failure as GuardError).code).toBe('BLOB_STORE_FAILED');
    expect((failure as GuardError).message).toContain('campaigns/c1/digest.json');
    expect((failure as GuardError).cause).toBe(denied);
  });

  it('lists every key under a prefix across pages', async () => {
    // Prepare
    s3.on(ListObjectsV2Command, { Bucket: BUCKET, Prefix: 'campaigns/c1/' })
      .resolvesOnce({ Contents: [{ Key: 'campaigns/c1/a.json' }, { Key: 'campaigns/c1/b.json' }], IsTruncated: true, NextContinuationToken: 'page-2' })
      .resolvesOnce({ Contents: [{ Key: 'campaigns/c1/c.json' }], IsTruncated: false });

    // Act
    const keys = await store.list('campaigns/c1/');

    // Assess
    expect(keys).toEqual(['campaigns/c1/a.json', 'campaigns/c1/b.json', 'campaigns/c1/c.json']);
    const calls = s3.commandCalls(ListObjectsV2Command);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.ContinuationToken).toBe('page-2');
  });

  it('lists nothing under an empty prefix folder', async () => {
    // Prepare
    s3.on(ListObjectsV2Command).resolves({ KeyCount: 0, IsTruncated: false });

    // Act
    const keys = await store.list('campaigns/none/');

    // Assess
    expect(keys).toEqual([]);
  });

  it('gives a presigned PUT URL for the key that expires when asked', async () => {
    // Act
    const url = new URL(await store.uploadUrl('uploads/c1/recipients.csv', 900));

    // Assess
    expect(url.protocol).toBe('https:');
    expect(`${url.hostname}${url.pathname}`).toMatch(/followup-guard-files.*\/uploads\/c1\/recipients\.csv$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('refuses an upload URL that would outlive seven days', async () => {
    // Act
    const failure = await store.uploadUrl('uploads/c1/recipients.csv', 8 * 24 * 3600).catch((e: unknown) => e);

    // Assess
    expect((failure as GuardError).code).toBe('BLOB_STORE_FAILED');
  });
});
