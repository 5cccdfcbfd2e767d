import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/main';

// A classic script, not `type: 'module'`: Chrome refuses import() in a service worker, and in a single-file
// build rolldown turns main.ts's import('./services') into a lazy init, so the handlers load on demand
// (docs/ARCHITECTURE.md, "The worker's start path").
export default defineBackground({ main: startBackground });
