import { Inflate, strFromU8 } from 'fflate';
import { ArchiveError } from './archive-error';
import { ARCHIVE_LIMITS, formatBytes } from './archive-limits';
import { formatNumber, t } from '../i18n';

/**
 * Reading an untrusted zip without ever inflating more than we allow.
 *
 * `readDirectory` reads the zip's table of contents (central directory) and inflates nothing, so names
 * and declared sizes are checked first. `inflateEntries` then inflates only the entries asked for, each
 * through fflate's streaming `Inflate`, fed small slices of compressed input (see `sliceFor`), and output
 * is counted as it comes: a bomb is stopped within one slice (≤ ~1 MiB) of passing its cap instead of
 * being inflated whole.
 *
 * Entries are located through the central directory (offset + compressed size), not by scanning the
 * stream as fflate's `Unzip` does: our own exports write data descriptors, and a scan for the next
 * signature would cut any media file that happens to contain the bytes "PK\x07\x08" (about one in
 * 4 GB of random data): a genuine archive would be refused as damaged.
 */
export interface ZipEntry {
  name: string;
  /** Inflated size as the directory declares it (may be a lie; inflation is capped anyway). */
  declaredBytes: number;
  compressedBytes: number;
  compression: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/**
 * DEFLATE inflates at most ~1,032× (258-byte matches of a few bits each). Slices are sized so that one
 * slice can never inflate past the entry's remaining allowance by more than ~1 MiB, yet large entries
 * still go in big slices (each push costs a copy of the 32 KiB window).
 */
const MAX_RATIO = 1032;
const sliceFor = (remaining: number) => Math.max(1024, Math.min(64 * 1024, Math.floor(remaining / MAX_RATIO)));
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const TRUNCATED = t('historyData.theArchiveIsIncompleteIt');
const DAMAGED = t('historyData.theArchiveSTableOf');

const u16 = (zip: Uint8Array, at: number) => zip[at]! | (zip[at + 1]! << 8);
const u32 = (zip: Uint8Array, at: number) => (zip[at]! | (zip[at + 1]! << 8) | (zip[at + 2]! << 16) | (zip[at + 3]! << 24)) >>> 0;

export function readDirectory(zip: Uint8Array): ZipEntry[] {
  if (zip.length < 22 || u32(zip, 0) !== LOCAL_HEADER) throw new ArchiveError(zip.length >= 4 && u32(zip, 0) === END_OF_DIRECTORY ? t('historyData.theArchiveIsEmpty') : t('historyData.thatFileIsNotA'));
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (u32(zip, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ArchiveError(TRUNCATED);
  const count = u16(zip, end + 10);
  const size = u32(zip, end + 12);
  const start = u32(zip, end + 16);
  if (count === 0xffff || start === 0xffffffff) throw new ArchiveError(t('historyData.theArchiveUsesTheZip64'));
  if (count > ARCHIVE_LIMITS.entries) throw new ArchiveError(t('archive.tooManyFiles', { count: formatNumber(count), max: formatNumber(ARCHIVE_LIMITS.entries) }));
  if (start + size > end) throw new ArchiveError(DAMAGED);
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(zip, at) !== DIRECTORY_ENTRY) throw new ArchiveError(DAMAGED);
    const flags = u16(zip, at + 8);
    const nameLength = u16(zip, at + 28);
    const next = at + 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    if (next > end) throw new ArchiveError(DAMAGED);
    if (flags & 1) throw new ArchiveError(t('historyData.theArchiveIsEncryptedReimagine'));
    entries.push({
      name: strFromU8(zip.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800)),
      compression: u16(zip, at + 10),
      compressedBytes: u32(zip, at + 20),
      declaredBytes: u32(zip, at + 24),
      offset: u32(zip, at + 42),
    });
    at = next;
  }
  return entries;
}

export interface WantedEntry {
  /** Most bytes this entry may inflate to. */
  cap: number;
  /** The sentence when it would inflate to more. */
  tooBig: string;
}

/** Inflates the `wanted` entries of the directory, each capped, all of them together capped too. */
export function inflateEntries(zip: Uint8Array, directory: ReadonlyMap<string, ZipEntry>, wanted: ReadonlyMap<string, WantedEntry>): Map<string, Uint8Array> {
  const done = new Map<string, Uint8Array>();
  let total = 0;
  for (const [name, want] of wanted) {
    const entry = directory.get(name);
    if (!entry) throw new ArchiveError(t('archive.missing', { name }));
    const bytes = inflateEntry(zip, entry, want, ARCHIVE_LIMITS.totalBytes - total);
    total += bytes.length;
    done.set(name, bytes);
  }
  return done;
}

function inflateEntry(zip: Uint8Array, entry: ZipEntry, want: WantedEntry, budget: number): Uint8Array {
  const overBudget = t('archive.overBudget', { max: formatBytes(ARCHIVE_LIMITS.totalBytes) });
  if (entry.declaredBytes > want.cap) throw new ArchiveError(want.tooBig);
  // The local header must be where the directory says, for the same name.
  const at = entry.offset;
  if (at + 30 > zip.length || u32(zip, at) !== LOCAL_HEADER) throw new ArchiveError(t('archive.damaged', { name: entry.name }));
  const nameLength = u16(zip, at + 26);
  if (strFromU8(zip.subarray(at + 30, at + 30 + nameLength), !(u16(zip, at + 6) & 0x800)) !== entry.name) throw new ArchiveError(t('archive.damaged', { name: entry.name }));
  const start = at + 30 + nameLength + u16(zip, at + 28);
  const data = zip.subarray(start, start + entry.compressedBytes);
  if (start + entry.compressedBytes > zip.length) throw new ArchiveError(TRUNCATED);

  if (entry.compression === 0) {
    if (data.length > want.cap) throw new ArchiveError(want.tooBig);
    if (data.length > budget) throw new ArchiveError(overBudget);
    return data.slice();
  }
  if (entry.compression !== 8) throw new ArchiveError(t('archive.compression', { name: entry.name }));
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  let failure: string | undefined;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > want.cap) failure ??= want.tooBig;
    else if (size > budget) failure ??= overBudget;
    else chunks.push(chunk);
    finished ||= final;
  });
  try {
    for (let from = 0; from < data.length && !failure; ) {
      const to = from + sliceFor(Math.min(want.cap, budget) - size);
      inflate.push(data.subarray(from, to), to >= data.length);
      from = to;
    }
  } catch {
    throw new ArchiveError(t('archive.damaged', { name: entry.name }));
  }
  if (failure) throw new ArchiveError(failure);
  if (!finished && data.length > 0) throw new ArchiveError(t('archive.cutShort', { name: entry.name }));
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
