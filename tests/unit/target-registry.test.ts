// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

/**
 * lib/content/target-registry.ts: Reimagine's marks on page elements live in the isolated world, shared by
 * page.js and picker.js (two bundles, one global), and never as attributes the page can read.
 */
describe('target registry', () => {
  it('maps ids to elements and back without touching the DOM', async () => {
    const { mark, markedElement, markOf } = await import('../../lib/content/target-registry');
    document.body.innerHTML = '<img id="a" src="https://site.example/a.jpg"><img id="b">';
    const a = document.getElementById('a')!;
    const before = document.body.innerHTML;
    mark(a, 'cap-1');
    expect(markedElement('cap-1')).toBe(a);
    expect(markOf(a)).toBe('cap-1');
    expect(markOf(document.getElementById('b')!)).toBeUndefined();
    expect(document.body.innerHTML).toBe(before); // no attribute written
    a.remove();
    expect(markedElement('cap-1')).toBeUndefined(); // a removed element is not found again
  });

  it('is one registry for every bundle in the same world (page.js and picker.js)', async () => {
    const first = await import('../../lib/content/target-registry');
    document.body.innerHTML = '<img id="p">';
    first.mark(document.getElementById('p')!, 'pick-1');
    vi.resetModules(); // a second bundle: a fresh module instance, the same global
    const second = await import('../../lib/content/target-registry');
    expect(second).not.toBe(first);
    expect(second.markedElement('pick-1')).toBe(document.getElementById('p'));
  });

  it('remembers the overlay drawn for an id until it is forgotten', async () => {
    const { forgetOverlay, rememberOverlay } = await import('../../lib/content/target-registry');
    const host = document.createElement('reimagine-overlay');
    document.documentElement.append(host);
    rememberOverlay('cap-2', host);
    const registry = (globalThis as Record<symbol, { overlays: Map<string, WeakRef<Element>> }>)[Symbol.for('reimagine.targets')]!;
    expect(registry.overlays.get('cap-2')?.deref()).toBe(host);
    expect(host.attributes).toHaveLength(0);
    forgetOverlay('cap-2');
    expect(registry.overlays.has('cap-2')).toBe(false);
  });
});
