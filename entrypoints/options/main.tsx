import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { OptionsApp } from './OptionsApp';
import { localizeDocument, t } from '../../lib/i18n';

localizeDocument(t('options.optionsApp.reimagineOptions'));
createRoot(document.getElementById('root')!).render(<OptionsApp />);
