import type { Mode } from '../../model/modes';

/**
 * "What did the user point at, in which document": one capture from the click (menu, shortcut, batch)
 * to the bytes. Captures in flight are kept in session storage, so a worker restart between click and
 * bytes loses nothing. This folder (lib/background/capture/) owns the question; menus, shortcuts and the
 * batch call into it, and it calls none of them.
 */
export type CapturePurpose =
  /** `area`: "Edit an area…" — the picture is kept at its own size and the panel opens the area picker. */
  | { kind: 'panel'; mode: Extract<Mode, 'edit-image' | 'animate-image' | 'edit-video' | 'extend-video'>; area?: boolean }
  | { kind: 'reference' }
  | { kind: 'quick'; actionId: string }
  | { kind: 'describe' }
  /** One image of "Reimagine images on this page…" (lib/background/batch/batch-commands.ts): becomes a job of that batch. */
  | { kind: 'batch'; batchId: string }
  /** One picture of "Make a story from this page…" (lib/background/story/story-page.ts): the start of that shot. */
  | { kind: 'story'; storyId: string; shotId: string };

/** "Edit an area…": the picture keeps its own size (AREA_SOURCE_LIMITS), only its crop is ever sent. */
export const forArea = (capture: { purpose: CapturePurpose }): boolean => capture.purpose.kind === 'panel' && capture.purpose.area === true;

export interface CaptureTarget {
  tabId: number | undefined;
  frameId: number;
  pageUrl: string | undefined;
  srcUrl: string | undefined;
  mediaType: 'image' | 'video';
  /** The document the user pointed in (identity.ts): set by the injection, or stored for a replay. */
  documentId?: string | undefined;
  /** A replay's stored document URL: the page must still be that document. */
  documentUrl?: string | undefined;
  /**
   * "Repeat the last quick action": read exactly `srcUrl` (never a srcset candidate the page proposes now),
   * in exactly the stored document, or refuse with a sentence.
   */
  replay?: boolean;
}

export interface PendingCapture extends CaptureTarget {
  captureId: string;
  tabId: number;
  purpose: CapturePurpose;
  createdAt: number;
  /** The copy the page script chose (a larger srcset candidate), for the worker's re-read. */
  chosenSrc?: string;
  /** A quick action that failed becomes a panel request with its prompt (nothing is sent unasked). */
  prompt?: string;
  failed?: boolean;
}
