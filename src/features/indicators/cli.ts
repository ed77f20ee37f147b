import { parseArgs } from 'node:util';
import type { IndicatorDocument } from '../../contracts/indicators.ts';
import { isDay } from '../../domain/time/day.ts';
import { systemScope } from '../access/scope.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../../cli/context.ts';
import { evaluateIndicators } from './service.ts';

/** `smart-dpf indicators --year Y [--org CODE] [--as-of DATE]`: the indicator document of FORMATS.md §6. */
export async function indicatorsCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { year: { type: 'string' }, org: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new CliError('usage: smart-dpf indicators --year Y [--org CODE] [--as-of YYYY-MM-DD]');
  if (values.org && !/^(\d{6}|\d{9}|\d{12})$/.test(values.org)) throw new CliError('--org must be a 6-, 9- or 12-digit org code');
  const asOf = values['as-of'];
  if (asOf && !isDay(asOf)) throw new CliError('--as-of must be a date YYYY-MM-DD');
  const doc = await withDatabase((database) => evaluateIndicators(database, systemScope(), { year, org: values.org, asOf }));
  ctx.print(describe(doc), doc);
  return exitCode.ok;
}

function describe(doc: IndicatorDocument): string {
  const lines = doc.indicators.map((r) => {
    const value = r.value === null ? '—' : r.unit === 'fraction' ? `${(r.value * 100).toFixed(2)}%` : String(r.value);
    const target = r.target === null ? '—' : r.unit === 'fraction' ? `${(r.target * 100).toFixed(2)}%` : String(r.target);
    const met = r.met === null ? '' : r.met ? '达标' : '未达标';
    const parts = r.denominator === null ? `${r.numerator}` : `${r.numerator}/${r.denominator}`;
    return `  ${r.name.padEnd(22, '　')} ${value.padStart(8)}  (${parts})  目标 ${target} ${met}`;
  });
  return [`${doc.orgName} ${doc.year} 年主要指标（截至 ${doc.asOf}）`, ...lines].join('\n');
}
