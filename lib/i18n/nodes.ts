/**
 * A translated sentence with React elements inside it ("Queue [2]", where [2] is a badge): the
 * whole sentence is one key whose placeholders translators can move, and `withNodes` puts the elements
 * where the placeholders ended up. The one way UI code mixes a sentence with a link, a button or styled
 * text — never a sentence cut into before/after keys, which a translator cannot reorder.
 *
 *   withNodes(t('panel.queueList.heading', { count: slot('count') }), { count: <span…/> })
 */
import { createElement, type ReactNode } from 'react';

// U+2063 INVISIBLE SEPARATOR: not in any message, so a slot is never confused with the text around it.
const MARK = '\u2063';

/** The placeholder value that `withNodes` later replaces with the element of that name. */
export const slot = (name: string): string => `${MARK}${name}${MARK}`;

/** `text` (from t(), with slot() values) as React children: the text runs, and the named elements at their slots. */
export function withNodes(text: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = text.split(MARK);
  // One inline box, not loose runs: in a flex parent (the panel's h2 headings) each run would become an item
  // of its own with the gap between them ("Results ( 5 )").
  return createElement('span', null, ...parts.map((part, i) => (i % 2 === 1 ? (nodes[part] ?? null) : part)));
}
