import type { ErrorInfo } from '../../errors/taxonomy';
import type { JobEngine } from '../../jobs/engine';
import { spentToday } from '../../jobs/spend';
import { isTerminal, type Job } from '../../model/job';
import { putMedia } from '../../storage/media';
import { announce } from '../../storage/changes';
import { getJob, listJobs } from '../../storage/jobs';
import { keepRecordedPicture, nextActions, planStory, previousVideoOf, retryShot, shotRequest, storySettled, videoResult, type ShotJob } from '../../story/planner';
import { estimateStory, storyCapError } from '../../story/story-cost';
import { readStory, listStories, putStory, updateStory } from '../../story/story-store';
import type { Story, StoryDraft } from '../../story/story-schema';
import { idbJobStore } from '../state/job-store';
import { loadSettings } from '../state/settings-store';
import { PROVIDERS } from '../../providers/registry';
import type { JobRequest } from '../../model/request';
import { videoLastFrame } from '../platform/video-poster';
import type { PageHandlersFor } from '../../messaging/protocol';
import { t } from '../../i18n';

/**
 * Runs stories in the worker: each shot becomes an ordinary job (the engine's queue, rate limit, cap check,
 * worker-kill and 429 rules), submitted once. The plan (lib/story/planner.ts) says what to do; this file
 * does it and records it. One story's changes are serialized in this worker; across a worker kill, a shot
 * whose job was created but not yet recorded is found again by its job's origin (storyId + shotId), so it is
 * never submitted a second time.
 */
const tails = new Map<string, Promise<unknown>>();
function withStoryLock<T>(id: string, work: () => Promise<T>): Promise<T> {
  const next = (tails.get(id) ?? Promise.resolve()).then(work, work);
  const settled = next.catch(() => undefined);
  tails.set(id, settled);
  void settled.then(() => tails.get(id) === settled && tails.delete(id));
  return next;
}

/** How far back a lost shot job is looked for (newest jobs first): a story has at most 20 shots. */
const ADOPT_SCAN_LIMIT = 200;

type Outcome = { ok: true } | { ok: false; error: ErrorInfo };

async function jobsOf(story: Story): Promise<Map<string, Job>> {
  const ids = story.shots.flatMap((shot) => (shot.jobId ? [shot.jobId] : []));
  const jobs = await Promise.all(ids.map((id) => getJob(id)));
  return new Map(jobs.flatMap((job) => (job ? [[job.id, job] as const] : [])));
}

/** Shots whose job exists (created before a worker kill) but whose record does not name it yet. */
async function adoptLostJobs(story: Story): Promise<Story> {
  const unrecorded = story.shots.filter((shot) => !shot.jobId);
  if (unrecorded.length === 0) return story;
  const recent = await listJobs({ limit: ADOPT_SCAN_LIMIT });
  const found = new Map<string, string>();
  for (const job of recent) {
    if (job.origin?.storyId !== story.id || !job.origin.shotId) continue;
    const shot = unrecorded.find((s) => s.id === job.origin?.shotId);
    if (shot && !shot.priorJobIds.includes(job.id) && !found.has(shot.id)) found.set(shot.id, job.id);
  }
  if (found.size === 0) return story;
  return (await updateStory(story.id, (s) => ({ ...s, shots: s.shots.map((shot) => (!shot.jobId && found.has(shot.id) ? { ...shot, jobId: found.get(shot.id) } : shot)) }))) ?? story;
}

/** One step of a running story: extract the frames that are due, submit the shots that are ready. */
export function advanceStory(engine: JobEngine, storyId: string): Promise<void> {
  return withStoryLock(storyId, async () => {
    let story = await readStory(storyId);
    if (!story?.running) return;
    story = await adoptLostJobs(story);
    for (let pass = 0; pass < 2; pass++) {
      const jobs = await jobsOf(story);
      const jobOf = (id: string): ShotJob | undefined => jobs.get(id);
      const plans = planStory(story, jobOf);
      const actions = nextActions(plans);
      if (storySettled(plans)) {
        await updateStory(storyId, (s) => ({ ...s, running: false, updatedAt: Date.now() }));
        break;
      }
      if (actions.extractFrame.length === 0 && actions.submit.length === 0) break;
      for (const shotId of actions.extractFrame) story = (await extractFrame(story, shotId, jobOf)) ?? story;
      for (const shotId of actions.submit) story = (await submitShot(engine, story, shotId, jobOf)) ?? story;
      if (actions.extractFrame.length === 0) break; // a new frame makes its shot ready: one more pass submits it
    }
    announce({ type: 'story', id: storyId });
  });
}

async function extractFrame(story: Story, shotId: string, jobOf: (id: string) => ShotJob | undefined): Promise<Story | undefined> {
  const index = story.shots.findIndex((s) => s.id === shotId);
  const previous = story.shots[index - 1];
  const video = previous?.jobId ? videoResult(jobOf(previous.jobId)) : undefined;
  if (!video) return undefined;
  const frame = await videoLastFrame(video.mediaId);
  if (!frame) {
    console.warn('Reimagine: the last frame of a story shot could not be read');
    return undefined;
  }
  const media = await putMedia({ blob: frame.blob, mimeType: frame.blob.type || 'image/jpeg', role: 'source' });
  const source = { mediaId: media.id, mimeType: media.mimeType, bytes: media.bytes, width: frame.width, height: frame.height };
  return updateStory(story.id, (s) => ({ ...s, shots: s.shots.map((shot) => (shot.id === shotId && !shot.frame ? { ...shot, frame: source } : shot)) }));
}

