/**
 * Where a cold worker start spends its time (issue 28): Chrome's trace of several wakes (CDP Tracing with V8's
 * sampling profiler, the service worker thread only) on a profiling build of the extension, summed up as
 * - compile and top-level evaluation per wake (the trace's v8.compileModule / v8.evaluateModule and their
 *   classic-script counterparts);
 * - the modules whose top-level code the samples ran in: on the start path, or later when a handler loads them.
 *
 * The profiling build (`.output-profile/`, REIMAGINE_PROFILE_BUILD=1 in wxt.config.ts) is unminified, with
 * every module wrapped in its own init function (rolldown's strictExecutionOrder), so each sample's stack names
 * the module being evaluated: the innermost init function on it. The raw trace is written to
 * bench-output/wake-trace.json (open it in DevTools' Performance panel).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './stats';
import type { BenchContext, BenchRow, BenchSection } from './types';
import { workerControl } from './wake';

const WAKES = 7;
const TOP = 15;
const CATEGORIES = ['v8', 'v8.execute', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: ProfileData & { url?: string; startTime?: number } };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; scriptId: number };
}
interface ProfileData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const outDir = path.join(ctx.root, '.output-profile');
  const extDir = path.join(outDir, 'chrome-mv3');
  if (ctx.rebuilt || ctx.args.includes('--rebuild') || !existsSync(path.join(extDir, 'manifest.json'))) {
    ctx.log('building the profiling build (.output-profile)...');
    const wxt = path.join(ctx.root, 'node_modules', '.bin', 'wxt');
    const env = { ...process.env, REIMAGINE_PROFILE_BUILD: '1', WXT_OUT_DIR: outDir };
    const result = spawnSync(wxt, ['build'], { cwd: ctx.root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error('profiling build failed');
  }
  const { chromium } = await import('@playwright/test');
  const { chromiumArgs, CHROMIUM_PATH } = await import('../tests/e2e/launch');
  const profile = await mkdtemp(path.join(tmpdir(), 'reimagine-bench-wake-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...chromiumArgs([])],
  });
  let events: TraceEvent[] = [];
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/manifest.json`);
    const ping = () => page.evaluate(() => chrome.runtime.sendMessage({ type: 'engine.wake' }));
    await ping();
    const control = await workerControl(context);
    const cdp = await context.newCDPSession(page);
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await control.stopAll([worker.url()]);
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
    for (let i = 0; i < WAKES; i++) {
      if (i > 0) await control.stopAll([worker.url()]);
      await ping();
    }
    await cdp.send('Tracing.end');
    await complete;
    await control.close();
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
  writeFileSync(path.join(ctx.outDir, 'wake-trace.json'), JSON.stringify({ traceEvents: events }));
  const summary = summarize(events, extDir);
  events = [];

  const rows: BenchRow[] = [
    { label: 'compile (all scripts of the worker)', values: { ms: median(summary.compile) } },
    { label: 'top-level evaluation (start path)', values: { ms: median(summary.evaluate) } },
    ...summary.modules.slice(0, TOP).map(([module, ms]) => ({ label: `  evaluating ${module}`, values: { ms: ms / summary.wakes } })),
  ];
  return {
    title: `Worker start profile (${summary.wakes} cold wakes, profiling build)`,
    columns: [{ key: 'ms', label: 'ms per wake', unit: 'ms' }],
    rows,
    notes: [
      'Module rows: sampled time inside each module\'s own top-level code (innermost module), during the start path\'s evaluation or later, when a handler loads it on demand (the wake\'s message loads the handlers right after its answer). The profiler slows everything down: compare rows, not absolutes.',
      'Unminified, one init function per module: the absolute figures are not the release build\'s; bench-output/wake-trace.json holds the trace.',
    ],
  };
}

/** Per-wake compile/evaluate times and, summed over the wakes, the sampled evaluation time per module. */
function summarize(events: TraceEvent[], extDir: string) {
  const swThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'ServiceWorker thread').map((e) => e.tid));
  const onSw = events.filter((e) => swThreads.has(e.tid));
  const perThread = (names: string[]) =>
    [...swThreads].map((tid) => onSw.filter((e) => e.tid === tid && names.includes(e.name)).reduce((ms, e) => ms + (e.dur ?? 0) / 1000, 0));
  const compile = perThread(['v8.compileModule', 'v8.compile']);
  // Less the profiler's own start-up, which V8 runs inside the first script evaluation it interrupts.
  const profilerStart = perThread(['CpuProfiler::StartProfiling']);
  const evaluate = perThread(['v8.evaluateModule', 'v8.run']).map((ms, i) => ms - (profilerStart[i] ?? 0));
  const windows = onSw.filter((e) => e.name === 'v8.evaluateModule' || e.name === 'v8.run').map((e) => ({ tid: e.tid, from: e.ts, to: e.ts + (e.dur ?? 0) }));

  const locate = moduleLocator(extDir);
  const modules = new Map<string, number>();
  // One profile per thread: 'Profile' (on the worker thread) gives its start, 'ProfileChunk's (same pid and id,
  // written from the profiler's own thread) its nodes and samples.
  const byProfile = new Map<string, { tid: number; start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (e.name === 'Profile' && !swThreads.has(e.tid)) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') byProfile.set(key, { tid: e.tid, start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
    if (e.name !== 'ProfileChunk') continue;
    const p = byProfile.get(key);
    if (!p) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    p.samples.push(...(e.args?.data?.cpuProfile?.samples ?? []));
    p.deltas.push(...(e.args?.data?.timeDeltas ?? []));
  }
  for (const p of byProfile.values()) {
    let time = p.start;
    for (let i = 0; i < p.samples.length; i++) {
      const previous = time;
      time += p.deltas[i] ?? 0;
      const onStartPath = windows.some((w) => w.tid === p.tid && time >= w.from && time <= w.to);
      let module: string | undefined;
      for (let node = p.nodes.get(p.samples[i]!); node; node = node.parent === undefined ? undefined : p.nodes.get(node.parent)) {
        const found = locate(node.callFrame.url, node.callFrame.lineNumber);
        if (found) {
          module = found;
          break;
        }
      }
      if (!module) continue; // not inside a module's top-level code (handlers running, GC, the profiler)
      const key = `${module} ${onStartPath ? '(start path)' : '(on demand)'}`;
      modules.set(key, (modules.get(key) ?? 0) + (time - previous) / 1000);
    }
  }
  return { wakes: swThreads.size, compile, evaluate, modules: [...modules].sort((a, b) => b[1] - a[1]) };
}

/**
 * (script URL, 0-based line) → the module whose init function starts on that line, if it is one. Rolldown
 * writes `// <source path>` above each module and, with strictExecutionOrder, its body as `__esmMin(() => {`.
 */
function moduleLocator(extDir: string): (url: string | undefined, line: number | undefined) => string | undefined {
  const inits = new Map<string, Map<number, string>>();
  return (url, line) => {
    if (!url?.startsWith('chrome-extension://') || line === undefined) return undefined;
    const file = new URL(url).pathname;
    let lines = inits.get(file);
    if (!lines) {
      lines = new Map();
      const text = existsSync(path.join(extDir, file)) ? readFileSync(path.join(extDir, file), 'utf8').split('\n') : [];
      let current = '(chunk top level)';
      text.forEach((l, i) => {
        const comment = /^\s*\/\/ ((?:node_modules|lib|entrypoints|components|\\0|\.wxt)[^\s]*)\s*$/.exec(l);
        if (comment) current = comment[1]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1 (package)');
        if (l.includes('__esmMin(')) lines!.set(i, current);
      });
      inits.set(file, lines);
    }
    return lines.get(line);
  };
}
