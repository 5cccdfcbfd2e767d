/**
 * `npm run zip`: the store packages in .output/ — reimagine-<version>-chrome.zip (Chrome Web Store),
 * reimagine-<version>-firefox.zip and reimagine-<version>-sources.zip (AMO asks for the sources of a
 * bundled extension). Always release builds: the test-only variables are removed from the environment
 * here, whatever the caller's shell holds (tests/unit/store-packages.test.ts checks the result).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { readFileSync } from 'node:fs';

const TEST_ONLY_VARIABLES = ['REIMAGINE_EXTRA_HOST_PERMISSIONS', 'WXT_E2E_HOOKS', 'WXT_OUT_DIR'];

export function storePackagePaths(version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version) {
  return {
    chrome: `.output/reimagine-${version}-chrome.zip`,
    firefox: `.output/reimagine-${version}-firefox.zip`,
    sources: `.output/reimagine-${version}-sources.zip`,
  };
}

export function makeStorePackages(): void {
  const env = { ...process.env };
  for (const name of TEST_ONLY_VARIABLES) delete env[name];
  // Run from vitest (tests/unit/store-packages.test.ts), NODE_ENV=test would give React's development build.
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete env[name];
  for (const browser of ['chrome', 'firefox']) {
    execFileSync('npx', ['wxt', 'zip', '-b', browser], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  makeStorePackages();
  for (const [kind, file] of Object.entries(storePackagePaths())) console.log(`${kind.padEnd(8)} ${file}  ${(statSync(file).size / 1024).toFixed(0)} KiB`);
}
