import { useRef, useState } from 'react';
import { exportLibrary, importLibrary } from '../../lib/library/library';
import { useLibrary } from '../../lib/ui/library-store';
import { formatNumber, t } from '../../lib/i18n';

/** Export the library as JSON, and import one (validated; a bad file changes nothing and says why). */
export function LibraryTransfer() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  return (
    <div className="inline">
      <button
        type="button"
        onClick={() => {
          const blob = new Blob([exportLibrary(useLibrary.getState().library)], { type: 'application/json' });
          const url = URL.createObjectURL(blob);
          const a = document.createElement('a');
          a.href = url;
          a.download = 'reimagine-prompt-library.json';
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        }}
      >
        {t('composer.libraryTransfer.exportLibrary')}
      </button>
      <button type="button" onClick={() => fileRef.current?.click()}>
        {t('composer.libraryTransfer.importLibrary')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('composer.libraryTransfer.importLibraryFile')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file.text().then((text) => {
            const store = useLibrary.getState();
            const outcome = importLibrary(store.library, text);
            if (!outcome.ok) return setStatus({ text: outcome.message, error: true });
            const failed = store.save(outcome.library);
            setStatus(
              failed
                ? { text: failed, error: true }
                : { text: outcome.skipped ? t('composer.libraryTransfer.importedSkipped', { added: t('composer.libraryTransfer.prompts', outcome.added, { count: formatNumber(outcome.added) }), skipped: formatNumber(outcome.skipped) }) : t('composer.libraryTransfer.imported', { added: t('composer.libraryTransfer.prompts', outcome.added, { count: formatNumber(outcome.added) }) }), error: false },
            );
          });
        }}
      />
      {status && (
        <span role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'hint'}>
          {status.text}
        </span>
      )}
    </div>
  );
}
