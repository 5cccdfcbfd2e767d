import { useState } from 'react';
import { parseTags, searchLibrary } from '../../lib/library/library';
import type { Draft } from '../../lib/ui/composer-draft';
import { useLibrary } from '../../lib/ui/library-store';
import { recentPrompts } from '../../lib/ui/prefs';
import { LibraryItem } from './LibraryItem';
import { LibraryTransfer } from './LibraryTransfer';

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

  return (
    <>
      <label className="house-style hint">
        <input type="checkbox" checked={houseStyleOn} disabled={!library.houseStyle.trim()} onChange={(e) => setHouseStyleOn(e.target.checked)} />
        Add house style{library.houseStyle.trim() ? `: “${library.houseStyle.trim()}”` : ' (set one in the library)'}
      </label>
      <details
        className="library"
        open={open}
        onToggle={(e) => {
          const isOpen = (e.currentTarget as HTMLDetailsElement).open;
          setOpen(isOpen);
          if (isOpen) useLibrary.getState().reload();
        }}
      >
        <summary>Prompt library</summary>
        {open && (
          <div
            className="library-body"
            onKeyDown={(e) => {
              // These fields sit inside the composer's form: Enter in them must not Generate.
              if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
            }}
          >
            <input type="search" aria-label="Search library" placeholder="Search words or #tags" value={query} onChange={(e) => setQuery(e.target.value)} />
            {library.prompts.length === 0 && <p className="hint">Save prompts to reuse them; write {'{subject}'} for a part you fill in each time.</p>}
            <ul className="plain" aria-label="Saved prompts">
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
              <input aria-label="Save as" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
              <input aria-label="Tags" placeholder="tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} />
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
                Save to library
              </button>
            </div>
            <label className="field">
              House style
              <input
                aria-label="House style"
                placeholder="e.g. soft film grain, muted palette"
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
            <h3>Recent</h3>
            {recent.length === 0 ? (
              <p className="hint">Prompts you generate with appear here.</p>
            ) : (
              <ul className="plain" aria-label="Recent prompts">
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
