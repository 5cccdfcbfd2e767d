/**
 * Video completion latency and request count, in every progress shape the emulator knows: Reimagine's
 * poller (the real JobEngine on a fake IndexedDB, the real client, the emulator) against a fixed 5 s
 * poller (what xAI's TS SDK and the Vercel AI SDK do), each job paired with a fixed-poller job of the
 * same render time, in the same run.
 *
 * Delay = moment the poller learns the job is done − moment the emulator finished it.
 *
 * The world: a render's time depends on its duration and resolution (8–20 s for the four settings
 * below) with ±12 % job-to-job noise; the bench sets it per job with the render_ms fault. The client
 * learns nothing from that: "with history" jobs find 5 earlier finished jobs per setting in the
 * database (drawn from the same distribution, seeded before the run); "cold start" jobs use a model the
 * history has never seen, so only the bundled prior times their polls.
 */
import 'fake-indexeddb/auto';
import { ImagineClient } from '../lib/api/client';
import { loadRenderHistory } from '../lib/background/state/render-history';
import { JOB_SCHEMA_VERSION, type Job } from '../lib/model/job';
import { putJob } from '../lib/storage/jobs';
import { createEmulator, type Emulator } from '../tests/emulator/server';
import { PROGRESS_SHAPES, type ProgressShape } from '../tests/emulator/types';
import { createHarness, freshDatabase, waitForJob, type Harness } from '../tests/unit/helpers/engine-harness';
import type { BenchContext, BenchRow, BenchSection } from './types';
import { median } from './stats';
import { TEST_TIMING } from '../tests/emulator/timing';

const SETTINGS = [
  { duration: 4, resolution: '480p', renderMs: 8_000 },
  { duration: 6, resolution: '480p', renderMs: 12_000 },
  { duration: 8, resolution: '720p', renderMs: 16_000 },
  { duration: 10, resolution: '720p', renderMs: 20_000 },
] as const;
const JOBS_PER_SETTING = 2;
const NOISE = 0.12;
const HISTORY_PER_SETTING = 5;
const WARM_MODEL = 'grok-imagine-video';
const COLD_MODEL = 'grok-imagine-video-1.5';
const FIXED_INTERVAL_MS = 5_000;
/** Shapes in the order they run; 'none' (the emulator's default) is the empty-202 world. */
const SHAPES: readonly ProgressShape[] = ['linear', 'jump', 'stall99', 'none'];

type Setting = (typeof SETTINGS)[number];
interface Pair {
  cold: boolean;
  renderMs: number;
  ours?: string; // remote id
  fixed?: string;
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  if (SHAPES.length !== PROGRESS_SHAPES.length) throw new Error('polling bench: a progress shape is missing');
  const random = mulberry32(12);
  const jitter = (setting: Setting) => Math.round(setting.renderMs * (1 - NOISE + 2 * NOISE * random()));
  // rotateReadings: every 4th pending poll with progress is an empty 202, as real servers sometimes answer.
  const emulator = await createEmulator({ ...TEST_TIMING, port: 0, rotateReadings: true });
  freshDatabase();
  const seededUntil = Date.now();
  await seedHistory(emulator.apiBaseUrl, seededUntil, jitter);
  // Every shape sees the same learned history: the seeded jobs, not the bench's own finished ones.
  const harness = createHarness(
    emulator.apiBaseUrl,
    { concurrency: 50 },
    {
      renderHistory: async () => (await loadRenderHistory()).filter((s) => s.at <= seededUntil),
      // Downloads are not measured here (and Node has no video decoder for posters): keep a placeholder.
      saveOutput: async (_job, output) => ({ mediaId: crypto.randomUUID(), kind: output.kind, mimeType: 'video/mp4', bytes: 0, thumb: false }),
    },
  );
  const client = new ImagineClient({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl });
  const perShape = SETTINGS.length * JOBS_PER_SETTING;
  ctx.log(`polling: ${SHAPES.length} shapes × (${perShape} jobs with history + ${perShape} cold) × 2 pollers, renders 7–22 s (about 2 minutes)…`);

