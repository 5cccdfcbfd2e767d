import { z } from 'zod';
import { formatNumber, t } from '../i18n';

/**
 * The download file name, from a user template such as `{date}-{mode}-{prompt}`. Token values are
 * slugs (a–z, 0–9, "-"), the template's own text may only hold letters, digits, space, "-", "_" and ".",
 * and the result is cleaned once more: no path separators or reserved characters can appear, no leading
 * dot, no Windows device name, at most MAX_BASE_CHARS before the extension. The default reproduces the
 * name Reimagine has always used: `reimagine-2026-11-21-a-cat-in-a-hat.jpg` (+ `-2` for a job's 2nd result).
 */
export const FILE_NAME_TOKENS = ['date', 'time', 'prompt', 'mode', 'model', 'index'] as const;
export type FileNameToken = (typeof FILE_NAME_TOKENS)[number];
export const DEFAULT_FILE_NAME_TEMPLATE = 'reimagine-{date}-{prompt}';
const MAX_TEMPLATE_CHARS = 100;
const MAX_BASE_CHARS = 150;
const TOKEN = /\{([^{}]*)\}/g;

export const fileNameTemplateSchema = z
  .string()
  .trim()
  .min(1, { error: () => t('export.giveAFileNamePattern', { example: '{date}-{prompt}' }) })
  .max(MAX_TEMPLATE_CHARS, { error: () => t('export.patternTooLong', { max: formatNumber(MAX_TEMPLATE_CHARS) }) })
  .superRefine((template, ctx) => {
    for (const [, name] of template.matchAll(TOKEN)) {
      if (!(FILE_NAME_TOKENS as readonly string[]).includes(name ?? '')) {
        ctx.addIssue({ code: 'custom', message: t('export.unknownToken', { token: `{${name}}`, tokens: FILE_NAME_TOKENS.map((token) => `{${token}}`).join(', ') }) });
        return;
      }
    }
    const literal = template.replace(TOKEN, '');
    if (/[^A-Za-z0-9 _.-]/.test(literal)) {
      ctx.addIssue({ code: 'custom', message: t('export.outsideTokensUseOnlyLetters', { braces: '{tokens}' }) });
    }
  });

export interface FileNameFields {
  prompt: string;
  at: number | Date;
  mode?: string;
  model?: string;
  index?: number;
  total?: number;
}

export function slugOf(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<image_\d+>/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

function tokenValues(fields: FileNameFields): Record<FileNameToken, string> {
  const date = new Date(fields.at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const total = fields.total ?? 1;
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`,
    prompt: slugOf(fields.prompt, 60),
    mode: slugOf(fields.mode ?? '', 30),
    model: slugOf((fields.model ?? '').replace(/\./g, '-'), 40),
    index: total > 1 ? String((fields.index ?? 0) + 1) : '',
  };
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** The file name without extension. An invalid template (never saved, but a stored record may be old) falls back to the default. */
export function renderFileName(template: string, fields: FileNameFields): string {
  const valid = fileNameTemplateSchema.safeParse(template);
  const pattern = valid.success ? valid.data : DEFAULT_FILE_NAME_TEMPLATE;
  const values = tokenValues(fields);
  let name = pattern.replace(TOKEN, (_, token: FileNameToken) => values[token] ?? '');
  // Several results and no {index}: the suffix keeps them apart.
  if ((fields.total ?? 1) > 1 && !pattern.includes('{index}')) name += `-${values.index}`;
  name = name
    .replace(/[^A-Za-z0-9 _.-]/g, '-') // belt and braces: the template was checked, token values are slugs
    .replace(/ /g, '-')
    .replace(/([-_.])[-_.]+/g, '$1') // an empty token leaves "--" or "-." behind
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, MAX_BASE_CHARS)
    .replace(/[-_.]+$/, '');
  if (!name) return 'reimagine';
  return RESERVED.test(name) ? `reimagine-${name}` : name;
}
