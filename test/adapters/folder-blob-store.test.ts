import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderBlobStore } from '../../src/adapters/local/folder-blob-store.ts';
import { GuardError } from '../../src/core/errors.ts';

describe('FolderBlobStore', () => {
  let root: string;
  let store: FolderBlobStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'followup-blobs-'));
    store = new FolderBlobStore({ root: join(root, 'blobs'), publicUrl: 'http://127.0.0.1:3000/' });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a blob as a file at its relative path and reads it back', async () => {
    // Act
    await store.put('campaigns/c1/v2/recipients.csv', 'email\ncamille@example.net\n');
    const bytes = await store.get('campaigns/c1/v2/recipients.csv');

    // Assess
    expect(readFileSync(join(root, 'blobs/campaigns/c1/v2/recipients.csv'), 'utf8')).toBe('email\ncamille@example.net\n');
    expect(Buffer.from(bytes!).toString('utf8')).toBe('email\ncamille@example.net\n');
  });

  it('keeps bytes exactly and replaces a blob whole, leaving no temporary file', async () => {
    // Prepare
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    await store.put('a/bin', 'old content that is longer');

    // Act
    await store.put('a/bin', bytes);

    // Assess
    expect([...(await store.get('a/bin'))!]).toEqual([...bytes]);
    expect(readdirSync(join(root, 'blobs/a'))).toEqual(['bin']);
  });

  it('answers undefined for a key that does not exist', async () => {
    // Act
    const missing = await store.get('campaigns/none.json');
    const underAFile = (await store.put('file', 'x'), await store.get('file/child'));

    // Assess
    expect(missing).toBeUndefined();
    expect(underAFile).toBeUndefined();
  });

  it('lists the keys under a prefix, sorted, with "/" between segments', async () => {
    // Prepare
    await store.put('campaigns/c2/v1/a.json', '1');
    await store.put('campaigns/c1/v2/b.json', '2');
    await store.put('campaigns/c1/v1/a.json', '3');
    await store.put('campaigns/c10/v1/a.json', '4');
    await store.put('other/x.json', '5');

    // Act
    const folder = await store.list('campaigns/c1/');
    const partial = await store.list('campaigns/c1');
    const all = await store.list('');

    // Assess
    expect(folder).toEqual(['campaigns/c1/v1/a.json', 'campaigns/c1/v2/b.json']);
    expect(partial).toEqual(['campaigns/c1/v1/a.json', 'campaigns/c1/v2/b.json', 'campaigns/c10/v1/a.json']);
    expect(all).toHaveLength(5);
  });

  it('lists nothing under a prefix that was never written, nor before the root exists', async () => {
    // Act
    const keys = await store.list('campaigns/none/');

    // Assess
    expect(keys).toEqual([]);
    expect(existsSync(join(root, 'blobs'))).toBe(false);
  });

  it.each([
    ['a parent segment', '../outside.txt'],
    ['a parent segment in the middle', 'campaigns/../../outside.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows absolute path', 'C:\\temp\\x.txt'],
    ['a backslash', 'campaigns\\c1.json'],
    ['an empty segment', 'campaigns//c1.json'],
    ['a hidden segment', 'campaigns/.c1.json'],
    ['an empty key', ''],
  ])('refuses a key with %s, for every operation', async (_label, key) => {
    // Act
    const failures = await Promise.all([
      store.put(key, 'x').catch((e: unknown) => e),
      store.get(key).catch((e: unknown) => e),
      store.uploadUrl(key, 600).catch((e: unknown) => e),
    ]);

    // Assess
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(GuardError);
      expect((failure as GuardError).code).toBe('BLOB_KEY_INVALID');
    }
    expect(existsSync(join(root, 'outside.txt'))).toBe(false);
  });

  it('refuses to list above the root', async () => {
    // Act
    const failure = await store.list('../').catch((e: unknown) => e);

    // Assess
    expect((failure as GuardError).code).toBe('BLOB_KEY_INVALID');
  });

  it('gives the local upload URL for a key, each segment URL-encoded', async () => {
    // Act
    const url = await store.uploadUrl('uploads/c1/liste inscrits é.csv', 600);

    // Assess
    expect(url).toBe('http://127.0.0.1:3000/uploads/uploads/c1/liste%20inscrits%20%C3%A9.csv');
  });
});
