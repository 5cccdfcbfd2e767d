import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_IMPORTS,
  ALLOWED_FILE_CYCLES,
  checkArchitecture,
  type SourceFiles,
} from './helpers/architecture-rules';

/**
 * The layer rule of docs/ARCHITECTURE.md ("Layers"), kept by a test rather than by goodwill (the
 * refined-github habit: conventions are tests). Every import in lib/, components/ and entrypoints/ is read
 * with the TypeScript compiler's own pre-processor (static, `export … from`, `import type` and dynamic
 * `import()` alike) and checked against the table in ./helpers/architecture-rules.ts.
 */

const ROOT = join(__dirname, '..', '..');

function readTree(dir: string, out: SourceFiles): void {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) readTree(path, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.set(path, readFileSync(join(ROOT, path), 'utf8'));
  }
}

function projectSources(): SourceFiles {
  const files: SourceFiles = new Map();
  for (const dir of ['lib', 'components', 'entrypoints']) readTree(dir, files);
  return files;
}

describe('architecture: layers import only downward', () => {
  const report = checkArchitecture(projectSources());

  it('reads the project (a sanity check that the walker found the code)', () => {
    expect(report.files).toBeGreaterThan(200);
    expect(report.edges).toBeGreaterThan(800);
  });

  it('every lib/ folder has a declared layer, every script entry point a context', () => {
    expect(report.unassigned).toEqual([]);
  });

  it('no upward import', () => {
    expect(report.violations.filter((v) => v.rule === 'upward')).toEqual([]);
  });

  it('no runtime context imports another (background, content, ui + components, offscreen)', () => {
    expect(report.violations.filter((v) => v.rule === 'context')).toEqual([]);
  });

  it('no import cycle between folders', () => {
    expect(report.violations.filter((v) => v.rule === 'folder-cycle')).toEqual([]);
  });

  it('no import cycle between the files of a folder', () => {
    expect(report.violations.filter((v) => v.rule === 'file-cycle')).toEqual([]);
  });

  it('inside lib/background, no sub-folder imports one above it (platform, state, io, capture, the features, the top)', () => {
    expect(report.violations.filter((v) => v.rule === 'inner-upward')).toEqual([]);
  });

  it('no import cycle between the sub-folders of lib/background', () => {
    expect(report.violations.filter((v) => v.rule === 'inner-cycle')).toEqual([]);
  });

  it('no import bypasses a declared index ("Import from here")', () => {
    expect(report.violations.filter((v) => v.rule === 'index-bypass')).toEqual([]);
  });

  it('every allow-list entry is still needed (remove it once the debt is paid)', () => {
    expect(report.unusedAllowances).toEqual([]);
  });

  it('the allow-lists stay temporary and explained', () => {
    for (const entry of [...ALLOWED_IMPORTS, ...ALLOWED_FILE_CYCLES]) expect(entry.why.length).toBeGreaterThan(20);
  });
});

