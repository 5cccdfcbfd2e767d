import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { pseudoize, pseudoMessages } from '../../scripts/pseudo-locale';

/**
 * Every locale carries exactly the English keys, each with the same placeholders ({name}, $1) and the same
 * plural shape, so no surface ever falls back to English or shows a raw {placeholder}.
 */
const DIR = path.resolve('locales');
const LOCALES = ['en', 'de', 'es', 'fr', 'ja', 'pt_BR', 'zh_CN'];

type Shape = { plural: boolean; placeholders: string[] };
function shapes(file: string): Map<string, Shape> {
  const out = new Map<string, Shape>();
  for (const m of parseMessagesText(readFileSync(path.join(DIR, file), 'utf8'), 'YAML')) {
    const key = m.key.join('.');
    if (key.startsWith('@@')) continue;
    const text = m.type === 'plural' ? Object.values(m.plurals).join('|') : m.type === 'simple' ? m.message : '';
    const positional = [...text.matchAll(/(?<!\$)\$(\d)/g)].map((x) => `$${x[1]}`);
    out.set(key, { plural: m.type === 'plural', placeholders: [...new Set([...m.namedSubstitutions.map((n) => `{${n}}`), ...positional])].sort() });
  }
  return out;
}

const en = shapes('en.yml');

describe('locales', () => {
  it('ships exactly the seven product locales', () => {
    expect(readdirSync(DIR).map((f) => f.replace(/\.yml$/, '')).sort()).toEqual([...LOCALES].sort());
  });

  it('has English messages with no stray whitespace and a sane size', () => {
    expect(en.size).toBeGreaterThan(300);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has the English key set, placeholders and plural shape`, () => {
      const other = shapes(`${locale}.yml`);
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, shape] of en) expect({ key, ...other.get(key) }).toEqual({ key, ...shape });
    });
  }
});

describe('pseudo-locale', () => {
  it('accents letters, lengthens by about 40 % and keeps placeholders intact', () => {
    const out = pseudoize('Generate {count} images for $1, $$5');
    expect(out).toMatch(/^\[Ĝéñéŕàţé \{count\} îɱàĝéš ƒöŕ \$1, \$\$5 [· ]+\]$/);
    expect(out.length).toBeGreaterThanOrEqual(Math.round('Generate {count} images for $1, $$5'.length * 1.35));
  });

  it('covers every English key', () => {
    const tree = pseudoMessages(readFileSync(path.join(DIR, 'en.yml'), 'utf8'));
    const isLeaf = (v: unknown) => typeof v === 'string' || Object.keys(v as object).every((k) => k === 'n' || /^\d+$/.test(k));
    const count = (node: object): number => Object.values(node).reduce((n: number, v) => n + (isLeaf(v) ? 1 : count(v)), 0);
    expect(count(tree)).toBe(en.size);
  });
});
