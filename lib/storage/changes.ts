import { z } from 'zod';

/**
 * Change notifications from the background (the only writer) to every extension page. BroadcastChannel
 * reaches all same-origin contexts — side panels, popups, options, tabs — and never a content script.
 */
export const changeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('jobs'), ids: z.array(z.string()) }),
  z.object({ type: z.literal('settings') }),
  /** A batch's record changed (lib/batch/batch-store.ts): the panel reads it again. */
  z.object({ type: z.literal('batch'), id: z.string() }),
  /** A story's record changed (lib/story/story-store.ts): the story editor reads it again. */
  z.object({ type: z.literal('story'), id: z.string() }),
]);
export type Change = z.infer<typeof changeSchema>;

const CHANNEL = 'reimagine-changes';

export function announce(change: Change): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(change);
  channel.close();
}

export function onChange(listener: (change: Change) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const parsed = changeSchema.safeParse(event.data);
    if (parsed.success) listener(parsed.data);
  };
  return () => channel.close();
}
