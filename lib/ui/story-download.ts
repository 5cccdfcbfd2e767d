import { xmpBox } from '../export/mp4-metadata';
import { stitchReplySchema, type StitchProblem, type StitchRequest } from '../export/stitch-protocol';
import type { JoinStage } from '../export/join-clips';
import type { Job } from '../model/job';
import { getMedia } from '../storage/media';
import { stitchList } from '../story/planner';
import { storyMetadata } from '../story/story-metadata';
import type { Story } from '../story/story-schema';
import { downloadFile, downloadSettings } from './result-actions';
import { t } from '../i18n';

/**
 * "Download story": the shots' stored videos joined in a worker (lib/export/stitch.worker.ts: no upload; no
 * re-encode when they match, WebCodecs when they differ) and saved as one MP4 whose metadata lists each
 * shot's prompt and model (ilst comment, and the XMP packet with the provenance rules of every download).
 */
export type StoryProgress = (stage: JoinStage, fraction: number) => void;

function problemText(problem: StitchProblem, detail = ''): string {
  switch (problem) {
    case 'sound-missing':
      return t('story.soundMissing');
    case 'no-video':
      return t('results.missingFile');
    case 'cannot-encode':
      return t('story.cannotEncode');
    case 'request':
    case 'failed':
      return t('story.joinFailed', { reason: detail || problem });
  }
}

function stitchInWorker(request: StitchRequest, onProgress: StoryProgress): Promise<Blob> {
  const worker = new Worker(new URL('../export/stitch.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const message = stitchReplySchema.safeParse(event.data);
      if (!message.success) return reject(new Error(problemText('failed')));
      const m = message.data;
      if (m.type === 'progress') onProgress(m.stage, m.fraction);
      else if (m.type === 'done') resolve(m.blob);
      else reject(new Error(problemText(m.problem, m.detail)));
    };
    worker.onerror = (event) => reject(new Error(problemText('failed', event.message)));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

export async function downloadStory(story: Story, jobs: Record<string, Job>, onProgress: StoryProgress): Promise<string> {
  const jobOf = (id: string) => jobs[id];
  const clips = stitchList(story, jobOf);
  if (!clips) throw new Error(t('story.addAShot'));
  const blobs: Blob[] = [];
  for (const clip of clips) {
    const media = await getMedia(clip.mediaId);
    if (!media) throw new Error(t('results.missingFile'));
    blobs.push(media.blob);
  }
  const { sourcePage } = await downloadSettings();
  const meta = storyMetadata(story, jobOf, { sourcePage });
  const blob = await stitchInWorker(
    {
      clips: blobs,
      metadata: { title: story.title || t('story.region'), comment: meta.prompt, date: new Date(meta.date), software: meta.software },
      trailer: xmpBox(meta) as Uint8Array<ArrayBuffer>,
    },
    onProgress,
  );
  const filename = `reimagine-story-${new Date(story.createdAt).toISOString().slice(0, 10)}-${story.id.slice(0, 8)}.mp4`;
  return downloadFile(blob, filename);
}
