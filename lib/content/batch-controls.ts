import { BatchBar, type BatchBarAction } from './batch-bar';

/**
 * The page side of a batch: one corner bar per batch (batch-bar.ts) counting its images, and Replace all /
 * Revert all over the targets the page script already follows (main.ts owns them and their swaps).
 * Images go one at a time: each Replace fetches its result, twenty at once would hold twenty in memory.
 */
interface Member {
  status?: string;
  swap?: unknown;
}

export class BatchControls<T extends Member> {
  private readonly bars = new Map<string, BatchBar>();
  /** Closed by the user: later progress does not bring the bar back (the panel's buttons still do). */
  private readonly closed = new Set<string>();

  constructor(
    private readonly members: (batchId: string) => T[],
    private readonly replace: (target: T) => Promise<void>,
    private readonly revert: (target: T) => void,
  ) {}

  refresh(batchId: string): void {
    if (this.closed.has(batchId)) return;
    let bar = this.bars.get(batchId);
    if (!bar) {
      bar = new BatchBar((action) => void this.act(batchId, action));
      this.bars.set(batchId, bar);
    }
    const all = this.members(batchId);
    const done = all.filter((t) => t.status === 'done');
    bar.update(done.length, all.length, done.filter((t) => t.swap).length);
  }

  async act(batchId: string, action: BatchBarAction): Promise<void> {
    if (action === 'dismiss') {
      this.bars.get(batchId)?.destroy();
      this.bars.delete(batchId);
      this.closed.add(batchId);
      return;
    }
    this.closed.delete(batchId);
    for (const target of this.members(batchId).filter((t) => t.status === 'done')) {
      if (action === 'replace-all' && !target.swap) await this.replace(target);
      else if (action === 'revert-all' && target.swap) this.revert(target);
    }
    this.refresh(batchId);
  }
}
