import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../src/db/connect.ts';

/** The project root (bench/..). */
export const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The median of a few timings. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Rounds to a few significant decimals for printing. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Milliseconds since a `performance.now()` start. */
export function since(start: number): number {
  return performance.now() - start;
}

/** The engines a run covers: `--engine sqlite|postgres`, or both. */
export function enginesFrom(args: readonly string[]): Engine[] {
  const i = args.indexOf('--engine');
  const chosen = i >= 0 ? args[i + 1] : undefined;
  return chosen === 'sqlite' || chosen === 'postgres' ? [chosen] : ['sqlite', 'postgres'];
}

/** Writes one scenario's figures to bench/results/<scenario>-<engine>.json (latest run) and prints them. */
export function report(scenario: string, engine: string, figures: Record<string, unknown>): void {
  const record = { scenario, engine, at: new Date().toISOString(), node: process.version, ...figures };
  fs.mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, 'bench', 'results', `${scenario}-${engine}.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`[${scenario} · ${engine}] ${JSON.stringify(figures)}`);
}
