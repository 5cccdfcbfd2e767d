import { describe, expect, it } from 'vitest';
import { emptyLibrary, exportLibrary, fillVariables, importLibrary, parseTags, searchLibrary, variablesOf, withHouseStyle, type Library } from '../../lib/library/library';

const library = (): Library => ({
  ...emptyLibrary(),
  houseStyle: '',
  prompts: [
    { id: 'a', name: 'Portrait', text: 'A portrait of {subject} in the style of {style}, {subject} smiling', tags: ['people'] },
    { id: 'b', name: 'Snow', text: 'Add gently falling snow.', tags: ['weather'] },
  ],
});

describe('prompt library', () => {
  it('finds and fills {variables}, leaving unfilled ones as written', () => {
    const text = library().prompts[0]!.text;
    expect(variablesOf(text)).toEqual(['subject', 'style']);
    expect(fillVariables(text, { subject: 'a cat', style: 'Vermeer' })).toBe('A portrait of a cat in the style of Vermeer, a cat smiling');
    expect(fillVariables(text, { subject: 'a cat' })).toContain('{style}');
    expect(fillVariables('{__proto__} {constructor}', {})).toBe('{__proto__} {constructor}');
  });

  it('adds the house style once, after a comma', () => {
    expect(withHouseStyle('A fox.', 'film grain')).toBe('A fox, film grain');
    expect(withHouseStyle('A fox, film grain', 'film grain')).toBe('A fox, film grain');
    expect(withHouseStyle('A fox', '  ')).toBe('A fox');
  });

  it('searches words and #tags', () => {
    expect(searchLibrary(library().prompts, '#weather').map((p) => p.id)).toEqual(['b']);
    expect(searchLibrary(library().prompts, 'portrait style').map((p) => p.id)).toEqual(['a']);
    expect(parseTags('#a, b, a,, ')).toEqual(['a', 'b']);
  });

  it('round-trips through export and import, skipping what is already there', () => {
    const exported = exportLibrary({ ...library(), houseStyle: 'muted palette' });
    const into = importLibrary(emptyLibrary(), exported);
    expect(into.ok && into.library.prompts.map((p) => p.id)).toEqual(['a', 'b']);
    expect(into.ok && into.library.houseStyle).toBe(''); // an import never sets the house style
    const again = importLibrary(library(), exported);
    expect(again.ok && [again.added, again.skipped]).toEqual([0, 2]);
  });

  it('refuses hostile files with a clear message and changes nothing', () => {
    const current = library();
    const bad = (text: string) => {
      const outcome = importLibrary(current, text);
      expect(outcome.ok).toBe(false);
      return outcome.ok ? '' : outcome.message;
    };
    expect(bad('not json')).toBe('Nothing was imported: the file is not JSON.');
    expect(bad(JSON.stringify({ prompts: [] }))).toMatch(/not a Reimagine prompt library export/);
    const tooLong = { ...emptyLibrary(), prompts: [{ id: 'x', name: 'n', text: 'y'.repeat(5001), tags: [] }] };
    expect(bad(JSON.stringify(tooLong))).toBe('Nothing was imported: a prompt is at most 5000 characters (prompt 1, text).');
    const twins = { ...emptyLibrary(), prompts: [{ id: 'x', name: 'n', text: 't' }, { id: 'x', name: 'm', text: 'u' }] };
    expect(bad(JSON.stringify(twins))).toMatch(/share the id/);
    expect(bad(' '.repeat(6 * 1024 * 1024))).toMatch(/larger than 5 MB/);
    expect(current.prompts).toHaveLength(2);
  });
});
