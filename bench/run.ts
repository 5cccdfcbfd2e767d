/**
 * `npm run bench [-- --rebuild] [-- --only=sizes,other] [-- --strict]`
 *
 * Builds the extension if needed (`wxt build` when .output/chrome-mv3/manifest.json is missing or
 * --rebuild is given), runs each registered section, prints a table per section and writes
 * bench-output/results.json. A MISS is reported but only fails the run with --strict; a section
 * that throws always fails it.
 *
 * Adding a measurement: create bench/<name>.ts exporting `run(ctx: BenchContext): Promise<BenchSection>`
 * (see bench/types.ts) and add it to SECTIONS below. Modules are imported lazily, so a section that
 * needs e.g. Playwright costs nothing when it is filtered out with --only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchColumn, BenchContext, BenchModule, BenchRow, BenchSection, BenchStatus, BenchTarget } from './types';

const SECTIONS: Array<{ name: string; load: () => Promise<BenchModule> }> = [
  { name: 'sizes', load: () => import('./sizes') },
  { name: 'wake', load: () => import('./wake') },
  { name: 'wake-profile', load: () => import('./wake-profile') },
  { name: 'popup', load: () => import('./popup') },
  { name: 'polling', load: () => import('./polling') },
  { name: 'page', load: () => import('./page') },
  { name: 'capture', load: () => import('./capture') },
  { name: 'sidepanel', load: () => import('./sidepanel') },
  { name: 'batch', load: () => import('./batch') },
  { name: 'versions', load: () => import('./versions') },
  { name: 'area', load: () => import('./area') },
  { name: 'story', load: () => import('./story') },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extDir = path.join(root, '.output', 'chrome-mv3');
const e2eExtDir = path.join(root, '.output', 'e2e', 'chrome-mv3');
const outDir = path.join(root, 'bench-output');
const args = process.argv.slice(2);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<number> {
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
    .filter(Boolean);
  const strict = args.includes('--strict');
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) {
    log(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 2;
  }

  let rebuilt = false;
  if (args.includes('--rebuild') || !existsSync(path.join(extDir, 'manifest.json'))) {
    log('building the extension (wxt build)...');
    const wxt = path.join(root, 'node_modules', '.bin', 'wxt');
    const result = spawnSync(wxt, ['build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) {
      log(`wxt build failed (${result.error?.message ?? `exit ${result.status}`})`);
      return 1;
    }
    rebuilt = true;
  }
  if (rebuilt || !existsSync(path.join(e2eExtDir, 'manifest.json'))) {
    log('building the e2e variants (scripts/build-e2e.ts)...');
    const result = spawnSync('npx', ['tsx', 'scripts/build-e2e.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const ctx: BenchContext = { root, extDir, e2eExtDir, outDir, args, rebuilt, log };

  const results: Array<{ name: string; durationMs: number; error?: string } & Partial<BenchSection>> = [];
  let failed = false;
  let misses = 0;
  for (const { name, load } of SECTIONS) {
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    try {
      const section = await (await load()).run(ctx);
      for (const row of section.rows) row.status ??= evaluate(row);
      misses += section.rows.filter((r) => r.status === 'MISS').length;
      const durationMs = Math.round(performance.now() - started);
      printSection(section, durationMs);
      results.push({ name, durationMs, ...section });
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.log(`\n## ${name}: FAILED\n${message}`);
      results.push({ name, durationMs: Math.round(performance.now() - started), error: message });
    }
  }

  const file = path.join(outDir, 'results.json');
  writeFileSync(
    file,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, args, rebuilt, sections: results }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(root, file)}${misses ? ` (${misses} target(s) missed)` : ''}`);
  return failed || (strict && misses > 0) ? 1 : 0;
}

function evaluate(row: BenchRow): BenchStatus | undefined {
  const t = row.target;
  if (!t) return undefined;
  const value = row.values[t.key];
  if (typeof value !== 'number') return 'MISS';
  if (t.max !== undefined && value > t.max) return 'MISS';
  if (t.min !== undefined && value < t.min) return 'MISS';
  return 'PASS';
}

function formatValue(value: number | string | null | undefined, unit: BenchColumn['unit']): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'bytes':
      return value < 1000 ? `${value} B` : `${(value / 1000).toFixed(1)} kB`;
    case 'ms':
      return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
    case 'ratio':
      return value.toFixed(2);
    case 'percent':
      return `${value.toFixed(1)} %`;
    default:
      return String(value);
  }
}

function formatTarget(target: BenchTarget | undefined, columns: BenchColumn[]): string {
  if (!target) return '';
  const column = columns.find((c) => c.key === target.key);
  const unit = column?.unit ?? 'text';
  const parts: string[] = [];
  if (target.min !== undefined) parts.push(`>= ${formatValue(target.min, unit)}`);
  if (target.max !== undefined) parts.push(`<= ${formatValue(target.max, unit)}`);
  return `${column?.label ?? target.key} ${parts.join(' and ')}`;
}

function printSection(section: BenchSection, durationMs: number): void {
  const hasTargets = section.rows.some((r) => r.target || r.status);
  const header = ['', ...section.columns.map((c) => c.label), ...(hasTargets ? ['target', 'status'] : [])];
  const body = section.rows.map((row) => [
    row.label,
    ...section.columns.map((c) => formatValue(row.values[c.key], c.unit)),
    ...(hasTargets ? [formatTarget(row.target, section.columns), row.status ?? ''] : []),
  ]);
  const numeric = header.map((_, i) => i > 0 && i <= section.columns.length && section.columns[i - 1]?.unit !== 'text');
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();

  console.log(`\n## ${section.title}  (${durationMs} ms)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  for (const note of section.notes ?? []) console.log(`  * ${note}`);
  const checked = section.rows.filter((r) => r.status);
  if (checked.length > 0) {
    const passed = checked.filter((r) => r.status === 'PASS').length;
    console.log(`  targets: ${passed}/${checked.length} PASS`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
