/**
 * The pseudo-locale (REIMAGINE_PSEUDO_LOCALE=1, see wxt.config.ts): English with accented letters, ~40 %
 * longer and bracketed ("[Ĝéñéŕàţé ··]"), built in place of `en` so a browser in English shows it. Long
 * languages (German, French) and clipped or untranslated text become visible at a glance, and the pseudo
 * e2e spec measures that nothing overflows at a 320 px panel.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

/** Placeholders ({name}, $1) and escaped dollars ($$) stay as they are: the code fills them in. */
const TOKEN = /(\{[A-Za-z0-9_]+\}|\$\$|\$\d)/;

export function pseudoize(text: string): string {
  const accented = text
    .split(TOKEN)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')))
    .join('');
  // Padding in "words" of up to 8 dots: long, but breakable like real text (German compounds run ~30 letters).
  const dots = Math.max(2, Math.round(text.length * 0.4) - 3);
  const padding = ' ' + Array.from({ length: Math.ceil(dots / 8) }, (_, i) => '·'.repeat(Math.min(8, dots - i * 8))).join(' ');
  return `[${accented}${padding}]`;
}

type Tree = { [key: string]: string | Tree };

/** The en messages as a nested object of pseudo strings (plural forms kept as `1:`/`n:` objects). */
export function pseudoMessages(enYaml: string): Tree {
  const tree: Tree = {};
  for (const message of parseMessagesText(enYaml, 'YAML')) {
    if (message.key[0]?.startsWith('@@')) continue;
    let node = tree;
    for (const part of message.key.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    const leaf = message.key[message.key.length - 1]!;
    if (message.type === 'plural') node[leaf] = Object.fromEntries(Object.entries(message.plurals).map(([k, v]) => [k, pseudoize(v)]));
    else if (message.type === 'simple') node[leaf] = ['extension.name', 'intl.locale'].includes(message.key.join('.')) ? message.message : pseudoize(message.message);
  }
  return tree;
}

/** Writes every locale to .output/pseudo-locales with `en` replaced by its pseudo form; returns the folder. */
export function pseudoLocalesDir(root = process.cwd()): string {
  const source = path.join(root, 'locales');
  const target = path.join(root, '.output', 'pseudo-locales');
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source)) {
    const text = readFileSync(path.join(source, file), 'utf8');
    if (file === 'en.yml') writeFileSync(path.join(target, 'en.json'), JSON.stringify(pseudoMessages(text), null, 2));
    else writeFileSync(path.join(target, file), text);
  }
  console.warn('\n[reimagine] PSEUDO-LOCALE BUILD: en is replaced by accented, longer strings\n');
  return target;
}
