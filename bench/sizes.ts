/**
 * Built size of each extension entrypoint: the JS/CSS/HTML a context loads before it can run.
 *
 * Entries come from the manifest (background worker, content scripts, side panel, popup, options,
 * ...) plus any other top-level HTML page. For each one the static import graph is followed
 * (HTML <script src>/<link rel=modulepreload|stylesheet>, then `import ... from "./x.js"` in JS), so
 * shared chunks are counted in every entry that loads them. Dynamic `import("./x.js")` chunks are
 * reported separately as "lazy".
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext, BenchRow, BenchSection } from './types';

/** lib/background/services-loader.ts's SERVICES_SCRIPT, without its leading slash. */
const SERVICES_SCRIPT = 'background-services.js';

/**
 * No size targets (issue 28): bytes only stood for time, so the targets are now the times themselves — the
 * worker's cold wake against a minimal extension and a cold right-click (bench/wake.ts), the side panel's time
 * to interactive (bench/sidepanel.ts), the popup's first thumbnails (bench/popup.ts), and the bytes of
 * Reimagine script a web page parses (bench/page.ts). The sizes stay here as information.
 */
type EntryKind = 'background' | 'content' | 'page';

interface Entry {
  label: string;
  kind: EntryKind;
  /** Files the entry references directly (paths relative to the extension root). */
  roots: string[];
}

interface FileInfo {
  raw: number;
  gzip: number;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  content_scripts?: Array<{ js?: string[]; css?: string[]; matches?: string[] }>;
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  devtools_page?: string;
  chrome_url_overrides?: Record<string, string>;
}

const normalize = (p: string) => p.replace(/^\/+/, '').replace(/^\.\//, '');

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const dir = ctx.extDir;
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const entries = discoverEntries(dir, manifest);

  const cache = new Map<string, FileInfo>();
  const info = (rel: string): FileInfo => {
    let hit = cache.get(rel);
    if (!hit) {
      const buf = readFileSync(path.join(dir, rel));
      hit = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
      cache.set(rel, hit);
    }
    return hit;
  };

  const rows: BenchRow[] = [];
  const reached = new Set<string>(['manifest.json']);
  for (const entry of entries) {
    const { initial, lazy } = collect(dir, entry.roots);
    const sum = (files: string[]) =>
      files.reduce((acc, f) => ({ raw: acc.raw + info(f).raw, gzip: acc.gzip + info(f).gzip }), { raw: 0, gzip: 0 });
    const init = sum(initial);
    const lazySum = sum(lazy);
    initial.forEach((f) => reached.add(f));
    lazy.forEach((f) => reached.add(f));
    rows.push({
      label: entry.label,
      values: { files: initial.length, raw: init.raw, gzip: init.gzip, lazyRaw: lazySum.raw },
      details: {
        kind: entry.kind,
        files: initial.map((f) => ({ file: f, ...info(f) })),
        lazy: lazy.map((f) => ({ file: f, ...info(f) })),
      },
    });
  }

  // Everything else in the build (icons, unreferenced assets, ...) and the whole package.
  const all = listFiles(dir);
  const other = all.filter((f) => !reached.has(f));
  const otherRaw = other.reduce((n, f) => n + info(f).raw, 0);
  const otherGzip = other.reduce((n, f) => n + info(f).gzip, 0);
  rows.push({
    label: 'other files (icons, assets)',
    values: { files: other.length, raw: otherRaw, gzip: otherGzip, lazyRaw: null },
    details: { files: other.map((f) => ({ file: f, ...info(f) })) },
  });
  rows.push({
    label: 'whole package (.output/chrome-mv3)',
    values: {
      files: all.length,
      raw: all.reduce((n, f) => n + info(f).raw, 0),
      gzip: all.reduce((n, f) => n + info(f).gzip, 0),
      lazyRaw: null,
    },
  });

  return {
    title: 'Built size per entrypoint (chrome-mv3)',
    columns: [
      { key: 'files', label: 'files', unit: 'count' },
      { key: 'raw', label: 'raw', unit: 'bytes' },
      { key: 'gzip', label: 'gzip -9', unit: 'bytes' },
      { key: 'lazyRaw', label: 'lazy raw', unit: 'bytes' },
    ],
    rows,
    notes: [
      'raw/gzip = the entry file plus every chunk it loads statically (shared chunks count in each entry).',
      'lazy raw = chunks only reachable through dynamic import(). The background is two classic scripts: the start script every wake runs, and the services it loads with importScripts on the first event that needs them (docs/ARCHITECTURE.md, "The worker\'s start path").',
      'Information only: the targets are the times these bytes cost (sections wake, sidepanel, popup, page).',
    ],
  };
}

