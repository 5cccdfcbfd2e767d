import { useEffect, useState } from 'react';
import { send } from '../../lib/messaging/client';
import { formatPrice } from '../../lib/pricing/estimate';
import { estimateStory } from '../../lib/story/story-cost';
import type { Story } from '../../lib/story/story-schema';
import type { Job } from '../../lib/model/job';
import { t } from '../../lib/i18n';

/** The story's total before it runs, what is still to pay, and today's spending against the cap. */
export function StoryCost({ story, jobs }: { story: Story; jobs: Record<string, Job> }) {
  const [spend, setSpend] = useState<{ spentUsd: number; capUsd: number | null }>();
  useEffect(() => {
    void send({ type: 'spend.today' }).then((reply) => reply.ok && setSpend({ spentUsd: reply.spentUsd, capUsd: reply.capUsd }));
  }, [story.running]);
  const estimate = estimateStory(story, (id) => jobs[id]);
  return (
    <p className="hint" data-testid="story-cost">
      {t('story.total', { total: formatPrice(estimate.totalUsd), remaining: formatPrice(estimate.remainingUsd) })}
      {spend && spend.capUsd !== null && <> · {t('story.cap', { spent: formatPrice(spend.spentUsd), cap: formatPrice(spend.capUsd) })}</>}
      {estimate.unknown && <> · {t('story.unknownPrice')}</>}
    </p>
  );
}
