import { useEffect } from 'react';
import { send } from '../messaging/client';
import { useComposer } from '../ui/composer-store';
import { panelKeyAction } from './panel-keys';
import { announcePanelPresence } from './panel-port';

/** `/` and Esc in the panel (panel-keys.ts), and the panel's presence for the open/close shortcut. */
export function usePanelKeys(announce: (text: string) => void): void {
  useEffect(() => {
    void announcePanelPresence().catch(() => undefined);
    const onKey = (event: KeyboardEvent) => {
      const action = panelKeyAction(event, document.activeElement);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'focus-prompt') useComposer.setState({ focusPromptAt: Date.now() });
      else void send({ type: 'job.cancel', jobId: action.jobId }).then((reply) => announce(reply.ok ? 'Job cancelled.' : 'That job could not be cancelled.'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [announce]);
}
