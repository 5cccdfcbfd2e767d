import { browser } from 'wxt/browser';
import { PENDING_PANEL_REQUEST_KEY, pendingPanelRequestSchema, type PendingPanelRequest } from '../messaging/panel-request';

/**
 * The context menu's hand-over to the composer (see lib/messaging/panel-request.ts). Read once on open
 * and on every change; applied at most once per id, then removed so another panel window does not apply
 * it a second time later.
 */
export function startPendingRequestSync(apply: (request: PendingPanelRequest) => void): () => void {
  const session = browser.storage?.session;
  if (!session) return () => undefined;
  const applied = new Set<string>();
  const take = (raw: unknown) => {
    if (raw === undefined) return;
    const parsed = pendingPanelRequestSchema.safeParse(raw);
    void session.remove(PENDING_PANEL_REQUEST_KEY).catch(() => undefined);
    if (!parsed.success || applied.has(parsed.data.id)) return;
    applied.add(parsed.data.id);
    apply(parsed.data);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && PENDING_PANEL_REQUEST_KEY in changes) take(changes[PENDING_PANEL_REQUEST_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  void session
    .get(PENDING_PANEL_REQUEST_KEY)
    .then((items) => take(items[PENDING_PANEL_REQUEST_KEY]))
    .catch(() => undefined);
  return () => browser.storage.onChanged.removeListener(listener);
}
