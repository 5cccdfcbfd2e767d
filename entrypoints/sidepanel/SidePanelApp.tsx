import { useState } from 'react';
import { userMessage, type ErrorInfo } from '../../lib/api/errors';
import { isActive } from '../../lib/jobs/job';
import { send } from '../../lib/messaging/client';
import { useJobs } from '../../lib/ui/jobs-store';
import { JobCard } from '../../components/JobCard';
import { ResultTile } from '../../components/ResultTile';

export function SidePanelApp() {
  const jobs = useJobs((s) => s.jobs);
  const [prompt, setPrompt] = useState('');
  const [error, setError] = useState<ErrorInfo>();
  const [sending, setSending] = useState(false);

  async function generate() {
    setSending(true);
    setError(undefined);
    const settings = await send({ type: 'settings.get' });
    if (!settings.ok) {
      setError(settings.error);
      setSending(false);
      return;
    }
    const d = settings.settings.defaults.image;
    const reply = await send({
      type: 'job.submit',
      input: { request: { mode: 'create-image', prompt, model: d.model, n: d.n, aspectRatio: d.aspectRatio, resolution: d.resolution } },
    });
    setSending(false);
    if (!reply.ok) setError(reply.error); // the prompt stays: nothing the user typed is lost
  }

  const queue = jobs.filter((j) => isActive(j.status) || j.status === 'failed');
  const results = jobs.filter((j) => j.status === 'done');
  return (
    <main style={{ padding: 12 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <div className="field">
          <label htmlFor="prompt">Prompt</label>
          <textarea id="prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        </div>
        <button className="primary" type="submit" disabled={sending}>
          Generate
        </button>
        {error && (
          <p role="alert" className="error">
            {userMessage(error)}
          </p>
        )}
      </form>
      <section aria-label="Queue">
        {queue.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </section>
      <section aria-label="Results">
        {results.flatMap((job) => job.results.map((r, i) => <ResultTile key={r.mediaId} job={job} index={i} />))}
      </section>
    </main>
  );
}
