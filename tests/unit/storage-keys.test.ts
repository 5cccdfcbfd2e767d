import { describe, expect, it } from 'vitest';
import { KV, KV_NAMES, PAGE_STORAGE_NAMES, SESSION_NAMES } from '../../lib/storage/keys';

describe('storage keys: one list of every stored name', () => {
  it('no two keys of one area share a name, and no fixed name falls under a prefix of the same area', () => {
    for (const area of [KV_NAMES, SESSION_NAMES, PAGE_STORAGE_NAMES]) {
      const names = Object.values(area);
      expect(new Set(names).size).toBe(names.length);
      const [prefixes, fixed] = [names.filter((n) => n.endsWith(':')), names.filter((n) => !n.endsWith(':'))];
      for (const prefix of prefixes) {
        // batch:latest is the one deliberate exception: the pointer to the newest batch (ids are UUIDs).
        expect(fixed.filter((n) => n.startsWith(prefix) && n !== KV_NAMES.latestBatch)).toEqual([]);
      }
    }
  });

  it('every schema-paired kv key uses its listed name', () => {
    for (const key of Object.values(KV)) expect(Object.values(KV_NAMES)).toContain(key.name);
  });
});
