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

export function metadataFor(job: { request: { prompt: string; model?: string }; servedModel?: string; finishedAt?: number; createdAt: number }): ResultMetadata {
  return {
    prompt: cleanText(job.request.prompt, MAX_PROMPT_CHARS),
    model: cleanText(job.servedModel ?? job.request.model ?? '', MAX_MODEL_CHARS),
    date: new Date(job.finishedAt ?? job.createdAt).toISOString(),
    software: SOFTWARE,
  };
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
