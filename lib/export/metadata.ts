/**
 * What a downloaded file says about itself: the prompt, the model and the date, written inside the file
 * (PNG iTXt, JPEG XMP, MP4 udta/meta/ilst) so it travels with the file when shared.
 * Every value is user or provider text: writers escape it for their format, strip what the format
 * cannot hold (NUL, XML-invalid characters) and cap it, so a hostile prompt can neither break the file
 * nor overflow a length field.
 */
export interface ResultMetadata {
  prompt: string;
  model: string;
  /** ISO 8601, UTC. */
  date: string;
  software: string;
  /** A region edit: which part of the picture was edited (plain text, e.g. "rectangle 1500×1000 at 2000,1500 of 6000×4000"). */
  area?: string;
}

export const SOFTWARE = 'Reimagine';
/** Far above any prompt the request schema allows (5,000 characters); imported history is capped to it too. */
export const MAX_PROMPT_CHARS = 10_000;
const MAX_MODEL_CHARS = 200;

/** Removes NUL and other C0 controls but tab/newline, lone surrogates and U+FFFE/U+FFFF; caps the length. */
export function cleanText(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').toWellFormed();
  if (cleaned.length <= max) return cleaned;
  // Never cut a surrogate pair in half.
  return cleaned.slice(0, max).toWellFormed().replace(/\ufffd$/, '');
}

export function metadataFor(job: { request: { prompt: string; model?: string; area?: AreaNoteInput }; servedModel?: string; finishedAt?: number; createdAt: number }): ResultMetadata {
  return {
    ...(job.request.area ? { area: areaNote(job.request.area) } : {}),
    prompt: cleanText(job.request.prompt, MAX_PROMPT_CHARS),
    model: cleanText(job.servedModel ?? job.request.model ?? '', MAX_MODEL_CHARS),
    date: new Date(job.finishedAt ?? job.createdAt).toISOString(),
    software: SOFTWARE,
  };
}

interface AreaNoteInput {
  width: number;
  height: number;
  invert?: boolean;
  feather?: number;
  shape: { kind: 'rect'; rect: { x: number; y: number; w: number; h: number } } | { kind: 'brush'; strokes: unknown[] };
}

/** The edited area in words a file browser can show (not translated: metadata is read by tools and people alike). */
export function areaNote(area: AreaNoteInput): string {
  const r = (v: number) => Math.round(v);
  const shape =
    area.shape.kind === 'rect'
      ? `rectangle ${r(area.shape.rect.w)}×${r(area.shape.rect.h)} at ${r(area.shape.rect.x)},${r(area.shape.rect.y)}`
      : `brush area (${area.shape.strokes.length} strokes)`;
  return `Edited area: ${area.invert ? 'everything but the ' : ''}${shape} of ${area.width}×${area.height}, soft edge ${area.feather ?? 0} px`;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
