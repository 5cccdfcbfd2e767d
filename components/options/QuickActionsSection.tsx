import type { QuickAction } from '../../lib/settings/schema';
import { Field } from './form';
import { QuickActionLibraryPicker } from './QuickActionLibraryPicker';
import type { SectionProps } from './sections';

const MAX_ACTIONS = 12;

/** Context-menu presets: add, edit, reorder, delete. Saved with the rest; the background rebuilds the menus. */
export function QuickActionsSection({ draft, update, errors }: SectionProps) {
  const actions = draft.quickActions;
  const set = (next: QuickAction[]) => update((d) => ({ ...d, quickActions: next }));
  const patch = (i: number, change: Partial<QuickAction>) => set(actions.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...actions];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    set(next);
  };
  return (
    <section aria-labelledby="quick-h">
      <h2 id="quick-h">Quick actions</h2>
      <p className="hint">They appear under “Reimagine” when you right-click an image.</p>
      {errors.quickActions && <p className="error small">{errors.quickActions}</p>}
      <ol style={{ paddingLeft: 20 }}>
        {actions.map((action, i) => {
          const e = (f: string) => errors[`quickActions.${i}.${f}`];
          const name = action.title.trim() || `action ${i + 1}`;
          return (
            <li key={action.id} aria-label={`Quick action ${i + 1}`} style={{ marginBottom: 12 }}>
              <Field id={`qa-${action.id}-title`} label={`Name of quick action ${i + 1}`} error={e('title')}>
                {(a) => <input {...a} value={action.title} maxLength={60} onChange={(ev) => patch(i, { title: ev.target.value })} />}
              </Field>
              <Field id={`qa-${action.id}-mode`} label={`Mode of quick action ${i + 1}`} error={e('mode')}>
                {(a) => (
                  <select {...a} value={action.mode} onChange={(ev) => patch(i, { mode: ev.target.value as QuickAction['mode'] })}>
                    <option value="edit-image">Edit image</option>
                    <option value="animate-image">Animate image</option>
                  </select>
                )}
              </Field>
              <Field id={`qa-${action.id}-prompt`} label={`Prompt of quick action ${i + 1}`} error={e('prompt')}>
                {(a) => <textarea {...a} value={action.prompt} onChange={(ev) => patch(i, { prompt: ev.target.value })} />}
              </Field>
              <QuickActionLibraryPicker index={i} onUse={(prompt) => patch(i, { prompt })} />
              <div className="row">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move “${name}” up`}>
                  Move up
                </button>{' '}
                <button type="button" disabled={i === actions.length - 1} onClick={() => move(i, 1)} aria-label={`Move “${name}” down`}>
                  Move down
                </button>{' '}
                <button type="button" onClick={() => set(actions.filter((_, j) => j !== i))} aria-label={`Delete “${name}”`}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={actions.length >= MAX_ACTIONS}
        onClick={() => set([...actions, { id: `qa-${crypto.randomUUID().slice(0, 8)}`, title: '', mode: 'edit-image', prompt: '' }])}
      >
        Add quick action
      </button>
      {actions.length >= MAX_ACTIONS && <span className="hint"> At most {MAX_ACTIONS}.</span>}
    </section>
  );
}
