import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { startJobsSync } from '../../lib/ui/jobs-store';
import { SidePanelApp } from './SidePanelApp';

startJobsSync();
createRoot(document.getElementById('root')!).render(<SidePanelApp />);
