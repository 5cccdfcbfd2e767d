import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/history/launcher.css';
import { LauncherApp } from '../../components/history/LauncherApp';
import { startHistorySync } from '../../lib/ui/history-store';
import { SetupGate } from '../../components/SetupGate';
import { startSettingsSync } from '../../lib/ui/settings-view-store';
import { localizeDocument, t } from '../../lib/i18n';
import { configureZodLocale } from '../../lib/i18n/zod-locale';

// The toolbar popup is a launcher: open the side panel, search, recent results, the full History.
// Reading starts before React mounts: the first page is on its way while the bundle renders.
localizeDocument(t('extension.actionTitle'));
configureZodLocale();
startHistorySync();
startSettingsSync(); // no key yet: the setup card (components/SetupGate.tsx)
createRoot(document.getElementById('root')!).render(
  <SetupGate>
    <LauncherApp />
  </SetupGate>,
);
