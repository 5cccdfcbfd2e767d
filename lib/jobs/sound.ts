import type { JobRequest } from '../model/request';

/**
 * Whether a video job was made with sound: Grok videos have sound unless the request sent
 * `generate_audio: false` (xai-sdk-python 1.19.0), which Reimagine does only for `sound: false`.
 */
export const hasSound = (job: { request: JobRequest }): boolean => !('sound' in job.request && job.request.sound === false);
