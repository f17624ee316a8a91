import type { Campaign, Recipient } from '../campaign/types.ts';
import { eventTemplateContext } from './event-context.ts';
import { compileHandlebars, isProblem, MASKED_RENDER, type CompiledTemplate, type TemplateProblem } from './handlebars-program.ts';
import { BLANK_MARKER, slotMarker } from './markers.ts';
import { compileMjml } from './mjml-compile.ts';

/** The parts of one recipient's message. `text` is absent when the draft has no plain-text template. */
export interface RenderedMessage {
  subject: string;
  html: string;
  text?: string | undefined;
}

/**
 * Everything compiled once per campaign: the MJML turned into HTML once, the three Handlebars templates
 * precompiled once, and the mapping of recipient values to slots for masked renders.
 */
export interface RenderPlan {
  readonly html: CompiledTemplate;
  readonly subject: CompiledTemplate;
  readonly text?: CompiledTemplate | undefined;
  /** Slot index → what it stands for ("unsubscribeUrl", "recipient.firstName"…). */
  readonly slotNames: readonly string[];
  /** The template context a recipient's message is rendered from. */
  context(recipient: Recipient, unsubscribeUrl: string): object;
  /** The recipient's message exactly as it is sent. */
  render(recipient: Recipient, unsubscribeUrl: string): RenderedMessage;
  /** The subject and HTML only (what the check needs per recipient: the text body's facts come from the shape). */
  renderSubjectAndHtml(recipient: Recipient, unsubscribeUrl: string): { subject: string; html: string };
  /** A key shared by every recipient whose masked render is the same (same branches, same empty values). */
  shapeKey(recipient: Recipient): string;
  /** The message with slot markers where recipient values go and missing markers where a value is empty. */
  renderMasked(recipient: Recipient): RenderedMessage;
  /**
   * The masked render with every event value blanked too: what the template's author wrote, the text
   * that a copied template carries over from another event.
   */
  renderAuthored(recipient: Recipient): RenderedMessage;
  /** The values that fill the slots of a masked render for this recipient. */
  slotValues(recipient: Recipient, unsubscribeUrl: string): string[];
}

export interface PreparedTemplates {
  plan?: RenderPlan | undefined;
  problems: TemplateProblem[];
}

const UNSUBSCRIBE_SLOT = 0;

/** Every string of a value replaced by the blank marker, except under keys a template compares. */
function blankStrings(value: unknown, isCompared: (key: string) => boolean): unknown {
  if (typeof value === 'string') return value === '' ? '' : BLANK_MARKER;
  if (Array.isArray(value)) return value.map((v) => blankStrings(v, isCompared));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isCompared(k) ? v : blankStrings(v, isCompared)]),
    );
  }
  return value;
}

/** Compiles the campaign's templates once; problems are reported, never thrown. */
export async function prepareTemplates(campaign: Campaign): Promise<PreparedTemplates> {
  const mjml = await compileMjml(campaign.html.file, campaign.html.source);
  const problems = [...mjml.problems];
  const html = mjml.html ? compileHandlebars(campaign.html.file, mjml.html, { noEscape: false }) : undefined;
  if (html && isProblem(html)) problems.push({ ...html, message: { fr: `${html.message.fr} (dans le HTML produit par MJML)`, en: `${html.message.en} (in the HTML that MJML produced)` } });
  const subject = compileHandlebars('draft.json "subject"', campaign.draft.subject, { noEscape: true });
  if (isProblem(subject)) problems.push(subject);
  const text = campaign.text ? compileHandlebars(campaign.text.file, campaign.text.source, { noEscape: true }) : undefined;
  if (text && isProblem(text)) problems.push(text);
  if (!html || isProblem(html) || isProblem(subject) || (text && isProblem(text))) return { problems };
  return { plan: createRenderPlan(campaign, html, subject, text), problems };
}

function createRenderPlan(
  campaign: Campaign,
  html: CompiledTemplate,
  subject: CompiledTemplate,
  text: CompiledTemplate | undefined,
): RenderPlan {
  const event = eventTemplateContext(campaign.event);
  const compared = [html, subject, text].flatMap((t) => (t ? [t.comparedNames] : []));
  const isCompared = compared.includes('all')
    ? () => true
    : (name: string) => compared.some((set) => set !== 'all' && set.has(name));
  const authoredEvent = blankStrings(event, isCompared) as Record<string, unknown>;
  const fieldNames = ['email', 'firstName', 'lastName', ...campaign.recipients.extraColumns];
  const slotNames = ['unsubscribeUrl', ...fieldNames.map((n) => `recipient.${n}`)];
  const unmasked = fieldNames.map(isCompared);

  const valueOf = (r: Recipient, i: number): string => {
    if (i === 0) return r.email;
    if (i === 1) return r.firstName;
    if (i === 2) return r.lastName;
    return r.extra[fieldNames[i]!] ?? '';
  };
  const recipientObject = (r: Recipient, mask: boolean): Record<string, unknown> => {
    const object: Record<string, unknown> = { attended: r.attended };
    fieldNames.forEach((name, i) => {
      const value = valueOf(r, i);
      object[name] = !mask || value === '' || unmasked[i] ? value : slotMarker(i + 1);
    });
    return object;
  };
  const renderWith = (context: object): RenderedMessage => ({
    subject: subject.render(context),
    html: html.render(context),
    text: text?.render(context),
  });

  return {
    html,
    subject,
    text,
    slotNames,
    context: (r, unsubscribeUrl) => ({ recipient: recipientObject(r, false), event, unsubscribeUrl }),
    render(r, unsubscribeUrl) {
      return renderWith(this.context(r, unsubscribeUrl));
    },
    renderSubjectAndHtml(r, unsubscribeUrl) {
      const context = this.context(r, unsubscribeUrl);
      return { subject: subject.render(context), html: html.render(context) };
    },
    shapeKey(r) {
      let key = r.attended ? '1' : '0';
      for (let i = 0; i < fieldNames.length; i++) {
        const value = valueOf(r, i);
        key += '\u0000' + (unmasked[i] ? value : value === '' ? '' : '+');
      }
      return key;
    },
    renderMasked(r) {
      return renderWith({
        recipient: recipientObject(r, true),
        event,
        unsubscribeUrl: slotMarker(UNSUBSCRIBE_SLOT),
        [MASKED_RENDER]: true,
      });
    },
    renderAuthored(r) {
      return renderWith({
        recipient: recipientObject(r, true),
        event: authoredEvent,
        unsubscribeUrl: slotMarker(UNSUBSCRIBE_SLOT),
        [MASKED_RENDER]: true,
      });
    },
    slotValues(r, unsubscribeUrl) {
      return [unsubscribeUrl, ...fieldNames.map((_, i) => valueOf(r, i))];
    },
  };
}
