// `node bin/run-ts.js bench/eligibility-hash.ts DB_URL [DATE]`: a SHA-256 over every decision of evaluateAll (programme,
// person, eligible, amount, reasons, receipt) on an existing database: proves an optimisation left the output alone.
import { createHash } from 'node:crypto';
import { connect } from '../src/db/connect.ts';
import { programs } from '../src/domain/policy/evaluate.ts';
import { systemScope } from '../src/features/access/scope.ts';
import { evaluateAll } from '../src/features/benefits/evaluation.ts';
import { loadParamSet } from '../src/features/benefits/param-store.ts';

const [url, date = '2025-12-31'] = process.argv.slice(2);
if (!url) throw new Error('usage: eligibility-hash DB_URL [DATE]');
const database = connect(url);
try {
  const params = await loadParamSet(database);
  const hash = createHash('sha256');
  let decisions = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for await (const chunk of evaluateAll(database, systemScope('hash'), { asOf: date }, programs, params)) {
    for (const p of chunk) {
      for (const d of p.decisions) {
        decisions += 1;
        const reasons = d.reasons.map((r) => [r.code, r.held, r.info === true, r.message, r.source]);
        const row = [d.program, p.person.personId, d.day, d.eligible, d.monthlyAmount, d.priority ?? null, reasons];
        hash.update(JSON.stringify([...row, d.receiving, d.enrolmentId, d.receivedAmountFen]));
        hash.update('\n');
      }
    }
  }
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      decisions,
      sha256: hash.digest('hex'),
      seconds: (performance.now() - start) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    }),
  );
} finally {
  await database.close();
}
