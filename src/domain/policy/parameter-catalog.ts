import type { Category } from '../disability/category.ts';
import type { Level } from '../disability/level.ts';
import type { Day } from '../time/day.ts';
import { type Param, type ParamEntry, defineParam } from './parameters.ts';
import * as more from './parameter-catalog-more.ts';
import { sources } from './sources.ts';

export * from './parameter-catalog-more.ts';

const on = <T>(from: Day, value: T | null, source: string): ParamEntry<T> => ({ from, value, source });
const gdNotice2021 = '粤财社〔2020〕（关于2021年提高我省残疾人两项补贴标准的通知，2020-12-31）[V]';
const gd2025 = '广东2025年标准（二手来源：政策数据集引用2026年通知、番禺指南）[S]';
const gd2026 = '广东2026年通知（zjxs.gov.cn 转载）[S]';

/** 困难残疾人生活补贴 in force (国发〔2015〕52号: from 1 January 2016). */
export const livingSubsidyInForce = defineParam<boolean>({
  id: 'livingSubsidy.inForce',
  unit: 'flag',
  description: '困难残疾人生活补贴制度生效',
  source: sources.twoSubsidies,
  history: [on('2016-01-01', true, sources.twoSubsidies)],
});

/** 重度残疾人护理补贴 in force (国发〔2015〕52号: from 1 January 2016). */
export const nursingSubsidyInForce = defineParam<boolean>({
  id: 'nursingSubsidy.inForce',
  unit: 'flag',
  description: '重度残疾人护理补贴制度生效',
  source: sources.twoSubsidies,
  history: [on('2016-01-01', true, sources.twoSubsidies)],
});

/** Living subsidy, fen per person per month, one flat Guangdong rate (DOMAIN.md §4.2; 2022–2024 not found). */
export const livingSubsidyMonthly = defineParam<number>({
  id: 'livingSubsidy.monthlyAmount',
  unit: 'fen',
  description: '困难残疾人生活补贴月标准（元/人/月，按分存储）',
  source: '广东省残疾人两项补贴标准通知（粤财社、粤民发）',
  history: [
    on('2020-01-01', 17_500, '广东省通知（2020年标准）[S]'),
    on('2021-01-01', 18_100, gdNotice2021),
    on('2025-01-01', 20_900, gd2025),
    on('2026-01-01', 21_700, gd2026),
  ],
  knownGaps: '2022–2024年标准未查到，需管理员按年度通知录入（在录入前沿用2021年标准）',
});

/** Nursing subsidy, fen per person per month, one flat Guangdong rate (DOMAIN.md §4.2; 2022–2024 not found). */
export const nursingSubsidyMonthly = defineParam<number>({
  id: 'nursingSubsidy.monthlyAmount',
  unit: 'fen',
  description: '重度残疾人护理补贴月标准（元/人/月，按分存储）',
  source: '广东省残疾人两项补贴标准通知（粤财社、粤民发）',
  history: [
    on('2020-01-01', 23_500, '广东省通知（2020年标准）[S]'),
    on('2021-01-01', 24_300, gdNotice2021),
    on('2025-01-01', 28_000, gd2025),
    on('2026-01-01', 29_000, gd2026),
  ],
  knownGaps: '2022–2024年标准未查到，需管理员按年度通知录入（在录入前沿用2021年标准）',
});

/** Guangdong extends the living subsidy to 低保边缘 (lowIncome) households. */
export const livingSubsidyIncludesLowIncome = defineParam<boolean>({
  id: 'livingSubsidy.includeLowIncome',
  unit: 'flag',
  description: '生活补贴覆盖低保边缘家庭',
  source: sources.twoSubsidiesGd,
  history: [on('2016-01-01', true, sources.twoSubsidiesGd)],
});

/** Levels the nursing subsidy covers in every category (national: 一、二级). */
export const nursingSubsidyLevels = defineParam<Level[]>({
  id: 'nursingSubsidy.levels',
  unit: 'list',
  description: '护理补贴覆盖的残疾等级（所有类别）',
  source: sources.twoSubsidies,
  history: [on('2016-01-01', [1, 2], sources.twoSubsidies)],
});

/** Guangdong's extension of the nursing subsidy: these categories at the extended levels (三、四级智力/精神). */
export const nursingSubsidyExtendedCategories = defineParam<Category[]>({
  id: 'nursingSubsidy.extendedCategories',
  unit: 'list',
  description: '护理补贴扩展覆盖的残疾类别',
  source: sources.twoSubsidiesGd,
  history: [on('2016-01-01', ['intellectual', 'mental'], sources.twoSubsidiesGd)],
});

/** The levels the extension covers. */
export const nursingSubsidyExtendedLevels = defineParam<Level[]>({
  id: 'nursingSubsidy.extendedLevels',
  unit: 'list',
  description: '扩展类别覆盖的残疾等级',
  source: sources.twoSubsidiesGd,
  history: [on('2016-01-01', [3, 4], sources.twoSubsidiesGd)],
});

/** Persons in tekun support get neither subsidy (national rule; Guangdong's position unconfirmed: configurable). */
export const tekunExcludesSubsidies = defineParam<boolean>({
  id: 'overlap.tekunExcludesSubsidies',
  unit: 'flag',
  description: '特困供养人员不享受两项补贴',
  source: sources.overlaps,
  history: [on('2016-01-01', true, sources.overlaps)],
});

/** Work-injury care allowance vs the nursing subsidy: 'higher' (择高, DOMAIN.md §4.2) or 'neither' subsidy. */
export const workInjuryCareOverlap = defineParam<'higher' | 'neither'>({
  id: 'overlap.workInjuryCare',
  unit: 'mode',
  description: '工伤保险生活护理费与护理补贴：择高(higher)或两项补贴均不享受(neither)',
  source: sources.overlaps,
  history: [on('2016-01-01', 'higher', `${sources.overlaps}；DOMAIN.md §4.2 择高 (check)`)],
});

/** Every parameter the rules and workflow read, in display order. */
export const parameterCatalog: readonly Param<unknown>[] = [
  livingSubsidyInForce,
  livingSubsidyMonthly,
  livingSubsidyIncludesLowIncome,
  nursingSubsidyInForce,
  nursingSubsidyMonthly,
  nursingSubsidyLevels,
  nursingSubsidyExtendedCategories,
  nursingSubsidyExtendedLevels,
  tekunExcludesSubsidies,
  workInjuryCareOverlap,
  ...(Object.values(more) as Param<unknown>[]),
];

/** The definition of a parameter by id, or undefined. */
export function findParam(id: string): Param<unknown> | undefined {
  return parameterCatalog.find((p) => p.id === id);
}
