import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/history/history.css';
import { HistoryApp } from '../../components/history/HistoryApp';
import { SetupGate } from '../../components/SetupGate';
import { startSettingsSync } from '../../lib/ui/settings-store';
import { startHistorySync } from '../../lib/history/store';
import { localizeDocument, t } from '../../lib/i18n';
import { configureZodLocale } from '../../lib/i18n/zod-locale';

// Reading starts before React mounts: the first page is on its way while the bundle renders.
localizeDocument(t('extension.actionTitle'));
configureZodLocale();
startHistorySync();
startSettingsSync(); // no key yet: the setup card (components/SetupGate.tsx)
createRoot(document.getElementById('root')!).render(
  <SetupGate>
    <HistoryApp />
  </SetupGate>,
);
