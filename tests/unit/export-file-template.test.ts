import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_NAME_TEMPLATE, fileNameTemplateSchema, renderFileName } from '../../lib/export/file-template';
import { resultFileName } from '../../lib/export/file-name';
import { DEFAULT_SETTINGS, settingsSchema } from '../../lib/settings/schema';

const at = new Date(2026, 10, 21, 9, 5, 7);
const fields = { prompt: 'A Cat in a Hat!', at, mode: 'edit-image', model: 'grok-imagine-image-2.0' };

describe('file name template', () => {
  it('defaults to the name Reimagine always used', () => {
    expect(DEFAULT_SETTINGS.exports.fileNameTemplate).toBe(DEFAULT_FILE_NAME_TEMPLATE);
    expect(resultFileName('A Cat in a Hat!', at, 'jpg')).toBe('reimagine-2026-11-21-a-cat-in-a-hat.jpg');
    expect(resultFileName('', at, 'webp')).toBe('reimagine-2026-11-21.webp');
    expect(resultFileName('x', at, 'png', 1, 3)).toBe('reimagine-2026-11-21-x-2.png');
  });

  it('fills every token', () => {
    expect(renderFileName('{date}-{mode}-{prompt}', fields)).toBe('2026-11-21-edit-image-a-cat-in-a-hat');
    expect(renderFileName('{model}_{time}', fields)).toBe('grok-imagine-image-2-0_090507');
    expect(renderFileName('{prompt} {index}', { ...fields, index: 2, total: 4 })).toBe('a-cat-in-a-hat-3');
    expect(renderFileName('{prompt}', { ...fields, index: 2, total: 4 })).toBe('a-cat-in-a-hat-3'); // no {index}: suffix added
  });

  it('collapses what empty tokens leave and never yields an empty or reserved name', () => {
    expect(renderFileName('{prompt}--{model}.{mode}', { prompt: '', at })).toBe('reimagine');
    expect(renderFileName('a-{prompt}-b', { prompt: '!!!', at })).toBe('a-b');
    expect(renderFileName('CON', { prompt: 'x', at })).toBe('reimagine-CON');
    expect(renderFileName('nul.{prompt}', { prompt: 'x', at })).toBe('reimagine-nul.x');
    expect(renderFileName('..{prompt}', { prompt: 'x', at })).toBe('x');
  });

  it('refuses folders, reserved characters and unknown tokens in Options', () => {
    const problems = ['../{prompt}', '{date}/{prompt}', 'a\\\\b', 'x:y', '<{prompt}>', '{prompt}?', '{nope}', '', 'x'.repeat(101), '{prompt}\u0000'];
    for (const template of problems) expect(fileNameTemplateSchema.safeParse(template).success, template).toBe(false);
    expect(fileNameTemplateSchema.safeParse('{nope}').error?.issues[0]?.message).toMatch(/Unknown \{nope\}/);
    expect(settingsSchema.safeParse({ exports: { fileNameTemplate: '../x' } }).success).toBe(false);
  });

  it('keeps hostile prompt text out of the path and caps the length', () => {
    const name = renderFileName('{prompt}-{prompt}-{prompt}-{model}', { prompt: '../../etc/passwd\u202e<>:"|?* '.repeat(30), model: 'a/'.repeat(100), at });
    expect(name).toMatch(/^[a-z0-9-]+$/);
    expect(name.length).toBeLessThanOrEqual(150);
    // A stored template that is invalid (an old or tampered record) falls back to the default.
    expect(renderFileName('../../{prompt}', { prompt: 'x', at })).toBe('reimagine-2026-11-21-x');
  });
});
