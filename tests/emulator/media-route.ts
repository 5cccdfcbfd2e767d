import type { IncomingMessage } from 'node:http';
import { FAULT_GROUPS, type FaultQueue, type FaultTarget } from './faults';
import type { WireResponse } from './http';
import type { MediaStore } from './media';

/**
 * GET /media/<name>: the CDN side (imgen.x.ai / vidgen.x.ai). No API key needed — and one is refused:
 * the URLs are presigned, and such CDNs reject a second auth mechanism, which is why the doc says to
 * download without the Authorization header. Errors are the storage service's XML, not API JSON.
 */

function xmlError(status: number, code: string, message: string): WireResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body: Buffer.from(body) };
}

/** Single byte ranges, so a <video> element can seek (Chromium sends Range: bytes=0- first). */
function rangeOf(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return 'invalid';
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(size - 1, Number(to));
  return start > end || start >= size ? 'invalid' : { start, end };
}

export type MediaOutcome = { drop: true } | { drop: false; wire: WireResponse; delayMs: number };

export function serveMedia(request: IncomingMessage, path: string, media: MediaStore, faults: FaultQueue): MediaOutcome {
  const target: FaultTarget = { method: request.method ?? 'GET', path, space: 'media' };
  const delayMs = faults.take(target, FAULT_GROUPS.transport)?.ms ?? 0;
  const gate = faults.take(target, ['network_drop', 'server_error']);
  if (gate?.kind === 'network_drop') return { drop: true };
  if (gate?.kind === 'server_error') {
    return { drop: false, delayMs, wire: xmlError(gate.status ?? 500, 'InternalError', 'We encountered an internal error. Please try again.') };
  }
  const respond = (wire: WireResponse): MediaOutcome => ({ drop: false, wire, delayMs });

  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(xmlError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.'));
  if (request.headers.authorization) {
    return respond(
      xmlError(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      ),
    );
  }
  const stored = media.get(path.slice('/media/'.length));
  if (!stored) return respond(xmlError(404, 'NoSuchKey', 'The specified key does not exist.'));

  const headers = { 'content-type': stored.contentType, 'accept-ranges': 'bytes', 'cache-control': 'private, max-age=600' };
  const range = rangeOf(request.headers.range, stored.bytes.length);
  if (range === 'invalid') {
    return respond({ status: 416, headers: { ...headers, 'content-range': `bytes */${stored.bytes.length}` }, body: Buffer.alloc(0) });
  }
  if (range) {
    return respond({
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${stored.bytes.length}` },
      body: stored.bytes.subarray(range.start, range.end + 1),
    });
  }
  return respond({ status: 200, headers, body: stored.bytes });
}
