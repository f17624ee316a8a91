import Busboy from 'busboy';
import { z } from 'zod';
import { draftFileNames, type CampaignFiles } from '../src/core/campaign/parse-campaign.ts';
import { CampaignInputError } from '../src/core/errors.ts';
import type { BlobStore } from '../src/ports/blob-store.ts';
import { completeFromVersion } from '../src/use-cases/check-draft.ts';
import type { Services } from '../src/use-cases/services.ts';
import { bodyBytes, header, RequestError, type HttpEvent } from './http.ts';

/** Largest campaign accepted in one request (the Lambda payload itself stops at 6 MB: use an upload). */
export const MAX_REQUEST_BYTES = 60 * 1024 * 1024;

const jsonCampaign = z.object({
  event: z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'expected "event": the content of event.json' }),
  draft: z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'expected "draft": the content of draft.json' }),
  template: z.string({ error: 'expected "template": the MJML template as text' }),
  text: z.string().optional(),
  recipientsCsv: z.string({ error: 'expected "recipientsCsv": recipients.csv as text' }).optional(),
  recipientsUpload: z.string().regex(/^uploads\/[\w.-]+$/, { error: 'expected an upload key from POST /api/uploads' }).optional(),
  catalog: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
  config: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  csrf: z.string().optional(),
});

const asText = (value: string | Record<string, unknown>) => (typeof value === 'string' ? value : JSON.stringify(value));

async function fromJson(event: HttpEvent, blobs: BlobStore): Promise<{ files: Map<string, Uint8Array | string>; fields: Record<string, string> }> {
  let raw: unknown;
  try {
    raw = JSON.parse(bodyBytes(event).toString('utf8'));
  } catch {
    throw new RequestError('BAD_REQUEST', 'The body is not valid JSON: expected { event, draft, template, recipientsCsv, catalog?, config? }.');
  }
  const parsed = jsonCampaign.safeParse(raw);
  if (!parsed.success) throw new RequestError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  const body = parsed.data;
  const files = new Map<string, Uint8Array | string>();
  files.set('event.json', asText(body.event));
  const draft = asText(body.draft);
  files.set('draft.json', draft);
  const names = draftFileNames(draft);
  files.set(names.template ?? 'followup.mjml', body.template);
  if (body.text !== undefined) files.set(names.text ?? 'followup.txt', body.text);
  if (body.recipientsUpload) {
    const uploaded = await blobs.get(body.recipientsUpload);
    if (!uploaded) throw new CampaignInputError('recipients.csv', `recipients.csv: no upload ${body.recipientsUpload}; upload the file first (POST /api/uploads)`);
    files.set('recipients.csv', uploaded);
  } else if (body.recipientsCsv !== undefined) {
    files.set('recipients.csv', body.recipientsCsv);
  }
  body.catalog?.forEach((entry, i) => {
    const id = typeof entry === 'string' ? `catalog-${i + 1}` : String(entry.id ?? `catalog-${i + 1}`);
    files.set(`catalog/${id.replace(/[^\w.-]/g, '_')}.json`, asText(entry));
  });
  if (body.config !== undefined) files.set('guard.config.json', asText(body.config));
  return { files, fields: body.csrf ? { csrf: body.csrf } : {} };
}

/** The names under which the form's "template" and "text" fields arrived (their own file names). */
export interface UploadRoles {
  template?: string;
  text?: string;
}

/**
 * Puts the form's template and text uploads under the names that draft.json gives them, whatever the
 * uploaded files were called: without this, a corrected `mon-modele.mjml` would sit next to the stored
 * `followup.mjml` that the draft still names, and the correction would be ignored.
 */
function placeUploadedTemplates(files: CampaignFiles, roles: UploadRoles): CampaignFiles {
  const draft = files.get('draft.json');
  if (draft === undefined) return files;
  const names = draftFileNames(draft);
  const placed = new Map(files);
  for (const role of ['template', 'text'] as const) {
    const uploaded = roles[role];
    const wanted = names[role];
    if (!uploaded || !wanted || uploaded === wanted) continue;
    placed.set(wanted, files.get(uploaded)!);
    placed.delete(uploaded);
  }
  return placed;
}

/**
 * The files to check: the upload, completed from a stored version when given (what was not uploaded is
 * taken from it), with the form's template and text placed under the draft's names.
 */
export async function completedUpload(
  services: Services,
  actor: string | undefined,
  upload: { files: CampaignFiles; roles: UploadRoles },
  from?: { campaignId: string; names: 'missing' | 'event-and-catalog' },
): Promise<CampaignFiles> {
  const complete = from ? await completeFromVersion(services, actor, from.campaignId, upload.files, from.names) : upload.files;
  return placeUploadedTemplates(complete, upload.roles);
}

function fromMultipart(event: HttpEvent, contentType: string): Promise<{ files: Map<string, Uint8Array | string>; fields: Record<string, string>; roles: UploadRoles }> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Uint8Array | string>();
    const fields: Record<string, string> = {};
    const roles: UploadRoles = {};
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({ headers: { 'content-type': contentType }, limits: { fileSize: MAX_REQUEST_BYTES, files: 500, fields: 50 } });
    } catch (error) {
      reject(new RequestError('BAD_REQUEST', `The form cannot be read: ${(error as Error).message}`));
      return;
    }
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new RequestError('PAYLOAD_TOO_LARGE', `${info.filename || field} is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`)));
      stream.on('end', () => {
        if (!info.filename && chunks.length === 0) return;
        const filename = (info.filename || field).split(/[\\/]/).pop()!;
        // "catalog" fields hold catalogue files; any other field is named after its file (event.json,
        // draft.json, recipients.csv, guard.config.json, or the template's name in draft.json).
        const name = field === 'catalog' || field === 'catalog[]' ? `catalog/${filename}` : field.includes('.') ? field : filename;
        files.set(name, Buffer.concat(chunks));
        if (field === 'template' || field === 'text') roles[field] = name;
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('error', (error: Error) => reject(new RequestError('BAD_REQUEST', `The form cannot be read: ${error.message}`)));
    parser.on('close', () => resolve({ files, fields, roles }));
    parser.end(bodyBytes(event));
  });
}

/**
 * The campaign files of a request: multipart/form-data with the spec's files, or the JSON form
 * { event, draft, template, recipientsCsv | recipientsUpload, catalog?, config? }. Form fields (csrf) too.
 */
export async function campaignFilesFromRequest(event: HttpEvent, blobs: BlobStore): Promise<{ files: CampaignFiles; fields: Record<string, string>; roles: UploadRoles }> {
  const type = header(event, 'content-type') ?? '';
  if (bodyBytes(event).length > MAX_REQUEST_BYTES) throw new RequestError('PAYLOAD_TOO_LARGE', `The request is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`);
  if (type.startsWith('application/json')) return { ...(await fromJson(event, blobs)), roles: {} };
  if (type.startsWith('multipart/form-data')) {
    const result = await fromMultipart(event, type);
    const upload = result.fields.recipientsUpload;
    if (upload && !result.files.has('recipients.csv')) {
      const uploaded = /^uploads\/[\w.-]+$/.test(upload) ? await blobs.get(upload) : undefined;
      if (!uploaded) throw new CampaignInputError('recipients.csv', `recipients.csv: no upload ${upload}`);
      result.files.set('recipients.csv', uploaded);
    }
    return result;
  }
  throw new RequestError('UNSUPPORTED_MEDIA_TYPE', 'Send the campaign as multipart/form-data (its files) or as application/json.');
}
