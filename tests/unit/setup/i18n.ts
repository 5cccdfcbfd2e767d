/**
 * WXT's fake browser has no i18n: unit tests get the real English messages (locales/en.yml, compiled as
 * the build compiles them) through a getMessage with Chrome's $1…$9 substitution, so they keep matching
 * the English text users see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = generateChromeMessages(parseMessagesText(readFileSync(path.resolve('locales/en.yml'), 'utf8'), 'YAML'));

export function chromeGetMessage(table: Record<string, { message: string }>, name: string, substitutions?: string | string[]): string {
  const entry = table[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|\d)/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
}

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => chromeGetMessage(messages, name, substitutions)) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';

// Testing Library's findBy*/waitFor give up after 1 s by default: on a busy 2-core machine a React update
// behind a mocked message (the capture-status "Allow access" → capture.retry) once took longer and failed.
// These are waits on state, so a generous ceiling costs nothing when the state arrives at once.
import { configure } from '@testing-library/dom';
configure({ asyncUtilTimeout: 10_000 });
