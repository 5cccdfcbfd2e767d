import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { OptionsApp } from './OptionsApp';
import { localizeDocument, t } from '../../lib/i18n';
import { configureZodLocale } from '../../lib/i18n/zod-locale';

localizeDocument(t('options.optionsApp.reimagineOptions'));
configureZodLocale();
createRoot(document.getElementById('root')!).render(<OptionsApp />);
