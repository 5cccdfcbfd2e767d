/**
 * What a downloaded file says about itself: the prompt, the model and the date, written inside the file
 * (PNG iTXt, JPEG XMP, MP4 udta/meta/ilst) so it travels with the file when shared; and its provenance
 * (xmp.ts): the IPTC Digital Source Type, the chain of versions it came from, and — only when the user
 * turned it on — the source page, as XMP in JPEG, PNG, WebP and MP4.
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
  /** IPTC Digital Source Type (a full NewsCodes URI): what platforms read to label AI media. */
  digitalSourceType?: DigitalSourceType;
  /** The versions this one was made from, the original first (lib/versions/provenance.ts). */
  chain?: readonly { prompt: string; model: string }[];
  /** The page the original picture was on: only when the user turned it on in Options. */
  sourcePage?: string;
  /** A story: its shots in order, each with its prompt and the model that rendered it (lib/story/story-metadata.ts). */
  shots?: readonly { prompt: string; model: string }[];
  /** A region edit: which part of the picture was edited (plain text, e.g. "rectangle 1500×1000 at 2000,1500 of 6000×4000"). */
  area?: string;
}

const IPTC_SOURCE_TYPES = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const DIGITAL_SOURCE_TYPE = {
  /** Made by a model from a prompt alone. */
  generated: `${IPTC_SOURCE_TYPES}trainedAlgorithmicMedia`,
  /** An existing picture (a page image, a file, an earlier result) changed by a model, region edits included. */
  edited: `${IPTC_SOURCE_TYPES}compositeWithTrainedAlgorithmicMedia`,
} as const;
export type DigitalSourceType = (typeof DIGITAL_SOURCE_TYPE)[keyof typeof DIGITAL_SOURCE_TYPE];

/** A job with sources changed an existing picture; one without made its picture from the prompt. */
export const digitalSourceTypeOf = (request: object): DigitalSourceType =>
  'sources' in request && Array.isArray(request.sources) && request.sources.length > 0 ? DIGITAL_SOURCE_TYPE.edited : DIGITAL_SOURCE_TYPE.generated;

/** How much of the chain a file carries: the nearest ancestors, each prompt shortened. */
export const MAX_CHAIN = 20;
const MAX_CHAIN_PROMPT_CHARS = 2_000;
const MAX_URL_CHARS = 2_000;
const MAX_AREA_CHARS = 300;

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

/** What a download carries besides the job itself: its ancestors, and the source page if allowed. */
export interface Provenance {
  chain: readonly { prompt: string; model: string }[];
  sourcePage?: string | undefined;
}

export function metadataFor(
  job: { request: { prompt: string; model?: string; area?: AreaNoteInput }; servedModel?: string; finishedAt?: number; createdAt: number },
  provenance?: Provenance,
): ResultMetadata {
  return cleanMetadata({
    prompt: job.request.prompt,
    model: job.servedModel ?? job.request.model ?? '',
    date: new Date(job.finishedAt ?? job.createdAt).toISOString(),
    software: SOFTWARE,
    digitalSourceType: digitalSourceTypeOf(job.request),
    ...(provenance?.chain.length ? { chain: provenance.chain } : {}),
    ...(provenance?.sourcePage ? { sourcePage: provenance.sourcePage } : {}),
    ...(job.request.area ? { area: areaNote(job.request.area) } : {}),
  });
}

/** Every text field cleaned and capped (writers rely on it); an unknown source type is dropped. */
export function cleanMetadata(meta: ResultMetadata): ResultMetadata {
  const known = Object.values(DIGITAL_SOURCE_TYPE) as string[];
  const page = meta.sourcePage && /^https?:\/\//i.test(meta.sourcePage) ? cleanText(meta.sourcePage, MAX_URL_CHARS) : undefined;
  return {
    prompt: cleanText(meta.prompt, MAX_PROMPT_CHARS),
    model: cleanText(meta.model, MAX_MODEL_CHARS),
    date: cleanText(meta.date, 40),
    software: cleanText(meta.software, 100),
    ...(meta.digitalSourceType && known.includes(meta.digitalSourceType) ? { digitalSourceType: meta.digitalSourceType } : {}),
    ...(meta.chain?.length
      ? { chain: meta.chain.slice(-MAX_CHAIN).map((v) => ({ prompt: cleanText(v.prompt, MAX_CHAIN_PROMPT_CHARS), model: cleanText(v.model, MAX_MODEL_CHARS) })) }
      : {}),
    ...(page ? { sourcePage: page } : {}),
    ...(meta.shots?.length
      ? { shots: meta.shots.slice(0, MAX_CHAIN).map((v) => ({ prompt: cleanText(v.prompt, MAX_CHAIN_PROMPT_CHARS), model: cleanText(v.model, MAX_MODEL_CHARS) })) }
      : {}),
    ...(meta.area ? { area: cleanText(meta.area, MAX_AREA_CHARS) } : {}),
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
