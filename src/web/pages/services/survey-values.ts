import {
  EmploymentAnswerSchema,
  MedicalAnswerSchema,
  PensionAnswerSchema,
  SchoolingAnswerSchema,
  type SurveyAnswers,
  type SurveyRecord,
} from '../../../contracts/survey.ts';

/** The yes/no answers of the survey form. */
export const yesNoKeys = ['rehabNeed', 'rehabReceived', 'deviceNeed', 'deviceFitted', 'trainingCompleted', 'homeModNeed'] as const;

/** The answers chosen from a list, with their allowed values. */
export const choiceKeys = {
  pension: PensionAnswerSchema.options,
  medical: MedicalAnswerSchema.options,
  schooling: SchoolingAnswerSchema.options,
  employment: EmploymentAnswerSchema.options,
};

/** The form's state: every answer as the text of its control; '' = not asked. */
export type SurveyForm = Record<keyof SurveyAnswers, string>;

/** The form values of stored answers (or all empty). */
export function formOf(record: SurveyRecord | undefined): SurveyForm {
  const text = (v: boolean | string | number | null | undefined) =>
    v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  return {
    rehabNeed: text(record?.rehabNeed),
    rehabReceived: text(record?.rehabReceived),
    deviceNeed: text(record?.deviceNeed),
    deviceFitted: text(record?.deviceFitted),
    pension: text(record?.pension),
    medical: text(record?.medical),
    schooling: text(record?.schooling),
    employment: text(record?.employment),
    trainingCompleted: text(record?.trainingCompleted),
    incomePerCapita: text(record?.incomePerCapita),
    homeModNeed: text(record?.homeModNeed),
  };
}

/** The answers to send: '' → null, yes/no → booleans, income → a number (invalid text is left to the server to name). */
export function answersOf(form: SurveyForm): Record<string, unknown> {
  const bool = (v: string) => (v === '' ? null : v === 'yes');
  const income = form.incomePerCapita.trim();
  return {
    ...Object.fromEntries(yesNoKeys.map((k) => [k, bool(form[k])])),
    ...Object.fromEntries(Object.keys(choiceKeys).map((k) => [k, form[k as keyof typeof choiceKeys] || null])),
    incomePerCapita: income === '' ? null : Number.isFinite(Number(income)) ? Number(income) : income,
  };
}
