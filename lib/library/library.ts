import { z } from 'zod';
import { formatNumber, t } from '../i18n';
import { stripInvisible } from '../security/invisible-text';
import { PAGE_STORAGE_NAMES } from '../storage/keys';

/**
 * The prompt library: saved prompts with `{variables}` filled in at use, tags, and a house-style suffix.
 * Kept in the extension origin's localStorage (like recent prompts: per profile, never leaves the
 * machine, shared by the panel and Options). Everything read back — stored or imported — goes through
 * zod; an import is all or nothing and never overwrites a saved prompt.
 */
export const LIBRARY_KEY = PAGE_STORAGE_NAMES.library;
const LEGACY_PRESETS_KEY = PAGE_STORAGE_NAMES.legacyPresets;
export const LIBRARY_MAX_PROMPTS = 500;

const VARIABLE = /\{([A-Za-z][\w-]{0,39})\}/g;

export const libraryPromptSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, { error: () => t('library.aPromptNeedsAName') }).max(80, { error: () => t('library.keepNamesUnder80Characters') }),
  text: z.string().trim().min(1, { error: () => t('library.aPromptNeedsText') }).max(5000, { error: () => t('library.aPromptIsAtMost') }),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type LibraryPrompt = z.infer<typeof libraryPromptSchema>;

export const librarySchema = z.object({
  format: z.literal('reimagine-prompt-library'),
  version: z.literal(1),
  prompts: z.array(libraryPromptSchema).max(LIBRARY_MAX_PROMPTS, { error: () => t('library.atMostPrompts', { max: formatNumber(LIBRARY_MAX_PROMPTS) }) }),
  houseStyle: z.string().max(1000, { error: () => t('library.theHouseStyleIsAt') }).default(''),
}).superRefine((library, ctx) => {
  const seen = new Set<string>();
  library.prompts.forEach((prompt, index) => {
    if (seen.has(prompt.id)) ctx.addIssue({ code: 'custom', path: ['prompts', index, 'id'], message: `two prompts share the id "${prompt.id.slice(0, 40)}"` });
    seen.add(prompt.id);
  });
});
export type Library = z.infer<typeof librarySchema>;

export const emptyLibrary = (): Library => ({ format: 'reimagine-prompt-library', version: 1, prompts: [], houseStyle: '' });

/** The distinct `{names}` in a prompt, in order of first use. */
export function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? ''))].filter(Boolean);
}

/** Fills `{name}` with its value; a variable without a value stays as written. */
export function fillVariables(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    return value ? value : whole;
  });
}

/** Adds the house style to a prompt (once, after a comma) when there is one. */
export function withHouseStyle(prompt: string, houseStyle: string): string {
  const style = houseStyle.trim();
  const text = prompt.trim();
  if (!style || text.endsWith(style)) return prompt;
  return text ? `${text.replace(/[,.;\s]+$/, '')}, ${style}` : style;
}

export function searchLibrary(prompts: LibraryPrompt[], query: string): LibraryPrompt[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return prompts;
  return prompts.filter((p) => {
    const haystack = `${p.name}\n${p.text}\n${p.tags.map((t) => `#${t}`).join(' ')}`.toLowerCase();
    return words.every((w) => haystack.includes(w.replace(/^#/, '')));
  });
}

export const parseTags = (text: string): string[] => [...new Set(text.split(',').map((t) => t.trim().replace(/^#/, '')).filter(Boolean))].slice(0, 20);

// ---- storage

function legacyPresets(): LibraryPrompt[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(LEGACY_PRESETS_KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.flatMap((p: unknown, i) => {
      const preset = p as { name?: unknown; draft?: { prompt?: unknown; mode?: unknown } };
      const parsed = libraryPromptSchema.safeParse({
        id: `preset-${i}`,
        name: preset?.name,
        text: preset?.draft?.prompt,
        tags: ['preset', ...(typeof preset?.draft?.mode === 'string' ? [preset.draft.mode] : [])],
      });
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

/** The saved library; the first read brings the old "presets" in as prompts (nothing is lost). */
export function loadLibrary(): Library {
  let raw: string | null;
  try {
    raw = localStorage.getItem(LIBRARY_KEY);
  } catch {
    return emptyLibrary();
  }
  if (raw === null) return { ...emptyLibrary(), prompts: legacyPresets() };
  try {
    const parsed = librarySchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  console.warn('Reimagine: the stored prompt library is unreadable; starting a new one (the old text stays under a backup key).');
  try {
    localStorage.setItem(PAGE_STORAGE_NAMES.libraryUnreadable, raw);
  } catch {
    // nothing more to do
  }
  return emptyLibrary();
}

export function saveLibrary(library: Library): void {
  localStorage.setItem(LIBRARY_KEY, JSON.stringify(librarySchema.parse(library)));
}

export function exportLibrary(library: Library): string {
  return JSON.stringify(library, null, 2);
}

export type ImportOutcome = { ok: true; library: Library; added: number; skipped: number } | { ok: false; message: string };

const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

/**
 * Merges an exported library into `current`. The file is hostile: size-capped, parsed, zod-validated as a
 * whole (any bad entry refuses the file, naming it, and nothing changes). Prompts already present (same id,
 * or same name and text) are skipped, never overwritten; the file's house style is ignored (settings-like
 * state is the user's to type, never an import's).
 */
export function importLibrary(current: Library, text: string): ImportOutcome {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, message: t('library.nothingWasImportedTheFile') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: t('library.nothingWasImportedTheFile2') };
  }
  const parsed = librarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where =
      path[0] === 'prompts' && typeof path[1] === 'number' ? ` (${t('library.promptN', { n: formatNumber(path[1] + 1) })}${path[2] !== undefined ? `, ${String(path[2])}` : ''})` : path.length ? ` (${path.join('.')})` : '';
    const what =
      issue?.code === 'invalid_value' && path[0] === 'format'
        ? t('library.notAnExport')
        : (issue?.message ?? 'invalid').replace(/\.$/, '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
    return { ok: false, message: t('library.nothingImported', { reason: `${what}${where}` }) };
  }
  const ids = new Set(current.prompts.map((p) => p.id));
  const same = new Set(current.prompts.map((p) => `${p.name}\n${p.text}`));
  // A shared file's prompts are read by the user before use: nothing in them may be invisible (bidi, zero-width).
  const cleaned = parsed.data.prompts.map((p) => ({ ...p, name: stripInvisible(p.name), text: stripInvisible(p.text) }));
  const fresh = cleaned.filter((p) => !ids.has(p.id) && !same.has(`${p.name}\n${p.text}`));
  if (current.prompts.length + fresh.length > LIBRARY_MAX_PROMPTS) return { ok: false, message: t('library.wouldExceed', { max: formatNumber(LIBRARY_MAX_PROMPTS) }) };
  return {
    ok: true,
    // Prompts only. The house style is appended silently to later prompts: a file must never set it (issue 22).
    library: { ...current, prompts: [...current.prompts, ...fresh] },
    added: fresh.length,
    skipped: cleaned.length - fresh.length,
  };
}
