import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handlePickCommand } from '../../lib/background/page/pick';
import type { JobEngine } from '../../lib/jobs/engine';
import { PENDING_PANEL_REQUEST_KEY } from '../../lib/messaging/panel-request';
import { freshDatabase } from './helpers/engine-harness';

/**
 * The worker's side of "Pick a picture here…": a pick is answered once, only from the tab and frame it was
 * started in; pixels nobody may read become a failed capture that offers the screenshot of the element.
 */
const engine = {} as JobEngine;
const PICK = 'pick-1';

async function seedPick(frameId = 0): Promise<void> {
  await fakeBrowser.storage.session.set({ [`pick:${PICK}`]: { pickId: PICK, tabId: 7, frameId, pageUrl: 'https://site.test/pick' } });
}

const sender = (tabId: number, frameId = 0) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId } as never, frameId });
const unreadable = { type: 'pick.chosen' as const, pickId: PICK, targetId: 'b-0001', unreadable: true as const };

describe('handlePickCommand', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    freshDatabase();
  });

  it('refuses an unknown pick, another tab and another frame, and keeps the pick for its own', async () => {
    expect((await handlePickCommand(engine, unreadable, sender(7))).ok).toBe(false); // nothing started
    await seedPick();
    expect((await handlePickCommand(engine, unreadable, sender(8))).ok).toBe(false);
    expect((await handlePickCommand(engine, unreadable, sender(7, 3))).ok).toBe(false);
    expect(await fakeBrowser.storage.session.get(`pick:${PICK}`)).not.toEqual({});
  });

  it('unreadable pixels: a failed Edit image capture offering the screenshot, and the pick is used up', async () => {
    await seedPick();
    expect(await handlePickCommand(engine, unreadable, sender(7))).toMatchObject({ ok: true });
    const request = (await fakeBrowser.storage.session.get(PENDING_PANEL_REQUEST_KEY))[PENDING_PANEL_REQUEST_KEY];
    expect(request).toMatchObject({
      mode: 'edit-image',
      capture: { id: 'b-0001', state: 'failed', canScreenshot: true, message: 'The page does not allow reading this picture’s pixels. Use a screenshot of it instead.' },
    });
    expect(await fakeBrowser.storage.session.get('capture:b-0001')).toMatchObject({ 'capture:b-0001': { failed: true, tabId: 7, frameId: 0 } });
    // One answer per pick: a second message (a replay) finds nothing.
    expect((await handlePickCommand(engine, unreadable, sender(7))).ok).toBe(false);
  });

  it('a dragged area outside the top frame is refused with a reason (the screenshot would not line up)', async () => {
    await seedPick(3);
    const reply = await handlePickCommand(engine, { type: 'pick.area', pickId: PICK, box: { x: 0, y: 0, width: 10, height: 10 }, devicePixelRatio: 1 }, sender(7, 3));
    expect(reply).toMatchObject({ ok: false, error: { message: 'Screenshots work for images in the page itself, not inside an embedded frame.' } });
  });
});
