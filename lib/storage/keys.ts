import type { z } from 'zod';
import { catalogSchema } from '../catalog/catalog';
import { secretsSchema, settingsSchema } from '../settings/schema';

/**
 * Every name Reimagine stores something under, by storage area — one list, so two features can never pick
 * the same name and a reader can see at a glance what is kept where (Bitwarden's state definitions, with our
 * zod). Keep a new key here, with its schema when that schema sits at this layer or below (docs/ARCHITECTURE.md
 * "Layers"); a key whose record is defined higher up (a batch, a capture hand-over) is named here and paired
 * with its schema beside that schema (`kvKey(KV_NAMES.x, schema)`).
 */

/** IndexedDB `kv` store (extension origin only: content scripts cannot open it — keys and settings live here). */
export const KV_NAMES = {
  settings: 'settings',
  secrets: 'secrets',
  modelCatalog: 'modelCatalog',
  /** "Repeat the last quick action": the action and the target it was chosen on (lib/background). */
  lastQuickAction: 'lastQuickAction',
  /** A batch record is `batch:<id>` (lib/batch/batch-store.ts); `batch:latest` holds the newest batch's id. */
  batchPrefix: 'batch:',
  latestBatch: 'batch:latest',
  /** A story is `story:<id>`; `latestStory` holds the newest one's id (both paired with their schemas in lib/story/story-store.ts). */
  storyPrefix: 'story:',
  latestStory: 'latestStory',
} as const;

/** `storage.session` (trusted contexts; gone when the browser closes). */
export const SESSION_NAMES = {
  /** The hand-over of a capture to the side panel (lib/messaging/panel-request.ts). */
  pendingPanelRequest: 'pendingPanelRequest',
  /** A job the popup asks the panel to bring into view. */
  panelFocusJob: 'panelFocusJob',
  /** A story history asked the panel to open (its editor); taken once by components/story/StorySwitch. */
  panelFocusStory: 'panelFocusStory',
  /** Sources marked "Use as reference", until the next job takes them. */
  referenceSources: 'referenceSources',
  /** One entry per capture in flight: `capture:<id>`. */
  capturePrefix: 'capture:',
  /** A batch scan waiting for the picker: `batchScan:<id>`. */
  batchScanPrefix: 'batchScan:',
} as const;

/** The extension pages' own `localStorage` / `sessionStorage` (never read by the background). */
export const PAGE_STORAGE_NAMES = {
  library: 'reimagine.library',
  /** Where the library keeps a copy of a record it could not read, rather than lose it. */
  libraryUnreadable: 'reimagine.library.unreadable',
  legacyPresets: 'reimagine.presets',
  recentPrompts: 'reimagine.recentPrompts',
  dismissedJobs: 'reimagine.dismissedJobs',
  /** sessionStorage: the batch the user closed in this panel. */
  batchClosed: 'reimagine.batch.closed',
} as const;

/** A key of the kv store with the schema of what it holds: readKv/writeKv take nothing else. */
export interface KvKey<S extends z.ZodType> {
  readonly name: string;
  readonly schema: S;
}
export const kvKey = <S extends z.ZodType>(name: string, schema: S): KvKey<S> => ({ name, schema });

export const KV = {
  /** Read raw and upgraded by lib/settings/migrations.ts; written valid. */
  settings: kvKey(KV_NAMES.settings, settingsSchema),
  secrets: kvKey(KV_NAMES.secrets, secretsSchema),
  modelCatalog: kvKey(KV_NAMES.modelCatalog, catalogSchema),
} as const;
