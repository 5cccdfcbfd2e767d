import { z } from 'zod';

/**
 * A model string goes into request bodies and file names and is shown in the UI. Real ones look like
 * `grok-imagine-image`, `xai:grok-imagine@video-1.5-preview`: letters, digits and a few separators.
 */
export const MODEL_NAME_MAX_LENGTH = 100;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]*$/;

export const modelNameSchema = z
  .string()
  .trim()
  .min(1, 'Choose a model.')
  .max(MODEL_NAME_MAX_LENGTH, `A model name has at most ${MODEL_NAME_MAX_LENGTH} characters.`)
  .regex(MODEL_NAME, 'A model name uses only letters, digits and . _ : @ / + -');
