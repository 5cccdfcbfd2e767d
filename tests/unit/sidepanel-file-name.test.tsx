import { describe, expect, it } from 'vitest';
import { resultFileName } from '../../lib/export/file-name';

describe('resultFileName', () => {
  const day = new Date(2026, 10, 21, 15, 0);
  it('dates first, then a slug of the prompt, with the right extension', () => {
    expect(resultFileName('A Cat in a Hat!', day, 'jpg')).toBe('reimagine-2026-11-21-a-cat-in-a-hat.jpg');
    expect(resultFileName('Café — crème brûlée', day, 'mp4')).toBe('reimagine-2026-11-21-cafe-creme-brulee.mp4');
  });
  it('drops image tags, numbers multi-result jobs and survives an empty prompt', () => {
    expect(resultFileName('the dog from <IMAGE_0> in <IMAGE_1>', day, 'png', 1, 3)).toBe('reimagine-2026-11-21-the-dog-from-in-2.png');
    expect(resultFileName('', day, 'webp')).toBe('reimagine-2026-11-21.webp');
  });
  it('keeps names short', () => {
    expect(resultFileName('word '.repeat(40), day, 'jpg').length).toBeLessThanOrEqual('reimagine-2026-11-21-'.length + 60 + 4);
  });
});
