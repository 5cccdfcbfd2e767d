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

export interface ModeInfo {
  label: string;
  output: 'image' | 'video';
  /** What the sources are and how many are allowed (0 = no sources). */
  sources: { kind: 'image' | 'video'; min: number; max: number };
  promptRequired: boolean;
}

export const MODE_INFO: Record<Mode, ModeInfo> = {
  'create-image': { label: 'Create image', output: 'image', sources: { kind: 'image', min: 0, max: 0 }, promptRequired: true },
  'edit-image': { label: 'Edit image', output: 'image', sources: { kind: 'image', min: 1, max: 5 }, promptRequired: true },
  'create-video': { label: 'Create video', output: 'video', sources: { kind: 'image', min: 0, max: 0 }, promptRequired: true },
  'animate-image': { label: 'Animate image', output: 'video', sources: { kind: 'image', min: 1, max: 1 }, promptRequired: false },
  'reference-video': { label: 'Video from references', output: 'video', sources: { kind: 'image', min: 1, max: 7 }, promptRequired: true },
  'edit-video': { label: 'Edit video', output: 'video', sources: { kind: 'video', min: 1, max: 1 }, promptRequired: true },
  'extend-video': { label: 'Extend video', output: 'video', sources: { kind: 'video', min: 1, max: 1 }, promptRequired: true },
};

export const isVideoMode = (mode: Mode) => MODE_INFO[mode].output === 'video';
