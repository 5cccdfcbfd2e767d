import { useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorInfo } from '../lib/errors/taxonomy';
import { send } from '../lib/messaging/client';
import { estimateDraft, modelOf, validateDraft, type Draft } from '../lib/ui/composer-draft';
import { controlsFor, maxSources } from '../lib/ui/composer-controls';
import { useComposer } from '../lib/ui/composer-store';
import { draftWithHouseStyle } from '../lib/ui/library-store';
import { mediaFiles } from '../lib/ui/import-media';
import { rememberPrompt } from '../lib/ui/prefs';
import { settingsReady, useCapabilities, useSettings } from '../lib/ui/settings-view-store';
import { SourceTray } from './SourceTray';
import { ComposerHead } from './composer/ComposerHead';
import { CostEstimate, EstimateTotal } from './composer/CostEstimate';
import { OutputControls } from './composer/OutputControls';
import { PromptField } from './composer/PromptField';
import { SettingsDisclosure } from './composer/SettingsDisclosure';
import { SubmitArea } from './composer/SubmitArea';
import { VoiceField } from './composer/VoiceField';
import { useSourceFiles } from './composer/useSourceFiles';
import { t } from '../lib/i18n';

/** Fields that live inside the folded settings: an error there opens them. */
const SETTINGS_FIELDS = new Set(['model', 'n', 'aspectRatio', 'resolution', 'quality', 'duration', 'outputFormat']);

/** Field order, for moving focus to the first invalid one. */
const FIELD_IDS: Record<string, string> = {
  sources: 'add-files',
  prompt: 'prompt',
  model: 'model',
  n: 'count',
  aspectRatio: 'aspect-ratio',
  resolution: 'resolution',
  quality: 'quality',
  duration: 'duration',
  outputFormat: 'output-format',
  voices: 'voice',
};

export function Composer({ onQueued }: { onQueued?(jobId: string): void }) {
  const { draft, origin, notice, focusPromptAt, capture, patch, setMode, removeSource, moveSource, setNotice } = useComposer();
  const readingImage = capture?.state === 'pending'; // no Generate (in any mode) until the right-clicked image is here
  const caps = useCapabilities();
  const settings = useSettings((s) => s.settings);
  const [showErrors, setShowErrors] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo>();
  const [sending, setSending] = useState(false);
  const { importing, addFiles } = useSourceFiles(caps);
  // Read after generate()'s awaits, so a ref rather than this render's value.
  const importingNow = useRef(importing);
  importingNow.current = importing;
  const [dragging, setDragging] = useState(false);
  // Folded: only the Generate bar stays, and the queue and results move up into view.
  const [collapsed, setCollapsed] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const validation = useMemo(() => validateDraft(draft, caps), [draft, caps]);
  const fields = showErrors ? { ...(validation.ok ? {} : validation.fields), ...serverFields } : serverFields;
  // The price does not depend on the words: an empty prompt still shows what Generate would cost.
  const estimate = useMemo(() => estimateDraft(draft.prompt.trim() ? draft : { ...draft, prompt: '…' }, caps), [draft, caps]);
  const controls = controlsFor(draft.mode, draft.sources.length, caps, modelOf(draft));
  const max = maxSources(draft.mode, caps, modelOf(draft));

  useEffect(() => {
    if (!focusPromptAt) return;
    setCollapsed(false);
    requestAnimationFrame(() => promptRef.current?.focus());
  }, [focusPromptAt]);

  function update(p: Partial<Draft>) {
    patch(p, caps);
    setServerFields({});
  }

  async function generate() {
    setError(undefined);
    setServerFields({});
    await settingsReady();
    const state = useComposer.getState();
    if (state.capture?.state === 'pending') return; // Ctrl+Enter submits even with the button disabled
    if (importingNow.current > 0) return; // likewise while added files are still being stored
    const current = useSettings.getState();
    const checked = validateDraft(draftWithHouseStyle(state.draft), caps);
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
    setCollapsed(false);
    if (key && SETTINGS_FIELDS.has(key)) setSettingsOpen(true);
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

  const err = (key: string) => fields[key];
  const describe = (key: string, hint?: string) => [fields[key] ? `${key}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <section
      aria-labelledby="composer-title"
      className={`composer${dragging ? ' dragging' : ''}`}
      data-drop-label={t('panel.composer.dropToAdd')}
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
        else setNotice(t('panel.composer.dropHint'));
      }}
    >
      <h2 id="composer-title" className="visually-hidden">
        {t('panel.composer.compose')}
      </h2>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <ComposerHead
          mode={draft.mode}
          prompt={draft.prompt}
          caps={caps}
          sourceKind={draft.sources[0] ? (draft.sources[0].mimeType.startsWith('video/') ? 'video' : 'image') : undefined}
          collapsed={collapsed}
          onMode={(m) => setMode(m, caps)}
          onCollapsed={setCollapsed}
        />
        <div id="composer-body" hidden={collapsed}>
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
              {t('panel.composer.adding')}
            </p>
          )}
          {notice && (
            <p className="notice" role="status">
              {notice}{' '}
              <button type="button" className="link" onClick={() => setNotice(undefined)}>
                {t('panel.composer.dismiss')}
              </button>
            </p>
          )}

          <PromptField
            draft={draft}
            caps={caps}
            promptRef={promptRef}
            error={err('prompt')}
            describedBy={describe('prompt', 'prompt-count prompt-keys')}
            update={update}
            onSubmitShortcut={() => formRef.current?.requestSubmit()}
          />
          {controls.includes('voices') && <VoiceField voices={draft.voices} error={err('voices')} onChange={(voices) => update({ voices })} onInsertTag={insertTag} />}

          <SettingsDisclosure draft={draft} controls={controls} estimate={estimate?.estimate} open={settingsOpen} onToggle={setSettingsOpen}>
            <OutputControls draft={draft} caps={caps} controls={controls} err={err} describe={describe} update={update} />
            <CostEstimate result={estimate} />
          </SettingsDisclosure>
        </div>
        <input
          ref={fileRef}
          id="add-files"
          type="file"
          multiple
          accept="image/*,video/mp4"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('panel.composer.addSourceFiles')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void addFiles(files);
          }}
        />

        <SubmitArea
          sending={sending}
          readingImage={readingImage}
          addingFiles={importing > 0}
          pageUrl={origin?.pageUrl}
          error={error}
          estimate={<EstimateTotal result={estimate} capUsd={settings.dailySpendCapUsd} />}
        />
      </form>
    </section>
  );
}
