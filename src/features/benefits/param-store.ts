import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { findParam, parameterCatalog } from '../../domain/policy/parameter-catalog.ts';
import { type ParamEntry, type ParamSet, mergeHistory, paramSetOf } from '../../domain/policy/parameters.ts';
import type { Day } from '../../domain/time/day.ts';
import { recordAudit } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import { assertBenefit } from './permissions.ts';
import { benefitsDb, coreDb } from './tables.ts';
import { validateParamValue } from './param-values.ts';

type StoredEntry = ParamEntry<unknown> & { enteredBy: string; enteredAt: string };

async function storedEntries(database: Database): Promise<Map<string, StoredEntry[]>> {
  const rows = await benefitsDb(database).selectFrom('policy_parameter_value').selectAll().orderBy('entered_at').orderBy('id').execute();
  const byId = new Map<string, StoredEntry[]>();
  for (const r of rows) {
    const entry = {
      from: r.from_day,
      value: JSON.parse(r.value_json) as unknown,
      source: r.source,
      enteredBy: r.entered_by,
      enteredAt: r.entered_at,
    };
    byId.set(r.param_id, [...(byId.get(r.param_id) ?? []), entry]);
  }
  return byId;
}

/** The parameter snapshot rules see: the catalog's defaults plus every admin-entered value (no scope: not personal). */
export async function loadParamSet(database: Database): Promise<ParamSet> {
  return paramSetOf(parameterCatalog, Object.fromEntries(await storedEntries(database)));
}

/** Every parameter with its effective history and the admin entries behind it. */
export async function listParameters(database: Database, scope: Scope) {
  assertBenefit(scope, 'policy.read');
  const stored = await storedEntries(database);
  return {
    items: parameterCatalog.map((p) => {
      const entered = stored.get(p.id) ?? [];
      return {
        id: p.id,
        unit: p.unit,
        description: p.description,
        source: p.source,
        knownGaps: p.knownGaps ?? null,
        history: mergeHistory(p.history, entered).map((e) => ({ from: e.from, value: e.value, source: e.source })),
        entries: entered.map((e) => ({ from: e.from, value: e.value, source: e.source, enteredBy: e.enteredBy, enteredAt: e.enteredAt })),
      };
    }),
  };
}

/** Adds a dated value to a parameter (county admin only), audited with the value before and after. */
export async function addParameterValue(
  database: Database,
  scope: Scope,
  id: string,
  input: { from: Day; value: unknown; source: string },
  now: Date,
) {
  assertBenefit(scope, 'policy.edit');
  const param = findParam(id);
  if (!param) throw new AppError('NOT_FOUND');
  const problem = validateParamValue(param, input.value);
  if (problem) throw new AppError('PARAM_VALUE_INVALID', { message: problem, path: ['value'] });
  const db = benefitsDb(database);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('policy_parameter_value')
      .values({
        param_id: id,
        from_day: input.from,
        value_json: JSON.stringify(input.value),
        source: input.source,
        entered_by: scope.username,
        entered_at: now.toISOString(),
      })
      .execute();
    await recordAudit(coreDb(trx), scope, {
      action: 'policy.parameter.add',
      targetType: 'policyParameter',
      targetId: id,
      outcome: 'success',
      details: { ...input },
    });
  });
  return (await listParameters(database, scope)).items.find((p) => p.id === id);
}
