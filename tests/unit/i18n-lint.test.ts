import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The no-hard-coded-text rules (eslint.config.js: no-restricted-syntax for JSX, scripts/eslint/ui-text.js for
 * sentences handed to the user through calls, errors and message properties) fire on planted strings in the
 * UI and the overlay, and stay quiet on class names, keys, ids, URLs and selectors.
 */
const RULES = new Set(['no-restricted-syntax', 'reimagine/no-ui-literal']);
async function problems(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => RULES.has(m.ruleId ?? '')).map((m) => m.message);
}

describe('hard-coded user-facing strings', () => {
  it('are refused in components: JSX text and literal labels', async () => {
    const found = await problems(
      `import { t } from '../lib/i18n';
export const A = () => <button title="Delete it" aria-label={\`Remove \${1}\`}>Generate now</button>;
export const B = () => <input placeholder={t('panel.composer.pastedItem')} />;
`,
      'components/Planted.tsx',
    );
    expect(found).toHaveLength(3);
  }, 30_000);

  it('are refused in the overlay: literal textContent and aria-label', async () => {
    const found = await problems(
      `const b = document.createElement('button');
b.textContent = 'Replace now';
b.setAttribute('aria-label', 'Close the overlay');
b.setAttribute('role', 'group');
`,
      'lib/content/planted.ts',
    );
    expect(found).toHaveLength(2);
  }, 30_000);

  it('are refused when handed to the user: state setters, notifications, errors, message properties', async () => {
    const found = await problems(
      `import { t } from '../lib/i18n';
declare const notify: (s: string) => void, setError: (s: string) => void, setStatus: (s: { tone: string; text: string }) => void;
notify('Saved');
setError('Something failed');
setStatus({ tone: 'ok', text: \`Imported \${3} files.\` });
export function f(ok: boolean) {
  if (!ok) throw new Error('The export failed');
  return { ok: false, message: ok ? t('panel.app.queued') : 'Could not queue it.' };
}
`,
      'components/Planted.tsx',
    );
    expect(found).toHaveLength(5);
  }, 30_000);

  it('are refused in the overlay when passed to its status line', async () => {
    const found = await problems(`declare const ui: { setStatus(s: string, tone: string): void }; ui.setStatus('Download started', 'info');`, 'lib/content/planted.ts');
    expect(found).toHaveLength(1);
  }, 30_000);

  it('leave class names, keys, ids, URLs, selectors, console and translated calls alone', async () => {
    const code = `import { t } from '../lib/i18n';
declare const setMode: (s: string) => void, send: (c: object) => void, el: HTMLElement, setStatus: (s: object) => void;
el.classList.add('hint small');
el.querySelector('button[aria-label="Close"] > span');
setMode('edit-image');
send({ type: 'job.cancel', jobId: 'abc' });
setStatus({ tone: 'ok', text: t('panel.app.queued') });
fetch('https://api.x.ai/v1/images');
console.warn('Reimagine: stored value is invalid, using defaults');
document.getElementById('prompt-count');
export const x = { status: 'done', kind: 'image/png', label: t('panel.app.queued') };
`;
    expect(await problems(code, 'components/Ok.tsx')).toEqual([]);
  }, 30_000);

  it('are refused in lib/ (errors and zod messages the UI shows), but not in lib/api nor with a reasoned disable', async () => {
    const planted = `import { z } from 'zod';
export const ids = z.array(z.string()).min(1, 'Choose at least one image.');
export function f() {
  throw new Error('The encoder stopped.');
}
`;
    expect(await problems(planted, 'lib/background/planted.ts')).toHaveLength(2);
    // The wire schemas' issues are English developer diagnostics on purpose.
    expect(await problems(planted, 'lib/api/planted.ts')).toEqual([]);
    const disabled = `// eslint-disable-next-line reimagine/no-ui-literal -- developer-only: our own data: URLs
throw new Error('Not a data: URL, says the planted line.');
`;
    expect(await problems(disabled, 'lib/media/planted.ts')).toEqual([]);
  }, 30_000);

  it('leave translated text, class names and non-UI files alone', async () => {
    expect(await problems(`export const A = () => <p className="hint small">{'·'}</p>;`, 'components/Ok.tsx')).toEqual([]);
    expect(await problems(`export const msg = 'Plain English in a worker file';`, 'lib/background/ok.ts')).toEqual([]);
  }, 30_000);
});
