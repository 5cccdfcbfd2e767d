import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PageHandlers, PageHandlersFor, PageReply } from '../../lib/messaging/protocol';
import type { batchHandlers } from '../../lib/background/batch/batch-commands';
import type { storyHandlers } from '../../lib/background/story/story-run';
import type { RouterDeps } from '../../lib/background/router';

/**
 * Typed replies on both ends: the background's handler table is typed by the reply each command promises
 * (protocol.ts `PageReplies`), the same type `send()` gives the page. These lines are checked by `tsc`
 * (npm run typecheck covers tests/): if a wrong shape ever compiled, the `@ts-expect-error` would fail it.
 */
describe('page replies are typed on the background side too', () => {
  it('a handler answering the wrong shape does not compile', () => {
    // @ts-expect-error job.submit answers { jobId }, not { id }
    const wrongField: PageHandlers['job.submit'] = async () => ({ ok: true, id: 'x' });
    // @ts-expect-error spend.today answers numbers (capUsd: number | null)
    const wrongType: PageHandlers['spend.today'] = async () => ({ ok: true, spentUsd: '1', capUsd: null });
    // @ts-expect-error batch.start answers { batchId } (the router once asserted this shape with a cast)
    const wrongBatch: PageHandlers['batch.start'] = async () => ({ ok: true, id: 'x' });
    // @ts-expect-error batch.cancel answers how many were cancelled, a number
    const wrongCancel: PageHandlers['batch.cancel'] = async () => ({ ok: true, cancelled: 'all' });
    const right: PageHandlers['history.purge-oldest'] = async () => ({ ok: true, deleted: 3 });
    expect([wrongField, wrongType, wrongBatch, wrongCancel, right].every((handler) => typeof handler === 'function')).toBe(true);
  });

  it('the features hand the router tables typed by command, not functions answering any Reply', () => {
    expectTypeOf<ReturnType<typeof batchHandlers>>().toEqualTypeOf<Pick<PageHandlers, 'batch.start' | 'batch.cancel' | 'batch.apply'>>();
    expectTypeOf<ReturnType<typeof storyHandlers>>().toEqualTypeOf<PageHandlersFor<'story'>>();
    expectTypeOf<keyof PageHandlersFor<'batch'>>().toEqualTypeOf<'batch.start' | 'batch.cancel' | 'batch.apply'>();
    expectTypeOf<RouterDeps['onBatch']['batch.start']>().returns.toEqualTypeOf<Promise<PageReply<'batch.start'>>>();
    // A table missing a command is refused where the router takes it.
    // @ts-expect-error batch.apply is missing
    const partial: RouterDeps['onBatch'] = { 'batch.start': async () => ({ ok: true, batchId: 'b' }), 'batch.cancel': async () => ({ ok: true, cancelled: 0 }) };
    expect(partial).toBeDefined();
  });
});
