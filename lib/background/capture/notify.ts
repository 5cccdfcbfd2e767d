import { browser } from 'wxt/browser';
import { t } from '../../i18n';

/** A capture that cannot reach the panel or the page (no tab, no access, nothing to repeat) says why here. */
export async function notifyError(message: string): Promise<void> {
  await browser.notifications
    .create(`reimagine-error:${crypto.randomUUID()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('extension.name'),
      message,
    })
    .catch(() => undefined);
}
