import { useEffect, useState } from 'react';
import type { Capabilities } from '../../lib/providers/types';
import { useComposer } from '../../lib/ui/composer-store';
import { importFile, mediaFiles } from '../../lib/ui/import-media';
import { t } from '../../lib/i18n';

/**
 * Files becoming sources: picked, dropped or pasted anywhere in the panel (text pastes are left alone).
 * Each file is imported on its own, so one bad file is named in the notice and the others still arrive.
 */
export function useSourceFiles(caps: Capabilities) {
  const [importing, setImporting] = useState(0);

  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    const { addSources, setNotice } = useComposer.getState();
    setImporting((n) => n + files.length);
    const added = [];
    const problems: string[] = [];
    for (const file of files) {
      const outcome = await importFile(file);
      if (outcome.ok) added.push(outcome.source);
      else problems.push(t('panel.composer.fileProblem', { file: file.name || t('panel.composer.pastedItem'), reason: outcome.message }));
    }
    setImporting((n) => n - files.length);
    addSources(added, caps);
    if (problems.length) setNotice(problems.join(' '));
  }

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

  return { importing, addFiles };
}
