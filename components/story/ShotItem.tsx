import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ShotPlan } from '../../lib/story/planner';
import type { Shot, ShotStart } from '../../lib/story/story-schema';
import { useStory } from '../../lib/ui/story-editor-store';
import { ShotLibrary } from './ShotLibrary';
import { ShotPicture } from './ShotPicture';
import { formatNumber, t } from '../../lib/i18n';

/**
 * One shot of the story: a list item with its prompt, length and start, and tools to move (drag, Move
 * up / Move down, or Alt+↑ / Alt+↓ on the item), duplicate and delete it. A shot already sent is read-only.
 */
interface Props {
  shot: Shot;
  index: number;
  count: number;
  plan: ShotPlan | undefined;
  onMoved(text: string): void;
}

const START_KINDS = ['prompt', 'last-frame', 'extend'] as const;
const startLabel = (kind: ShotStart['kind']) =>
  ({ prompt: t('story.startPrompt'), image: t('story.startImage'), 'last-frame': t('story.startLastFrame'), extend: t('story.startExtend') })[kind];
const stateLabel = (state: ShotPlan['state']) =>
  ({
    done: t('story.state.done'),
    active: t('story.state.active'),
    failed: t('story.state.failed'),
    ready: t('story.state.ready'),
    'needs-frame': t('story.state.needsFrame'),
    waiting: t('story.state.waiting'),
    blocked: t('story.state.blocked'),
    reading: t('story.state.reading'),
    unreadable: t('story.state.unreadable'),
  })[state];

export function ShotItem({ shot, index, count, plan, onMoved }: Props) {
  const { edit, moveShot, duplicateShot, deleteShot, retry } = useStory.getState();
  const [dragging, setDragging] = useState(false);
  const sent = !!shot.jobId;
  const set = (patch: Partial<Shot>) => edit((s) => ({ ...s, shots: s.shots.map((x) => (x.id === shot.id ? { ...x, ...patch } : x)) }));
  const move = (to: number) => {
    if (to < 0 || to >= count) return;
    moveShot(index, to);
    onMoved(t('story.moved', { n: formatNumber(index + 1), position: formatNumber(to + 1) }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index + (event.key === 'ArrowUp' ? -1 : 1));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const from = Number(event.dataTransfer.getData('text/x-reimagine-shot'));
    if (Number.isInteger(from) && from !== index) {
      moveShot(from, index);
      onMoved(t('story.moved', { n: formatNumber(from + 1), position: formatNumber(index + 1) }));
    }
  };
  const kinds = shot.start.kind === 'image' ? (['image', ...START_KINDS] as const) : START_KINDS;
  return (
    <li
      className={`story-shot${dragging ? ' dragging' : ''}`}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/x-reimagine-shot', String(index));
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
      data-shot-id={shot.id}
    >
      <header>
        <h3>{t('story.shot', { n: formatNumber(index + 1) })}</h3>
        {plan && <span className={`story-state ${plan.state}`}>{stateLabel(plan.state)}</span>}
      </header>
      <label className="visually-hidden" htmlFor={`prompt-${shot.id}`}>
        {t('story.prompt')}
      </label>
      {shot.start.kind === 'image' && <ShotPicture start={shot.start} />}
      <textarea id={`prompt-${shot.id}`} aria-label={t('story.prompt')} value={shot.prompt} readOnly={sent} maxLength={5000} onChange={(e) => set({ prompt: e.target.value })} />
      {!sent && <ShotLibrary onUse={(prompt) => set({ prompt: prompt.slice(0, 5000) })} />}
      <div className="story-shot-row">
        <div>
          <label htmlFor={`seconds-${shot.id}`}>{t('story.duration')}</label>
          <input id={`seconds-${shot.id}`} type="number" min={1} max={15} value={shot.duration} disabled={sent} onChange={(e) => set({ duration: Math.max(1, Math.min(15, Math.round(Number(e.target.value) || 1))) })} />
        </div>
        <div>
          <label htmlFor={`start-${shot.id}`}>{t('story.start')}</label>
          <select
            id={`start-${shot.id}`}
            value={shot.start.kind}
            disabled={sent}
            onChange={(e) => {
              const kind = e.target.value as ShotStart['kind'];
              if (kind !== 'image') set({ start: { kind } });
            }}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind} disabled={index === 0 && (kind === 'last-frame' || kind === 'extend')}>
                {startLabel(kind)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {index === 0 && (shot.start.kind === 'last-frame' || shot.start.kind === 'extend') && <p className="error">{t('story.firstShotCannotContinue')}</p>}
      <div className="story-shot-tools">
        <button type="button" onClick={() => move(index - 1)} disabled={index === 0}>
          {t('story.moveUp')}
        </button>
        <button type="button" onClick={() => move(index + 1)} disabled={index === count - 1}>
          {t('story.moveDown')}
        </button>
        <button type="button" onClick={() => duplicateShot(index)}>
          {t('story.duplicate')}
        </button>
        <button type="button" onClick={() => deleteShot(index)} disabled={sent && plan?.state !== 'failed'}>
          {t('story.delete')}
        </button>
        {plan?.state === 'failed' && (
          <button type="button" className="primary" onClick={() => void retry(shot.id)}>
            {t('story.retry')}
          </button>
        )}
      </div>
    </li>
  );
}
