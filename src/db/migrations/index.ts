import type { Migration } from 'kysely';
import * as registry from './2026_11_29_0100_registry.ts';
import * as access from './2026_11_29_0200_access.ts';
import * as services from './2026_11_29_0300_services.ts';
import * as indicators from './2026_11_29_0400_indicators.ts';
import * as benefits from './2026_11_29_0500_benefits.ts';
import * as preferences from './2026_11_29_0600_user_preferences.ts';
import * as indicatorIndexes from './2026_11_29_0700_indicator_indexes.ts';
import * as surveyAnswersIndex from './2026_11_29_0800_survey_answers_index.ts';
import * as dibaoStandardMove from './2026_11_29_1000_dibao_standard_move.ts';
import * as enrolmentProgramCovering from './2026_11_29_1100_enrolment_program_covering.ts';
import * as personCountyIndex from './2026_11_29_1200_person_county_index.ts';
import * as indicatorSnapshots from './2026_11_29_1300_indicator_snapshots.ts';
import * as indicatorLogBlocks from './2026_11_29_1900_indicator_log_blocks.ts';
import * as indicatorSnapshotYear from './2026_11_29_2000_indicator_snapshot_year.ts';

/** Every migration by name, in order: listed by hand so that bundling or tsx never misses one. */
export const migrations: Record<string, Migration> = {
  '2026_11_29_0100_registry': registry,
  '2026_11_29_0200_access': access,
  '2026_11_29_0300_services': services,
  '2026_11_29_0400_indicators': indicators,
  '2026_11_29_0500_benefits': benefits,
  '2026_11_29_0600_user_preferences': preferences,
  '2026_11_29_0700_indicator_indexes': indicatorIndexes,
  '2026_11_29_0800_survey_answers_index': surveyAnswersIndex,
  '2026_11_29_1000_dibao_standard_move': dibaoStandardMove,
  '2026_11_29_1100_enrolment_program_covering': enrolmentProgramCovering,
  '2026_11_29_1200_person_county_index': personCountyIndex,
  '2026_11_29_1300_indicator_snapshots': indicatorSnapshots,
  '2026_11_29_1900_indicator_log_blocks': indicatorLogBlocks,
  '2026_11_29_2000_indicator_snapshot_year': indicatorSnapshotYear,
};
