import { Deflate, strToU8 } from 'fflate';

/** Zips that lie, byte by byte (no library would write them): for the security suite, vitest and Playwright. */
export interface RawEntry {
  name: string;
  /** The bytes as stored in the zip (already deflated when `method` is 8). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The inflated size the headers declare (a bomb lies here). Defaults to data.length. */
  declaredSize?: number;
}

/** A minimal zip writer (no CRC check is relied on by the reader; sha-256 in the manifest is). */
export function writeZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const declared = entry.declaredSize ?? entry.data.length;
    const header = (signature: number, size: number) => {
      const out = new Uint8Array(size);
      const view = new DataView(out.buffer);
      view.setUint32(0, signature, true);
      return { out, view };
    };
    const local = header(0x04034b50, 30 + name.length);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(6, 0x0800, true);
    local.view.setUint16(8, entry.method ?? 0, true);
    local.view.setUint32(18, entry.data.length, true);
    local.view.setUint32(22, declared, true);
    local.view.setUint16(26, name.length, true);
    local.out.set(name, 30);
    const dir = header(0x02014b50, 46 + name.length);
    dir.view.setUint16(4, 20, true);
    dir.view.setUint16(6, 20, true);
    dir.view.setUint16(8, 0x0800, true);
    dir.view.setUint16(10, entry.method ?? 0, true);
    dir.view.setUint32(20, entry.data.length, true);
    dir.view.setUint32(24, declared, true);
    dir.view.setUint16(28, name.length, true);
    dir.view.setUint32(42, offset, true);
    dir.out.set(name, 46);
    parts.push(local.out, entry.data);
    central.push(dir.out);
    offset += local.out.length + entry.data.length;
  }
  const centralSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A raw DEFLATE stream of `mib` MiB of zeros, made without ever holding them: one MiB of zeros deflated
 * and sync-flushed (so it ends on a byte boundary and can be repeated), `mib` times, then an empty final
 * block. 1 GiB comes out at about 1 MiB.
 */
export function zeroBomb(mib: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  deflate.push(new Uint8Array(1024 * 1024));
  deflate.flush(true);
  const unit = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    unit.set(c, at);
    at += c.length;
  }
  const out = new Uint8Array(unit.length * mib + 2);
  for (let i = 0; i < mib; i++) out.set(unit, i * unit.length);
  out.set([0x03, 0x00], unit.length * mib); // BFINAL=1, fixed Huffman, end of block
  return out;
}
