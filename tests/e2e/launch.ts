import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** How the e2e Chromium is started: shared by per-test launches (fixtures.ts) and the shared browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const DESKTOP_STUBS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'desktop-stubs');

/**
 * The browser UI language the extension runs in (browser.i18n picks its strings by it): E2E_LANG=de runs
 * the suite in German. Chromium takes it from --lang and, on Linux, from the LANGUAGE variable.
 */
export const UI_LANGUAGE = process.env.E2E_LANG ?? '';

/**
 * The browser's environment: the test's, in `uiLanguage` if one is given, with no-op `xdg-*` commands first
 * on PATH. Chromium on Linux runs xdg-icon-resource and xdg-desktop-menu (about six shell scripts) on every
 * extension uninstall to remove desktop shortcuts, and each test uninstalls its copy of the extension:
 * ~1 CPU-s per test for a desktop a headless test browser does not have.
 */
export function chromiumEnv(uiLanguage = UI_LANGUAGE): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const language: Record<string, string> = uiLanguage ? { LANGUAGE: uiLanguage, LANG: `${uiLanguage.replace('-', '_')}.UTF-8` } : {};
  return { ...env, ...language, PATH: `${DESKTOP_STUBS}${path.delimiter}${process.env.PATH ?? ''}` };
}

/**
 * The web the browser sees looks like production: vendor and fixture hostnames resolve to local servers
 * over `--host-resolver-rules` (TLS with a throwaway certificate, hence --ignore-certificate-errors).
 */
export function chromiumArgs(hostRules: string[], uiLanguage = UI_LANGUAGE): string[] {
  return [
    ...(uiLanguage ? [`--lang=${uiLanguage}`] : []),
    ...(hostRules.length > 0 ? [`--host-resolver-rules=${hostRules.join(',')}`, '--ignore-certificate-errors'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * The e2e browser prefers reduced motion, as many users do: spinners, skeletons and indeterminate progress
 * bars stop animating (the product honours the setting), so idle pages cost no CPU on a 2-core machine.
 */
export const REDUCED_MOTION = 'reduce' as const;
