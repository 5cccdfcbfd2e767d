import { useState } from 'react';
import type { Draft } from '../../lib/ui/composer-draft';
import { deletePreset, presets as loadPresets, recentPrompts, savePreset, type Preset } from '../../lib/ui/prefs';

/** Recent prompts and named presets (mode, prompt and settings) under the prompt box. */
export function PromptLibrary({ draft, onApply }: { draft: Draft; onApply(patch: Partial<Draft>): void }) {
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const [list, setList] = useState<Preset[]>([]);
  const [name, setName] = useState('');
  const refresh = () => {
    setRecent(recentPrompts());
    setList(loadPresets());
  };
  return (
    <details
      className="library"
      open={open}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) refresh();
      }}
    >
      <summary>Recent prompts and presets</summary>
      {open && (
        <div className="library-body">
          <h3>Recent</h3>
          {recent.length === 0 ? (
            <p className="hint">Prompts you generate with appear here.</p>
          ) : (
            <ul className="plain">
              {recent.map((p) => (
                <li key={p}>
                  <button type="button" className="link prompt-chip" onClick={() => onApply({ prompt: p })}>
                    {p}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>Presets</h3>
          {list.length === 0 && <p className="hint">Save the current mode, prompt and settings to reuse them.</p>}
          <ul className="plain">
            {list.map((p) => (
              <li key={p.name} className="preset">
                <button type="button" className="link" onClick={() => onApply({ ...p.draft })}>
                  {p.name}
                </button>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Delete preset ${p.name}`}
                  onClick={() => {
                    deletePreset(p.name);
                    refresh();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <div className="inline">
            <input aria-label="Preset name" placeholder="Preset name" value={name} onChange={(e) => setName(e.target.value)} />
            <button
              type="button"
              disabled={!name.trim()}
              onClick={() => {
                savePreset(name.trim(), draft);
                setName('');
                refresh();
              }}
            >
              Save preset
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
