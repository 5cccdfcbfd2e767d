import { useEffect, useState } from 'react';
import { NO_KEY_CODE, userMessage } from '../../lib/errors/taxonomy';
import { send } from '../../lib/messaging/client';
import { PROVIDERS } from '../../lib/providers/registry';
import { DEFAULT_VISION_MODEL } from '../../lib/pricing/vision-models';
import { Field } from './form';
import type { SectionProps } from './sections';
import { formatNumber, t } from '../../lib/i18n';

/**
 * The vision model behind "Suggest a prompt" and "Describe image": the key's language models that take
 * images (GET /v1/language-models, asked through the background, which holds the key), with the default
 * always offered. Free text like the other model fields; resellers have no image understanding.
 * `savedKey` names the saved key (provider and masked key): a new one lists its own models.
 */
export function VisionSection({ draft, update, errors, savedKey }: SectionProps & { savedKey: string }) {
  const caps = PROVIDERS[draft.provider].capabilities;
  const [models, setModels] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const model = draft.vision.model;

  async function load() {
    setStatus(t('options.visionSection.loadingModels'));
    const reply = await send({ type: 'vision.models' });
    if (!reply.ok) {
      // By the error's code: its sentence is in the UI language, so no wording can be matched.
      const noKey = reply.error.kind === 'invalid_key' && reply.error.code === NO_KEY_CODE;
      return setStatus(noKey ? t('options.visionSection.saveKeyFirst') : t('options.visionSection.couldNotList', { reason: userMessage(reply.error) }));
    }
    setModels(reply.models);
    setStatus(reply.models.length ? t('options.visionSection.modelsTakeImages', reply.models.length, { count: formatNumber(reply.models.length) }) : t('options.visionSection.noImageModels'));
  }

  useEffect(() => {
    if (caps.vision) void load();
    // Once per provider, and again when its saved key changes (saved here or in another Options tab): the
    // list belongs to the saved key of that provider.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.provider, savedKey]);

  const options = [...new Set([DEFAULT_VISION_MODEL, ...models, model])].filter(Boolean);
  return (
    <section aria-labelledby="vision-h">
      <h2 id="vision-h">{t('options.visionSection.imageUnderstanding')}</h2>
      {!caps.vision ? (
        <p className="hint">{caps.unavailableReason['describe-image']}</p>
      ) : (
        <>
          <datalist id="vision-models">
            {options.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <Field id="vision-model" label={t('options.visionSection.visionModel')} error={errors['vision.model']} hint={t('options.visionSection.modelHint', { model: DEFAULT_VISION_MODEL })}>
            {(a) => <input {...a} list="vision-models" value={model} onChange={(ev) => update((d) => ({ ...d, vision: { model: ev.target.value } }))} />}
          </Field>
          <div className="inline">
            <button type="button" onClick={() => void load()}>
              {t('options.visionSection.refreshVisionModels')}
            </button>
            <span role="status" className="hint">
              {status}
            </span>
          </div>
        </>
      )}
    </section>
  );
}
