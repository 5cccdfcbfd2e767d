import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/history/history.css';
import { HistoryApp } from '../../components/history/HistoryApp';
import { startHistorySync, useHistory } from '../../lib/ui/history-store';
import { localizeDocument, t } from '../../lib/i18n';
import { configureZodLocale } from '../../lib/i18n/zod-locale';

// The full-page History, opened in a tab from the popup: filters, bulk delete, purge, export and import.
localizeDocument(t('ux.history.documentTitle'));
configureZodLocale();
const query = new URLSearchParams(location.search).get('q');
if (query) useHistory.getState().setFilter({ text: query });
startHistorySync();
createRoot(document.getElementById('root')!).render(<HistoryApp page />);
