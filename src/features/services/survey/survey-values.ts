import type { ErrorCode } from '../../../contracts/errors.ts';
import type { SurveyAnswers, SurveyFileKey } from '../../../contracts/survey.ts';
import { fail, ok, type Result } from '../../../domain/result.ts';

const yes = new Set(['是', '有', 'y', 'yes', '1', 'true']);
const no = new Set(['否', '无', 'n', 'no', '0', 'false']);

/** Reads 是/否 (also 有/无, Y/N, 1/0). */
export function parseYesNo(text: string): Result<boolean, 'SURVEY_VALUE_INVALID'> {
  const t = text.trim().toLowerCase();
  if (yes.has(t)) return ok(true);
  if (no.has(t)) return ok(false);
  return fail('SURVEY_VALUE_INVALID');
}

/** The Chinese answer texts of each choice question, by stored identifier. */
export const choiceTexts = {
  pension: { residentScheme: '城乡居民', employee: '职工', drawing: '领取待遇', none: '未参保' },
  medical: { employee: '职工', resident: '城乡居民', none: '未参保' },
  schooling: { mainstream: '普通学校', special: '特教学校', home: '送教上门', notEnrolled: '未入学', notApplicable: '不适用' },
  employment: {
    quota: '按比例',
    concentrated: '集中',
    sheltered: '辅助性',
    publicWelfare: '公益性岗位',
    selfEmployed: '自主创业',
    flexible: '灵活就业',
    agriculture: '农业',
    unemployed: '未就业',
    notApplicable: '不适用',
  },
} as const;

type Choice = keyof typeof choiceTexts;

/** Reads a choice answer from its Chinese text (as FORMATS.md §4 lists it) or its English identifier. */
export function parseChoice<C extends Choice>(
  question: C,
  text: string,
): Result<keyof (typeof choiceTexts)[C] & string, 'SURVEY_VALUE_INVALID'> {
  const t = text.trim();
  for (const [id, zh] of Object.entries(choiceTexts[question])) {
    if (t === zh || t === id || (question !== 'medical' && t === `${zh}保险`)) return ok(id as keyof (typeof choiceTexts)[C] & string);
  }
  return fail('SURVEY_VALUE_INVALID');
}

/** Reads a money amount in yuan (up to 2 decimals, thousands separators allowed) as fen. */
export function parseYuanToFen(text: string): Result<number, 'AMOUNT_INVALID'> {
  const t = text.trim().replace(/[,，]/g, '').replace(/元$/, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return fail('AMOUNT_INVALID');
  const [whole = '0', frac = ''] = t.split('.');
  return ok(Number(whole) * 100 + Number(frac.padEnd(2, '0')));
}

/** One problem in a survey row. */
export type SurveyProblem = { field: SurveyFileKey; code: ErrorCode };

/** Reads the answer columns of a survey-file row: present columns only (absent ones are left for the stored row). */
export function parseSurveyAnswers(record: Partial<Record<SurveyFileKey, string>>, present: ReadonlySet<SurveyFileKey>) {
  const answers: Partial<SurveyAnswers> = {};
  const problems: SurveyProblem[] = [];
  const read = <T>(field: SurveyFileKey, parse: (s: string) => Result<T, ErrorCode>, set: (v: T | null) => void) => {
    if (!present.has(field)) return;
    const text = (record[field] ?? '').trim();
    if (!text) return set(null);
    const r = parse(text);
    if (r.ok) set(r.value);
    else problems.push({ field, code: r.code });
  };
  for (const f of ['rehabNeed', 'rehabReceived', 'deviceNeed', 'deviceFitted', 'trainingCompleted', 'homeModNeed'] as const) {
    read(f, parseYesNo, (v) => (answers[f] = v));
  }
  read(
    'pension',
    (s) => parseChoice('pension', s),
    (v) => (answers.pension = v),
  );
  read(
    'medical',
    (s) => parseChoice('medical', s),
    (v) => (answers.medical = v),
  );
  read(
    'schooling',
    (s) => parseChoice('schooling', s),
    (v) => (answers.schooling = v),
  );
  read(
    'employment',
    (s) => parseChoice('employment', s),
    (v) => (answers.employment = v),
  );
  read('incomePerCapita', parseYuanToFen, (v) => (answers.incomePerCapita = v === null ? null : v / 100));
  return { answers, problems };
}
