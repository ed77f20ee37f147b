import type { Kysely } from 'kysely';

// Dibao standards lived in two places: indicator_parameter (per year, for the indicators' income test) and the
// benefit rules' policy parameters (effective-dated). The indicators now read the policy parameters, so a value
// entered on the indicator page moves there (from 1 January of its year), keeping who entered it and why.

const moved = [
  ['dibaoStandard.urban', 'dibao.standard.urban'],
  ['dibaoStandard.rural', 'dibao.standard.rural'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [key, paramId] of moved) {
    const rows = await db.selectFrom('indicator_parameter').selectAll().where('key', '=', key).orderBy('year').execute();
    for (const r of rows) {
      await db
        .insertInto('policy_parameter_value')
        .values({
          param_id: paramId,
          from_day: `${r.year}-01-01`,
          value_json: JSON.stringify(Number(r.value)),
          source: r.source,
          entered_by: r.entered_by,
          entered_at: r.entered_at,
        })
        .execute();
    }
    await db.deleteFrom('indicator_parameter').where('key', '=', key).execute();
  }
}

/** Moves values from 1 January back (later-dated ones stay: the indicator table has no place for them). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const [key, paramId] of moved) {
    const rows = await db.selectFrom('policy_parameter_value').selectAll().where('param_id', '=', paramId).execute();
    for (const r of rows.filter((row) => String(row.from_day).endsWith('-01-01'))) {
      await db
        .insertInto('indicator_parameter')
        .values({
          key,
          year: Number(String(r.from_day).slice(0, 4)),
          value: Number(JSON.parse(r.value_json)),
          source: r.source,
          entered_by: r.entered_by,
          entered_at: r.entered_at,
        })
        .execute();
      await db.deleteFrom('policy_parameter_value').where('id', '=', r.id).execute();
    }
  }
}
