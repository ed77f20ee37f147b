import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../src/db/connect.ts';
import { personFileColumns } from '../src/contracts/person-file.ts';
import { generateDemoPersons } from '../src/features/demo/persons.ts';
import type { Cell } from '../src/features/files/table.ts';
import { writeTable } from '../src/features/files/write-table.ts';
import { freshDatabaseUrl } from './fresh-db.ts';
import { projectRoot, report, round } from './lib.ts';

/** Writes an N-person file of the demo county in the persons layout. */
async function personsFile(rows: number, format: 'csv' | 'xlsx'): Promise<string> {
  const file = path.join(os.tmpdir(), `sdpf-bench-${rows}.${format}`);
  if (fs.existsSync(file)) return file;
  const cells = function* (): Generator<Cell[]> {
    for (const p of generateDemoPersons({ persons: rows, seed: 7, asOf: '2026-11-29' })) {
      yield personFileColumns.map((c) => (p as Record<string, string | undefined>)[c.key] ?? null);
    }
  };
  await writeTable(
    `${file}.tmp`,
    format,
    personFileColumns.map((c) => c.header),
    cells(),
  );
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/**
 * Import throughput: 100,000 persons from .csv and from .xlsx into an empty database, each import in a child
 * process that reports its own peak RSS. Targets: ≥ 20,000 rows/s (CSV), ≥ 10,000 rows/s (xlsx), < 400 MB.
 */
export async function benchImport(engines: Engine[], rows = 100_000): Promise<void> {
  for (const format of ['csv', 'xlsx'] as const) {
    const file = await personsFile(rows, format);
    for (const engine of engines) {
      const db = await freshDatabaseUrl(engine, `import_${format}`);
      try {
        const child = spawnSync(
          process.execPath,
          [path.join(projectRoot, 'bin/run-ts.js'), path.join(projectRoot, 'bench/import-child.ts'), file],
          {
            env: { ...process.env, DATABASE_URL: db.url },
            encoding: 'utf8',
          },
        );
        if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
        const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) as string);
        const target = format === 'csv' ? 20_000 : 10_000;
        report(`import-${format}`, engine, {
          rows: figures.rows,
          seconds: round(figures.seconds),
          cpuSeconds: round(figures.cpuSeconds),
          // The 1-minute load average when the import ended: the machine may be shared (2 cores).
          loadAverage: round(os.loadavg()[0] ?? 0),
          rowsPerSecond: Math.round(figures.rowsPerSecond),
          peakRssMb: Math.round(figures.peakRssMb),
          targetRowsPerSecond: target,
          met: figures.rowsPerSecond >= target && figures.peakRssMb < 400,
        });
      } finally {
        await db.drop();
      }
    }
  }
}
