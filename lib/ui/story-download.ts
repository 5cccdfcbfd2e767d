import { browser } from 'wxt/browser';
import { stitchClips, StitchIncompatible } from '../export/stitch-mp4';
import type { Job } from '../model/job';
import { getMedia } from '../storage/media';
import { stitchList } from '../story/planner';
import type { Story } from '../story/story-schema';
import { t } from '../i18n';

/**
 * "Download story": the shots' stored videos joined in this page (no upload, no re-encode when they match)
 * and saved as one MP4 whose metadata lists each shot's prompt and model.
 */
export function storyProvenance(story: Story, jobs: Record<string, Job>): string {
  return story.shots
    .map((shot, index) => {
      const job = shot.jobId ? jobs[shot.jobId] : undefined;
      return `${index + 1}. ${shot.prompt} (${job?.servedModel ?? job?.request.model ?? story.model})`;
    })
    .join('\n');
}

export async function downloadStory(story: Story, jobs: Record<string, Job>, onProgress: (fraction: number) => void): Promise<string> {
  const clips = stitchList(story, (id) => jobs[id]);
  if (!clips) throw new Error(t('story.addAShot'));
  const blobs: Blob[] = [];
  for (const clip of clips) {
    const media = await getMedia(clip.mediaId);
    if (!media) throw new Error(t('results.missingFile'));
    blobs.push(media.blob);
  }
  let result;
  try {
    result = await stitchClips(blobs, { metadata: { title: story.title || t('story.region'), comment: storyProvenance(story, jobs) }, onProgress });
  } catch (error) {
    if (error instanceof StitchIncompatible) throw new Error(t('story.needsReencode'), { cause: error });
    throw error;
  }
  const filename = `reimagine-story-${new Date(story.createdAt).toISOString().slice(0, 10)}-${story.id.slice(0, 8)}.mp4`;
  const url = URL.createObjectURL(result.blob);
  try {
    await browser.downloads.download({ url, filename, saveAs: false });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return filename;
}
