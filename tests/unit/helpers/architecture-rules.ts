import { posix } from 'node:path';
import ts from 'typescript';

/**
 * The layer table of docs/ARCHITECTURE.md ("Layers") as data, and the checker that holds the code to it.
 * Read by tests/unit/architecture.test.ts. A folder imports only from its own layer or below; folders of one
 * layer may use each other as long as no cycle forms; the runtime contexts never import each other.
 */

export type SourceFiles = Map<string, string>;

/** Layer of every folder. A new lib/ folder must be added here (the test says so). */
export const FOLDER_LAYERS: Readonly<Record<string, number>> = {
  // 1 foundation: no knowledge of jobs or providers
  'lib/errors': 1,
  'lib/i18n': 1,
  'lib/net': 1,
  'lib/security': 1,
  'lib/media': 1,
  'lib/export': 1,
  // 2 the domain model: what a job, a mode, a request and a provider id are
  'lib/model': 2,
  // 3 rules over the model
  'lib/settings': 3,
  'lib/pricing': 3,
  'lib/catalog': 3,
  // 4 I/O adapters
  'lib/api': 4,
  'lib/providers': 4,
  'lib/storage': 4,
  // 5 services with no runtime context of their own
  'lib/jobs': 5,
  'lib/vision': 5,
  'lib/batch': 5,
  'lib/history': 5,
  'lib/library': 5,
  'lib/keyboard': 5,
  'lib/story': 5, // branch "story": many shots into one video (model, planner, cost, stitching)
  'lib/versions': 5,
  // 6 the messaging contract between the contexts
  'lib/messaging': 6,
  // 7 runtime contexts
  'lib/background': 7,
  'lib/content': 7,
  'lib/ui': 7,
  'lib/offscreen': 7,
  // 8, 9: React components (the ui context's views) and the WXT entry points
  components: 8,
  entrypoints: 9,
};

/**
 * Layers inside a folder, for a folder big enough to need them: its sub-folders (and '' for the files directly
 * in it) each get a rank, and a file imports only from its own rank or below. Sub-folders of one rank may use
 * each other as long as no cycle forms between sub-folders. A new sub-folder must be added here (the test says so).
 */
export const INNER_LAYERS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'lib/background': {
    // 1 the browser's own services: side panel, badge and notifications, alarms, senders, host permissions, posters
    platform: 1,
    // 2 what the worker keeps: settings and keys, the job store, the catalogue, history upkeep
    state: 2,
    // 3 what jobs read and write: sources in, outputs out, area crops, vision runs
    io: 3,
    // 4 "what the user pointed at, in which document": start, finish, fallbacks, page-image fetch, references
    capture: 4,
    // 5 the features that start captures and answer pages; they call into capture/, never the reverse
    handlers: 5,
    menus: 5,
    shortcuts: 5,
    batch: 5,
    page: 5,
    story: 5,
    // 6 main.ts (the composition root's start path), services.ts (the wiring), router.ts
    '': 6,
  },
};

/**
 * Files whose layer is not their folder's. Keep this short: each entry is a move postponed to keep a
 * round of parallel work mergeable, not a second way to organise code.
 */
export const FILE_LAYERS: Readonly<Record<string, number>> = {
};

/**
 * The context of each script entry point (a file directly in entrypoints/). A folder in entrypoints/ is an
 * extension page (ui) unless listed here. A new script entry point must be listed (the test says so).
 */
export const ENTRYPOINT_CONTEXTS: Readonly<Record<string, string>> = {
  'entrypoints/background.ts': 'background',
  'entrypoints/background-services.ts': 'background', // the worker's heavy half, loaded by importScripts
  'entrypoints/page.ts': 'content', // the page script, registered at run time
  'entrypoints/picker.ts': 'content', // branch "picker": an unlisted script injected into the page
  'entrypoints/offscreen': 'offscreen',
};

/** Runtime contexts. Files of one context never import a file of another. */
export function contextOf(file: string): string | undefined {
  const top = /^lib\/(background|content|ui|offscreen)\//.exec(file);
  if (top) return top[1];
  if (file.startsWith('components/')) return 'ui';
  const entry = /^entrypoints\/([^/]+)(\/)?/.exec(file);
  if (!entry) return undefined;
  if (!entry[2]) return ENTRYPOINT_CONTEXTS[file];
  return ENTRYPOINT_CONTEXTS[`entrypoints/${entry[1]}`] ?? 'ui';
}

