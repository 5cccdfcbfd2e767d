import { useState } from 'react';
import { searchLibrary } from '../../lib/library/library';
import { useLibrary } from '../../lib/ui/library-store';
import { LibraryItem } from '../composer/LibraryItem';
import { t } from '../../lib/i18n';

/**
 * A shot's way into the prompt library: the composer's own saved-prompt item (LibraryItem), so a prompt
 * with `{variables}` asks for their values and fills them in before it lands in the shot's Prompt.
 */
export function ShotLibrary({ onUse }: { onUse(text: string): void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const prompts = useLibrary((s) => s.library.prompts);
  return (
    <details
      className="library story-library"
      open={open}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) useLibrary.getState().reload();
      }}
    >
      <summary>{t('composer.promptLibrary.promptLibrary')}</summary>
      {open && (
        <div className="library-body">
          {prompts.length === 0 ? (
            <p className="hint">{t('composer.promptLibrary.emptyHint', { variable: '{subject}' })}</p>
          ) : (
            <>
              <input type="search" aria-label={t('composer.promptLibrary.searchLibrary')} placeholder={t('composer.promptLibrary.searchWordsOrTags')} value={query} onChange={(e) => setQuery(e.target.value)} />
              <ul className="plain" aria-label={t('composer.promptLibrary.savedPrompts')}>
                {searchLibrary(prompts, query).map((p) => (
                  <LibraryItem
                    key={p.id}
                    prompt={p}
                    onUse={(text) => {
                      onUse(text);
                      setOpen(false);
                    }}
                  />
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </details>
  );
}
