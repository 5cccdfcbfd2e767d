/** Public surface of the Grok Imagine API client. Import from here, not from the individual files. */
export { ImagineClient, type ImagineClientConfig, type CallOptions } from './client';
export type { DeferredImagesStatus, GeneratedImage, ImageBatchResult, Submission, VideoStatus } from './results';
export { stripDataUriPrefix } from './results';
export { fetchMedia, b64ToBlob, DEFAULT_DOWNLOAD_TIMEOUT_MS, type FetchMediaOptions } from './download';
export { DEFAULT_TIMEOUT_MS, normalizeBaseUrl, type HttpConfig, type RequestOptions } from './http';
export { parseRetryAfter, RETRY_AFTER_CAP_MS } from './classify';
export * from './errors';
export * from './models';
export {
  imageRefSchema,
  videoRefSchema,
  imageGenerateRequestSchema,
  imageEditRequestSchema,
  videoGenerateRequestSchema,
  videoEditRequestSchema,
  videoExtensionRequestSchema,
  parseRequest,
  type ImageRef,
  type VideoRef,
  type ImageGenerateRequest,
  type ImageEditRequest,
  type VideoGenerateRequest,
  type VideoEditRequest,
  type VideoExtensionRequest,
} from './schemas';
export * from './responses';
