import { create } from 'zustand';
import type { JobResult, Job } from '../model/job';
import { MODE_INFO, type Mode } from '../model/modes';
import type { ResultFrom } from '../model/lineage';
import type { JobOrigin, SourceRef } from '../model/request';
import type { CaptureState } from '../messaging/panel-request';
import type { Capabilities } from '../providers/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { draftFromSettings, type Draft } from './composer-draft';
import { maxSources, sourcesForMode } from './composer-controls';
import { correctCarriedOver } from './composer-limits';
import { PROVIDERS } from '../providers/registry';
import { formatNumber, t } from '../i18n';

/** The model a draft would use in `mode` (the image or the video model). */
const modelFor = (draft: Draft, mode: Mode) => (MODE_INFO[mode].output === 'image' ? draft.imageModel : draft.videoModel);

/**
 * The composer's state, in one store so the gallery ("Edit this", "Use as reference"), the context-menu
 * hand-over and the composer itself all change the same draft.
 */
interface ComposerState {
  draft: Draft;
  /** Where the current sources came from (context menu): lets "Replace on page" find its way back. */
  origin: JobOrigin | undefined;
  /** Defaults applied once, when settings first arrive (never over what the user already changed). */
  seeded: boolean;
  /** Bumped to ask the composer to move focus to the prompt (after a hand-over). */
  focusPromptAt: number;
  notice: string | undefined;
  /**
   * A page-image capture the panel is waiting for (`pending`: no Generate) or that failed (what the user
   * can do about it). Undefined once the source is ready. Owned by the background; see panel-request.ts.
   */
  capture: CaptureState | undefined;
  seed(settings: Settings): void;
  /** `caps` lets a model change correct values the new model does not take (composer-limits.ts). */
  patch(patch: Partial<Draft>, caps?: Capabilities): void;
  setMode(mode: Mode, caps?: Capabilities): void;
  addSources(sources: SourceRef[], caps?: Capabilities): void;
  removeSource(index: number): void;
  moveSource(index: number, delta: -1 | 1): void;
  /** Replace mode + sources (context menu, result actions) and focus the prompt. */
  handOver(input: { mode: Mode; sources: SourceRef[]; prompt?: string | undefined; origin?: JobOrigin | undefined; capture?: CaptureState | undefined }, caps?: Capabilities): void;
  setNotice(notice: string | undefined): void;
  /** "Stop waiting" / "Dismiss": forget the capture; Generate judges the draft as it is. */
  dismissCapture(): void;
}