function withoutSound(request: JobRequest): JobRequest {
  const { sound: _dropped, ...rest } = request as JobRequest & { sound?: boolean };
  return rest as JobRequest;
}

async function submitShot(engine: JobEngine, story: Story, shotId: string, jobOf: (id: string) => ShotJob | undefined): Promise<Story | undefined> {
  const shot = story.shots.find((s) => s.id === shotId);
  if (!shot || shot.jobId) return undefined;
  const previousVideo = previousVideoOf(story, shotId, jobOf);
  const planned = shotRequest(story, shot, previousVideo ? { previousVideo } : {});
  if (!planned) return undefined;
  // Sound off only where the provider can say so (like the composer): never a "no sound" tile on a video with sound.
  const request = 'sound' in planned && !PROVIDERS[(await loadSettings()).provider].capabilities.soundOff ? withoutSound(planned) : planned;
  const result = await engine.submit({ request, origin: { storyId: story.id, shotId, via: 'panel', ...(story.pageUrl ? { pageUrl: story.pageUrl } : {}) } });
  if (!result.ok) {
    // Refused before anything was sent (cap, key, invalid): the story stops; the panel shows why.
    return updateStory(story.id, (s) => ({ ...s, running: false, lastError: result.error.message.slice(0, 1000), updatedAt: Date.now() }));
  }
  return updateStory(story.id, (s) => ({ ...s, shots: s.shots.map((x) => (x.id === shotId && !x.jobId ? { ...x, jobId: result.job.id } : x)), updatedAt: Date.now() }));
}

/** A job of a story changed: move its story on (the engine's `changed` hook). */
export function onStoryJobsChanged(engine: JobEngine, jobs: Job[]): void {
  const ids = new Set(jobs.flatMap((job) => (job.origin?.storyId && isTerminal(job.status) ? [job.origin.storyId] : [])));
  for (const id of ids) void advanceStory(engine, id).catch((error: unknown) => console.warn('Reimagine: story step failed', error));
}

/** Worker start: stories left running by the previous worker go on (their jobs resume in the engine). */
export async function resumeStories(engine: JobEngine): Promise<void> {
  for (const story of await listStories()) if (story.running) await advanceStory(engine, story.id);
}

/**
 * The panel's story commands. `save` keeps the shots' job ids and frames as the background recorded them
 * (a page never writes those); a shot already sent cannot be edited.
 */
export async function saveStory(draft: StoryDraft): Promise<Outcome & { storyId?: string }> {
  return withStoryLock(draft.id, async () => {
    const stored = await readStory(draft.id);
    const recorded = new Map((stored?.shots ?? []).map((shot) => [shot.id, shot]));
    const shots = draft.shots.map((shot) => {
      const before = recorded.get(shot.id);
      if (before?.jobId) return before; // sent: frozen
      const { jobId: _jobId, frame: _frame, ...rest } = keepRecordedPicture(shot, before);
      return { ...rest, priorJobIds: before?.priorJobIds ?? [], ...(before?.frame && before.start.kind === shot.start.kind ? { frame: before.frame } : {}) };
    });
    const story: Story = { ...draft, shots, running: stored?.running ?? false, createdAt: stored?.createdAt ?? draft.createdAt, updatedAt: Date.now() };
    await putStory(story);
    announce({ type: 'story', id: story.id });
    return { ok: true, storyId: story.id };
  });
}

export async function runStory(engine: JobEngine, storyId: string): Promise<Outcome> {
  const story = await readStory(storyId);
  if (!story) return { ok: false, error: { kind: 'not_found', message: t('story.notFound') } };
  if (story.shots.length === 0) return { ok: false, error: { kind: 'invalid_request', message: t('story.addAShot') } };
  const jobs = await jobsOf(story);
  const settings = await loadSettings();
  const capError = storyCapError(estimateStory(story, (id) => jobs.get(id)), settings.dailySpendCapUsd, await spentToday(idbJobStore));
  if (capError) return { ok: false, error: capError };
  await updateStory(storyId, (s) => {
    const { lastError: _lastError, ...rest } = s;
    return { ...rest, running: true, updatedAt: Date.now() };
  });
  await advanceStory(engine, storyId);
  return { ok: true };
}

export async function retryStoryShot(engine: JobEngine, storyId: string, shotId: string): Promise<Outcome> {
  const story = await readStory(storyId);
  if (!story) return { ok: false, error: { kind: 'not_found', message: t('story.notFound') } };
  const jobs = await jobsOf(story);
  const retried = retryShot(story, shotId, (id) => jobs.get(id));
  if (!retried) return { ok: false, error: { kind: 'invalid_request', message: t('story.onlyFailedShots') } };
  await updateStory(storyId, (s) => retryShot(s, shotId, (id) => jobs.get(id)));
  await advanceStory(engine, storyId);
  return { ok: true };
}


/** The router's story handlers (typed by protocol.ts `PageReplies`). */
export function storyHandlers(engine: JobEngine): PageHandlersFor<'story'> {
  return {
    'story.save': async (command) => {
      const result = await saveStory(command.story);
      return result.ok ? { ok: true, storyId: command.story.id } : result;
    },
    'story.run': (command) => runStory(engine, command.storyId),
    'story.retry-shot': (command) => retryStoryShot(engine, command.storyId, command.shotId),
    'story.from-page': async (command) => (await import('./story-page')).storyFromPage(engine, command),
  };
}
