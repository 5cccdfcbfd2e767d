import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import { startSettingsSync } from '../../lib/ui/settings-view-store';
import { localizeDocument, t } from '../../lib/i18n';
import { configureZodLocale } from '../../lib/i18n/zod-locale';

// Opened once, on install (lib/background/platform/welcome.ts).
localizeDocument(t('setup.welcomeTitle'));
configureZodLocale();
startSettingsSync();
createRoot(document.getElementById('root')!).render(<WelcomeApp />);
