import type { Generated } from 'kysely';

/**
 * One person's needs-survey answers for a year (动态更新调查, FORMATS.md §4). A correction adds a row and stamps
 * the old one `superseded_at`: the current answers are the row whose superseded_at is null.
 */
export interface NeedsSurveyTable {
  id: Generated<number>;
  person_id: number;
  year: number;
  /** 1 yes, 0 no, null not asked. */
  rehab_need: number | null;
  rehab_received: number | null;
  device_need: number | null;
  device_fitted: number | null;
  /** 城乡居民 | 职工 | 领取待遇 | 未参保 as residentScheme | employee | drawing | none. */
  pension: string | null;
  /** 职工 | 城乡居民 | 未参保 as employee | resident | none. */
  medical: string | null;
  /** 普通学校 | 特教学校 | 送教上门 | 未入学 | 不适用 as mainstream | special | home | notEnrolled | notApplicable. */
  schooling: string | null;
  /** quota | concentrated | sheltered | publicWelfare | selfEmployed | flexible | agriculture | unemployed | notApplicable. */
  employment: string | null;
  training_completed: number | null;
  /** Household per-capita monthly income in fen. */
  income_per_capita_fen: number | null;
  home_mod_need: number | null;
  source: string;
  recorded_at: string;
  recorded_by: string;
  superseded_at: string | null;
}

/**
 * A person's enrolment in a programme as a department's list or an approved application states it (FORMATS.md §5):
 * receiving from start_date until end_date (null = ongoing).
 */
export interface EnrolmentTable {
  id: Generated<number>;
  person_id: number;
  /** dibao | lowIncome | tekun | livingSubsidy | nursingSubsidy | residentPension | medicalInsurance | childRehabAid | homeModification … */
  program: string;
  start_date: string;
  end_date: string | null;
  monthly_amount_fen: number | null;
  /** Where the row came from: a department list import ('import:<file>'), an application, the demo. */
  source: string;
  recorded_at: string;
  recorded_by: string;
  version: Generated<number>;
}

/**
 * A service given to a person: rehabilitation, device fitting, vocational training, schooling, employment,
 * insurance or home modification. Dated and attributable; kind-specific facts live in details_json.
 */
export interface ServiceRecordTable {
  id: Generated<number>;
  person_id: number;
  /** rehab | device | training | schooling | employment | insurance | homeModification */
  kind: string;
  /** The day the service was given, or the day it started. */
  start_date: string;
  end_date: string | null;
  /** e.g. completed | inProgress | cancelled; for homeModification applied | surveyed | works | accepted. */
  status: string;
  provider: string | null;
  department: string | null;
  cost_fen: number | null;
  details_json: string | null;
  recorded_at: string;
  recorded_by: string;
  version: Generated<number>;
}

/** The tables of needs, services and enrolments. */
export interface ServicesTables {
  needs_survey: NeedsSurveyTable;
  enrolment: EnrolmentTable;
  service_record: ServiceRecordTable;
}