export interface AllowedImport {
  from: string;
  to: string;
  why: string;
}
export interface AllowedFileCycle {
  files: string[];
  why: string;
}

/**
 * TEMPORARY debts only, each with its reason: an entry silences exactly one import or file cycle while a
 * change that pays it is in flight, and the test fails once nothing needs it any more. Empty today.
 */
export const ALLOWED_IMPORTS: AllowedImport[] = [];

export const ALLOWED_FILE_CYCLES: AllowedFileCycle[] = [];

export type Rule = 'upward' | 'context' | 'folder-cycle' | 'file-cycle' | 'index-bypass' | 'inner-upward' | 'inner-cycle';
export interface Violation {
  rule: Rule;
  detail: string;
}
export interface Edge {
  from: string;
  to: string;
  specifier: string;
}
export interface Report {
  files: number;
  edges: number;
  unassigned: string[];
  violations: Violation[];
  unusedAllowances: string[];
}

/** lib/<folder>, components or entrypoints: the unit whose layer is declared and between which cycles are banned. */
export function folderOf(file: string): string {
  const [top, second] = file.split('/');
  return top === 'lib' ? `lib/${second}` : (top ?? file);
}

/** For a file of a folder with inner layers: that folder and the part (sub-folder, or '' for its top) the file is in. */
export function innerPartOf(file: string): { folder: string; part: string } | undefined {
  const folder = folderOf(file);
  if (!INNER_LAYERS[folder]) return undefined;
  const rest = file.slice(folder.length + 1);
  return { folder, part: rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '' };
}

export const layerOf = (file: string): number | undefined => FILE_LAYERS[file] ?? FOLDER_LAYERS[folderOf(file)];

function resolve(from: string, specifier: string, files: SourceFiles): string | undefined {
  const bare = specifier.replace(/\?.*$/, '');
  let base: string;
  if (bare.startsWith('@/') || bare.startsWith('~/')) base = posix.normalize(bare.slice(2));
  else if (bare.startsWith('.')) base = posix.normalize(posix.join(posix.dirname(from), bare));
  else return undefined; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined; // an asset (css, html) or a file outside the checked trees; tsc reports broken paths
}

