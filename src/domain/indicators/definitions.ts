import type { IndicatorDefinition, IndicatorKey } from './definition.ts';

const income = { zh: '收入和就业', en: 'Income and employment' };
const security = { zh: '社会保障和基本公共服务', en: 'Social security and basic public services' };
const plan = '佛冈县“十四五”残疾人保障和发展实施方案，主要指标表';
const notCancelled = ['cancelled'];
/** Schooling answers that count as enrolled (普通学校、特教学校、送教上门: the plan's 四(三)5). */
const enrolledSchooling = ['mainstream', 'special', 'home'];

/** The plan's 11 indicators (DOMAIN.md §5), in the table's order. */
export const indicatorDefinitions: readonly IndicatorDefinition[] = [
  {
    key: 'incomeGrowth',
    number: 1,
    group: income,
    unit: 'fraction',
    kind: 'expected',
    name: { zh: '残疾人家庭人均收入年均增速', en: 'Growth of per-capita income of households with a disabled member' },
    baseline: { text: '--', value: null },
    targetText: '与国内生产总值增长基本同步',
    target: { op: 'inStepWith', parameter: 'gdpGrowth', tolerance: 0.01 },
    measure: { type: 'incomeGrowth', parameter: 'gdpGrowth' },
    gapReason: { code: 'NO_GAP_LIST', message: '收入增速没有差距名单' },
    source: `${plan}；动态更新调查 家庭人均月收入`,
    choice:
      '同一批家庭（年末持证人口所在户，两年均有收入答案）本年与上年户人均月收入均值之比减1；与国家统计局公布的GDP增速相差不超过1个百分点即为“基本同步”',
  },
  {
    key: 'trainingCount',
    number: 2,
    group: income,
    unit: 'persons',
    kind: 'expected',
    name: { zh: '城乡残疾人职业技能培训人数', en: 'Disabled persons completing vocational training' },
    baseline: { text: '451', value: 451 },
    targetText: '489',
    target: { op: '>=', value: 489, countyOnly: true },
    measure: {
      type: 'personCount',
      services: ['training'],
      serviceStatus: ['completed'],
      surveyFlag: 'trainingCompleted',
      gapPopulation: {
        allOf: [
          { ageOn: 'date', from: 16, to: 59 },
          { surveyIn: 'employment', values: ['unemployed'] },
        ],
      },
    },
    gapReason: { code: 'NOT_TRAINED', message: '16—59岁未就业，本年度未参加职业技能培训' },
    source: `${plan}；policy-sources.md R10（按人数计，不按人次）`,
    choice: '按人计：培训完成当日持有效证件的人；或年末在册且调查答“完成职业培训”的人',
  },
  {
    key: 'dibaoInclusion',
    number: 3,
    group: security,
    unit: 'fraction',
    kind: 'binding',
    name: { zh: '符合条件的残疾人纳入最低生活保障比例', en: 'Eligible disabled persons included in dibao' },
    baseline: { text: '100%', value: 1 },
    targetText: '100%',
    target: { op: '>=', value: 1 },
    measure: { type: 'rate', denominator: { eligible: 'dibao' }, numerator: { enrolment: ['dibao'], during: 'date' } },
    gapReason: { code: 'ELIGIBLE_NOT_IN_DIBAO', message: '符合低保条件（含低收入家庭重度残疾人“单人户”）但未纳入低保' },
    source: `${plan}；DOMAIN.md §4.3；民政部 最低生活保障审核确认办法（2021）`,
  },
  {
    key: 'livingSubsidyCoverage',
    number: 4,
    group: security,
    unit: 'fraction',
    kind: 'binding',
    name: { zh: '困难残疾人生活补贴覆盖率', en: 'Living subsidy coverage of disabled persons in hardship' },
    baseline: { text: '100%', value: 1 },
    targetText: '100%',
    target: { op: '>=', value: 1 },
    measure: { type: 'rate', denominator: { eligible: 'livingSubsidy' }, numerator: { enrolment: ['livingSubsidy'], during: 'month' } },
    gapReason: { code: 'ELIGIBLE_NOT_RECEIVING', message: '符合生活补贴条件，当月未发放（应享未享）' },
    source: `${plan}；国发〔2015〕52号；民发〔2021〕70号；DOMAIN.md §4.1`,
  },
  {
    key: 'nursingSubsidyCoverage',
    number: 5,
    group: security,
    unit: 'fraction',
    kind: 'binding',
    name: { zh: '重度残疾人护理补贴覆盖率', en: 'Nursing subsidy coverage of severely disabled persons' },
    baseline: { text: '100%', value: 1 },
    targetText: '100%',
    target: { op: '>=', value: 1 },
    measure: { type: 'rate', denominator: { eligible: 'nursingSubsidy' }, numerator: { enrolment: ['nursingSubsidy'], during: 'month' } },
    gapReason: { code: 'ELIGIBLE_NOT_RECEIVING', message: '符合护理补贴条件，当月未发放（应享未享）' },
    source: `${plan}；国发〔2015〕52号；广东省扩面（三、四级智力、精神残疾人）；DOMAIN.md §4.2`,
  },
  {
    key: 'pensionInsuranceRate',
    number: 6,
    group: security,
    unit: 'fraction',
    kind: 'expected',
    name: { zh: '残疾人城乡居民基本养老保险参保率', en: "Residents' basic pension insurance rate" },
    baseline: { text: '92.13%', value: 0.9213 },
    targetText: '＞90%',
    target: { op: '>', value: 0.9 },
    measure: {
      type: 'rate',
      denominator: { allOf: [{ ageOn: 'date', from: 16 }, { not: { surveyIn: 'schooling', values: enrolledSchooling } }] },
      numerator: {
        anyOf: [
          { enrolment: ['residentPension'], during: 'date' },
          { surveyIn: 'pension', values: ['residentScheme', 'employee', 'drawing'] },
        ],
      },
    },
    gapReason: { code: 'NOT_INSURED', message: '16岁以上非在校，未参加养老保险' },
    source: `${plan}；policy-sources.md §6（[U] 口径待中残联确认）`,
    choice:
      '分母：年满16周岁且不在校（调查“就学”为普通学校、特教学校、送教上门者视为在校）；分子：城乡居民养老、职工养老参保及已领取待遇者均计入',
  },
  {
    key: 'medicalInsuranceRate',
    number: 7,
    group: security,
    unit: 'fraction',
    kind: 'expected',
    name: { zh: '残疾人基本医疗保险参保率', en: 'Basic medical insurance rate' },
    baseline: { text: '97.41%', value: 0.9741 },
    targetText: '＞95%',
    target: { op: '>', value: 0.95 },
    measure: {
      type: 'rate',
      denominator: { allOf: [] },
      numerator: {
        anyOf: [
          { enrolment: ['medicalInsurance'], during: 'date' },
          { surveyIn: 'medical', values: ['employee', 'resident'] },
        ],
      },
    },
    gapReason: { code: 'NOT_INSURED', message: '未参加基本医疗保险' },
    source: `${plan}；policy-sources.md §6（全年龄，职工或城乡居民医保）`,
    choice: '分母为全部持证人；职工医保与城乡居民医保均计入分子',
  },
  {
    key: 'compulsoryEducationRate',
    number: 8,
    group: security,
    unit: 'fraction',
    kind: 'expected',
    name: { zh: '残疾儿童少年义务教育入学率', en: 'Compulsory education enrolment of disabled children' },
    baseline: { text: '100%', value: 1 },
    targetText: '＞97%',
    target: { op: '>', value: 0.97 },
    measure: {
      type: 'rate',
      denominator: { ageOn: 'sept1', from: 6, to: 14 },
      numerator: {
        anyOf: [
          { surveyIn: 'schooling', values: enrolledSchooling },
          { service: ['schooling'], during: 'year', excludeStatus: notCancelled },
        ],
      },
    },
    gapReason: { code: 'NOT_ENROLLED', message: '义务教育适龄（当年9月1日6—14周岁）未入学' },
    source: `${plan}；policy-sources.md §6（国家统计局、中残联口径6—14岁，9月1日为界）`,
    choice: '年龄按当年9月1日计算；普通学校、特教学校、送教上门均计为入学',
  },
  {
    key: 'rehabCoverage',
    number: 9,
    group: security,
    unit: 'fraction',
    kind: 'binding',
    name: { zh: '残疾人基本康复服务覆盖率', en: 'Basic rehabilitation service coverage' },
    baseline: { text: '96.55%', value: 0.9655 },
    targetText: '＞85%',
    target: { op: '>', value: 0.85 },
    measure: {
      type: 'rate',
      denominator: { survey: 'rehabNeed' },
      numerator: {
        anyOf: [
          { survey: 'rehabReceived' },
          { service: ['rehab', 'device'], during: 'year', excludeStatus: notCancelled },
          { enrolment: ['childRehabAid'], during: 'year' },
        ],
      },
    },
    gapReason: { code: 'NEED_NOT_SERVED', message: '有康复需求，本年度未获得基本康复服务' },
    source: `${plan}；精准康复行动口径“有康复需求的……接受基本康复服务的比例”；国办发〔2002〕41号（辅具适配属基本康复服务）`,
    choice: '分母为本年度调查有康复需求者；分子含调查答已获得、本年康复或辅具服务记录、儿童康复救助',
  },
  {
    key: 'deviceFittingRate',
    number: 10,
    group: security,
    unit: 'fraction',
    kind: 'binding',
    name: { zh: '残疾人辅助器具适配率', en: 'Assistive device fitting rate' },
    baseline: { text: '98.18%', value: 0.9818 },
    targetText: '＞85%',
    target: { op: '>', value: 0.85 },
    measure: {
      type: 'rate',
      denominator: { survey: 'deviceNeed' },
      numerator: { anyOf: [{ survey: 'deviceFitted' }, { service: ['device'], during: 'year', excludeStatus: notCancelled }] },
    },
    gapReason: { code: 'NEED_NOT_SERVED', message: '有辅具需求，本年度未适配' },
    source: `${plan}（四(三)4“有需求的持证残疾人、残疾儿童基本辅助器具适配率”）`,
  },
  {
    key: 'homeModifications',
    number: 11,
    group: security,
    unit: 'households',
    kind: 'binding',
    name: { zh: '困难重度残疾人家庭无障碍改造数', en: 'Home accessibility modifications (households, cumulative)' },
    baseline: { text: '600户', value: 600 },
    targetText: '600户',
    target: { op: '>=', value: 600, countyOnly: true },
    measure: {
      type: 'householdCount',
      services: ['homeModification'],
      serviceStatus: ['accepted'],
      enrolments: ['homeModification'],
      since: '2021-01-01',
      gapPopulation: { survey: 'homeModNeed' },
    },
    gapReason: { code: 'NEED_NOT_SERVED', message: '有无障碍改造需求，2021年以来未完成改造验收' },
    source: `${plan}（四(一)3：到2025年完成600户）`,
    choice: '自2021年1月1日起累计，按户计（同户多人只计一户）；以验收（accepted）日期为完成日期，验收当日须持有效证件',
  },
];

/** The definition of an indicator. */
export function indicatorDefinition(key: IndicatorKey): IndicatorDefinition {
  const found = indicatorDefinitions.find((d) => d.key === key);
  if (!found) throw new RangeError(`unknown indicator ${key}`);
  return found;
}
