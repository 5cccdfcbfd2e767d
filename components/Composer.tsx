import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { userMessage, type ErrorInfo } from '../lib/api/errors';
import { formatUsd, ticksToUsd } from '../lib/jobs/cost';
import { MODE_INFO } from '../lib/jobs/modes';
import { send } from '../lib/messaging/client';
import { controlsFor, estimateDraft, maxSources, modelOf, validateDraft, videoResolutionsFor, type Draft } from '../lib/ui/composer-draft';
import { useComposer } from '../lib/ui/composer-store';
import { startOfToday } from '../lib/ui/hooks';
import { importFile, mediaFiles } from '../lib/ui/import-media';
import { useJobs } from '../lib/ui/jobs-store';
import { deletePreset, presets as loadPresets, recentPrompts, rememberPrompt, savePreset, type Preset } from '../lib/ui/prefs';
import { settingsReady, useCapabilities, useSettings } from '../lib/ui/settings-store';
import { ModePicker } from './ModePicker';
import { SourceTray } from './SourceTray';

/** Field order, for moving focus to the first invalid one. */
const FIELD_IDS: Record<string, string> = {
  sources: 'add-files',
  prompt: 'prompt',
  model: 'model',
  n: 'count',
  aspectRatio: 'aspect-ratio',
  resolution: 'resolution',
  duration: 'duration',
  outputFormat: 'output-format',
};

