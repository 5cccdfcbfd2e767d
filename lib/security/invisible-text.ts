/**
 * Text that reaches a prompt from somewhere else — a vision model's answer, a page's selected text, an
 * imported prompt library — may hide words from the person reading it: bidirectional controls reorder what
 * is shown (an "RLO" makes `txt.exe` look like `exe.txt`), zero-width characters and Unicode tag characters
 * ("ASCII smuggling") carry text nobody sees but the model reads. They are removed. ZWJ/ZWNJ (U+200D/U+200C)
 * stay: emoji sequences and Persian, Indic scripts need them, and they hide no text on their own.
 */
// LRM RLM ALM, LRE RLE PDF LRO RLO, LRI RLI FSI PDI, ZWSP, word joiner + invisible operators, BOM/ZWNBSP, Mongolian vowel separator.
const INVISIBLE = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u180E]|\uDB40[\uDC00-\uDC7F]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

export const hasInvisible = (text: string): boolean => new RegExp(INVISIBLE.source).test(text);
