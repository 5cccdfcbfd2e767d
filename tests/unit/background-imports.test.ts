import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 22: "what did the user point at, in which document" is one module, lib/background/capture/. Menus,
 * shortcuts and the batch call into it; it calls none of them — the old circle capture ↔ menus ↔ batch ↔
 * shortcuts must not come back. (Layers between lib/ folders: tests/unit/architecture.test.ts.)
 */
const ROOT = path.resolve(__dirname, '../../lib/background');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    const spec = match[1] ?? match[2]!;
    const base = path.resolve(path.dirname(file), spec);
    for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
      if (candidate.startsWith(ROOT) && statSync(candidate, { throwIfNoEntry: false })?.isFile()) out.push(candidate);
    }
  }
  return out;
}

const graph = new Map(files(ROOT).map((f) => [f, localImports(f)]));
const rel = (f: string) => path.relative(ROOT, f);

describe('lib/background imports', () => {
  it('have no cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('capture/ calls none of menus, shortcuts, batch or overlay', () => {
    const callers = ['menus.ts', 'shortcuts.ts', 'batch.ts', 'overlay.ts'].map((f) => path.join(ROOT, f));
    const offending = [...graph].filter(([file]) => rel(file).startsWith('capture/')).flatMap(([file, deps]) => deps.filter((d) => callers.includes(d)).map((d) => `${rel(file)} → ${rel(d)}`));
    expect(offending).toEqual([]);
  });
});
