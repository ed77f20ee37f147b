import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import type { IndicatorParams } from './eval-context.ts';

/** A yearly indicator parameter set by an administrator (migration 2026_11_29_0400_indicators). */
export interface IndicatorParameterTable {
  key: string;
  year: number;
  value: number;
  source: string;
  entered_by: string;
  entered_at: string;
}

/** The parameters an administrator may set, with their unit and meaning. */
export const parameterCatalog = {
  gdpGrowth: { unit: 'fraction', description: '国内生产总值年增速（如 0.052 表示 5.2%），收入增速指标的比较基准' },
} as const;
// Dibao standards are policy parameters (政策参数, dibao.standard.*): the indicators' eligibility reads the rules'.

/** A parameter key. */
export type ParameterKey = keyof typeof parameterCatalog;

/** True when the text is a parameter key. */
export function isParameterKey(text: string): text is ParameterKey {
  return Object.hasOwn(parameterCatalog, text);
}

function withParams(db: Kysely<DB>) {
  return db.withTables<{ indicator_parameter: IndicatorParameterTable }>();
}

/** Every stored parameter value, by key and year. */
export async function listParameters(db: Kysely<DB>) {
  return withParams(db).selectFrom('indicator_parameter').selectAll().orderBy('key').orderBy('year').execute();
}

/** The parameters in force for a year; a value not entered is null (never a silent default). */
export async function parametersFor(db: Kysely<DB>, year: number): Promise<IndicatorParams> {
  const rows = await withParams(db).selectFrom('indicator_parameter').select(['key', 'value']).where('year', '=', year).execute();
  const value = (key: ParameterKey) => {
    const found = rows.find((r) => r.key === key);
    return found ? Number(found.value) : null;
  };
  return { gdpGrowth: value('gdpGrowth') };
}

/** Sets (inserts or replaces) one parameter value for a year, with its source. */
export async function setParameter(
  db: Kysely<DB>,
  entry: { key: ParameterKey; year: number; value: number; source: string; actor: string },
) {
  const row = {
    key: entry.key,
    year: entry.year,
    value: entry.value,
    source: entry.source,
    entered_by: entry.actor,
    entered_at: new Date().toISOString(),
  };
  await withParams(db)
    .insertInto('indicator_parameter')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['key', 'year'])
        .doUpdateSet({ value: row.value, source: row.source, entered_by: row.entered_by, entered_at: row.entered_at }),
    )
    .execute();
}
