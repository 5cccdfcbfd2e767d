/**
 * Numbers, money, dates and durations in the browser's UI language (the same one browser.i18n picked the
 * strings for), through Intl. Formatters are cached per locale: panels re-render every second while a job
 * runs.
 */
import { browser } from 'wxt/browser';
import { i18n } from './instance';

const FALLBACK_LOCALE = 'en-US';

const supported = (tag: string | undefined): tag is string => !!tag && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;

/**
 * The locale to format in, as a BCP 47 tag: the browser's UI language ("de-AT", "pt-BR") when the strings
 * are in that language, else the language the strings were picked in (each locale file names itself in
 * `intl.locale`), so numbers never read in another language than the sentence around them. en-US where
 * nothing is known (Node tools).
 */
export function uiLocale(): string {
  let ui: string;
  let messages: string;
  try {
    ui = browser.i18n.getUILanguage();
    messages = stringsLocale();
  } catch {
    return FALLBACK_LOCALE;
  }
  // Every formatted number asks (panels re-render each second while a job runs): the two reads are cheap,
  // the supportedLocalesOf checks are not, so the answer is kept per pair.
  const pair = `${ui}|${messages}`;
  let locale = resolved.get(pair);
  if (locale === undefined) {
    if (supported(ui) && (!supported(messages) || ui.split('-')[0] === messages.split('-')[0])) locale = ui;
    else locale = supported(messages) ? messages : FALLBACK_LOCALE;
    resolved.set(pair, locale);
  }
  return locale;
}
const resolved = new Map<string, string>();

/** The language the strings were picked in: the locale file's own `intl.locale` (throws outside an extension). */
export function stringsLocale(): string {
  return i18n.t('intl.locale');
}

/**
 * A size against one of our MiB limits ("20.0 MB"): binary megabytes, as the limits are written, in Intl's
 * megabyte unit.
 */
export function formatMegabytes(bytes: number, fractionDigits = 1): string {
  return formatNumber(bytes / 1024 / 1024, { style: 'unit', unit: 'megabyte', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

const cache = new Map<string, unknown>();
function cached<F>(kind: string, options: object, make: (locale: string) => F): F {
  const locale = uiLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as F | undefined;
  if (!formatter) {
    formatter = make(locale);
    cache.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

/** US dollars as the provider bills them: cents, or four decimals below a cent ("$0.0040") so it never reads $0.00. */
export function formatUsd(usd: number): string {
  const digits = usd < 0.01 && usd > 0 ? 4 : 2;
  return formatNumber(usd, { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Money with as many decimals as the amount needs (2 to 4): an estimate of $0.022 reads "$0.022", so it
 * equals the sum of its breakdown lines, while $0.04 stays "$0.04".
 */
export function formatUsdPrecise(usd: number): string {
  const cents = Math.round(usd * 10_000);
  const digits = cents % 100 === 0 ? 2 : cents % 10 === 0 ? 3 : 4;
  return formatNumber(usd, { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Byte sizes ("3.2 MB") with Intl's unit formatting. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return formatNumber(value, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 });
}

export function formatDateTime(at: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return cached('date', options, (locale) => new Intl.DateTimeFormat(locale, options)).format(at);
}

export function formatTime(at: number | Date): string {
  return formatDateTime(at, { timeStyle: 'medium' });
}

type DurationFormatter = { format(duration: { minutes?: number; seconds?: number }): string };
type DurationFormatCtor = new (locale: string, options: { style: 'short' | 'narrow' }) => DurationFormatter;

/**
 * A duration in whole seconds: "45 sec", "1 min, 5 sec". Intl.DurationFormat where the browser has it
 * (Chrome 129+, Firefox 136+); otherwise minutes and seconds as Intl units.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const duration = total < 60 ? { seconds: total } : { minutes: Math.floor(total / 60), seconds: total % 60 };
  const Ctor = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  // DurationFormat leaves out zero units, so a zero duration would print as nothing ("elapsed · …").
  if (Ctor && total > 0) return cached('duration', {}, (locale) => new Ctor(locale, { style: 'short' })).format(duration);
  const unit = (value: number, name: 'minute' | 'second') => formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });
  return duration.minutes === undefined ? unit(total, 'second') : `${unit(duration.minutes, 'minute')} ${unit(duration.seconds, 'second')}`;
}

/** "3 minutes ago", "in 2 days", "yesterday": the largest unit that fits. */
export function formatRelative(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 7],
    ['week', 4.35],
    ['month', 12],
    ['year', Infinity],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return cached('relative', {}, (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(Math.round(value), unit);
    value /= size;
  }
  return formatDateTime(at);
}

/** A list in the UI language: "a, b, and c" / "a, b und c"; type 'unit' lists without a conjunction ("a, b, c"). */
export function formatList(items: string[], type: Intl.ListFormatType = 'conjunction'): string {
  const options: Intl.ListFormatOptions = type === 'unit' ? { type, style: 'short' } : { type };
  return cached('list', options, (locale) => new Intl.ListFormat(locale, options)).format(items);
}
