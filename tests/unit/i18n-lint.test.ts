import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The no-hard-coded-text rule (eslint.config.js) fires on planted strings in the UI and the overlay. */
async function problems(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
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

  it('leave translated text, class names and non-UI files alone', async () => {
    expect(await problems(`export const A = () => <p className="hint small">{'·'}</p>;`, 'components/Ok.tsx')).toEqual([]);
    expect(await problems(`export const msg = 'Plain English in a worker file';`, 'lib/background/ok.ts')).toEqual([]);
  }, 30_000);
});
