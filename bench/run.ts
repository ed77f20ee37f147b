// `npm run bench [-- SCENARIO… --engine sqlite|postgres]`: prints figures and writes bench/results/*.json.
import { benchHttp } from './http.ts';
import { benchEligibility } from './eligibility.ts';
import { benchImport } from './import.ts';
import { benchIndicators } from './indicators.ts';
import { enginesFrom } from './lib.ts';
import { benchProvince } from './province.ts';
import { benchSearch } from './search.ts';
import { benchWeb } from './web.ts';

const args = process.argv.slice(2);
const engines = enginesFrom(args);
const scenarios: Record<string, () => Promise<void>> = {
  import: () => benchImport(engines),
  search: () => benchSearch(engines),
  web: () => benchWeb(),
  indicators: () => benchIndicators(engines),
  eligibility: () => benchEligibility(engines),
  http: () => benchHttp(engines),
  province: () => benchProvince(engines),
};
const chosen = args.filter((a) => a in scenarios);
for (const name of chosen.length > 0 ? chosen : Object.keys(scenarios)) {
  console.log(`== ${name}`);
  await scenarios[name]?.();
}
