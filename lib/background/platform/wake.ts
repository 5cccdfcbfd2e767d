import { browser } from 'wxt/browser';

/**
 * Waking the engine when something is due. Two mechanisms, because either alone fails:
 * - a timer is precise but dies with the worker;
 * - an alarm survives the worker being stopped (packed builds clamp it to ≥ 30 s, unpacked ones don't).
 * While work is pending we also touch an extension API every 20 s: that resets Chrome's idle timer, so a
 * busy worker is not stopped between two polls (the alarm remains the backstop if it is).
 */
export const WAKE_ALARM = 'reimagine-wake';
/** The model catalogue's periodic check (state/catalog-store.ts); named here, on the worker's light start path. */
export const CATALOG_ALARM = 'reimagine-catalog';
const KEEPALIVE_MS = 20_000;

let timer: ReturnType<typeof setTimeout> | undefined;
let keepalive: ReturnType<typeof setInterval> | undefined;

export function scheduleWake(at: number | undefined, onWake: () => void, busy: boolean): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (at === undefined) void browser.alarms.clear(WAKE_ALARM);
  else {
    const delay = Math.max(0, at - Date.now());
    timer = setTimeout(onWake, delay);
    void browser.alarms.create(WAKE_ALARM, { when: Date.now() + Math.max(delay, 500) });
  }
  const needKeepalive = busy || at !== undefined;
  if (needKeepalive && keepalive === undefined) {
    keepalive = setInterval(() => void browser.runtime.getPlatformInfo(), KEEPALIVE_MS);
  } else if (!needKeepalive && keepalive !== undefined) {
    clearInterval(keepalive);
    keepalive = undefined;
  }
}
