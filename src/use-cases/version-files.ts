import type { CampaignFiles } from '../core/campaign/parse-campaign.ts';
import { NotFoundError } from '../core/errors.ts';
import type { BlobStore } from '../ports/blob-store.ts';

const prefix = (campaignId: string, version: number) => `campaigns/${campaignId}/v${version}/`;

/** Stores the files of a version as submitted (the send renders from these, frozen). */
export async function saveVersionFiles(blobs: BlobStore, campaignId: string, version: number, files: CampaignFiles, digests: Record<string, string>): Promise<void> {
  await Promise.all([...files].map(([name, content]) => blobs.put(`${prefix(campaignId, version)}files/${name}`, content)));
  await blobs.put(`${prefix(campaignId, version)}digests.json`, JSON.stringify(digests));
}

/** The files of a stored version. */
export async function loadVersionFiles(blobs: BlobStore, campaignId: string, version: number): Promise<CampaignFiles> {
  const base = `${prefix(campaignId, version)}files/`;
  const keys = await blobs.list(base);
  if (keys.length === 0) throw new NotFoundError(`The files of ${campaignId} version ${version} are missing.`);
  const files = new Map<string, Uint8Array>();
  await Promise.all(
    keys.map(async (key) => {
      const body = await blobs.get(key);
      if (body) files.set(key.slice(base.length), body);
    }),
  );
  return files;
}

/** Message digests recorded at check time, by lower-case address. */
export async function loadDigests(blobs: BlobStore, campaignId: string, version: number): Promise<Record<string, string>> {
  const body = await blobs.get(`${prefix(campaignId, version)}digests.json`);
  return body ? (JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, string>) : {};
}
