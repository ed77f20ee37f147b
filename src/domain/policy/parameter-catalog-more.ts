import type { Day } from '../time/day.ts';
import { type ParamEntry, defineParam } from './parameters.ts';
import { sources } from './sources.ts';

const on = <T>(from: Day, value: T | null, source: string): ParamEntry<T> => ({ from, value, source });

/** Urban dibao standard, fen per person per month (Qingyuan values not found: the admin enters them by year). */
export const dibaoStandardUrban = defineParam<number>({
  id: 'dibao.standard.urban',
  unit: 'fen',
  description: '城镇低保标准（元/人/月，按分存储）',
  source: sources.dibaoStandard,
  history: [],
  knownGaps: '清远市/佛冈县2021–2026年城镇低保标准未查到，请按年度录入',
});

/** Rural dibao standard, fen per person per month (Qingyuan values not found: the admin enters them by year). */
export const dibaoStandardRural = defineParam<number>({
  id: 'dibao.standard.rural',
  unit: 'fen',
  description: '农村低保标准（元/人/月，按分存储）',
  source: sources.dibaoStandard,
  history: [],
  knownGaps: '清远市/佛冈县2021–2026年农村低保标准未查到，请按年度录入',
});

/** A 低保边缘 household has per-capita income at most this multiple of the dibao standard (‰: 1500 = 1.5×). */
export const lowIncomeMultiplier = defineParam<number>({
  id: 'dibao.lowIncomeMultiplierPermille',
  unit: 'permille',
  description: '低保边缘家庭收入上限（低保标准的倍数，千分比）',
  source: sources.dibao2021,
  history: [on('2013-01-01', 1500, sources.dibao2021)],
});

/** 残疾儿童康复救助 in force in Guangdong from 1 October 2018. */
export const childRehabAidInForce = defineParam<boolean>({
  id: 'childRehabAid.inForce',
  unit: 'flag',
  description: '残疾儿童康复救助制度生效',
  source: sources.childRehab,
  history: [on('2018-10-01', true, sources.childRehab)],
});

/** Oldest age covered: under (maxAge + 1) on 31 August of the year (粤府办〔2018〕43号: 0–6). */
export const childRehabAidMaxAge = defineParam<number>({
  id: 'childRehabAid.maxAge',
  unit: 'years',
  description: '康复救助年龄上限（当年8月31日未满 maxAge+1 周岁）',
  source: sources.childRehab,
  history: [on('2018-10-01', 6, sources.childRehab)],
});

/** The plan covers children holding a residence permit instead of local hukou. */
export const childRehabAidResidencePermit = defineParam<boolean>({
  id: 'childRehabAid.includeResidencePermit',
  unit: 'flag',
  description: '持居住证的残疾儿童纳入康复救助',
  source: sources.childRehab,
  history: [on('2021-01-01', true, sources.childRehab)],
});

/** Yearly aid per child, fen (Guangdong amounts not found). */
export const childRehabAidAnnual = defineParam<number>({
  id: 'childRehabAid.annualAmount',
  unit: 'fenPerYear',
  description: '残疾儿童康复救助年标准（按分存储）',
  source: sources.childRehab,
  history: [],
  knownGaps: '广东省康复救助标准未查到，请录入',
});

/** Government pays residents' pension contributions for the covered groups (plan 2021–2025). */
export const pensionAidInForce = defineParam<boolean>({
  id: 'pensionContributionAid.inForce',
  unit: 'flag',
  description: '城乡居民养老保险个人缴费资助生效',
  source: sources.pensionAid,
  history: [on('2021-01-01', true, sources.pensionAid)],
});

/** Contribution ages (residents' pension: from 16 until the pension age of 60). */
export const pensionAidAges = defineParam<{ min: number; max: number }>({
  id: 'pensionContributionAid.ages',
  unit: 'years',
  description: '缴费资助年龄范围（含）',
  source: sources.pensionAid,
  history: [on('2021-01-01', { min: 16, max: 59 }, '城乡居民基本养老保险：年满16周岁，60周岁起领取')],
});

/** Yearly contribution paid for a person, fen ([U] Guangdong's minimum tier 180 元/年: to be confirmed and entered). */
export const pensionAidAnnual = defineParam<number>({
  id: 'pensionContributionAid.annualAmount',
  unit: 'fenPerYear',
  description: '个人缴费资助年额（按分存储）',
  source: sources.pensionAid,
  history: [],
  knownGaps: '最低缴费档次（约180元/年）未核实，请录入',
});

/** Home accessibility modification programme (plan 2021–2025). */
export const homeModificationInForce = defineParam<boolean>({
  id: 'homeModification.inForce',
  unit: 'flag',
  description: '残疾人家庭无障碍改造项目生效',
  source: sources.homeMod,
  history: [on('2021-01-01', true, sources.homeMod)],
});

/** Free bus travel for certificate holders (plan 2021–2025). */
export const freeBusTravelInForce = defineParam<boolean>({
  id: 'freeBusTravel.inForce',
  unit: 'flag',
  description: '持证残疾人免费乘坐市内公交',
  source: sources.bus,
  history: [on('2021-01-01', true, sources.bus)],
});

/** Public notice (公示) before payment, in working days. */
export const publicNoticeDays = defineParam<number>({
  id: 'workflow.publicNoticeWorkingDays',
  unit: 'workingDays',
  description: '审批后公示期（工作日）',
  source: sources.workflow,
  history: [on('2016-01-01', 5, sources.workflow)],
});

/** Time limit of each review step (town, county), in working days. */
export const reviewStepDays = defineParam<number>({
  id: 'workflow.reviewWorkingDays',
  unit: 'workingDays',
  description: '每一审核环节的办理时限（工作日）',
  source: sources.workflow,
  history: [on('2016-01-01', 10, sources.workflow)],
});

/** Public holidays (the working-day calendar is data; add each year's list when the State Council publishes it). */
export const calendarHolidays = defineParam<Day[]>({
  id: 'calendar.holidays',
  unit: 'list',
  description: '法定节假日（放假日期）',
  source: sources.calendar,
  history: [
    on(
      '2025-01-01',
      [
        '2025-01-01',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
        '2025-04-04',
        '2025-04-05',
        '2025-04-06',
        '2025-05-01',
        '2025-05-02',
        '2025-05-03',
        '2025-05-04',
        '2025-05-05',
        '2025-05-31',
        '2025-06-01',
        '2025-06-02',
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      sources.calendar,
    ),
  ],
  knownGaps: '2026年及以后的放假安排请按国务院办公厅通知录入（每条记录为当年完整列表）',
});

/** Weekend days that are working days (调休上班). */
export const calendarMakeUpDays = defineParam<Day[]>({
  id: 'calendar.makeUpWorkdays',
  unit: 'list',
  description: '调休上班日',
  source: sources.calendar,
  history: [on('2025-01-01', ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'], sources.calendar)],
});
