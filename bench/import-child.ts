// One import in its own process, so that its peak memory is its own: `node bin/run-ts.js bench/import-child.ts FILE`
// with DATABASE_URL set. Prints one JSON line: rows, seconds, CPU seconds, rows per second, peak RSS.
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemScope } from '../src/features/access/scope.ts';
import { loadDemoVillages } from '../src/features/demo/load-demo.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { importPersons } from '../src/features/registry/import/import-persons.ts';

const file = process.argv[2] as string;
const database = connect();
await migrateToLatest(database);
await loadRegions(database);
await loadDemoVillages(database);
const start = performance.now();
const cpuStart = process.cpuUsage();
const report = await importPersons(database, systemScope('bench'), file, { asOf: '2026-11-29', fileName: 'bench' });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
await database.close();
if (!report.committed || report.created !== report.rows)
  throw new Error(`import did not create every row: ${JSON.stringify(report).slice(0, 500)}`);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
// CPU time of this process (not of the PostgreSQL server) tells more than wall time on a busy shared machine.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({ rows: report.rows, seconds, cpuSeconds, rowsPerSecond: report.rows / seconds, peakRssMb }));