/** Every import of every file: static, `export … from`, `import type` and `import()`, read by TypeScript. */
export function importsOf(files: SourceFiles): Edge[] {
  const edges: Edge[] = [];
  for (const [from, source] of files) {
    for (const ref of ts.preProcessFile(source, true, true).importedFiles) {
      const to = resolve(from, ref.fileName, files);
      if (to && to !== from) edges.push({ from, to, specifier: ref.fileName });
    }
  }
  return edges;
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const other of next(node)) {
      if (!index.has(other)) {
        visit(other);
        low.set(node, Math.min(low.get(node)!, low.get(other)!));
      } else if (onStack.has(other)) low.set(node, Math.min(low.get(node)!, index.get(other)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

const declaresIndex = (source: string): boolean => /import from here/i.test(source);

export function checkArchitecture(
  files: SourceFiles,
  allow: { allowedImports: AllowedImport[]; allowedFileCycles: AllowedFileCycle[] } = {
    allowedImports: ALLOWED_IMPORTS,
    allowedFileCycles: ALLOWED_FILE_CYCLES,
  },
): Report {
  const edges = importsOf(files);
  const violations: Violation[] = [];
  const usedImports = new Set<AllowedImport>();
  const usedCycles = new Set<AllowedFileCycle>();
  const allowedImport = (edge: Edge) => {
    const entry = allow.allowedImports.find((a) => a.from === edge.from && a.to === edge.to);
    if (entry) usedImports.add(entry);
    return entry !== undefined;
  };

  const unassigned = [
    ...[...new Set([...files.keys()].map(folderOf))].filter((folder) => FOLDER_LAYERS[folder] === undefined),
    ...[...new Set([...files.keys()].flatMap((file) => {
      const inner = innerPartOf(file);
      return inner && INNER_LAYERS[inner.folder]![inner.part] === undefined ? [`${inner.folder}/${inner.part}/`] : [];
    }))],
    ...[...files.keys()].filter((file) => file.startsWith('entrypoints/') && contextOf(file) === undefined),
  ].sort();

  const declaredIndexes = [...files].filter(([file, source]) => /^lib\/[^/]+\/index\.tsx?$/.test(file) && declaresIndex(source)).map(([file]) => file);

  for (const edge of edges) {
    const [fromLayer, toLayer] = [layerOf(edge.from), layerOf(edge.to)];
    const line = `${edge.from} → ${edge.to} ('${edge.specifier}')`;
    if (fromLayer !== undefined && toLayer !== undefined && toLayer > fromLayer && !allowedImport(edge)) {
      violations.push({ rule: 'upward', detail: `${line}: layer ${fromLayer} imports layer ${toLayer}` });
    }
    const [fromContext, toContext] = [contextOf(edge.from), contextOf(edge.to)];
    if (fromContext && toContext && fromContext !== toContext && !allowedImport(edge)) {
      violations.push({ rule: 'context', detail: `${line}: ${fromContext} imports ${toContext}` });
    }
    for (const index of declaredIndexes) {
      const folder = posix.dirname(index);
      if (edge.to.startsWith(`${folder}/`) && edge.to !== index && !edge.from.startsWith(`${folder}/`) && !allowedImport(edge)) {
        violations.push({ rule: 'index-bypass', detail: `${line}: ${index} says "import from here"` });
      }
    }
  }

  // Cycles between folders: a folder graph, edges counted once.
  const folderEdges = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b) continue;
    if (!folderEdges.has(a)) folderEdges.set(a, new Set());
    folderEdges.get(a)!.add(b);
  }
  for (const cycle of cycles(folderEdges.keys(), (folder) => folderEdges.get(folder) ?? [])) {
    const witnesses = edges.filter((e) => cycle.includes(folderOf(e.from)) && cycle.includes(folderOf(e.to)) && folderOf(e.from) !== folderOf(e.to));
    violations.push({ rule: 'folder-cycle', detail: `${cycle.join(' ↔ ')}: ${witnesses.map((e) => `${e.from} → ${e.to}`).join('; ')}` });
  }

  // Inside a folder with inner layers: no import up, and no cycle between its parts.
  const partEdges = new Map<string, Set<string>>();
  for (const edge of edges) {
    const [from, to] = [innerPartOf(edge.from), innerPartOf(edge.to)];
    if (!from || !to || from.folder !== to.folder || from.part === to.part) continue;
    const table = INNER_LAYERS[from.folder]!;
    const [fromRank, toRank] = [table[from.part], table[to.part]];
    if (fromRank !== undefined && toRank !== undefined && toRank > fromRank && !allowedImport(edge)) {
      violations.push({ rule: 'inner-upward', detail: `${edge.from} → ${edge.to}: ${from.part || '(top)'} (${fromRank}) imports ${to.part || '(top)'} (${toRank})` });
    }
    const [a, b] = [`${from.folder}/${from.part}`, `${to.folder}/${to.part}`];
    if (!partEdges.has(a)) partEdges.set(a, new Set());
    partEdges.get(a)!.add(b);
  }
  for (const cycle of cycles(partEdges.keys(), (part) => partEdges.get(part) ?? [])) {
    const partOf = (file: string) => { const inner = innerPartOf(file); return inner && `${inner.folder}/${inner.part}`; };
    const witnesses = edges.filter((e) => cycle.includes(partOf(e.from) ?? '') && cycle.includes(partOf(e.to) ?? '') && partOf(e.from) !== partOf(e.to));
    violations.push({ rule: 'inner-cycle', detail: `${cycle.join(' ↔ ')}: ${witnesses.map((e) => `${e.from} → ${e.to}`).join('; ')}` });
  }

  // Cycles between the files of one folder (lib/background's circle was the reason for this rule).
  const fileEdges = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (folderOf(from) !== folderOf(to)) continue;
    if (!fileEdges.has(from)) fileEdges.set(from, new Set());
    fileEdges.get(from)!.add(to);
  }
  for (const cycle of cycles(fileEdges.keys(), (file) => fileEdges.get(file) ?? [])) {
    const entry = allow.allowedFileCycles.find((a) => cycle.every((file) => a.files.includes(file)));
    if (entry) usedCycles.add(entry);
    else violations.push({ rule: 'file-cycle', detail: cycle.join(' ↔ ') });
  }

  const unusedAllowances = [
    ...allow.allowedImports.filter((a) => !usedImports.has(a)).map((a) => `${a.from} → ${a.to}`),
    ...allow.allowedFileCycles.filter((a) => !usedCycles.has(a)).map((a) => a.files.join(' ↔ ')),
  ];
  return { files: files.size, edges: edges.length, unassigned, violations, unusedAllowances };
}
