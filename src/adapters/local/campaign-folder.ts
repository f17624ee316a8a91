import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { CampaignFiles } from '../../core/campaign/parse-campaign.ts';
import { CampaignInputError } from '../../core/errors.ts';

/** Largest file read from a campaign folder. */
export const MAX_CAMPAIGN_FILE_BYTES = 50 * 1024 * 1024;
const MAX_FILES = 2000;
const MAX_DEPTH = 3;

/**
 * Reads a campaign folder into the files map the core parses: every file up to three levels deep,
 * dot-files and node_modules left out.
 */
export async function readCampaignFolder(folder: string): Promise<CampaignFiles> {
  let info;
  try {
    info = await stat(folder);
  } catch {
    throw new CampaignInputError(folder, `${folder} does not exist: expected a campaign folder with event.json, draft.json, the template and recipients.csv`);
  }
  if (!info.isDirectory()) {
    throw new CampaignInputError(folder, `${folder} is not a folder: expected a campaign folder with event.json, draft.json, the template and recipients.csv`);
  }
  const files = new Map<string, Uint8Array>();
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(path, depth + 1);
        continue;
      }
      if (!entry.isFile()) continue;
      const name = relative(folder, path).split(sep).join('/');
      const size = (await stat(path)).size;
      if (size > MAX_CAMPAIGN_FILE_BYTES) {
        throw new CampaignInputError(name, `${name} is ${Math.round(size / 1024 / 1024)} MB: expected at most ${MAX_CAMPAIGN_FILE_BYTES / 1024 / 1024} MB per file`);
      }
      if (files.size >= MAX_FILES) throw new CampaignInputError(folder, `${folder} holds more than ${MAX_FILES} files: expected a campaign folder`);
      files.set(name, await readFile(path));
    }
  };
  await walk(folder, 0);
  return files;
}
