/**
 * The vocabulary in which the plan's indicators are declared: conditions over a person's dated facts (needs-survey
 * answers of the year, programme enrolments, service records, age, certificate), composed with anyOf/allOf/not.
 * The query layer compiles them to SQL; nothing here does I/O.
 */

/** A yes/no answer of the needs survey (FORMATS.md §4). */
export type SurveyFlag = 'rehabNeed' | 'rehabReceived' | 'deviceNeed' | 'deviceFitted' | 'trainingCompleted' | 'homeModNeed';

/** A multiple-choice answer of the needs survey. */
export type SurveyChoice = 'pension' | 'medical' | 'schooling' | 'employment';

/** A programme a department's list or an approved application enrols persons in (FORMATS.md §5). */
export type Program =
  | 'dibao'
  | 'lowIncome'
  | 'tekun'
  | 'livingSubsidy'
  | 'nursingSubsidy'
  | 'residentPension'
  | 'medicalInsurance'
  | 'childRehabAid'
  | 'homeModification';

/** Every programme, in the order FORMATS.md §5 lists them. */
export const programs: readonly Program[] = [
  'dibao',
  'lowIncome',
  'tekun',
  'livingSubsidy',
  'nursingSubsidy',
  'residentPension',
  'medicalInsurance',
  'childRehabAid',
  'homeModification',
];

/** A kind of service record. */
export type ServiceKind = 'rehab' | 'device' | 'training' | 'schooling' | 'employment' | 'insurance' | 'homeModification';

/** Every service kind. */
export const serviceKinds: readonly ServiceKind[] = [
  'rehab',
  'device',
  'training',
  'schooling',
  'employment',
  'insurance',
  'homeModification',
];

/** A benefit whose eligibility the indicators need (rules: src/features/indicators/eligibility-sql.ts until policy/ lands). */
export type Eligibility = 'dibao' | 'livingSubsidy' | 'nursingSubsidy';

/**
 * When an enrolment or service must hold: on the evaluation date; in its month (a subsidy "paid for December" is
 * an enrolment running on any day of that month); or at any time of the year up to the date.
 */
export type During = 'date' | 'month' | 'year';

/** A condition on one person in the population, evaluated for a year and a date. */
export type Condition =
  | { survey: SurveyFlag }
  | { surveyIn: SurveyChoice; values: readonly string[] }
  | { hasSurvey: true }
  | { enrolment: readonly Program[]; during: During }
  | { service: readonly ServiceKind[]; during: During; excludeStatus?: readonly string[] }
  | { ageOn: 'sept1' | 'date'; from: number; to?: number }
  | { eligible: Eligibility }
  | { anyOf: readonly Condition[] }
  | { allOf: readonly Condition[] }
  | { not: Condition };
