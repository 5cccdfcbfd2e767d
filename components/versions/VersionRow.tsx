import { formatJobCost } from '../../lib/jobs/cost';
import { hostOf } from '../../lib/net/host-of';
import { nodeMediaId } from '../../lib/versions/load';
import type { VersionNode } from '../../lib/versions/tree';
import { useThumbUrl } from '../../lib/ui/media-url';
import { formatDateTime, t } from '../../lib/i18n';

const QUALITY: Record<string, () => string> = {
  low: () => t('composer.qualityField.low'),
  medium: () => t('composer.qualityField.medium'),
  auto: () => t('panel.versions.qualityAuto'),
};

/** A node's words: what it is (prompt, or the original's kind) and its details line. */
export function nodeText(node: VersionNode): { title: string; details: string } {
  if (node.kind !== 'result') {
    const from = node.from;
    const where = from?.kind === 'page' ? hostOf(from.imageUrl ?? from.pageUrl ?? '') : from?.kind === 'file' ? from.name : undefined;
    return { title: node.kind === 'page' ? t('panel.versions.pageImage') : t('panel.versions.file'), details: where ?? '' };
  }
  const { job } = node;
  const request = job.request as { prompt: string; model: string; quality?: string };
  const quality = request.quality ? QUALITY[request.quality]?.() : undefined;
  const cost = node.output === 0 ? formatJobCost(job) : undefined;
  const details = [
    job.servedModel ?? request.model,
    quality ? t('panel.versions.quality', { quality }) : undefined,
    cost,
    formatDateTime(job.finishedAt ?? job.createdAt, { dateStyle: 'short', timeStyle: 'short' }),
  ].filter(Boolean);
  return { title: request.prompt.trim() || t('panel.versions.noPrompt'), details: details.join(' · ') };
}

/** One row's content (the treeitem around it belongs to the list). */
export function VersionRow({ node, index }: { node: VersionNode; index: number }) {
  const thumb = useThumbUrl(nodeMediaId(node));
  const { title, details } = nodeText(node);
  return (
    <>
      <span className="version-thumb">{thumb ? <img src={thumb} alt="" /> : null}</span>
      <span className="version-text">
        <span className="version-title" id={`version-title-${index}`}>
          {title}
        </span>
        <span className="hint version-details" id={`version-details-${index}`}>
          {details}
        </span>
      </span>
    </>
  );
}
