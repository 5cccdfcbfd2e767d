/**
 * Pre-flight for `npm run test:e2e`: the E2E suite drives the system Chromium (Playwright's own
 * browser downloads are not used). Exits 0 when CHROMIUM_PATH (or /usr/bin/chromium) exists and
 * `--version` runs; otherwise explains how to get one and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const HELP =
  'Chromium not found. Install it: sudo apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM_PATH=/path/to/chrome';

const fromEnv = process.env.CHROMIUM_PATH;
const candidate = fromEnv || '/usr/bin/chromium';

function fail(detail: string): never {
  console.error(`${HELP}\n  (${detail})`);
  process.exit(1);
}

try {
  accessSync(candidate, constants.X_OK);
} catch {
  fail(`${fromEnv ? 'CHROMIUM_PATH' : 'default path'} ${candidate} does not exist or is not executable`);
}

const result = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 30_000 });
const version = (result.stdout ?? '').trim();
if (result.error || result.status !== 0 || !version) {
  const why = result.error?.message ?? `exit ${result.status}: ${(result.stderr ?? '').trim().slice(0, 300)}`;
  fail(`${candidate} --version failed: ${why}`);
}

console.log(`Using ${version} (${candidate})`);
