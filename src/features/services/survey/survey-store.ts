import type { Insertable, Kysely, Selectable } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import type { SurveyAnswers, SurveyRecord } from '../../../contracts/survey.ts';
import type { NeedsSurveyTable } from '../../../db/services-tables.ts';
import type { DB } from '../../../db/tables.ts';

type Row = Selectable<NeedsSurveyTable>;

/** Who records, when, and from where (a form, an import file, the demo). */
export type SurveyStamp = { actor: string; now: string; source: string };

const bool = (v: number | null) => (v === null ? null : v === 1);
const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/** The answers of a stored row. */
export function answersOf(r: Row): SurveyAnswers {
  return {
    rehabNeed: bool(r.rehab_need),
    rehabReceived: bool(r.rehab_received),
    deviceNeed: bool(r.device_need),
    deviceFitted: bool(r.device_fitted),
    pension: r.pension as SurveyAnswers['pension'],
    medical: r.medical as SurveyAnswers['medical'],
    schooling: r.schooling as SurveyAnswers['schooling'],
    employment: r.employment as SurveyAnswers['employment'],
    trainingCompleted: bool(r.training_completed),
    incomePerCapita: r.income_per_capita_fen === null ? null : Number(r.income_per_capita_fen) / 100,
    homeModNeed: bool(r.home_mod_need),
  };
}

/** The columns of a row holding these answers. */
export function surveyColumns(a: SurveyAnswers) {
  return {
    rehab_need: flag(a.rehabNeed),
    rehab_received: flag(a.rehabReceived),
    device_need: flag(a.deviceNeed),
    device_fitted: flag(a.deviceFitted),
    pension: a.pension,
    medical: a.medical,
    schooling: a.schooling,
    employment: a.employment,
    training_completed: flag(a.trainingCompleted),
    income_per_capita_fen: a.incomePerCapita === null ? null : Math.round(a.incomePerCapita * 100),
    home_mod_need: flag(a.homeModNeed),
  };
}

/** True when two answer sets are the same (a re-import or a re-save changes nothing). */
export function sameAnswers(a: SurveyAnswers, b: SurveyAnswers): boolean {
  return JSON.stringify(surveyColumns(a)) === JSON.stringify(surveyColumns(b));
}

/** A row as the API shows it; version = its position in the year's history (1 = first answers). */
export function presentSurvey(r: Row, version: number): SurveyRecord {
  return {
    ...answersOf(r),
    year: r.year,
    version,
    source: r.source,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    supersededAt: r.superseded_at,
  };
}

/** Every survey row of a person, oldest first within each year. */
export async function surveyRows(db: Kysely<DB>, personId: number): Promise<Row[]> {
  return db.selectFrom('needs_survey').selectAll().where('person_id', '=', personId).orderBy('year', 'desc').orderBy('id').execute();
}

/** The current row of a person and year, with the year's version (rows so far; 0 when none). */
export async function currentSurvey(db: Kysely<DB>, personId: number, year: number): Promise<{ row: Row | undefined; version: number }> {
  const rows = await db
    .selectFrom('needs_survey')
    .selectAll()
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  return { row: rows.find((r) => r.superseded_at === null), version: rows.length };
}

/** The row to insert for new answers. */
export function surveyInsert(personId: number, year: number, answers: SurveyAnswers, stamp: SurveyStamp): Insertable<NeedsSurveyTable> {
  return {
    person_id: personId,
    year,
    ...surveyColumns(answers),
    source: stamp.source,
    recorded_at: stamp.now,
    recorded_by: stamp.actor,
    superseded_at: null,
  };
}

/**
 * Records new answers for a person and year inside the caller's transaction: the current row (if any) is stamped
 * superseded_at and kept as history. With `expectedVersion`, a concurrent change answers VERSION_CONFLICT.
 * Returns the year's new version, or the old one when the answers did not change.
 */
export async function writeSurvey(
  trx: Kysely<DB>,
  personId: number,
  year: number,
  answers: SurveyAnswers,
  stamp: SurveyStamp,
  expectedVersion?: number,
) {
  const { row, version } = await currentSurvey(trx, personId, year);
  if (expectedVersion !== undefined && expectedVersion !== version)
    throw new AppError('VERSION_CONFLICT', { details: { currentVersion: version } });
  if (row && sameAnswers(answersOf(row), answers)) return { version, changed: false };
  if (row) {
    const done = await trx
      .updateTable('needs_survey')
      .set({ superseded_at: stamp.now })
      .where('id', '=', row.id)
      .where('superseded_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  }
  await trx
    .insertInto('needs_survey')
    .values(surveyInsert(personId, year, answers, stamp))
    .execute();
  return { version: version + 1, changed: true };
}
