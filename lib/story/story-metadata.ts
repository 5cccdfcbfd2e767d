import { DIGITAL_SOURCE_TYPE, SOFTWARE, cleanMetadata, type ResultMetadata } from '../export/metadata';
import type { Job } from '../model/job';
import type { Story } from './story-schema';

/**
 * What a downloaded story says about itself, by the same rules as a single result's download
 * (lib/export/metadata.ts): each shot's prompt as sent (house style included) and the model that rendered
 * it, in order; the IPTC source type (a story with a page picture or result in it changed existing
 * pictures); and the page it was made from only when Options allows writing the source page.
 */
type JobOf = (id: string) => Pick<Job, 'request' | 'servedModel'> | undefined;

export function storyShotsProvenance(story: Story, jobOf: JobOf): { prompt: string; model: string }[] {
  return story.shots.map((shot) => {
    const job = shot.jobId ? jobOf(shot.jobId) : undefined;
    return { prompt: job?.request.prompt ?? shot.prompt, model: job?.servedModel ?? job?.request.model ?? story.model };
  });
}

/** The numbered list for players' comment field ("1. prompt (model)"). */
export const storyComment = (shots: { prompt: string; model: string }[]): string => shots.map((s, i) => `${i + 1}. ${s.prompt} (${s.model})`).join('\n');

export function storyMetadata(story: Story, jobOf: JobOf, options: { sourcePage: boolean; now?: number }): ResultMetadata {
  const shots = storyShotsProvenance(story, jobOf);
  const fromPictures = story.shots.some((shot) => shot.start.kind === 'image');
  return cleanMetadata({
    prompt: storyComment(shots),
    model: [...new Set(shots.map((s) => s.model))].join(', '),
    date: new Date(options.now ?? Date.now()).toISOString(),
    software: SOFTWARE,
    digitalSourceType: fromPictures ? DIGITAL_SOURCE_TYPE.edited : DIGITAL_SOURCE_TYPE.generated,
    shots,
    ...(options.sourcePage && story.pageUrl ? { sourcePage: story.pageUrl } : {}),
  });
}