  const rows: BenchRow[] = [];
  try {
    for (const shape of SHAPES) {
      emulator.configure({ progressShape: shape });
      const pairs: Array<Pair & SettingFields> = [];
      for (const cold of [false, true]) {
        for (const setting of SETTINGS) for (let i = 0; i < JOBS_PER_SETTING; i++) pairs.push({ cold, renderMs: jitter(setting), ...settingOf(setting) });
      }
      const seen = await runShape(emulator, harness, client, pairs);
      const jobs = new Map(emulator.videoJobs().map((j) => [j.requestId, j]));
      const polls = (id: string) => emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/videos/${id}`).length;
      for (const cold of [false, true]) {
        const chosen = pairs.filter((p) => p.cold === cold);
        const measure = (ids: string[]) => ({
          delay: median(ids.map((id) => seen.get(id)! - jobs.get(id)!.doneAt!)),
          polls: ids.reduce((sum, id) => sum + polls(id), 0) / ids.length,
        });
        const ours = measure(chosen.map((p) => p.ours!));
        const fixed = measure(chosen.map((p) => p.fixed!));
        rows.push(row(shape, cold, ours, fixed));
      }
    }
  } finally {
    harness.kill();
    await emulator.close();
  }

  return {
    title: 'Video polling per progress shape: Reimagine vs a fixed 5 s poller (TS SDK / Vercel AI SDK), same render times',
    columns: [
      { key: 'ours', label: 'median delay', unit: 'ms' },
      { key: 'fixed', label: 'fixed 5 s', unit: 'ms' },
      { key: 'ratio', label: 'ratio', unit: 'ratio' },
      { key: 'polls', label: 'polls/job', unit: 'count' },
      { key: 'fixedPolls', label: 'fixed polls/job', unit: 'count' },
      { key: 'checks', label: 'targets (delay ratio; polls)', unit: 'text' },
    ],
    rows,
    notes: [
      `${perShape} jobs per row, paired with ${perShape} fixed-poller jobs of the same render times: ${SETTINGS.map((s) => `${s.duration} s ${s.resolution} ≈ ${s.renderMs / 1000} s`).join(', ')}, each ±${NOISE * 100} %.`,
      `"with history": ${HISTORY_PER_SETTING} earlier finished jobs per setting seeded in IndexedDB (same distribution); "cold start": a model with no history, bundled prior only.`,
      'Targets: delay ≤ 0.5× the fixed poller’s where progress is reported, ≤ 1.0× without (none); polls/job ≤ the fixed poller’s. Cold-start rows are reported, not gated.',
      'Shapes: linear; jump = 0 until 80 % of the render, then 99; stall99 = 99 from 60 % until done; none = an empty 202 on every pending poll. Every 4th reading with progress is an empty 202.',
    ],
  };
}

interface SettingFields {
  duration: number;
  resolution: '480p' | '720p';
}
const settingOf = (s: Setting): SettingFields => ({ duration: s.duration, resolution: s.resolution });

/**
 * Submits each pair's two jobs one after the other (so each render_ms fault lands on its own job), then
 * waits for every poller to see its job done. Returns remote id → when that poller saw "done".
 */
async function runShape(emulator: Emulator, harness: Harness, client: ImagineClient, pairs: Array<Pair & SettingFields>): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const waits: Array<Promise<void>> = [];
  for (const pair of pairs) {
    const model = pair.cold ? COLD_MODEL : WARM_MODEL;
    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'render_ms', ms: pair.renderMs });
    const submitted = await harness.engine.submit({
      request: { mode: 'create-video', prompt: `ours ${pair.renderMs}`, model, duration: pair.duration, aspectRatio: '16:9', resolution: pair.resolution },
    });
    if (!submitted.ok) throw new Error(submitted.error.message);
    const running = await waitForJob(submitted.job.id, (j) => j.remoteId !== undefined, 10_000);
    pair.ours = running.remoteId!;
    waits.push(
      waitForJob(submitted.job.id, (j) => j.renderSeenAt !== undefined || j.status === 'failed', 120_000).then((j) => {
        if (j.renderSeenAt === undefined) throw new Error(`bench job failed: ${j.error?.message}`);
        seen.set(pair.ours!, j.renderSeenAt);
      }),
    );

    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'render_ms', ms: pair.renderMs });
    const { requestId } = await client.generateVideo({ prompt: `fixed ${pair.renderMs}`, model, duration: pair.duration, resolution: pair.resolution });
    pair.fixed = requestId;
    waits.push(
      (async () => {
        for (;;) {
          await new Promise((r) => setTimeout(r, FIXED_INTERVAL_MS));
          if ((await client.getVideo(requestId)).state !== 'pending') return void seen.set(requestId, Date.now());
        }
      })(),
    );
  }
  await Promise.all(waits);
  return seen;
}

/** Earlier finished jobs of the warm model, as the engine would have recorded them (last pending / first done poll ±0.5 s). */
async function seedHistory(baseUrl: string, before: number, jitter: (s: Setting) => number): Promise<void> {
  let at = before - 24 * 3_600_000;
  for (const setting of SETTINGS) {
    for (let i = 0; i < HISTORY_PER_SETTING; i++) {
      const renderMs = jitter(setting);
      at += 60_000;
      const job: Job = {
        schemaVersion: JOB_SCHEMA_VERSION,
        id: `seed-${setting.duration}-${i}`,
        createdAt: at,
        updatedAt: at + renderMs + 2_000,
        request: { mode: 'create-video', prompt: 'earlier job', model: WARM_MODEL, duration: setting.duration, aspectRatio: '16:9', resolution: setting.resolution },
        provider: 'xai',
        baseUrl,
        status: 'done',
        sends: 1,
        attempts: 0,
        sentAt: at,
        submittedAt: at,
        polls: 3,
        stalledPolls: 0,
        lastPendingAt: at + renderMs - 500,
        renderSeenAt: at + renderMs + 500,
        pendingOutputs: [],
        results: [],
        moderatedCount: 0,
        finishedAt: at + renderMs + 2_000,
      };
      await putJob(job);
    }
  }
}

function row(shape: ProgressShape, cold: boolean, ours: { delay: number; polls: number }, fixed: { delay: number; polls: number }): BenchRow {
  const maxRatio = shape === 'none' ? 1 : 0.5;
  const ratio = fixed.delay > 0 ? ours.delay / fixed.delay : Number.POSITIVE_INFINITY;
  const delayOk = ratio <= maxRatio;
  const pollsOk = ours.polls <= fixed.polls;
  const checks = `${delayOk ? 'ok' : 'MISS'} (≤ ${maxRatio.toFixed(1)}×); ${pollsOk ? 'ok' : 'MISS'}`;
  return {
    label: `${shape}, ${cold ? 'cold start (prior only)' : 'with history'}`,
    values: { ours: Math.round(ours.delay), fixed: Math.round(fixed.delay), ratio: round2(ratio), polls: round2(ours.polls), fixedPolls: round2(fixed.polls), checks },
    ...(cold ? {} : { status: delayOk && pollsOk ? 'PASS' : 'MISS' }),
  };
}

/** A small seeded PRNG: the same render times on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
