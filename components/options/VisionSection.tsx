import { useEffect, useState } from 'react';
import { userMessage } from '../../lib/api/errors';
import { send } from '../../lib/messaging/client';
import { PROVIDERS } from '../../lib/providers/registry';
import { DEFAULT_VISION_MODEL } from '../../lib/vision/models';
import { Field } from './form';
import type { SectionProps } from './sections';

/**
 * The vision model behind "Suggest a prompt" and "Describe image": the key's language models that take
 * images (GET /v1/language-models, asked through the background, which holds the key), with the default
 * always offered. Free text like the other model fields; resellers have no image understanding.
 */
export function VisionSection({ draft, update, errors }: SectionProps) {
  const caps = PROVIDERS[draft.provider].capabilities;
  const [models, setModels] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const model = draft.vision.model;

  async function load() {
    setStatus('Loading models…');
    const reply = await send({ type: 'vision.models' });
    if (!reply.ok) {
      const noKey = reply.error.kind === 'invalid_key' && /save an api key/i.test(reply.error.message);
      return setStatus(noKey ? 'Save your API key to list the models it may use.' : `Could not list models: ${userMessage(reply.error)}`);
    }
    setModels(reply.models);
    setStatus(reply.models.length ? `${reply.models.length} models of your key take images.` : 'Your key lists no model that takes images.');
  }

  useEffect(() => {
    if (caps.vision) void load();
    // Once per provider: the list belongs to the saved key of that provider.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.provider]);

  const options = [...new Set([DEFAULT_VISION_MODEL, ...models, model])].filter(Boolean);
  return (
    <section aria-labelledby="vision-h">
      <h2 id="vision-h">Image understanding</h2>
      {!caps.vision ? (
        <p className="hint">{caps.unavailableReason['describe-image']}</p>
      ) : (
        <>
          <datalist id="vision-models">
            {options.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <Field id="vision-model" label="Vision model" error={errors['vision.model']} hint={`Used by "Suggest a prompt" and "Describe image". Default ${DEFAULT_VISION_MODEL}.`}>
            {(a) => <input {...a} list="vision-models" value={model} onChange={(ev) => update((d) => ({ ...d, vision: { model: ev.target.value } }))} />}
          </Field>
          <div className="inline">
            <button type="button" onClick={() => void load()}>
              Refresh vision models
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
