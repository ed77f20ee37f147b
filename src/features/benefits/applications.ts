import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { type Program, evaluate } from '../../domain/policy/evaluate.ts';
import { activeEnrolment } from '../../domain/policy/facts.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import type { Day } from '../../domain/time/day.ts';
import { recordAudit } from '../access/audit.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { requirePersonInScope } from '../registry/read-service.ts';
import { streamFacts } from './facts-store.ts';
import { loadParamSet } from './param-store.ts';
import { assertBenefit } from './permissions.ts';
import { presentApplication } from './present-application.ts';
import { type BenefitsDB, benefitsDb, coreDb } from './tables.ts';

/** Who acts and when (today is a China calendar day; now stamps rows). */
export type Stamp = { today: Day; now: Date };

function applicationQuery(db: Kysely<BenefitsDB>) {
  return db
    .selectFrom('benefit_application')
    .innerJoin('person', 'person.id', 'benefit_application.person_id')
    .selectAll('benefit_application')
    .select(['person.name', 'person.id_number']);
}

/** Decides a programme for one person on a day, from the same facts store the bulk evaluation uses. */
export async function decideFor(database: Database, scope: Scope, personId: number, program: Program, day: Day, params: ParamSet) {
  for await (const chunk of streamFacts(database, scope, { asOf: day, personIds: [personId] })) {
    const person = chunk[0];
    if (person)
      return {
        decision: evaluate(program, person, day, params),
        receiving: activeEnrolment(person, program, day) !== undefined,
        townCode: person.townCode,
      };
  }
  throw new AppError('NOT_FOUND');
}

/** Submits an application by staff on behalf of a person in scope; records the rule's decision on the date. */
export async function applyForBenefit(
  database: Database,
  scope: Scope,
  input: { personId: number; program: Program; appliedOn: Day; applicant?: string },
  stamp: Stamp,
) {
  assertBenefit(scope, 'benefit.apply');
  await requirePersonInScope(database, scope, input.personId, 'benefit.apply');
  const params = await loadParamSet(database);
  const { decision, receiving, townCode } = await decideFor(database, scope, input.personId, input.program, input.appliedOn, params);
  if (receiving) throw new AppError('ALREADY_RECEIVING');
  const db = benefitsDb(database);
  const id = await db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('benefit_application')
      .select('id')
      .where('person_id', '=', input.personId)
      .where('program', '=', input.program)
      .where('status', 'in', ['submitted', 'townReviewed'])
      .executeTakeFirst();
    if (open) throw new AppError('APPLICATION_OPEN', { details: { applicationId: open.id } });
    const at = stamp.now.toISOString();
    const row = await trx
      .insertInto('benefit_application')
      .values({
        person_id: input.personId,
        program: input.program,
        applied_on: input.appliedOn,
        status: 'submitted',
        town_code: townCode,
        applicant: input.applicant ?? null,
        decision_json: JSON.stringify(decision),
        created_by: scope.username,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(coreDb(trx), scope, {
      action: 'benefit.apply',
      targetType: 'benefitApplication',
      targetId: row.id,
      outcome: 'success',
      details: { personId: input.personId, program: input.program, appliedOn: input.appliedOn, eligible: decision.eligible },
    });
    return row.id;
  });
  return getApplication(database, scope, id, stamp.today);
}

/** One application in scope (404 otherwise). */
export async function getApplication(database: Database, scope: Scope, id: number, today: Day) {
  assertBenefit(scope, 'benefit.read');
  const row = await applicationQuery(benefitsDb(database)).where('benefit_application.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await requirePersonInScope(database, scope, row.person_id, 'benefit.application.read');
  return presentApplication(row, await loadParamSet(database), today);
}

/** Applications in scope, newest first. */
export async function listApplications(
  database: Database,
  scope: Scope,
  q: { status?: string; program?: string; town?: string; cursor?: number; limit: number },
  today: Day,
) {
  assertBenefit(scope, 'benefit.read');
  let query = applicationQuery(benefitsDb(database)).where((eb) => personInScope(scope, eb as never));
  if (q.status) query = query.where('benefit_application.status', '=', q.status);
  if (q.program) query = query.where('benefit_application.program', '=', q.program);
  if (q.town) query = query.where('benefit_application.town_code', '=', q.town);
  if (q.cursor) query = query.where('benefit_application.id', '<', q.cursor);
  // One row more than asked tells whether another page follows.
  const rows = await query
    .orderBy('benefit_application.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const params = await loadParamSet(database);
  const last = page.at(-1);
  return { items: page.map((r) => presentApplication(r, params, today)), nextCursor: rows.length > q.limit && last ? last.id : null };
}
