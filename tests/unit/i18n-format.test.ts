import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatBytes, formatDateTime, formatDuration, formatList, formatNumber, formatRelative, formatUsd, t, uiLocale } from '../../lib/i18n';

/** Intl formatting follows the browser's UI language (browser.i18n.getUILanguage). */
const englishGetMessage = fakeBrowser.i18n.getMessage;
function inLocale(tag: string): void {
  fakeBrowser.i18n.getUILanguage = () => tag;
  // As in a browser in that language: the messages (and their `intl.locale`) are that locale's.
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => (name === 'intl_locale' ? tag : englishGetMessage(name, subs))) as typeof englishGetMessage;
}
afterEach(() => inLocale('en-US'));

describe('Intl formatting in the UI locale', () => {
  it('formats money as the provider bills it, with sub-cent precision', () => {
    expect(formatUsd(0.02)).toBe('$0.02');
    expect(formatUsd(0.004)).toBe('$0.0040');
    expect(formatUsd(0)).toBe('$0.00');
    inLocale('de');
    expect(formatUsd(1234.5)).toBe('1.234,50\u00a0$');
    inLocale('ja');
    expect(formatUsd(0.02)).toBe('$0.02');
    inLocale('fr');
    expect(formatUsd(0.02)).toBe('0,02\u00a0$US');
  });

  it('formats numbers, sizes and lists', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatBytes(3_200_000)).toBe('3.2 MB');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
    inLocale('de');
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatBytes(3_200_000)).toBe('3,2 MB');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b und c');
  });

  it('formats dates, relative times and durations', () => {
    const at = Date.UTC(2026, 11, 2, 12, 0);
    inLocale('de');
    expect(formatDateTime(at, { dateStyle: 'long', timeZone: 'UTC' })).toBe('2. Dezember 2026');
    expect(formatRelative(at - 3 * 60_000, at)).toBe('vor 3 Minuten');
    expect(formatDuration(65_000)).toMatch(/^1 Min\.?,? 5 Sek\.?$/);
    inLocale('en-US');
    expect(formatRelative(at - 86_400_000, at)).toBe('yesterday');
    expect(formatDuration(5_000)).toMatch(/^5 sec$/);
    expect(formatDuration(65_000)).toMatch(/^1 min,? 5 sec$/);
    // Intl.DurationFormat drops zero units: a job that just started still says "0 sec elapsed".
    expect(formatDuration(0)).toBe('0 sec');
    expect(formatDuration(400)).toBe('0 sec');
  });

  it('falls back to en-US for an unknown or missing UI language', () => {
    inLocale('');
    expect(uiLocale()).toBe('en-US');
  });

  it('reads messages from the English locale in unit tests', () => {
    expect(t('extension.name')).toBe('Reimagine');
  });
});
