/**
 * How late a page handles input while work runs elsewhere (batch runs, story stitching): Event Timing
 * entries (input delay = processingStart − startTime, duration to the next paint) and the longest gap
 * between animation frames. Both functions run inside the page through `page.evaluate`, so they close over
 * nothing of this module.
 */
export interface Probe {
  maxInputDelay: number;
  maxEventDuration: number;
  events: number;
  maxFrameGap: number;
}

/** Starts (or restarts) the page's probe. */
export function startProbe(): void {
  const probe: Probe = { maxInputDelay: 0, maxEventDuration: 0, events: 0, maxFrameGap: 0 };
  (window as unknown as { __inputProbe: Probe }).__inputProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      probe.events++;
      probe.maxInputDelay = Math.max(probe.maxInputDelay, entry.processingStart - entry.startTime);
      probe.maxEventDuration = Math.max(probe.maxEventDuration, entry.duration);
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  let last = performance.now();
  const frame = (now: number) => {
    probe.maxFrameGap = Math.max(probe.maxFrameGap, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** What the probe saw since it started, in whole milliseconds. */
export function readProbe(): Probe {
  const probe = (window as unknown as { __inputProbe: Probe }).__inputProbe;
  return { events: probe.events, maxInputDelay: Math.round(probe.maxInputDelay), maxEventDuration: Math.round(probe.maxEventDuration), maxFrameGap: Math.round(probe.maxFrameGap) };
}
