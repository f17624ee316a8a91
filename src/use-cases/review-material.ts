import { computeFactDiff, type FactDiff } from '../core/check/fact-diff.ts';
import type { Recipient } from '../core/campaign/types.ts';
import { htmlToText } from '../core/render/html-to-text.ts';
import { fold } from '../core/text/fold.ts';
import { loadFrozenVersion, type FrozenVersion } from './frozen-version.ts';
import { unsubscribeUrl } from './links.ts';
import type { Services } from './services.ts';

/** One real message shown to a reviewer. */
export interface Preview {
  label: string;
  email: string;
  subject: string;
  html: string;
  /** The plain-text part, as sent. */
  text: string;
  from: string;
  replyTo?: string | undefined;
}

function previewOf(frozen: FrozenVersion, label: string, recipient: Recipient, unsubscribe: string): Preview {
  const message = frozen.plan.render(recipient, unsubscribe);
  const { from, replyTo } = frozen.campaign.draft;
  return { label, email: recipient.email, subject: message.subject, html: message.html, text: message.text ?? htmlToText(message.html), from, replyTo };
}

/** What a reviewer or organiser looks at: the fact diff and previews of real messages. */
export interface ReviewMaterial {
  diff: FactDiff;
  previews: Preview[];
}

function sample(recipients: readonly Recipient[], shapeKey: (r: Recipient) => string, max: number): { recipient: Recipient; label: string }[] {
  const picked: { recipient: Recipient; label: string }[] = [];
  const seenShapes = new Set<string>();
  // One per segment first, then one per other shape of message (other branches, empty optional columns).
  for (const attended of [true, false]) {
    const first = recipients.find((r) => r.attended === attended);
    if (first) {
      picked.push({ recipient: first, label: attended ? 'attended' : 'missed' });
      seenShapes.add(shapeKey(first));
    }
  }
  for (const recipient of recipients) {
    if (picked.length >= max) break;
    const key = shapeKey(recipient);
    if (seenShapes.has(key)) continue;
    seenShapes.add(key);
    picked.push({ recipient, label: recipient.attended ? 'attended' : 'missed' });
  }
  return picked;
}

const materials = new WeakMap<FrozenVersion, Promise<ReviewMaterial>>();

/**
 * The fact diff and previews (at least one per segment, then one per other shape, up to six) of a
 * stored version; computed once per version and process (a stored version never changes).
 */
export function reviewMaterial(services: Services, campaignId: string, version: number): Promise<ReviewMaterial> {
  return loadFrozenVersion(services, campaignId, version).then((frozen) => {
    let material = materials.get(frozen);
    if (!material) {
      material = computeMaterial(services, campaignId, frozen);
      materials.set(frozen, material);
    }
    return material;
  });
}

async function computeMaterial(services: Services, campaignId: string, frozen: FrozenVersion): Promise<ReviewMaterial> {
  const diff = await computeFactDiff(frozen.campaign, services.clock.now());
  const previews = sample([...frozen.recipients.values()], (r) => frozen.plan.shapeKey(r), 6).map(({ recipient, label }) =>
    previewOf(frozen, label, recipient, unsubscribeUrl(services.settings, recipient.email, campaignId)),
  );
  return { diff, previews };
}

/** One recipient's message of a stored version (the organiser's preview by address). */
export async function previewFor(services: Services, campaignId: string, version: number, email: string): Promise<Preview | undefined> {
  const frozen = await loadFrozenVersion(services, campaignId, version);
  const recipient = frozen.recipients.get(email.trim().toLowerCase()) ?? frozen.campaign.recipients.rows.find((r) => r.email.toLowerCase() === email.trim().toLowerCase());
  if (!recipient) return undefined;
  return previewOf(frozen, recipient.attended ? 'attended' : 'missed', recipient, unsubscribeUrl(services.settings, recipient.email, campaignId));
}

/** A recipient's message found by address, or the n-th of a segment, with where it stands in that segment. */
export interface PreviewPage {
  preview?: Preview | undefined;
  segment: 'attended' | 'missed';
  index: number;
  segmentSize: number;
}

/** The message of one recipient of a stored version: by address, or stepping through a segment. */
export async function previewPage(services: Services, campaignId: string, version: number, query: { recipient?: string | undefined; segment?: string | undefined; index?: number | undefined }): Promise<PreviewPage> {
  const frozen = await loadFrozenVersion(services, campaignId, version);
  const all = [...frozen.recipients.values()];
  let recipient: Recipient | undefined;
  let segment: 'attended' | 'missed' = query.segment === 'missed' ? 'missed' : 'attended';
  if (query.recipient) {
    // The exact address, else the first recipient whose address or name holds what was typed.
    const wanted = fold(query.recipient.trim());
    recipient = frozen.recipients.get(query.recipient.trim().toLowerCase()) ?? all.find((r) => fold(`${r.email} ${r.firstName ?? ''} ${r.lastName ?? ''}`).includes(wanted));
    if (recipient) segment = recipient.attended ? 'attended' : 'missed';
  }
  const members = all.filter((r) => r.attended === (segment === 'attended'));
  let index = recipient ? members.indexOf(recipient) : Math.min(Math.max(0, query.index ?? 0), Math.max(0, members.length - 1));
  if (!query.recipient) recipient = members[index];
  if (index < 0) index = 0;
  const preview = recipient && previewOf(frozen, segment, recipient, unsubscribeUrl(services.settings, recipient.email, campaignId));
  return { preview, segment, index, segmentSize: members.length };
}
