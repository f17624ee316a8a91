import { createHash } from 'node:crypto';
import type { CampaignFiles } from '../campaign/parse-campaign.ts';
import type { RenderedMessage } from '../render/render-plan.ts';

/** SHA-256 over every file of a campaign (names and bytes, in name order): what an approval covers. */
export function contentHash(files: CampaignFiles): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name)!;
    hash.update(`${name}\u0000${typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength}\u0000`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** The digest of one recipient's message as checked; the worker sends a message only if its digest is this. */
export function messageDigest(message: RenderedMessage): string {
  return createHash('sha256').update(message.subject).update('\u0000').update(message.html).update('\u0000').update(message.text ?? '').digest('base64url');
}
