import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEDIA_ORIGINS, originPattern } from '../../lib/providers/media-origins';

/**
 * The release build's permission contract, read from the built manifest (`npm test` builds it first; run
 * alone, this builds it). In production nothing of ours is on 127.0.0.1: test hosts come only from
 * REIMAGINE_EXTRA_HOST_PERMISSIONS, which a plain `npm run build` never sets.
 */
const MANIFEST = path.resolve('.output', 'chrome-mv3', 'manifest.json');

function releaseManifest(): { host_permissions: string[]; optional_host_permissions: string[]; permissions: string[] } {
  if (!existsSync(MANIFEST)) {
    const env = { ...process.env };
    delete env.REIMAGINE_EXTRA_HOST_PERMISSIONS;
    delete env.WXT_OUT_DIR;
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env });
  }
  return JSON.parse(readFileSync(MANIFEST, 'utf8'));
}

describe('the release manifest', () => {
  it('holds the API and the default provider\'s media hosts, and nothing local or test-only', () => {
    const manifest = releaseManifest();
    expect(manifest.host_permissions).toEqual(['https://api.x.ai/*', ...MEDIA_ORIGINS.xai.map(originPattern)]);
    for (const pattern of [...manifest.host_permissions, ...manifest.optional_host_permissions]) {
      expect(pattern).not.toMatch(/127\.|localhost|\[::1\]|\.test\//);
    }
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  }, 120_000);
});
