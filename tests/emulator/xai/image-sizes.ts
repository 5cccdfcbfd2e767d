import { IMAGE_ASPECT_RATIOS, type ImageAspectRatio } from './schemas';

export interface Size {
  width: number;
  height: number;
}

// The doc's 1k table. Ratios it does not list get the same ~1 MP area, rounded to multiples of 16.
const ONE_K: Partial<Record<ImageAspectRatio, Size>> = {
  '1:1': { width: 1024, height: 1024 },
  '16:9': { width: 1408, height: 768 },
  '9:16': { width: 768, height: 1408 },
  '4:3': { width: 1280, height: 896 },
  '3:4': { width: 896, height: 1280 },
  '3:2': { width: 1296, height: 864 },
  '2:3': { width: 864, height: 1296 },
};

const SCALE = { '1k': 1, '1.5k': 1.5, '2k': 2 } as const; // 2k ≈ 2048² area
export type ImageResolution = keyof typeof SCALE;

const round16 = (value: number): number => Math.max(16, Math.round(value / 16) * 16);

export function ratioValue(aspect: string): number {
  const [w = 1, h = 1] = aspect.split(':').map(Number);
  return w / h;
}

export function outputSize(aspect: ImageAspectRatio, resolution: ImageResolution): Size {
  const ratio = ratioValue(aspect);
  const base = ONE_K[aspect] ?? { width: Math.sqrt(1024 * 1024 * ratio), height: Math.sqrt((1024 * 1024) / ratio) };
  const scale = SCALE[resolution];
  return { width: round16(base.width * scale), height: round16(base.height * scale) };
}

/** The supported ratio closest to a source image's shape (edits "follow the input"). */
export function nearestImageAspect(width: number, height: number): ImageAspectRatio {
  const target = Math.log(width / height);
  let best: ImageAspectRatio = '1:1';
  for (const aspect of IMAGE_ASPECT_RATIOS) {
    if (Math.abs(Math.log(ratioValue(aspect)) - target) < Math.abs(Math.log(ratioValue(best)) - target)) best = aspect;
  }
  return best;
}

/**
 * "auto" lets the model choose. The emulator reads the prompt the way a person would: portrait-ish words
 * → 3:4, landscape-ish words → 16:9, otherwise square (the proto's default).
 */
export function chooseAutoAspect(prompt: string): ImageAspectRatio {
  if (/\b(portrait|vertical|selfie|phone wallpaper|full[- ]body)\b/i.test(prompt)) return '3:4';
  if (/\b(landscape|panorama|panoramic|wide|widescreen|cinematic|banner)\b/i.test(prompt)) return '16:9';
  return '1:1';
}
