import { isActive, type Job, type JobResult } from '../model/job';
import type { JobRequest, SourceRef } from '../model/request';
import { withHouseStyle } from '../library/library';
import type { Shot, Story } from './story-schema';

/**
 * What a story needs now, from the stored record and its shots' jobs (pure; the background acts on it).
 * Shot n depends on shot n−1 when it starts from that shot's last frame or extends it; every other shot is
 * independent and may run side by side (the engine's queue keeps the rate limit). A failed or moderated
 * shot blocks only the shots that depend on it, directly or through others.
 */
export type ShotJob = Pick<Job, 'id' | 'status' | 'results' | 'moderatedCount' | 'error'>;
export type JobLookup = (jobId: string) => ShotJob | undefined;

export type ShotState =
  /** Its job finished with a video. */
  | 'done'
  /** Its job is queued or rendering. */
  | 'active'
  /** Its job failed, was cancelled, or came back moderated: retry it alone. */
  | 'failed'
  /** Not sent; everything it needs exists (the background submits it when the story runs). */
  | 'ready'
  /** Its predecessor is done; the predecessor's last frame must be extracted first. */
  | 'needs-frame'
  /** Its predecessor has not finished yet. */
  | 'waiting'
  /** A shot it depends on failed. */
  | 'blocked'
  /** Its page picture is still being read. */
  | 'reading'
  /** Its page picture could not be read (`start.captureError` says why). */
  | 'unreadable';

export interface ShotPlan {
  shotId: string;
  state: ShotState;
  /** The shot it waits for (last frame or extension), if any. */
  dependsOn?: string;
}

/** Starts that need the previous shot's video. */
export const dependsOnPrevious = (shot: Pick<Shot, 'start'>): boolean => shot.start.kind === 'last-frame' || shot.start.kind === 'extend';

export const videoResult = (job: ShotJob | undefined): JobResult | undefined => job?.results.find((r) => r.kind === 'video');

function jobState(job: ShotJob | undefined): 'done' | 'active' | 'failed' | undefined {
  if (!job) return undefined;
  if (isActive(job.status)) return 'active';
  if (job.status === 'done' && job.moderatedCount === 0 && videoResult(job)) return 'done';
  return 'failed';
}

export function planStory(story: Pick<Story, 'shots'>, jobOf: JobLookup): ShotPlan[] {
  const plans: ShotPlan[] = [];
  story.shots.forEach((shot, index) => {
    const previous = index > 0 ? plans[index - 1] : undefined;
    const dependsOn = dependsOnPrevious(shot) && previous ? previous.shotId : undefined;
    const own = shot.jobId ? jobState(jobOf(shot.jobId)) : undefined;
    // A job that exists (was sent) keeps its own state: nothing paid for is ever re-planned.
    let state: ShotState;
    if (own) state = own;
    else if (shot.start.kind === 'image' && !shot.start.source) state = shot.start.captureError ? 'unreadable' : 'reading';
    else if (!dependsOn || !previous) state = dependsOnPrevious(shot) ? 'blocked' : 'ready'; // a first shot cannot continue anything
    else if (previous.state === 'done') state = shot.start.kind === 'last-frame' && !shot.frame ? 'needs-frame' : 'ready';
    else if (previous.state === 'failed' || previous.state === 'blocked' || previous.state === 'unreadable') state = 'blocked';
    else state = 'waiting';
    plans.push({ shotId: shot.id, state, ...(dependsOn ? { dependsOn } : {}) });
  });
  return plans;
}

export interface StoryActions {
  /** Shots to send now, in story order. */
  submit: string[];
  /** Shots whose predecessor's last frame must be extracted now. */
  extractFrame: string[];
}

export function nextActions(plans: ShotPlan[]): StoryActions {
  return {
    submit: plans.filter((p) => p.state === 'ready').map((p) => p.shotId),
    extractFrame: plans.filter((p) => p.state === 'needs-frame').map((p) => p.shotId),
  };
}

/** Every shot done: the story can be stitched and downloaded. */
export const storyComplete = (plans: ShotPlan[]): boolean => plans.length > 0 && plans.every((p) => p.state === 'done');