describe('architecture: the checker catches planted violations', () => {
  // A small, legal world: foundation → model → rules → services → a context, plus components and an entry point.
  const legal = (): SourceFiles =>
    new Map([
      ['lib/i18n/index.ts', `export const t = (k: string) => k;`],
      ['lib/model/job.ts', `import { t } from '../i18n';\nexport const job = t('x');`],
      ['lib/settings/schema.ts', `import type { Job } from '../model/job';\nexport const s = 1;`],
      ['lib/jobs/engine.ts', `import { s } from '../settings/schema';\nimport { job } from '@/lib/model/job';\nexport const e = s;`],
      ['lib/ui/store.ts', `export const store = () => import('../jobs/engine');`],
      ['components/Card.tsx', `import { store } from '../lib/ui/store';\nexport const Card = store;`],
      ['entrypoints/popup/main.tsx', `import { Card } from '../../components/Card';\nexport { Card };`],
      ['lib/background/main.ts', `export * from '../jobs/engine';`],
    ]);
  const rules = (files: SourceFiles) => checkArchitecture(files, { allowedImports: [], allowedFileCycles: [] }).violations.map((v) => v.rule);

  it('the legal world passes', () => {
    expect(rules(legal())).toEqual([]);
  });

  it('catches an upward import (foundation → service), static or dynamic', () => {
    const files = legal();
    files.set('lib/i18n/index.ts', `export const t = (k: string) => k;\nexport const x = () => import('../jobs/engine');`);
    expect(rules(files)).toContain('upward');
    const typeOnly = legal();
    typeOnly.set('lib/storage/db.ts', `export type Db = number;`);
    typeOnly.set('lib/model/job.ts', `import type { Db } from '../storage/db';\nexport const job: Db = 1;`);
    expect(rules(typeOnly)).toEqual(['upward']);
  });

  it('catches a context importing another context, and components importing a context other than ui', () => {
    const files = legal();
    files.set('lib/background/main.ts', `export * from '../jobs/engine';\nimport '../ui/store';`);
    expect(rules(files)).toContain('context');
    const fromComponents = legal();
    fromComponents.set('components/Card.tsx', `import { x } from '../lib/background/main';\nexport const Card = x;`);
    expect(rules(fromComponents)).toContain('context');
  });

  it('catches a cycle between folders, even among folders of one layer', () => {
    const files = legal();
    files.set('lib/pricing/estimate.ts', `import { s } from '../settings/schema';\nexport const p = s;`);
    files.set('lib/settings/schema.ts', `import { p } from '../pricing/estimate';\nexport const s = p;`);
    expect(rules(files)).toEqual(['folder-cycle']);
  });

  it('catches a cycle between the files of one folder', () => {
    const files = legal();
    files.set('lib/background/a.ts', `import { b } from './b';\nexport const a = b;`);
    files.set('lib/background/b.ts', `import { a } from './a.ts';\nexport const b = a;`);
    expect(rules(files)).toEqual(['file-cycle']);
  });

  it('catches a bypass of an index that says "Import from here"', () => {
    const files = legal();
    files.set('lib/api/index.ts', `/** Public surface. Import from here, not from the individual files. */\nexport * from './client';`);
    files.set('lib/api/client.ts', `export const client = 1;`);
    files.set('lib/jobs/engine.ts', `import { client } from '../api/client';\nexport const e = client;`);
    expect(rules(files)).toEqual(['index-bypass']);
    files.set('lib/jobs/engine.ts', `import { client } from '../api';\nexport const e = client;`);
    expect(rules(files)).toEqual([]);
  });

  // lib/background's inner layers: the features call into capture/, which stands on io/, state/ and platform/.
  const background = (): SourceFiles => {
    const files = legal();
    files.set('lib/background/platform/wake.ts', `export const WAKE = 'wake';`);
    files.set('lib/background/state/settings-store.ts', `import { WAKE } from '../platform/wake';\nexport const load = () => WAKE;`);
    files.set('lib/background/capture/start.ts', `import { load } from '../state/settings-store';\nexport const start = load;`);
    files.set('lib/background/menus/menus.ts', `import { start } from '../capture/start';\nimport { pick } from '../page/pick';\nexport const menus = [start, pick];`);
    files.set('lib/background/page/pick.ts', `import { start } from '../capture/start';\nexport const pick = start;`);
    files.set('lib/background/services.ts', `import { menus } from './menus/menus';\nexport const services = () => import('./page/pick').then(() => menus);`);
    return files;
  };

  it('lib/background: the legal layering passes', () => {
    expect(rules(background())).toEqual([]);
  });

  it('lib/background: catches capture/ importing a feature, and state/ importing capture/ (type-only too)', () => {
    const files = background();
    files.set('lib/background/capture/start.ts', `import { load } from '../state/settings-store';\nimport type { menus } from '../menus/menus';\nexport const start = load;`);
    expect(rules(files)).toContain('inner-upward');
    const fromState = background();
    fromState.set('lib/background/state/settings-store.ts', `export const load = () => import('../capture/start');`);
    expect(rules(fromState)).toContain('inner-upward');
    const fromPlatform = background();
    fromPlatform.set('lib/background/platform/wake.ts', `import '../router';\nexport const WAKE = 'wake';`);
    fromPlatform.set('lib/background/router.ts', `export const route = 1;`);
    expect(rules(fromPlatform)).toContain('inner-upward');
  });

  it('lib/background: catches a cycle between sub-folders of one rank even when no file cycle forms', () => {
    const files = background();
    files.set('lib/background/page/overlay.ts', `import { menus } from '../menus/menus';\nexport const overlay = menus;`);
    expect(rules(files)).toEqual(['inner-cycle']);
  });

  it('lib/background: reports a sub-folder with no declared rank', () => {
    const files = background();
    files.set('lib/background/misc/thing.ts', `export const thing = 1;`);
    expect(checkArchitecture(files, { allowedImports: [], allowedFileCycles: [] }).unassigned).toEqual(['lib/background/misc/']);
  });

  it('an allow-list entry silences exactly its import, and an unused one is reported', () => {
    const files = legal();
    files.set('lib/background/main.ts', `import '../ui/store';`);
    const allowed = [{ from: 'lib/background/main.ts', to: 'lib/ui/store.ts', why: 'a planted, explained exception for this test' }];
    const report = checkArchitecture(files, { allowedImports: allowed, allowedFileCycles: [] });
    expect(report.violations).toEqual([]);
    const unused = checkArchitecture(legal(), { allowedImports: allowed, allowedFileCycles: [] });
    expect(unused.unusedAllowances).toHaveLength(1);
  });

  it('reports a lib/ folder that has no layer yet', () => {
    const files = legal();
    files.set('lib/newthing/x.ts', `export const x = 1;`);
    expect(checkArchitecture(files, { allowedImports: [], allowedFileCycles: [] }).unassigned).toEqual(['lib/newthing']);
  });

  it('reports a script entry point with no declared context, and checks a known one as its context', () => {
    const files = legal();
    files.set('entrypoints/stray.ts', `export const x = 1;`);
    expect(checkArchitecture(files, { allowedImports: [], allowedFileCycles: [] }).unassigned).toEqual(['entrypoints/stray.ts']);
    const page = legal();
    page.set('entrypoints/page.ts', `import { store } from '../lib/ui/store';\nexport { store };`);
    expect(rules(page)).toEqual(['context']);
  });
});