export const useComposer = create<ComposerState>()((set, get) => ({
  draft: draftFromSettings(DEFAULT_SETTINGS),
  origin: undefined,
  seeded: false,
  focusPromptAt: 0,
  notice: undefined,
  capture: undefined,
  seed(settings) {
    if (get().seeded) return;
    const { draft } = get();
    // Defaults may not fit the mode the panel opened in (15 s into Video from references): corrected, said.
    const corrected = correctCarriedOver({ ...draftFromSettings(settings, draft.mode), prompt: draft.prompt, sources: draft.sources }, PROVIDERS[settings.provider].capabilities);
    set({ seeded: true, draft: corrected.draft, ...(corrected.notice ? { notice: corrected.notice } : {}) });
  },
  patch(patch, caps) {
    const next = { ...get().draft, ...patch };
    // A new video model may not take the duration or resolution chosen for the old one.
    const corrected = 'videoModel' in patch ? correctCarriedOver(next, caps) : { draft: next };
    set({ draft: corrected.draft, ...(corrected.notice ? { notice: corrected.notice } : {}) });
  },
  setMode(mode, caps) {
    const { draft } = get();
    const sources = sourcesForMode(draft.sources, mode, caps, modelFor(draft, mode));
    const corrected = correctCarriedOver({ ...draft, mode, sources }, caps);
    set({ draft: corrected.draft, notice: corrected.notice, ...(sources.length === 0 ? { origin: undefined } : {}) });
  },
  addSources(added, caps) {
    if (added.length === 0) return;
    const { draft } = get();
    const isVideo = added[0]!.mimeType.startsWith('video/');
    let mode = draft.mode;
    // A source that the current mode cannot take picks the obvious mode for it.
    const kind = MODE_INFO[mode].sources.kind;
    if (MODE_INFO[mode].sources.max === 0 || (kind === 'video') !== isVideo) mode = isVideo ? 'edit-video' : 'edit-image';
    const compatible = added.filter((s) => s.mimeType.startsWith('video/') === isVideo);
    const kept = mode === draft.mode ? draft.sources : sourcesForMode(draft.sources, mode, caps, modelFor(draft, mode));
    const max = maxSources(mode, caps, modelFor(draft, mode));
    let sources = [...kept, ...compatible];
    let notice: string | undefined;
    if (max === 1) sources = sources.slice(-1);
    else if (sources.length > max) {
      notice = t('composer.extraSourcesLeftOut', sources.length - max, { mode: MODE_INFO[mode].label, max: formatNumber(max) });
      sources = sources.slice(0, max);
    }
    set({ draft: { ...draft, mode, sources }, notice, ...(get().capture?.state === 'failed' ? { capture: undefined } : {}) });
  },
  removeSource(index) {
    const { draft } = get();
    const sources = draft.sources.filter((_, i) => i !== index);
    set({ draft: { ...draft, sources }, notice: undefined, ...(sources.length === 0 ? { origin: undefined } : {}) });
  },
  moveSource(index, delta) {
    const { draft } = get();
    const to = index + delta;
    if (to < 0 || to >= draft.sources.length) return;
    const sources = [...draft.sources];
    [sources[index], sources[to]] = [sources[to]!, sources[index]!];
    set({ draft: { ...draft, sources } });
  },
  handOver(input, caps) {
    const { draft, capture: waiting } = get();
    const incoming = input.capture;
    // A late answer about an older right-click must not replace the image the user is waiting for now.
    if (incoming && incoming.state !== 'pending' && waiting?.state === 'pending' && waiting.id !== incoming.id) return;
    const corrected = correctCarriedOver(
      { ...draft, mode: input.mode, sources: sourcesForMode(input.sources, input.mode, caps, modelFor(draft, input.mode)), ...(input.prompt !== undefined ? { prompt: input.prompt } : {}) },
      caps,
    );
    set({
      capture: incoming && incoming.state !== 'ready' ? incoming : undefined,
      draft: corrected.draft,
      origin: input.origin,
      focusPromptAt: Date.now(),
      notice: corrected.notice,
    });
  },
  setNotice(notice) {
    set({ notice });
  },
  dismissCapture() {
    set({ capture: undefined });
  },
}));

/** A finished result as a source: its bytes are already in IndexedDB, nothing is uploaded again. */
export function sourceFromResult(result: JobResult, from?: ResultFrom): SourceRef {
  return {
    ...(from ? { from } : {}),
    mediaId: result.mediaId,
    mimeType: result.mimeType,
    bytes: result.bytes,
    ...(result.width !== undefined ? { width: result.width } : {}),
    ...(result.height !== undefined ? { height: result.height } : {}),
  };
}

/** "Edit this", "Animate this", "Extend this", "Use as reference" → the composer. */
export function applyResultAs(job: Job, index: number, mode: Mode, caps?: Capabilities): void {
  const result = job.results[index];
  if (!result) return;
  const source = sourceFromResult(result, { kind: 'result', jobId: job.id, output: index });
  const composer = useComposer.getState();
  const origin = job.origin ? { ...job.origin, via: 'panel' as const } : undefined;
  if (mode === 'reference-video' && composer.draft.mode === 'reference-video') {
    // Collect references one by one.
    composer.addSources([source], caps);
    useComposer.setState({ focusPromptAt: Date.now() });
    return;
  }
  composer.handOver({ mode, sources: [source], ...(origin ? { origin } : {}) }, caps);
}
