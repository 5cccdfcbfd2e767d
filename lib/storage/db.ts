import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * One IndexedDB database in the extension's origin. Content scripts run in the page's origin and cannot
 * open it, which is why the API keys live here rather than in `storage.local` (readable by content scripts).
 */
export interface MediaRecord {
  id: string;
  blob: Blob;
  mimeType: string;
  bytes: number;
  createdAt: number;
  role: 'source' | 'result';
  jobId?: string;
}

export interface ThumbRecord {
  id: string; // = media id
  blob: Blob;
}

interface ReimagineDB extends DBSchema {
  jobs: { key: string; value: unknown; indexes: { 'by-created': number; 'by-status': string } };
  media: { key: string; value: MediaRecord; indexes: { 'by-job': string } };
  thumbs: { key: string; value: ThumbRecord };
  kv: { key: string; value: unknown };
}

export const DB_NAME = 'reimagine';
export const DB_VERSION = 2;

let dbPromise: Promise<IDBPDatabase<ReimagineDB>> | undefined;

export function db(): Promise<IDBPDatabase<ReimagineDB>> {
  dbPromise ??= openDB<ReimagineDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // Structural migrations, one step per version. Record-level migrations live in job-migrations.ts.
      if (oldVersion < 1) {
        const jobs = database.createObjectStore('jobs', { keyPath: 'id' });
        jobs.createIndex('by-created', 'createdAt');
        const media = database.createObjectStore('media', { keyPath: 'id' });
        media.createIndex('by-job', 'jobId');
        database.createObjectStore('thumbs', { keyPath: 'id' });
        database.createObjectStore('kv');
      }
      if (oldVersion < 2) {
        // The engine reads active jobs on every tick: an index keeps that independent of history size.
        tx.objectStore('jobs').createIndex('by-status', 'status');
      }
    },
    blocking() {
      // A newer version (extension update) wants the database: let it, and reopen lazily.
      void dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
  });
  return dbPromise;
}

/** For tests: forget the cached connection (fake-indexeddb is reset between tests). */
export function resetDbConnection(): void {
  dbPromise = undefined;
}