export function Composer({ onQueued }: { onQueued?(jobId: string): void }) {
  const { draft, origin, notice, focusPromptAt, capture, patch, setMode, addSources, removeSource, moveSource, setNotice } = useComposer();
  const readingImage = capture?.state === 'pending'; // no Generate (in any mode) until the right-clicked image is here
  const caps = useCapabilities();
  const settings = useSettings((s) => s.settings);
  const hasKey = useSettings((s) => s.hasKey);
  const [showErrors, setShowErrors] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo>();
  const [sending, setSending] = useState(false);
  const [importing, setImporting] = useState(0);
  const [dragging, setDragging] = useState(false);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const validation = useMemo(() => validateDraft(draft, caps), [draft, caps]);
  const fields = showErrors ? { ...(validation.ok ? {} : validation.fields), ...serverFields } : serverFields;
  const estimate = useMemo(() => estimateDraft(draft, caps), [draft, caps]);
  const controls = controlsFor(draft.mode, draft.sources.length, caps);
  const info = MODE_INFO[draft.mode];
  const max = maxSources(draft.mode, caps);

  useEffect(() => {
    if (focusPromptAt) promptRef.current?.focus();
  }, [focusPromptAt]);

  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    setImporting((n) => n + files.length);
    const added = [];
    const problems: string[] = [];
    for (const file of files) {
      const outcome = await importFile(file);
      if (outcome.ok) added.push(outcome.source);
      else problems.push(`${file.name || 'Pasted item'}: ${outcome.message}`);
    }
    setImporting((n) => n - files.length);
    addSources(added, caps);
    if (problems.length) setNotice(problems.join(' '));
  }

  // Paste anywhere in the panel: images and videos become sources; text pastes are left alone.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = mediaFiles(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      void addFiles(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  function update(p: Partial<Draft>) {
    patch(p);
    setServerFields({});
  }

  async function generate() {
    setError(undefined);
    setServerFields({});
    await settingsReady();
    const state = useComposer.getState();
    if (state.capture?.state === 'pending') return; // Ctrl+Enter submits even with the button disabled
    const current = useSettings.getState();
    const checked = validateDraft(state.draft, caps);
    if (!checked.ok) {
      setShowErrors(true);
      focusField(Object.keys(checked.fields)[0]);
      return;
    }
    setSending(true);
    const reply = await send({
      type: 'job.submit',
      input: { request: checked.request, provider: current.settings.provider, ...(state.origin ? { origin: state.origin } : {}) },
    });
    setSending(false);
    if (!reply.ok) {
      // Nothing the user typed is lost: the draft stays as it was.
      setError(reply.error);
      if (reply.fields) {
        setServerFields(reply.fields);
        focusField(Object.keys(reply.fields)[0]);
      }
      return;
    }
    setShowErrors(false);
    rememberPrompt(state.draft.prompt);
    onQueued?.(reply.jobId);
  }

  function focusField(key: string | undefined) {
    const id = key === 'mode' ? `mode-${useComposer.getState().draft.mode}` : key ? FIELD_IDS[key] : undefined;
    if (id) requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  function insertTag(tag: string) {
    const el = promptRef.current;
    const text = draft.prompt;
    const at = el ? el.selectionStart : text.length;
    const next = `${text.slice(0, at)}${text && at > 0 && !/\s$/.test(text.slice(0, at)) ? ' ' : ''}${tag} ${text.slice(at)}`;
    update({ prompt: next });
    el?.focus();
  }

  const promptLimit = caps.promptMaxLength;
  const over = draft.prompt.length > promptLimit;
  const err = (key: string) => fields[key];
  const describe = (key: string, hint?: string) => [fields[key] ? `${key}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <section
      aria-labelledby="composer-title"
      className={`composer${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = mediaFiles(e.dataTransfer);
        if (files.length) void addFiles(files);
        else setNotice('Drop an image or MP4 file (to use a picture from a page, right-click it and choose Reimagine).');
      }}
    >
      <h2 id="composer-title" className="visually-hidden">
        Compose
      </h2>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <ModePicker mode={draft.mode} caps={caps} onChange={(m) => setMode(m, caps)} />
        {err('mode') && (
          <p id="mode-error" className="error">
            {err('mode')}
          </p>
        )}

        {max > 0 && (
          <SourceTray
            mode={draft.mode}
            sources={draft.sources}
            max={max}
            error={err('sources')}
            busy={importing > 0}
            onRemove={removeSource}
            onMove={moveSource}
            onInsertTag={insertTag}
            onPickFiles={() => fileRef.current?.click()}
          />
        )}
        {max === 0 && importing > 0 && (
          <p className="hint" role="status">
            Adding…
          </p>
        )}
        <input
          ref={fileRef}
          id="add-files"
          type="file"
          multiple
          accept="image/*,video/mp4"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Add source files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void addFiles(files);
          }}
        />
        {notice && (
          <p className="notice" role="status">
            {notice}{' '}
            <button type="button" className="link" onClick={() => setNotice(undefined)}>
              Dismiss
            </button>
          </p>
        )}

        <div className="field">
          <div className="label-row">
            <label htmlFor="prompt">Prompt</label>
            <span id="prompt-count" className={`hint count${over ? ' error' : ''}`} aria-live={over ? 'polite' : 'off'}>
              {draft.prompt.length}/{promptLimit}
              <span className="visually-hidden"> characters</span>
            </span>
          </div>
          <textarea
            id="prompt"
            ref={promptRef}
            value={draft.prompt}
            rows={4}
            placeholder={placeholderFor(draft.mode)}
            aria-invalid={!!err('prompt') || over}
            aria-describedby={describe('prompt', 'prompt-count prompt-keys')}
            onChange={(e) => update({ prompt: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                formRef.current?.requestSubmit();
              }
            }}
          />
          <span id="prompt-keys" className="hint">
            {info.promptRequired ? '' : 'Optional. '}Ctrl/⌘+Enter to generate.
          </span>
          <FieldError id="prompt-error" message={err('prompt') ?? (over ? `The prompt is longer than ${promptLimit} characters, this model's limit.` : undefined)} />
          <PromptLibrary draft={draft} onApply={(p) => update(p)} />
        </div>

        <div className="controls">
          {controls.includes('model') && (
            <Control id="model" label="Model" error={err('model')}>
              <input
                id="model"
                list="model-options"
                value={modelOf(draft)}
                aria-invalid={!!err('model')}
                aria-describedby={describe('model')}
                onChange={(e) => update(info.output === 'image' ? { imageModel: e.target.value } : { videoModel: e.target.value })}
              />
              <datalist id="model-options">
                {(info.output === 'image' ? caps.models.image : caps.models.video).map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </Control>
          )}
          {controls.includes('count') && (
            <Control id="count" label="Count" error={err('n')}>
              <input
                id="count"
                type="number"
                min={1}
                max={caps.maxCount}
                value={Number.isFinite(draft.n) && draft.n > 0 ? draft.n : ''}
                aria-invalid={!!err('n')}
                aria-describedby={describe('n')}
                onChange={(e) => update({ n: Number(e.target.value) || 0 })}
              />
            </Control>
          )}
          {controls.includes('aspectRatio') && (
            <Control id="aspect-ratio" label="Aspect ratio" error={err('aspectRatio')}>
              {draft.mode === 'edit-image' ? (
                <select id="aspect-ratio" value={draft.editAspectRatio} onChange={(e) => update({ editAspectRatio: e.target.value })}>
                  <option value="">Follow the inputs</option>
                  {caps.imageAspectRatios.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              ) : info.output === 'image' ? (
                <select id="aspect-ratio" value={draft.imageAspectRatio} onChange={(e) => update({ imageAspectRatio: e.target.value })}>
                  {caps.imageAspectRatios.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              ) : (
                <select id="aspect-ratio" value={draft.videoAspectRatio} onChange={(e) => update({ videoAspectRatio: e.target.value })}>
                  {caps.videoAspectRatios.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Control>
          )}
          {controls.includes('resolution') && (
            <Control id="resolution" label="Resolution" error={err('resolution')}>
              {info.output === 'image' ? (
                <select id="resolution" value={draft.imageResolution} onChange={(e) => update({ imageResolution: e.target.value })}>
                  {caps.imageResolutions.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              ) : (
                <select
                  id="resolution"
                  value={draft.videoResolution}
                  aria-invalid={!!err('resolution')}
                  aria-describedby={describe('resolution')}
                  onChange={(e) => update({ videoResolution: e.target.value })}
                >
                  {/* An unsupported current value stays visible so its error makes sense. */}
                  {[...new Set([...videoResolutionsFor(draft.videoModel, caps), draft.videoResolution])].map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Control>
          )}
          {controls.includes('duration') && (
            <Control id="duration" label={draft.mode === 'extend-video' ? 'Extend by (s)' : 'Duration (s)'} error={err('duration')}>
              <input
                id="duration"
                type="number"
                min={draft.mode === 'extend-video' ? 2 : caps.videoDuration.min}
                max={draft.mode === 'extend-video' ? 10 : caps.videoDuration.max}
                value={(draft.mode === 'extend-video' ? draft.extendDuration : draft.duration) || ''}
                aria-invalid={!!err('duration')}
                aria-describedby={describe('duration')}
                onChange={(e) => {
                  const value = Number(e.target.value) || 0;
                  update(draft.mode === 'extend-video' ? { extendDuration: value } : { duration: value });
                }}
              />
            </Control>
          )}
          {controls.includes('outputFormat') && (
            <Control id="output-format" label="Format" error={err('outputFormat')}>
              <select id="output-format" value={draft.outputFormat} onChange={(e) => update({ outputFormat: e.target.value })}>
                {caps.outputFormats.map((f) => (
                  <option key={f} value={f}>
                    {f.toUpperCase()}
                  </option>
                ))}
              </select>
            </Control>
          )}
        </div>

        <CostSummary estimateUsd={estimate?.usd} detail={estimate?.detail} capUsd={settings.dailySpendCapUsd} />

        <div className="actions">
          <button id="generate" className="primary" type="submit" disabled={sending || readingImage}>
            Generate
          </button>
          {readingImage && <span className="hint">Waiting for the page image…</span>}
          {sending && (
            <span className="hint" role="status">
              Sending…
            </span>
          )}
          {origin?.pageUrl && <span className="hint origin">From {hostOf(origin.pageUrl)}</span>}
        </div>
        {hasKey === false && (
          <p className="notice">
            No API key yet.{' '}
            <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
              Open Options
            </button>{' '}
            to add one.
          </p>
        )}
        {error && (
          <div role="alert" className={`alert error${error.kind === 'spending_cap' ? ' cap' : ''}`}>
            <p>{userMessage(error)}</p>
            {['spending_cap', 'invalid_key', 'permission_denied'].includes(error.kind) && (
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                Open Options
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}

function Control({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className="field control">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError id={`${errorKey(id)}-error`} message={error} />
    </div>
  );
}

/** Control ids → the field keys used in aria-describedby (`describe`). */
const errorKey = (id: string) => ({ count: 'n', 'aspect-ratio': 'aspectRatio', 'output-format': 'outputFormat' })[id] ?? id;

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error field-error">
      {message}
    </p>
  );
}

function CostSummary({ estimateUsd, detail, capUsd }: { estimateUsd: number | undefined; detail: string | undefined; capUsd: number | null }) {
  const jobs = useJobs((s) => s.jobs);
  const today = startOfToday();
  const spentUsd = ticksToUsd(jobs.filter((j) => j.createdAt >= today).reduce((sum, j) => sum + (j.costTicks ?? j.estimatedCostTicks ?? 0), 0));
  const overCap = capUsd !== null && estimateUsd !== undefined && spentUsd + estimateUsd > capUsd + 1e-9;
  return (
    <div className="cost" aria-label="Cost">
      <p>
        {detail === undefined ? (
          <span className="hint">Estimated cost appears when the form is complete.</span>
        ) : estimateUsd === undefined ? (
          <span className="hint">{detail}</span>
        ) : (
          <>
            Estimated cost: <strong data-testid="cost-estimate">{formatUsd(estimateUsd)}</strong> <span className="hint">({detail})</span>
          </>
        )}
      </p>
      {capUsd !== null && (
        <p className={overCap ? 'error' : 'hint'}>
          Today: {formatUsd(spentUsd)} of your {formatUsd(capUsd)} daily cap{overCap ? ' — this job would pass the cap and will be refused.' : '.'}
        </p>
      )}
    </div>
  );
}

function PromptLibrary({ draft, onApply }: { draft: Draft; onApply(patch: Partial<Draft>): void }) {
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

function placeholderFor(mode: Draft['mode']): string {
  switch (mode) {
    case 'create-image':
      return 'A watercolor fox in a snowy forest…';
    case 'edit-image':
      return 'Make it look like a pencil sketch…';
    case 'create-video':
      return 'Waves rolling onto a beach at sunset…';
    case 'animate-image':
      return 'How it should move (optional)…';
    case 'reference-video':
      return 'The dog from <IMAGE_0> runs through <IMAGE_1>…';
    case 'edit-video':
      return 'Make it snow…';
    case 'extend-video':
      return 'What happens next…';
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