function discoverEntries(dir: string, manifest: Manifest): Entry[] {
  const entries: Entry[] = [];
  const pages = new Set<string>();
  const addPage = (label: string, file: string | undefined) => {
    if (!file) return;
    const rel = normalize(file.split(/[?#]/)[0]!);
    if (pages.has(rel) || !existsSync(path.join(dir, rel))) return;
    pages.add(rel);
    entries.push({ label: `${label} (${rel})`, kind: 'page', roots: [rel] });
  };

  const bg = manifest.background;
  if (bg?.service_worker) entries.push({ label: `background (${normalize(bg.service_worker)})`, kind: 'background', roots: [normalize(bg.service_worker)] });
  if (bg?.scripts?.length) entries.push({ label: 'background (scripts)', kind: 'background', roots: bg.scripts.map(normalize) });
  if (bg?.page) addPage('background page', bg.page);

  for (const cs of manifest.content_scripts ?? []) {
    const roots = [...(cs.js ?? []), ...(cs.css ?? [])].map(normalize);
    if (roots.length === 0) continue;
    entries.push({ label: `content script (${roots[0]})`, kind: 'content', roots });
  }

  addPage('side panel', manifest.side_panel?.default_path);
  addPage('sidebar', manifest.sidebar_action?.default_panel);
  addPage('popup', manifest.action?.default_popup ?? manifest.browser_action?.default_popup);
  addPage('options', manifest.options_ui?.page ?? manifest.options_page);
  addPage('devtools', manifest.devtools_page);
  for (const [name, file] of Object.entries(manifest.chrome_url_overrides ?? {})) addPage(`${name} override`, file);

  // Unlisted pages (e.g. WXT unlisted HTML entrypoints opened via runtime.getURL).
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) addPage(file === 'offscreen.html' ? 'offscreen (video posters)' : 'page', file);

  // Content scripts that are only injected programmatically (scripting.executeScript) live in
  // content-scripts/ but are not in the manifest.
  const csDir = path.join(dir, 'content-scripts');
  if (existsSync(csDir)) {
    const listed = new Set(entries.flatMap((e) => e.roots));
    const byName = new Map<string, string[]>();
    for (const f of readdirSync(csDir).sort()) {
      const rel = `content-scripts/${f}`;
      if (listed.has(rel) || !/\.(js|css)$/.test(f)) continue;
      const base = f.replace(/\.(js|css)$/, '');
      byName.set(base, [...(byName.get(base) ?? []), rel]);
    }
    for (const [base, roots] of byName) {
      entries.push({ label: `content script (content-scripts/${base}, injected)`, kind: 'content', roots });
    }
  }
  // Unlisted scripts at the top level (WXT unlisted scripts) that the manifest does not load: the page
  // script Reimagine injects on demand.
  // The worker's heavy half (Chrome): a classic script the start script loads with importScripts on first use.
  if (existsSync(path.join(dir, SERVICES_SCRIPT))) entries.push({ label: `background services (${SERVICES_SCRIPT}, importScripts on first use)`, kind: 'background', roots: [SERVICES_SCRIPT] });
  const listed = new Set(entries.flatMap((e) => e.roots));
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    if (!listed.has(f)) entries.push({ label: `page script (${f}, injected on use)`, kind: 'content', roots: [f] });
  }
  return entries;
}

/** Static closure (initial) and dynamic-import-only closure (lazy) of the given root files. */
function collect(dir: string, roots: string[]): { initial: string[]; lazy: string[] } {
  const initial = walk(dir, roots, false);
  const initialSet = new Set(initial);
  const lazyRoots = new Set<string>();
  for (const f of initial) for (const d of references(dir, f).dynamic) if (!initialSet.has(d)) lazyRoots.add(d);
  const lazy = walk(dir, [...lazyRoots], true).filter((f) => !initialSet.has(f));
  return { initial, lazy };
}

function walk(dir: string, roots: string[], includeDynamic: boolean): string[] {
  const seen = new Set<string>();
  const queue = roots.filter((r) => existsSync(path.join(dir, r)));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const refs = references(dir, file);
    for (const next of includeDynamic ? [...refs.static, ...refs.dynamic] : refs.static) {
      if (!seen.has(next)) queue.push(next);
    }
  }
  return [...seen];
}

const refCache = new Map<string, { static: string[]; dynamic: string[] }>();

/** Files referenced by `file`, resolved to paths relative to the extension root (existing only). */
function references(dir: string, file: string): { static: string[]; dynamic: string[] } {
  const key = `${dir}\0${file}`;
  const cached = refCache.get(key);
  if (cached) return cached;
  const text = readFileSync(path.join(dir, file), 'utf8');
  const statics: string[] = [];
  const dynamics: string[] = [];
  const resolve = (spec: string): string | undefined => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(spec) || spec.startsWith('//')) return undefined; // URLs
    const clean = spec.split(/[?#]/)[0]!;
    const rel = clean.startsWith('/')
      ? normalize(clean)
      : path.posix.normalize(path.posix.join(path.posix.dirname(file), clean));
    return existsSync(path.join(dir, rel)) && statSync(path.join(dir, rel)).isFile() ? rel : undefined;
  };
  const push = (list: string[], spec: string | undefined) => {
    const rel = spec === undefined ? undefined : resolve(spec);
    if (rel && !list.includes(rel)) list.push(rel);
  };

  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) push(statics, m[1]);
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
      const tag = m[0];
      const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase() ?? '';
      const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
      if (/\b(stylesheet|modulepreload)\b/.test(rel)) push(statics, href);
    }
  } else if (file.endsWith('.js') || file.endsWith('.mjs')) {
    // Minified ESM: import{a as b}from"./x.js"; import"./y.js"; export*from"./z.js"
    for (const m of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+)["']/g)) {
      push(statics, m[1]);
    }
    for (const m of text.matchAll(/\bimport\(\s*["']([^"'\n]+)["']\s*\)/g)) push(dynamics, m[1]);
  } else if (file.endsWith('.css')) {
    for (const m of text.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) push(statics, m[1]);
  }
  const result = { static: statics, dynamic: dynamics };
  refCache.set(key, result);
  return result;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}
