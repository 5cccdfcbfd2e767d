import { describe, expect, it } from 'vitest';
import type { PageHandlers } from '../../lib/background/router';

/**
 * Typed replies on both ends: the router's handler table is typed by the reply each command promises
 * (protocol.ts `PageReplies`), the same type `send()` gives the page. These lines are checked by `tsc`
 * (npm run typecheck covers tests/): if a wrong shape ever compiled, the `@ts-expect-error` would fail it.
 */
describe('page replies are typed on the background side too', () => {
  it('a handler answering the wrong shape does not compile', () => {
    // @ts-expect-error job.submit answers { jobId }, not { id }
    const wrongField: PageHandlers['job.submit'] = async () => ({ ok: true, id: 'x' });
    // @ts-expect-error spend.today answers numbers (capUsd: number | null)
    const wrongType: PageHandlers['spend.today'] = async () => ({ ok: true, spentUsd: '1', capUsd: null });
    const right: PageHandlers['history.purge-oldest'] = async () => ({ ok: true, deleted: 3 });
    expect([wrongField, wrongType, right].every((handler) => typeof handler === 'function')).toBe(true);
  });
});
