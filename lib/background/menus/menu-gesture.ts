import { openSidePanel } from '../platform/side-panel';

export { openSidePanel };

/**
 * What a menu click must do in its first synchronous turn, kept apart from menus.ts so that the worker's start
 * path (main.ts) can do it before the handlers are loaded: a real click's user gesture — which `sidePanel.open`
 * needs — does not survive an await.
 * Ids are stable: tests dispatch clicks by id.
 */
export const MENU = {
  edit: 'reimagine-edit',
  animate: 'reimagine-animate',
  reference: 'reimagine-reference',
  quickSeparator: 'reimagine-quick-separator',
  editVideo: 'reimagine-edit-video',
  extendVideo: 'reimagine-extend-video',
  generate: 'reimagine-generate',
  describe: 'reimagine-describe',
  batch: 'reimagine-batch',
  story: 'reimagine-story',
  pick: 'reimagine-pick',
  useFrame: 'reimagine-use-frame',
  editArea: 'reimagine-edit-area',
} as const;
export const QUICK_PREFIX = 'reimagine-quick:';
/** The quick action a menu id names, or undefined for every other menu. */
export const quickActionOf = (menuItemId: string | number): string | undefined =>
  String(menuItemId).startsWith(QUICK_PREFIX) ? String(menuItemId).slice(QUICK_PREFIX.length) : undefined;

/** The menus that show their work in the side panel: every one but the quick actions. */
const PANEL_MENU_IDS: ReadonlySet<string> = new Set([MENU.edit, MENU.animate, MENU.editVideo, MENU.extendVideo, MENU.reference, MENU.describe, MENU.generate, MENU.batch, MENU.story, MENU.pick, MENU.useFrame, MENU.editArea]);
export const menuOpensPanel = (menuItemId: string | number): boolean => PANEL_MENU_IDS.has(String(menuItemId));
