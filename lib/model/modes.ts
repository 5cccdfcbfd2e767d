import { t } from '../i18n';

/**
 * The generation modes, shared by the composer, the context menus, the engine and history.
 * One list so a new mode is added in one place.
 */
export const MODES = [
  'create-image',
  'edit-image',
  'create-video',
  'animate-image',
  'reference-video',
  'edit-video',
  'extend-video',
] as const;
export type Mode = (typeof MODES)[number];

/**
 * Not a generation mode: a vision-model call that turns source images into text (a description, or a
 * prompt suggested for one of MODES). Kept as a job so history shows it and the daily cap counts it, but
 * never offered by the mode picker or the menus, never queued, never re-run by the engine.
 */
export const DESCRIBE_MODE = 'describe-image';
export type JobMode = Mode | typeof DESCRIBE_MODE;
/** Read when shown (a getter), so the sentence is in the UI language of whoever reads it. */
export const describeNotQueued = () => t('modes.describeNotQueued');

export interface ModeInfo {
  /** In the UI language (a getter over locales/<lang>.yml `modes.*`). */
  readonly label: string;
  output: 'image' | 'video' | 'text';
  /** What the sources are and how many are allowed (0 = no sources). */
  sources: { kind: 'image' | 'video'; min: number; max: number };
  promptRequired: boolean;
}

const LABEL_KEYS = {
  'create-image': 'modes.createImage',
  'edit-image': 'modes.editImage',
  'create-video': 'modes.createVideo',
  'animate-image': 'modes.animateImage',
  'reference-video': 'modes.referenceVideo',
  'edit-video': 'modes.editVideo',
  'extend-video': 'modes.extendVideo',
  'describe-image': 'modes.describeImage',
} as const;

const info = (mode: JobMode, rest: Omit<ModeInfo, 'label'>): ModeInfo => ({
  ...rest,
  get label() {
    return t(LABEL_KEYS[mode]);
  },
});

export const MODE_INFO: Record<JobMode, ModeInfo> = {
  'create-image': info('create-image', { output: 'image', sources: { kind: 'image', min: 0, max: 0 }, promptRequired: true }),
  'edit-image': info('edit-image', { output: 'image', sources: { kind: 'image', min: 1, max: 5 }, promptRequired: true }),
  'create-video': info('create-video', { output: 'video', sources: { kind: 'image', min: 0, max: 0 }, promptRequired: true }),
  'animate-image': info('animate-image', { output: 'video', sources: { kind: 'image', min: 1, max: 1 }, promptRequired: false }),
  'reference-video': info('reference-video', { output: 'video', sources: { kind: 'image', min: 1, max: 7 }, promptRequired: true }),
  'edit-video': info('edit-video', { output: 'video', sources: { kind: 'video', min: 1, max: 1 }, promptRequired: true }),
  'extend-video': info('extend-video', { output: 'video', sources: { kind: 'video', min: 1, max: 1 }, promptRequired: true }),
  'describe-image': info('describe-image', { output: 'text', sources: { kind: 'image', min: 1, max: 7 }, promptRequired: false }),
};

export const isVideoMode = (mode: JobMode) => MODE_INFO[mode].output === 'video';
