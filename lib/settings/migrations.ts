import { DEFAULT_IMAGE_CHOICE, DEFAULT_SETTINGS, DEFAULT_VIDEO_CHOICE, SETTINGS_VERSION, settingsSchema, type Settings } from './schema';

/**
 * Settings records written by older versions are upgraded on read, step by step (the same pattern as
 * storage/job-migrations.ts for jobs): each step takes the raw record of version N and returns version N+1.
 * To change the shape: add a step, bump SETTINGS_VERSION, add a fixture to tests/unit/migrations.test.ts.
 *
 * After the steps, one invalid field no longer throws the whole record away: each top-level field that
 * fails validation falls back to its default and the rest of the user's choices are kept.
 */
type Raw = Record<string, unknown>;
const steps: Record<number, (raw: Raw) => Raw> = {
  // Version 0: the pre-release options page stored no `version` and a single top-level `baseUrl`
  // (xAI only).
  0: ({ baseUrl, ...rest }) => {
    const baseUrls = typeof rest.baseUrls === 'object' && rest.baseUrls !== null ? (rest.baseUrls as Raw) : {};
    return { ...rest, baseUrls: typeof baseUrl === 'string' && baseUrls.xai === undefined ? { ...baseUrls, xai: baseUrl } : baseUrls, version: 1 };
  },
  // Version 1: Vydra's old default was the bare domain, which redirects to www and drops the key on the way.
  1: (raw) => {
    const baseUrls = typeof raw.baseUrls === 'object' && raw.baseUrls !== null ? (raw.baseUrls as Raw) : undefined;
    const vydra = typeof baseUrls?.vydra === 'string' ? baseUrls.vydra.replace(/^https:\/\/vydra\.ai(?=\/|$)/i, 'https://www.vydra.ai') : undefined;
    return { ...raw, ...(baseUrls ? { baseUrls: { ...baseUrls, ...(vydra !== undefined ? { vydra } : {}) } } : {}), version: 2 };
  },
  // Version 2: the defaults were the 1.0 models (image grok-imagine-image; video grok-imagine-video at
  // 480p). Today's are 2.0 and 1.5 at 720p (schema.ts says why). Only a value still equal to the old
  // default moves: a stored value can't tell "kept the default" from "chose the same thing", and a default
  // kept is the common case, but a model or resolution the user changed stays as they set it. The video
  // resolution moves only with the model (480p may have been chosen for 1.5). xAI only: the resellers
  // don't list these models.
  2: (raw) => {
    const provider = raw.provider ?? 'xai';
    const defaults = asRecord(raw.defaults);
    if (provider !== 'xai' || !defaults) return { ...raw, version: 3 };
    const image = asRecord(defaults.image) ?? {};
    const video = asRecord(defaults.video) ?? {};
    const imageAtOld = image.model === undefined || image.model === 'grok-imagine-image';
    const videoAtOld = video.model === undefined || video.model === 'grok-imagine-video';
    const resolutionAtOld = video.resolution === undefined || video.resolution === '480p';
    return {
      ...raw,
      defaults: {
        ...defaults,
        image: imageAtOld ? { ...image, model: DEFAULT_IMAGE_CHOICE.model } : image,
        video: videoAtOld ? { ...video, model: DEFAULT_VIDEO_CHOICE.model, ...(resolutionAtOld ? { resolution: DEFAULT_VIDEO_CHOICE.resolution } : {}) } : video,
      },
      version: 3,
    };
  },
};

const asRecord = (value: unknown): Raw | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined);

export function migrateSettings(input: unknown): Settings {
  if (typeof input !== 'object' || input === null) return DEFAULT_SETTINGS;
  let raw = input as Raw;
  let version = typeof raw.version === 'number' ? raw.version : 0;
  if (version > SETTINGS_VERSION) {
    console.warn(`Reimagine: settings version ${version} is newer than this build; reading what it can`);
    raw = { ...raw, version: SETTINGS_VERSION };
    version = SETTINGS_VERSION;
  }
  while (version < SETTINGS_VERSION) {
    const step = steps[version];
    if (!step) return DEFAULT_SETTINGS;
    raw = step(raw);
    version += 1;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Salvage: drop each top-level field that has an issue, keep the rest.
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  console.warn('Reimagine: some stored settings were invalid and were reset:', [...bad].join(', '));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  const retry = settingsSchema.safeParse(kept);
  return retry.success ? retry.data : DEFAULT_SETTINGS;
}
