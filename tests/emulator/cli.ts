/**
 * `npm run emulator [-- --port 7878 --host 127.0.0.1 --render-ms 6000 --image-ms 50 --fault-rate 0 --time-scale 0.1 --vendor-hosts]`
 * Realistic by default (slow images, minute-long renders, one submission in twenty failing: timing.ts);
 * `--image-ms 50 --render-ms 3000 --fault-rate 0` makes it fast and reliable, `--fault-rate 0.3` flaky.
 * Port: --port, else EMULATOR_PORT, else 7878. `--vendor-hosts` also serves HTTPS and issues results on
 * imgen.x.ai / vidgen.x.ai: start Chromium with the printed flags to use it as https://api.x.ai.
 */
import { parseArgs } from 'node:util';
import { createEmulator } from './server';

const DEFAULT_PORT = 7878;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'render-ms': { type: 'string' },
    'image-ms': { type: 'string' },
    'fault-rate': { type: 'string' },
    'time-scale': { type: 'string' },
    'media-ttl-ms': { type: 'string' },
    'vendor-hosts': { type: 'boolean' },
  },
});

function numberOption(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const port = numberOption(values.port, 'port') ?? numberOption(process.env['EMULATOR_PORT'], 'port (EMULATOR_PORT)') ?? DEFAULT_PORT;
const videoRenderMs = numberOption(values['render-ms'], 'render-ms');
const mediaTtlMs = numberOption(values['media-ttl-ms'], 'media-ttl-ms');
const imageLatencyMs = numberOption(values['image-ms'], 'image-ms');
const fraction = (raw: string | undefined, name: string, max: number): number | undefined => {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    console.error(`--${name} must be a number from 0 to ${max}, got "${raw}"`);
    process.exit(2);
  }
  return value;
};
const faultRate = fraction(values['fault-rate'], 'fault-rate', 1);
const timeScale = fraction(values['time-scale'], 'time-scale', 100);

const emulator = await createEmulator({
  port,
  host: values.host ?? '127.0.0.1',
  ...(videoRenderMs !== undefined ? { videoRenderMs } : {}),
  ...(mediaTtlMs !== undefined ? { mediaTtlMs } : {}),
  ...(imageLatencyMs !== undefined ? { imageLatencyMs } : {}),
  ...(faultRate !== undefined ? { faultRate } : {}),
  ...(timeScale !== undefined ? { timeScale } : {}),
  ...(values['vendor-hosts'] ? { https: true, mediaHosts: 'vendor' as const } : {}),
});

console.log(`Grok Imagine API emulator listening on ${emulator.url}`);
console.log(`  API base URL: ${emulator.apiBaseUrl}`);
console.log('  API key:      xai-emulator-key');
console.log(`  Admin API:    ${emulator.url}/__emulator/ (faults, config, requests, video-jobs, reset…)`);
if (emulator.httpsPort !== undefined) {
  console.log(`  HTTPS on port ${emulator.httpsPort}, as the vendors' hosts. Chromium flags:`);
  console.log(`    --host-resolver-rules="${emulator.hostResolverRules().join(',')}" --ignore-certificate-errors`);
}

const shutdown = (): void => {
  void emulator.close().finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
