import { type Kysely, sql } from 'kysely';

// The indicator engine reads each person's current survey row of the year (and of the year before, for income
// growth): one probe per person. Through needs_survey_person_idx every probe also read the wide table row (source,
// recorded_at, ...). This partial index holds the current rows' answers, so SQLite answers from the index alone
// (docs/indicators.md §Performance). Year first: a probe is (year, person), and a count over one year's answers
// (trainingCount's 完成职业培训) reads that year's entries only. superseded_at is a column too (always null here):
// SQLite only counts an index as covering when it holds every column the query names, and the join names it.
const columns = [
  'year',
  'person_id',
  'superseded_at',
  'rehab_need',
  'rehab_received',
  'device_need',
  'device_fitted',
  'training_completed',
  'home_mod_need',
  'income_per_capita_fen',
  'pension',
  'medical',
  'schooling',
  'employment',
];

/** Adds the covering index of current survey answers. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('needs_survey_answers_idx')
    .on('needs_survey')
    .columns(columns)
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
}

/** Drops it. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('needs_survey_answers_idx').execute();
}
