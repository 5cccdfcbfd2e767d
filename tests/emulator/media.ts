import { randomUUID } from 'node:crypto';

export type MediaExtension = 'jpeg' | 'png' | 'mp4';

const CONTENT_TYPES: Record<MediaExtension, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
};

interface MediaEntry {
  bytes: Buffer;
  contentType: string;
  expiresAt: number;
}

/**
 * Generated files behind temporary URLs, like imgen.x.ai / vidgen.x.ai: each URL works for a TTL fixed
 * when it is issued, then 404s. Bytes are dropped on expiry so long demo sessions don't pile up memory.
 */
export class MediaStore {
  private entries = new Map<string, MediaEntry>();

  constructor(private readonly origin: () => string) {}

  /** `prefix` only makes URLs readable in logs (e.g. "imgen", "vidgen"). */
  put(bytes: Buffer, extension: MediaExtension, expiresAt: number, prefix: string): string {
    this.sweep();
    const name = `${prefix}-${randomUUID()}.${extension}`;
    this.entries.set(name, { bytes, contentType: CONTENT_TYPES[extension], expiresAt });
    return `${this.origin()}/media/${name}`;
  }

  /** By file name ("imgen-….jpeg"); undefined when unknown or expired. */
  get(name: string): { bytes: Buffer; contentType: string } | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (Date.now() >= entry.expiresAt) {
      this.entries.delete(name);
      return undefined;
    }
    return { bytes: entry.bytes, contentType: entry.contentType };
  }

  /** The file name when `url` is one of ours (any host spelling of our port), else undefined. */
  nameFromUrl(url: URL): string | undefined {
    const own = new URL(this.origin());
    if (url.port !== own.port || !url.pathname.startsWith('/media/')) return undefined;
    if (!['127.0.0.1', 'localhost', '[::1]', own.hostname].includes(url.hostname)) return undefined;
    return url.pathname.slice('/media/'.length);
  }

  isLive(name: string): boolean {
    return this.get(name) !== undefined;
  }

  expireAll(): void {
    this.entries.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [name, entry] of this.entries) if (now >= entry.expiresAt) this.entries.delete(name);
  }
}
