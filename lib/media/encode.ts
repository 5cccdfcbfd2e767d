import { sniffBytes } from './sniff';

/** Blob ⇄ data: URL without FileReader (not in every worker) and without blowing the call stack. */
export async function blobToDataUrl(blob: Blob, mimeType = blob.type || 'application/octet-stream'): Promise<string> {
  // Copied into an array of this realm first: in a Firefox content script the buffer belongs to the page,
  // and `subarray` on a view of it is refused ("Permission denied to access property constructor").
  const view = new Uint8Array(await blob.arrayBuffer());
  const bytes = new Uint8Array(view.length);
  bytes.set(view);
  return `data:${mimeType};base64,${bytesToBase64(bytes)}`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)?(;base64)?,/.exec(dataUrl);
  // eslint-disable-next-line reimagine/no-ui-literal -- developer-only: callers pass data: URLs they made or the protocol checked
  if (!match) throw new Error('Not a data: URL');
  const mimeType = match[1] ?? 'application/octet-stream';
  const payload = dataUrl.slice(match[0].length);
  if (!match[2]) return new Blob([decodeURIComponent(payload)], { type: mimeType });
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

/** Sniff the real image type from magic bytes: a server's or page's declared type is not trusted. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | undefined {
  const sniffed = sniffBytes(bytes);
  return sniffed?.kind === 'image' ? (sniffed.mimeType as 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif') : undefined;
}
