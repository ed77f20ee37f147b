import { AppError } from '../../../contracts/app-error.ts';
import type { SurveyPut, SurveyRecord } from '../../../contracts/survey.ts';
import type { Database } from '../../../db/connect.ts';
import type { Day } from '../../../domain/time/day.ts';
import { auditRead, recordAudit } from '../../access/audit.ts';
import { assertCan, type Scope } from '../../access/scope.ts';
import { requirePersonInScope } from '../../registry/read-service.ts';
import { assertCanRecordServices } from '../permissions.ts';
import { presentSurvey, surveyRows, writeSurvey } from './survey-store.ts';

/** A person's survey answers: the current row of each year (newest year first) and the superseded history; audited. */
export async function listSurvey(
  database: Database,
  scope: Scope,
  personId: number,
): Promise<{ items: SurveyRecord[]; history: SurveyRecord[] }> {
  assertCan(scope, 'person.read');
  await requirePersonInScope(database, scope, personId, 'survey.read');
  const rows = await surveyRows(database.db, personId);
  const seen = new Map<number, number>();
  const all = rows.map((r) => {
    const version = (seen.get(r.year) ?? 0) + 1;
    seen.set(r.year, version);
    return presentSurvey(r, version);
  });
  await auditRead(database, scope, { action: 'survey.read', targetType: 'person', targetId: personId, outcome: 'success' });
  return { items: all.filter((r) => r.supersededAt === null), history: all.filter((r) => r.supersededAt !== null) };
}

/**
 * Saves a village worker's form for a person and year, checked against the version read: the previous answers
 * stay as history. Returns the year's version (unchanged when the answers are the same).
 */
export async function putSurvey(
  database: Database,
  scope: Scope,
  personId: number,
  year: number,
  body: SurveyPut,
  today: Day,
): Promise<number> {
  assertCanRecordServices(scope);
  await requirePersonInScope(database, scope, personId, 'survey.write');
  if (year < 2000 || year > Number(today.slice(0, 4))) throw new AppError('YEAR_INVALID', { path: ['params', 'year'] });
  const { version: expected, ...answers } = body;
  const stamp = { actor: scope.username, now: new Date().toISOString(), source: 'form' };
  return database.db
    .transaction()
    .execute(async (trx) => {
      const result = await writeSurvey(trx, personId, year, answers, stamp, expected);
      if (result.changed) {
        await recordAudit(trx, scope, {
          action: 'survey.write',
          targetType: 'person',
          targetId: personId,
          outcome: 'success',
          details: { year, version: result.version },
        });
      }
      return result.version;
    })
    .catch((e: unknown) => {
      // Two saves racing past the version check meet at the unique index of current rows: the loser is a conflict.
      if (e instanceof AppError) throw e;
      if (/unique|duplicate/i.test(e instanceof Error ? e.message : '')) throw new AppError('VERSION_CONFLICT');
      throw e;
    });
}
