import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GuardError } from '../../core/errors.ts';
import type { BlobStore } from '../../ports/blob-store.ts';

/** Options of {@link FolderBlobStore}. */
export interface FolderBlobStoreOptions {
  /** The folder holding the blobs; created on the first write. */
  root: string;
  /** Base URL of the local server, which accepts PUT at `${publicUrl}/uploads/<key>`. */
  publicUrl: string;
}

/**
 * Checks that a key is a relative path of plain segments, so that it names one file under the root
 * and reads back the same from `list`. Segments may not be empty or start with a dot (no `.`, `..`,
 * hidden or temporary files); no absolute paths, backslashes or control characters.
 */
function segmentsOf(key: string, what: 'key' | 'prefix'): string[] {
  const refuse = (reason: string): never => {
    throw new GuardError('BLOB_KEY_INVALID', `Blob ${what} ${JSON.stringify(key)} ${reason}`);
  };
  if (what === 'key' && key === '') refuse('is empty');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) refuse('is an absolute path: expected a path relative to the store');
  if (key.includes('\\')) refuse('contains a backslash: expected "/" between segments');
  if (/[\x00-\x1f\x7f]/.test(key)) refuse('contains a control character');
  const segments = key.split('/');
  segments.forEach((segment, index) => {
    // A prefix may end with "/" (a whole folder) or part-way through a name.
    const isOpenEnd = what === 'prefix' && index === segments.length - 1;
    if (segment === '' && !isOpenEnd) refuse('contains an empty segment');
    if (segment === '..') refuse('contains "..": expected a path inside the store');
    if (segment.startsWith('.')) refuse(`has a segment starting with a dot (${JSON.stringify(segment)})`);
  });
  return segments;
}

async function walk(folder: string, prefix: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const keys: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const key = `${prefix}${entry.name}`;
    if (entry.isDirectory()) keys.push(...(await walk(join(folder, entry.name), `${key}/`)));
    else if (entry.isFile()) keys.push(key);
  }
  return keys;
}

/** Blobs as files under a root folder, for the local stack: a key is the file's relative path. */
export class FolderBlobStore implements BlobStore {
  private readonly root: string;
  private readonly publicUrl: string;

  constructor(options: FolderBlobStoreOptions) {
    this.root = resolve(options.root);
    this.publicUrl = options.publicUrl.replace(/\/+$/, '');
  }

  /** Writes the file whole: a reader sees the old content or the new one, never a part. */
  async put(key: string, body: Uint8Array | string): Promise<void> {
    const segments = segmentsOf(key, 'key');
    const path = join(this.root, ...segments);
    const folder = join(this.root, ...segments.slice(0, -1));
    const temporary = join(folder, `.${segments[segments.length - 1]}.${randomUUID()}.tmp`);
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(temporary, body);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new GuardError('BLOB_STORE_FAILED', `Could not write blob "${key}" under ${this.root}: ${(error as Error).message}`, { cause: error });
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const path = join(this.root, ...segmentsOf(key, 'key'));
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      throw new GuardError('BLOB_STORE_FAILED', `Could not read blob "${key}" under ${this.root}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Keys starting with `prefix`, sorted. */
  async list(prefix: string): Promise<string[]> {
    const segments = segmentsOf(prefix, 'prefix');
    const folders = segments.slice(0, -1);
    const start = folders.length > 0 ? `${folders.join('/')}/` : '';
    let keys: string[];
    try {
      keys = await walk(join(this.root, ...folders), start);
    } catch (error) {
      throw new GuardError('BLOB_STORE_FAILED', `Could not list blobs "${prefix}" under ${this.root}: ${(error as Error).message}`, { cause: error });
    }
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  /** `${publicUrl}/uploads/<key>`; the local server accepts a PUT there (the expiry is not enforced locally). */
  async uploadUrl(key: string, _expiresInSeconds: number): Promise<string> {
    const segments = segmentsOf(key, 'key');
    return `${this.publicUrl}/uploads/${segments.map(encodeURIComponent).join('/')}`;
  }
}
