import { z } from 'zod';
import { formatNumber, t } from '../i18n';

/**
 * A model string goes into request bodies and file names and is shown in the UI. Real ones look like
 * `grok-imagine-image`, `xai:grok-imagine@video-1.5-preview`: letters, digits and a few separators.
 */
export const MODEL_NAME_MAX_LENGTH = 100;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]*$/;

export const modelNameSchema = z
  .string()
  .trim()
  .min(1, { error: () => t('security.chooseAModel') })
  .max(MODEL_NAME_MAX_LENGTH, { error: () => t('security.modelNameTooLong', { max: formatNumber(MODEL_NAME_MAX_LENGTH) }) })
  .regex(MODEL_NAME, { error: () => t('security.aModelNameUsesOnly') });
