import { browser } from 'wxt/browser';
import type { PageCommand, PageReply } from '../../messaging/protocol';
import type { JobEngine } from '../../jobs/engine';
import { announce } from '../../storage/changes';
import { putStory } from '../../story/story-store';
import { STORY_MAX_SHOTS, type Story } from '../../story/story-schema';
import { CONTENT_SCRIPT_FILE } from '../capture/pending';
import { injectInto } from '../capture/identity';
import { startCapture } from '../capture/start';
import { SCAN_PREFIX, type StoredScan } from '../batch/batch-commands';
import { loadSettings } from '../state/settings-store';
import { t } from '../../i18n';

/**
 * "Make a story from this page…": the batch picker's scan (batch.ts `scanForBatch`, purpose `story`) chose
 * the pictures; here they become a new story with one shot per picture, in page order, each starting from
 * its picture. The story is written at once (its shots "reading"), so the panel opens it while the pictures
 * are read; each capture (purpose `story`) then fills its shot's start, or says why it could not.
 * Nothing is sent to the API: the user writes the prompts and presses Run story.
 */
const DEFAULT_SHOT_SECONDS = 6;

export async function storyFromPage(engine: JobEngine, command: Extract<PageCommand, { type: 'story.from-page' }>): Promise<PageReply<'story.from-page'>> {
  const key = SCAN_PREFIX + command.scanId;
  const scan = (await browser.storage.session.get(key))[key] as StoredScan | undefined;
  if (!scan) return { ok: false, error: { kind: 'not_found', message: t('worker.thisListOfImagesIs') } };
  const wanted = new Set(command.targetIds);
  const chosen = scan.candidates.filter((c) => wanted.has(c.id)).slice(0, STORY_MAX_SHOTS);
  if (chosen.length === 0) return { ok: false, error: { kind: 'invalid_request', message: t('worker.chooseAtLeastOneImage') } };
  const settings = await loadSettings();
  const video = settings.defaults.video;
  const now = Date.now();
  const story: Story = {
    schemaVersion: 1,
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    title: '',
    houseStyle: '',
    aspectRatio: video.aspectRatio,
    resolution: video.resolution,
    model: video.model,
    sound: video.sound,
    running: false,
    ...(settings.privacy.rememberSourcePages && scan.pageUrl ? { pageUrl: scan.pageUrl.slice(0, 2000) } : {}),
    shots: chosen.map((c) => ({ id: crypto.randomUUID(), prompt: '', duration: video.duration || DEFAULT_SHOT_SECONDS, start: { kind: 'image', from: 'page', captureId: c.id }, priorJobIds: [] })),
  };
  await putStory(story);
  await browser.storage.session.remove(key); // one story per scan
  announce({ type: 'story', id: story.id });
  const injected = await injectInto(scan, CONTENT_SCRIPT_FILE)
    .then(() => true)
    .catch(() => false);
  void Promise.all(
    chosen.map((item, index) =>
      startCapture(
        engine,
        { kind: 'story', storyId: story.id, shotId: story.shots[index]!.id },
        { tabId: scan.tabId, frameId: scan.frameId, documentId: scan.documentId, pageUrl: scan.pageUrl, srcUrl: item.url, mediaType: 'image' },
        item.id,
        { injected },
      ),
    ),
  ).catch((error: unknown) => console.warn('Reimagine: reading a story picture failed', error));
  return { ok: true, storyId: story.id };
}
