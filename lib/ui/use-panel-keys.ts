import { useEffect } from 'react';
import { send } from '../messaging/client';
import { useComposer } from './composer-store';
import { panelKeyAction } from '../keyboard/panel-keys';
import { announcePanelPresence } from '../keyboard/panel-port';
import { t } from '../i18n';

/** `/` and Esc in the panel (panel-keys.ts), and the panel's presence for the open/close shortcut. */
export function usePanelKeys(announce: (text: string) => void): void {
  useEffect(() => {
    void announcePanelPresence().catch(() => undefined);
    const onKey = (event: KeyboardEvent) => {
      const action = panelKeyAction(event, document.activeElement);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'focus-prompt') useComposer.setState({ focusPromptAt: Date.now() });
      else void send({ type: 'job.cancel', jobId: action.jobId }).then((reply) => announce(reply.ok ? t('panel.app.jobCancelled') : t('panel.app.jobNotCancelled')));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [announce]);
}
