import type { JobEngine } from '../../jobs/engine';
import { spentToday } from '../../jobs/spend';
import { ticksToUsd } from '../../model/imagine-models';
import type { PageHandlers } from '../../messaging/protocol';
import { recheckBlockedDownloads } from '../platform/host-access';
import { idbJobStore } from '../state/job-store';
import { loadSettings } from '../state/settings-store';
import { importSource } from '../io/sources';
import { prepareAreaEdit } from '../io/area-edit';
import { visionModels, visionReply } from '../io/vision';
import { fail } from './failure';

type JobCommand =
  | 'job.submit'
  | 'job.cancel'
  | 'job.retry'
  | 'jobs.delete'
  | 'media.import'
  | 'access.recheck'
  | 'engine.wake'
  | 'spend.today'
  | 'vision.run'
  | 'vision.models'
  | 'history.purge-oldest';

/**
 * The page commands about jobs: submit, cancel, retry, delete, sources, spending, vision and history upkeep.
 * History upkeep (and with it the archive code, fflate) is imported when a command needs it, not with the router.
 */
export function jobHandlers(engine: JobEngine): Pick<PageHandlers, JobCommand> {
  return {
    'job.submit': async (command) => {
      const result = await engine.submit({ ...command.input, request: await prepareAreaEdit(command.input.request) });
      return result.ok ? { ok: true, jobId: result.job.id } : fail(result.error, result.fields);
    },
    'job.cancel': async (command) => {
      await engine.cancel(command.jobId);
      return { ok: true };
    },
    'job.retry': async (command) => {
      const result = await engine.retry(command.jobId);
      return result.ok ? { ok: true, jobId: result.job.id } : fail(result.error);
    },
    'jobs.delete': async (command) => {
      for (const id of command.jobIds) await engine.cancel(id);
      await (await import('../state/history-upkeep')).deleteHistory(command.jobIds); // also announces: every open page drops them
      return { ok: true };
    },
    'media.import': async (command) => ({
      ok: true,
      source: await importSource(command.dataUrl, { from: { kind: 'file', ...(command.name ? { name: command.name.slice(0, 255) } : {}) } }),
    }),
    'access.recheck': async () => {
      await recheckBlockedDownloads(engine);
      return { ok: true };
    },
    'engine.wake': async () => {
      void engine.tick();
      return { ok: true };
    },
    'spend.today': async () => {
      const [spent, settings] = await Promise.all([spentToday(idbJobStore), loadSettings()]);
      return { ok: true, spentUsd: ticksToUsd(spent), capUsd: settings.dailySpendCapUsd };
    },
    'vision.run': (command) => visionReply(command),
    'vision.models': async () => ({ ok: true, models: await visionModels() }),
    'history.purge-oldest': async (command) => ({ ok: true, deleted: await (await import('../state/history-upkeep')).purgeOldest(command.count) }),
  };
}
