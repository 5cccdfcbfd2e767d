import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/history/history.css';
import { HistoryApp } from '../../components/history/HistoryApp';
import { startHistorySync } from '../../lib/history/store';

// Reading starts before React mounts: the first page is on its way while the bundle renders.
startHistorySync();
createRoot(document.getElementById('root')!).render(<HistoryApp />);
