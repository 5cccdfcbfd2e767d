import type { QuickAction } from '../../lib/settings/schema';
import { Field } from './form';
import { QuickActionLibraryPicker } from './QuickActionLibraryPicker';
import type { SectionProps } from './sections';
import { formatNumber, t } from '../../lib/i18n';

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
      <h2 id="quick-h">{t('options.quickActionsSection.quickActions')}</h2>
      <p className="hint">{t('options.quickActionsSection.theyAppearUnderReimagine')}</p>
      {errors.quickActions && <p className="error small">{errors.quickActions}</p>}
      <ol style={{ paddingLeft: 20 }}>
        {actions.map((action, i) => {
          const e = (f: string) => errors[`quickActions.${i}.${f}`];
          const name = action.title.trim() || t('options.quickActionsSection.unnamed', { n: formatNumber(i + 1) });
          return (
            <li key={action.id} aria-label={t('options.quickActionsSection.item', { n: formatNumber(i + 1) })} style={{ marginBottom: 12 }}>
              <Field id={`qa-${action.id}-title`} label={t('options.quickActionsSection.nameOf', { n: formatNumber(i + 1) })} error={e('title')}>
                {(a) => <input {...a} value={action.title} maxLength={60} onChange={(ev) => patch(i, { title: ev.target.value })} />}
              </Field>
              <Field id={`qa-${action.id}-mode`} label={t('options.quickActionsSection.modeOf', { n: formatNumber(i + 1) })} error={e('mode')}>
                {(a) => (
                  <select {...a} value={action.mode} onChange={(ev) => patch(i, { mode: ev.target.value as QuickAction['mode'] })}>
                    <option value="edit-image">{t('options.quickActionsSection.editImage')}</option>
                    <option value="animate-image">{t('options.quickActionsSection.animateImage')}</option>
                  </select>
                )}
              </Field>
              <Field id={`qa-${action.id}-prompt`} label={t('options.quickActionsSection.promptOf', { n: formatNumber(i + 1) })} error={e('prompt')}>
                {(a) => <textarea {...a} value={action.prompt} onChange={(ev) => patch(i, { prompt: ev.target.value })} />}
              </Field>
              <QuickActionLibraryPicker index={i} onUse={(prompt) => patch(i, { prompt })} />
              <div className="row">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('options.quickActionsSection.moveNamedUp', { name })}>
                  {t('options.quickActionsSection.moveUp')}
                </button>{' '}
                <button type="button" disabled={i === actions.length - 1} onClick={() => move(i, 1)} aria-label={t('options.quickActionsSection.moveNamedDown', { name })}>
                  {t('options.quickActionsSection.moveDown')}
                </button>{' '}
                <button type="button" onClick={() => set(actions.filter((_, j) => j !== i))} aria-label={t('options.quickActionsSection.deleteNamed', { name })}>
                  {t('options.quickActionsSection.delete')}
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
        {t('options.quickActionsSection.addQuickAction')}
      </button>
      {actions.length >= MAX_ACTIONS && <span className="hint">{' '}{t('options.quickActionsSection.atMostActions', { max: formatNumber(MAX_ACTIONS) })}</span>}
    </section>
  );
}
