import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The names the emulator answers for over HTTPS (mapped to it with Chromium's --host-resolver-rules). */
export const VENDOR_HOSTS = {
  xaiApi: 'api.x.ai',
  xaiImages: 'imgen.x.ai',
  xaiVideos: 'vidgen.x.ai',
  vydraApi: 'www.vydra.ai',
  vydraCdn: 'cdn.vydra.ai',
  runwareApi: 'api.runware.ai',
  runwareImages: 'im.runware.ai',
  runwareVideos: 'vm.runware.ai',
} as const;

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

let cached: Certificate | undefined;

/**
 * A throwaway self-signed certificate for the vendor hostnames, made with the system `openssl` at first
 * use (browsers under test run with --ignore-certificate-errors; the names are there so that a stricter
 * client still sees the right subject). Never written into the repository.
 */
export function throwawayCertificate(): Certificate {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'reimagine-tls-'));
  try {
    const san = Object.values(VENDOR_HOSTS).map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=api.x.ai', '-addext', `subjectAltName=${san},IP:127.0.0.1`,
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    cached = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
