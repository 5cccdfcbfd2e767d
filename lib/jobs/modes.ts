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
export const DESCRIBE_NOT_QUEUED = 'Descriptions and prompt suggestions are not queued: use "Suggest a prompt" or "Describe image" again.';

export interface ModeInfo {
  label: string;
  output: 'image' | 'video' | 'text';
  /** What the sources are and how many are allowed (0 = no sources). */
  sources: { kind: 'image' | 'video'; min: number; max: number };
  promptRequired: boolean;
}

export const MODE_INFO: Record<JobMode, ModeInfo> = {
  'create-image': { label: 'Create image', output: 'image', sources: { kind: 'image', min: 0, max: 0 }, promptRequired: true },
  'edit-image': { label: 'Edit image', output: 'image', sources: { kind: 'image', min: 1, max: 5 }, promptRequired: true },
  'create-video': { label: 'Create video', output: 'video', sources: { kind: 'image', min: 0, max: 0 }, promptRequired: true },
  'animate-image': { label: 'Animate image', output: 'video', sources: { kind: 'image', min: 1, max: 1 }, promptRequired: false },
  'reference-video': { label: 'Video from references', output: 'video', sources: { kind: 'image', min: 1, max: 7 }, promptRequired: true },
  'edit-video': { label: 'Edit video', output: 'video', sources: { kind: 'video', min: 1, max: 1 }, promptRequired: true },
  'extend-video': { label: 'Extend video', output: 'video', sources: { kind: 'video', min: 1, max: 1 }, promptRequired: true },
  'describe-image': { label: 'Describe image', output: 'text', sources: { kind: 'image', min: 1, max: 7 }, promptRequired: false },
};

export const isVideoMode = (mode: JobMode) => MODE_INFO[mode].output === 'video';