/** Nothing more will happen by itself (done, or stopped at failures the user must retry). */
export const storySettled = (plans: ShotPlan[]): boolean => plans.every((p) => p.state === 'done' || p.state === 'failed' || p.state === 'blocked' || p.state === 'unreadable');

/** The user's retry of one shot: its failed job is set aside and the shot is planned again; nothing else moves. */
export function retryShot(story: Story, shotId: string, jobOf: JobLookup): Story | undefined {
  const shot = story.shots.find((s) => s.id === shotId);
  if (!shot?.jobId || jobState(jobOf(shot.jobId)) !== 'failed') return undefined;
  const { jobId, ...rest } = shot;
  const retried: Shot = { ...rest, priorJobIds: [...shot.priorJobIds, jobId] };
  return { ...story, running: true, shots: story.shots.map((s) => (s.id === shotId ? retried : s)) };
}

export interface ShotInputs {
  /** The previous shot's video (for `extend`). */
  previousVideo?: SourceRef;
}

/**
 * The job request a shot becomes. `undefined` while an input is missing (no extracted frame yet, or no
 * previous video to extend). Story-wide settings — house style, ratio, resolution, sound — apply to all.
 */
export function shotRequest(story: Story, shot: Shot, inputs: ShotInputs): JobRequest | undefined {
  const prompt = withHouseStyle(shot.prompt, story.houseStyle);
  // Sound off is the request's `sound: false` (sent as generate_audio:false); sound on is left unsaid.
  const common = { prompt, model: story.model, ...(story.sound ? {} : { sound: false }) };
  switch (shot.start.kind) {
    case 'prompt':
      return { mode: 'create-video', ...common, duration: shot.duration, aspectRatio: story.aspectRatio, resolution: story.resolution };
    case 'image':
      if (!shot.start.source) return undefined;
      return { mode: 'animate-image', ...common, sources: [shot.start.source], duration: shot.duration, resolution: story.resolution };
    case 'last-frame':
      return shot.frame ? { mode: 'animate-image', ...common, sources: [shot.frame], duration: shot.duration, resolution: story.resolution } : undefined;
    case 'extend':
      return inputs.previousVideo
        ? { mode: 'extend-video', ...common, sources: [inputs.previousVideo], duration: Math.min(10, Math.max(2, shot.duration)) }
        : undefined;
  }
}

/** The previous shot's video as a source (an extension's input), when that shot is done. */
export function previousVideoOf(story: Story, shotId: string, jobOf: JobLookup): SourceRef | undefined {
  const index = story.shots.findIndex((s) => s.id === shotId);
  const previous = index > 0 ? story.shots[index - 1] : undefined;
  const result = previous?.jobId ? videoResult(jobOf(previous.jobId)) : undefined;
  return result ? { mediaId: result.mediaId, mimeType: result.mimeType, bytes: result.bytes, ...(result.width ? { width: result.width } : {}), ...(result.height ? { height: result.height } : {}) } : undefined;
}

/**
 * The clips to stitch, in order. An extension's result holds the shot it extends followed by the new part,
 * so it replaces that shot's clip: the story's length is still the sum of its shots, and nothing is cut
 * (cutting without re-encoding is only exact at key frames).
 */
export function stitchList(story: Pick<Story, 'shots'>, jobOf: JobLookup): JobResult[] | undefined {
  const clips: JobResult[] = [];
  for (const shot of story.shots) {
    const result = shot.jobId ? videoResult(jobOf(shot.jobId)) : undefined;
    if (!result) return undefined;
    if (shot.start.kind === 'extend' && clips.length > 0) clips[clips.length - 1] = result;
    else clips.push(result);
  }
  return clips;
}

/**
 * A page picture's start as the background recorded it (its source or read error), when the draft still
 * names the same capture: a save sent while the picture was being read never erases what was read since.
 */
export function keepRecordedPicture(draft: Shot, recorded: Shot | undefined): Shot {
  if (draft.start.kind !== 'image' || recorded?.start.kind !== 'image' || !draft.start.captureId) return draft;
  if (recorded.start.captureId !== draft.start.captureId || draft.start.source) return draft;
  return { ...draft, start: recorded.start };
}
