import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/main';

// The start script, a classic script (not `type: 'module'`: Chrome refuses import() in a service worker). The
// handlers are a second classic script it loads with importScripts on demand (background-services.ts,
// lib/background/services-loader.ts; docs/ARCHITECTURE.md, "The worker's start path").
export default defineBackground({ main: startBackground });
