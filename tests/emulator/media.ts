import { randomUUID } from 'node:crypto';
import { VENDOR_HOSTS } from './tls';

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

/** Which vendor CDN host each kind of result is issued on (in `vendor` mode). */
export type MediaPrefix = 'imgen' | 'vidgen' | 'vydra-img' | 'vydra-vid' | 'im-runware' | 'vid-runware';
const VENDOR_HOST_OF: Record<MediaPrefix, string> = {
  imgen: VENDOR_HOSTS.xaiImages,
  vidgen: VENDOR_HOSTS.xaiVideos,
  'vydra-img': VENDOR_HOSTS.vydraCdn,
  'vydra-vid': VENDOR_HOSTS.vydraCdn,
  'im-runware': VENDOR_HOSTS.runwareImages,
  'vid-runware': VENDOR_HOSTS.runwareVideos,
};
const VENDOR_MEDIA_HOSTS: ReadonlySet<string> = new Set(Object.values(VENDOR_HOST_OF));

/**
 * Generated files behind temporary URLs, like imgen.x.ai / vidgen.x.ai: each URL works for a TTL fixed
 * when it is issued, then 404s. Bytes are dropped on expiry so long demo sessions don't pile up memory.
 */
export class MediaStore {
  private entries = new Map<string, MediaEntry>();

  /**
   * `hosts: 'vendor'` issues URLs on the vendors' real CDN hostnames over https (https://imgen.x.ai/media/…),
   * which a browser started with --host-resolver-rules reaches at this emulator, as in production;
   * `'local'` issues them on the emulator's own origin (for Node clients, which cannot remap names).
   */
  constructor(
    private readonly origin: () => string,
    private readonly hosts: () => 'local' | 'vendor' = () => 'local',
  ) {}

  /** `prefix` picks the vendor host (vendor mode) and makes URLs readable in logs. */
  put(bytes: Buffer, extension: MediaExtension, expiresAt: number, prefix: MediaPrefix): string {
    this.sweep();
    const name = `${prefix}-${randomUUID()}.${extension}`;
    this.entries.set(name, { bytes, contentType: CONTENT_TYPES[extension], expiresAt });
    const origin = this.hosts() === 'vendor' ? `https://${VENDOR_HOST_OF[prefix]}` : this.origin();
    return `${origin}/media/${name}`;
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

  /** The file name when `url` is one of ours (any host spelling of our port, or a vendor CDN name), else undefined. */
  nameFromUrl(url: URL): string | undefined {
    const own = new URL(this.origin());
    if (!url.pathname.startsWith('/media/')) return undefined;
    if (url.protocol === 'https:' && VENDOR_MEDIA_HOSTS.has(url.hostname)) return url.pathname.slice('/media/'.length);
    if (url.port !== own.port) return undefined;
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
