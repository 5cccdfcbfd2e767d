// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { panelKeyAction } from '../../lib/keyboard/panel-keys';
import { MANIFEST_COMMANDS } from '../../lib/keyboard/commands';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  ...mods,
});

describe('panel keys', () => {
  document.body.innerHTML = `
    <textarea id="prompt"></textarea>
    <article data-job-id="running-1" data-cancellable="true" tabindex="0"><button id="cancel">Cancel</button></article>
    <article data-job-id="done-1" data-cancellable="false" tabindex="0"></article>
    <button id="other">Other</button>`;
  const el = (id: string) => document.getElementById(id);
  const card = (id: string) => document.querySelector(`[data-job-id="${id}"]`);

  it('/ focuses the prompt unless the user is typing in a field', () => {
    expect(panelKeyAction(key('/'), document.body)).toEqual({ kind: 'focus-prompt' });
    expect(panelKeyAction(key('/'), el('other'))).toEqual({ kind: 'focus-prompt' });
    expect(panelKeyAction(key('/'), el('prompt'))).toBeUndefined();
    expect(panelKeyAction(key('/', { ctrlKey: true }), document.body)).toBeUndefined();
  });

  it('Esc cancels only the focused job that can still be cancelled', () => {
    expect(panelKeyAction(key('Escape'), card('running-1'))).toEqual({ kind: 'cancel-job', jobId: 'running-1' });
    expect(panelKeyAction(key('Escape'), el('cancel'))).toEqual({ kind: 'cancel-job', jobId: 'running-1' });
    expect(panelKeyAction(key('Escape'), card('done-1'))).toBeUndefined();
    expect(panelKeyAction(key('Escape'), el('other'))).toBeUndefined();
    expect(panelKeyAction(key('Escape'), el('prompt'))).toBeUndefined();
    expect(panelKeyAction(key('Escape', { defaultPrevented: true }), card('running-1'))).toBeUndefined();
  });

  it('default shortcuts stay clear of the browser and of common extensions (Ctrl+Shift+Y/L)', () => {
    const keys = Object.values(MANIFEST_COMMANDS).map((c) => c.suggested_key.default);
    expect(keys.every((k) => /^Alt\+Shift\+[A-Z]$/.test(k))).toBe(true);
    expect(keys.some((k) => /Ctrl\+Shift\+[YL]$/.test(k))).toBe(false);
    expect(keys.some((k) => /Alt\+Shift\+[ITA]$/.test(k))).toBe(false); // Chrome's own
    expect(new Set(keys).size).toBe(keys.length);
  });
});
