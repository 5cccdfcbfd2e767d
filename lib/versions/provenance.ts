import { MAX_CHAIN, type Provenance } from '../export/metadata';
import type { Job } from '../model/job';
import { sourcesOf } from '../model/lineage';
import { getJob } from '../storage/jobs';

/**
 * What a download says about where it came from (lib/export/xmp.ts writes it): the prompts and models of
 * the versions it was made from, the original first, followed through each job's first source; and the
 * page the original picture was on — only when the user turned that on in Options (it can reveal where
 * they browse). A missing ancestor (deleted) ends the chain; a cycle in stored data cannot loop.
 */
export async function provenanceFor(job: Job, options: { sourcePage: boolean }, read: (id: string) => Promise<Job | undefined> = getJob): Promise<Provenance> {
  const chain: { prompt: string; model: string }[] = [];
  const seen = new Set([job.id]);
  let at: Job | undefined = job;
  let page: string | undefined;
  while (at) {
    const from = sourcesOf(at.request)[0]?.from;
    if (from?.kind === 'page') page = from.pageUrl;
    if (from?.kind !== 'result' || seen.has(from.jobId) || chain.length >= MAX_CHAIN) break;
    seen.add(from.jobId);
    at = await read(from.jobId);
    if (at) chain.unshift({ prompt: at.request.prompt, model: at.servedModel ?? at.request.model });
  }
  const sourcePage = options.sourcePage ? (page ?? job.origin?.pageUrl) : undefined;
  return { chain, ...(sourcePage ? { sourcePage } : {}) };
}
