/**
 * Shared types for `npm run bench` (bench/run.ts). A measurement is a module `bench/<name>.ts`
 * exporting `run(ctx): Promise<BenchSection>`, registered in the SECTIONS list of bench/run.ts.
 */

export interface BenchContext {
  /** Repository root (absolute). */
  root: string;
  /** Built Chrome extension dir, `<root>/.output/chrome-mv3` (exists when sections run). */
  extDir: string;
  /** The e2e build (`npm run build:e2e`: release + the emulator and fixture hosts), `<root>/.output/e2e/chrome-mv3`. */
  e2eExtDir: string;
  /** Where sections may write artifacts: `<root>/bench-output` (exists). */
  outDir: string;
  /** CLI arguments after `npm run bench --`, e.g. ['--rebuild', '--only=sizes']. */
  args: string[];
  /** True when this run (re)built the extension. */
  rebuilt: boolean;
  /** Progress output (stderr), kept apart from the result tables. */
  log(message: string): void;
}

export type BenchUnit = 'bytes' | 'ms' | 'count' | 'ratio' | 'percent' | 'text';

export interface BenchColumn {
  key: string;
  label: string;
  unit: BenchUnit;
}

/** A bound on one numeric column of a row. Both bounds are inclusive. */
export interface BenchTarget {
  key: string;
  max?: number;
  min?: number;
  /** Why this target exists / where the number comes from. */
  note?: string;
}

export type BenchStatus = 'PASS' | 'MISS';

export interface BenchRow {
  label: string;
  values: Record<string, number | string | null>;
  target?: BenchTarget;
  /** Filled in by run.ts from `target` (a section may set it itself for non-numeric checks). */
  status?: BenchStatus;
  /** Extra data kept in results.json only (not printed). */
  details?: unknown;
}

export interface BenchSection {
  title: string;
  columns: BenchColumn[];
  rows: BenchRow[];
  /** Printed under the table. */
  notes?: string[];
}

export interface BenchModule {
  run(ctx: BenchContext): Promise<BenchSection>;
}
