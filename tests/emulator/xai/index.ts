import { JobStore, progressOf, statusOf } from '../jobs';
import type { Provider, ProviderEnv, Route } from '../provider';
import { handleApiKey } from './api-key';
import { createAuthenticator } from './auth';
import { renderXaiError, routeNotFound } from './errors';
import { xaiGateFaultReply } from './gate-faults';
import { handleImageEdit, handleImageGeneration } from './images';
import { handleLanguageModels } from './language-models';
import { handleModelGet, handleModelList } from './model-list';
import { createVisionHandlers } from './vision';
import type { XaiContext, XaiJobPayload } from './job-types';
import { handleImagePoll, handleVideoPoll } from './polls';
import { handleVideoEdit, handleVideoExtension, handleVideoGeneration } from './videos';

/** The xAI Grok Imagine API (https://api.x.ai/v1), as described in shared/docs/imagine-api.md. */
export function createXaiProvider(env: ProviderEnv): Provider {
  const context: XaiContext = { env, jobs: new JobStore<XaiJobPayload>() };
  const auth = createAuthenticator(env);
  const vision = createVisionHandlers(env);

  const routes: Route[] = [
    { method: 'POST', path: '/v1/images/generations', handle: (request) => handleImageGeneration(request, context) },
    { method: 'POST', path: '/v1/images/edits', handle: (request) => handleImageEdit(request, context) },
    { method: 'GET', path: '/v1/images/:id', handle: (request) => handleImagePoll(request, context) },
    { method: 'POST', path: '/v1/videos/generations', handle: (request) => handleVideoGeneration(request, context) },
    { method: 'POST', path: '/v1/videos/edits', handle: (request) => handleVideoEdit(request, context) },
    { method: 'POST', path: '/v1/videos/extensions', handle: (request) => handleVideoExtension(request, context) },
    { method: 'GET', path: '/v1/videos/:id', handle: (request) => handleVideoPoll(request, context) },
    { method: 'GET', path: '/v1/api-key', handle: handleApiKey },
    { method: 'GET', path: '/v1/image-generation-models', handle: handleModelList('image') },
    { method: 'GET', path: '/v1/image-generation-models/:id', handle: handleModelGet('image') },
    { method: 'GET', path: '/v1/video-generation-models', handle: handleModelList('video') },
    { method: 'GET', path: '/v1/video-generation-models/:id', handle: handleModelGet('video') },
    { method: 'GET', path: '/v1/language-models', handle: handleLanguageModels },
    { method: 'POST', path: '/v1/responses', handle: vision.responses },
    { method: 'POST', path: '/v1/chat/completions', handle: vision.chat },
  ];

  return {
    name: 'xai',
    routes,
    authenticate: (request) => auth.authenticate(request),
    gateFaultReply: (fault) => xaiGateFaultReply(fault),
    notFoundReply: () => routeNotFound(),
    renderError: renderXaiError,
    videoJobs: () => {
      const now = Date.now();
      return context.jobs
        .all()
        .filter((job) => job.family === 'video')
        .map((job) => {
          const status = statusOf(job, now);
          return {
            requestId: job.requestId,
            status,
            progress: progressOf(job, now),
            createdAt: job.createdAt,
            ...(status === 'pending' ? {} : { doneAt: job.doneAt }),
            kind: job.kind,
          };
        });
    },
    finishAllJobs: () => context.jobs.finishAll(),
    expireResults: () => {
      const now = Date.now();
      for (const job of context.jobs.all()) {
        if (job.resultExpiresAt !== undefined && job.resultExpiresAt > now) job.resultExpiresAt = now;
      }
    },
    reset: () => {
      context.jobs.clear();
      auth.reset();
      vision.reset();
    },
  };
}
