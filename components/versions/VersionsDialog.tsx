import { useEffect, useMemo, useRef, useState } from 'react';
import { MODE_INFO, type Mode } from '../../lib/model/modes';
import { loadVersionTree, nodeAsSource, nodeMediaId } from '../../lib/versions/load';
import type { VersionTree } from '../../lib/versions/tree';
import { useComposer } from '../../lib/ui/composer-store';
import { useMediaUrl, useThumbUrl } from '../../lib/ui/media-url';
import { useCapabilities } from '../../lib/ui/settings-view-store';
import { useVersionsStore } from '../../lib/ui/versions-store';
import { t } from '../../lib/i18n';
import { CompareSlider } from './CompareSlider';
import { treeRows } from './tree-rows';
import { nodeText } from './VersionRow';
import { VersionTreeList } from './VersionTreeList';
import './versions.css';

/**
 * "Versions": the tree of one picture, rooted at its original (the page image, the file, or the first
 * generation). Choose two versions → Compare; choose one → Continue from here (it becomes the source of a
 * new edit — or, for a video, a video edit — in the composer). Mounted once; opened through
 * lib/ui/versions-store.ts. A modal <dialog>: Esc closes it and focus returns to what opened it.
 */
export function VersionsDialog({ onStatus }: { onStatus?(message: string): void }) {
  const target = useVersionsStore((s) => s.target);
  const close = useVersionsStore((s) => s.close);
  const dialog = useRef<HTMLDialogElement>(null);
  const [tree, setTree] = useState<VersionTree | null>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    setTree(undefined);
    setChosen([]);
    setComparing(false);
    if (!target) return;
    let live = true;
    void loadVersionTree(target.jobId, target.output).then((loaded) => live && setTree(loaded ?? null));
    return () => {
      live = false;
    };
  }, [target]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (target && !el.open) el.showModal();
    if (!target && el.open) el.close();
  }, [target]);

  const rows = useMemo(() => (tree ? treeRows(tree) : []), [tree]);
  const byKey = useMemo(() => new Map(rows.map((r) => [r.node.key, r.node])), [rows]);
  const toggle = (key: string) => setChosen((now) => (now.includes(key) ? now.filter((k) => k !== key) : [...now, key].slice(-2)));
  const pair = chosen.map((k) => byKey.get(k)).filter((n) => n !== undefined);
  // Left is the earlier version in the tree's order.
  const ordered = [...pair].sort((a, b) => rows.findIndex((r) => r.node === a) - rows.findIndex((r) => r.node === b));

  return (
    <dialog ref={dialog} className="versions-dialog" aria-labelledby="versions-heading" onClose={() => target && close()}>
      <header className="versions-header">
        <h2 id="versions-heading">{t('panel.versions.title')}</h2>
        <button type="button" onClick={close}>
          {t('panel.versions.close')}
        </button>
      </header>
      {tree === undefined && target ? (
        <p role="status">{t('panel.versions.loading')}</p>
      ) : tree === null ? (
        <p className="error">{t('panel.versions.gone')}</p>
      ) : tree && comparing && ordered.length === 2 ? (
        <>
          <ComparePair left={ordered[0]!} right={ordered[1]!} />
          <button type="button" onClick={() => setComparing(false)}>
            {t('panel.versions.backToTree')}
          </button>
        </>
      ) : tree ? (
        <>
          <p className="hint" id="versions-hint">
            {t('panel.versions.howToChoose')}
          </p>
          <VersionTreeList rows={rows} chosen={chosen} onToggle={toggle} initialKey={target ? `${target.jobId}:${target.output}` : undefined} />
          <div className="button-row versions-actions">
            <button type="button" disabled={pair.length !== 2} onClick={() => setComparing(true)}>
              {t('panel.versions.compare')}
            </button>
            <ContinueButton node={pair.length === 1 ? pair[0] : undefined} onDone={(message) => (close(), onStatus?.(message))} />
          </div>
        </>
      ) : null}
    </dialog>
  );
}

function ComparePair({ left, right }: { left: VersionTree['nodes'][number]; right: VersionTree['nodes'][number] }) {
  return <CompareSlider left={usePicture(left)} right={usePicture(right)} />;
}

/** A node's picture for Compare: an image's full file, a video's thumbnail. */
function usePicture(node: VersionTree['nodes'][number]) {
  const mediaId = nodeMediaId(node);
  const isVideo = node.kind === 'result' && node.job.results[node.output]?.kind === 'video';
  const full = useMediaUrl(isVideo ? undefined : mediaId);
  const thumb = useThumbUrl(mediaId);
  return { url: full ?? thumb, label: nodeText(node).title };
}

function ContinueButton({ node, onDone }: { node: VersionTree['nodes'][number] | undefined; onDone(message: string): void }) {
  const caps = useCapabilities();
  const source = node ? nodeAsSource(node) : undefined;
  const mode: Mode = source?.mimeType.startsWith('video/') ? 'edit-video' : 'edit-image';
  return (
    <button
      type="button"
      disabled={!source || !caps.modes[mode]}
      onClick={() => {
        if (!source) return;
        useComposer.getState().handOver({ mode, sources: [source] }, caps);
        onDone(t('panel.resultTile.addedToComposer', { mode: MODE_INFO[mode].label }));
      }}
    >
      {t('panel.versions.continueFromHere')}
    </button>
  );
}
