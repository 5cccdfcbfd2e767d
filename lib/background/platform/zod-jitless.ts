import { z } from 'zod';

/**
 * Imported first by services.ts, before any module that builds a schema: zod decides at construction whether a
 * schema gets a `new Function` parser. The extension's CSP forbids eval, but zod's probe for it passes in the
 * classic service worker once its top-level script has run, and the compiled parsers would then throw.
 */
z.config({ jitless: true });
