import { describe, expect, it } from 'vitest';
import { cropRect } from '../../lib/media/screenshot-crop';

describe('cropRect (screenshot fallback)', () => {
  const shot1x = { width: 1280, height: 720 };
  it('at 1x the CSS box is the pixel box', () => {
    expect(cropRect({ x: 16, y: 100, width: 400, height: 300 }, 1, shot1x)).toEqual({ sx: 16, sy: 100, sw: 400, sh: 300 });
  });

  it('scales by the device pixel ratio (2x screens, 1.5x zoom)', () => {
    expect(cropRect({ x: 16, y: 100, width: 400, height: 300 }, 2, { width: 2560, height: 1440 })).toEqual({ sx: 32, sy: 200, sw: 800, sh: 600 });
    expect(cropRect({ x: 10, y: 10, width: 101, height: 51 }, 1.5, { width: 1920, height: 1080 })).toEqual({ sx: 15, sy: 15, sw: 152, sh: 77 });
  });

  it('rounds fractional edges outwards', () => {
    expect(cropRect({ x: 10.4, y: 20.6, width: 100.2, height: 50.2 }, 1, shot1x)).toEqual({ sx: 10, sy: 20, sw: 101, sh: 51 });
  });

  it('clips to the visible viewport', () => {
    expect(cropRect({ x: -100, y: 600, width: 400, height: 300 }, 1, shot1x)).toEqual({ sx: 0, sy: 600, sw: 300, sh: 120 });
    expect(cropRect({ x: 1200, y: -50, width: 400, height: 300 }, 2, { width: 2560, height: 1440 })).toEqual({ sx: 2400, sy: 0, sw: 160, sh: 500 });
  });

  it('nothing on screen → no crop', () => {
    expect(cropRect({ x: 0, y: 800, width: 400, height: 300 }, 1, shot1x)).toBeUndefined();
    expect(cropRect({ x: 10, y: 10, width: 0, height: 300 }, 1, shot1x)).toBeUndefined();
  });

  it('a nonsense ratio from the page counts as 1', () => {
    expect(cropRect({ x: 1, y: 1, width: 10, height: 10 }, Number.NaN, shot1x)).toEqual({ sx: 1, sy: 1, sw: 10, sh: 10 });
    expect(cropRect({ x: 1, y: 1, width: 10, height: 10 }, -3, shot1x)).toEqual({ sx: 1, sy: 1, sw: 10, sh: 10 });
  });
});
