import { useEffect, useRef, useState } from 'react';
import { parseTags, searchLibrary } from '../../lib/library/library';
import type { Draft } from '../../lib/ui/composer-draft';
import { useLibrary } from '../../lib/ui/library-store';
import { recentPrompts } from '../../lib/ui/prefs';
import { LibraryItem } from './LibraryItem';
import { LibraryTransfer } from './LibraryTransfer';
import { t } from '../../lib/i18n';

/**
 * The prompt library under the prompt box: saved prompts (search by words or #tags; `{variables}` filled
 * at use), saving the current prompt, the house style and its per-job switch, recent prompts, and JSON
 * import/export. Old presets were brought in as prompts tagged #preset (lib/library/library.ts).
 */
export function PromptLibrary({ draft, onApply }: { draft: Draft; onApply(patch: Partial<Draft>): void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [problem, setProblem] = useState<string>();
  const library = useLibrary((s) => s.library);
  const houseStyleOn = useLibrary((s) => s.houseStyleOn);
  const { save, setHouseStyleOn } = useLibrary.getState();
  const found = searchLibrary(library.prompts, query);
  const recent = open ? recentPrompts() : [];
  const details = useRef<HTMLDetailsElement>(null);
  // A popover: a click outside it or Escape closes it (and Escape gives focus back to its summary).
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (details.current && !details.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <>
      <label className="house-style hint">
        <input type="checkbox" checked={houseStyleOn} disabled={!library.houseStyle.trim()} onChange={(e) => setHouseStyleOn(e.target.checked)} />
        {t('composer.promptLibrary.addHouseStyle')}{library.houseStyle.trim() ? `: “${library.houseStyle.trim()}”` : t('composer.promptLibrary.setOneInThe')}
      </label>
      <details
        ref={details}
        className="library"
        open={open}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          e.preventDefault();
          setOpen(false);
          details.current?.querySelector('summary')?.focus();
        }}
        onToggle={(e) => {
          const isOpen = (e.currentTarget as HTMLDetailsElement).open;
          setOpen(isOpen);
          if (isOpen) useLibrary.getState().reload();
        }}
      >
        <summary>{t('composer.promptLibrary.promptLibrary')}</summary>
        {open && (
          <div
            className="library-body"
            onKeyDown={(e) => {
              // These fields sit inside the composer's form: Enter in them must not Generate.
              if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
            }}
          >
            <input type="search" aria-label={t('composer.promptLibrary.searchLibrary')} placeholder={t('composer.promptLibrary.searchWordsOrTags')} value={query} onChange={(e) => setQuery(e.target.value)} />
            {library.prompts.length === 0 && <p className="hint">{t('composer.promptLibrary.emptyHint', { variable: '{subject}' })}</p>}
            <ul className="plain" aria-label={t('composer.promptLibrary.savedPrompts')}>
              {found.map((p) => (
                <LibraryItem
                  key={p.id}
                  prompt={p}
                  onUse={(text) => onApply({ prompt: text })}
                  onDelete={() => setProblem(save({ ...library, prompts: library.prompts.filter((x) => x.id !== p.id) }))}
                />
              ))}
            </ul>
            <div className="inline">
              <input aria-label={t('composer.promptLibrary.saveAs')} placeholder={t('composer.promptLibrary.name')} value={name} onChange={(e) => setName(e.target.value)} />
              <input aria-label={t('composer.promptLibrary.tags')} placeholder={t('composer.promptLibrary.tagsCommaSeparated')} value={tags} onChange={(e) => setTags(e.target.value)} />
              <button
                type="button"
                disabled={!name.trim() || !draft.prompt.trim()}
                onClick={() => {
                  const prompt = { id: crypto.randomUUID(), name: name.trim(), text: draft.prompt.trim(), tags: parseTags(tags) };
                  const failed = save({ ...library, prompts: [prompt, ...library.prompts] });
                  setProblem(failed);
                  if (!failed) {
                    setName('');
                    setTags('');
                  }
                }}
              >
                {t('composer.promptLibrary.saveToLibrary')}
              </button>
            </div>
            <label className="field">
              {t('composer.promptLibrary.houseStyle')}
              <input
                aria-label={t('composer.promptLibrary.houseStyle')}
                placeholder={t('composer.promptLibrary.eGSoftFilm')}
                value={library.houseStyle}
                onChange={(e) => setProblem(save({ ...library, houseStyle: e.target.value.slice(0, 1000) }))}
              />
            </label>
            <LibraryTransfer />
            {problem && (
              <p role="alert" className="error">
                {problem}
              </p>
            )}
            <h3>{t('composer.promptLibrary.recent')}</h3>
            {recent.length === 0 ? (
              <p className="hint">{t('composer.promptLibrary.promptsYouGenerateWith')}</p>
            ) : (
              <ul className="plain" aria-label={t('composer.promptLibrary.recentPrompts')}>
                {recent.map((p) => (
                  <li key={p}>
                    <button type="button" className="link prompt-chip" onClick={() => onApply({ prompt: p })}>
                      {p}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </details>
    </>
  );
}
