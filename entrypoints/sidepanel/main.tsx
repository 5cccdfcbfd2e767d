import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './sidepanel.css';
import { useComposer } from '../../lib/ui/composer-store';
import { useDescription } from '../../lib/ui/description-store';
import { startBatchSync, useBatch } from '../../lib/ui/batch-panel-store';
import { startJobsSync } from '../../lib/ui/jobs-store';
import { startPendingRequestSync } from '../../lib/ui/pending-request';
import { useAreaPicker } from '../../lib/ui/area-picker-store';
import { capabilitiesOf, startSettingsSync, useSettings } from '../../lib/ui/settings-view-store';
import { Viewer } from '../../components/Viewer';
import { SidePanelApp } from './SidePanelApp';
import { localizeDocument } from '../../lib/i18n';
import { configureZodLocale } from '../../lib/i18n/zod-locale';

const params = new URLSearchParams(location.search);
localizeDocument();
configureZodLocale();
const root = createRoot(document.getElementById('root')!);
const view = params.get('view');

if (view) {
  root.render(<Viewer jobId={view} index={Number(params.get('index') ?? 0) || 0} />);
} else {
  startSettingsSync();
  // Settings seed the composer's defaults once, without overwriting what a hand-over already set.
  const unsubscribe = useSettings.subscribe((s) => {
    if (!s.loaded) return;
    useComposer.getState().seed(s.settings);
    unsubscribe();
  });
  startJobsSync();
  startBatchSync();
  startPendingRequestSync((request) => {
    // "Reimagine images on this page…": the picker; the composer is left as the user had it.
    if (request.batch) return useBatch.getState().showPicker(request.batch);
    // "Describe image" has its own card; the composer is left as the user had it.
    if (request.describe) return useDescription.getState().show(request.describe);
    useComposer.getState().handOver(request, capabilitiesOf(useSettings.getState().settings, useSettings.getState().catalog));
    // "Edit an area…": the picker opens on the captured picture.
    if (request.pickArea && request.sources[0]) useAreaPicker.getState().open(request.sources[0]);
  });
  root.render(<SidePanelApp />);
}
