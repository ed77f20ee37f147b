import type { Day } from '../time/day.ts';
import type { Decision } from './decision.ts';
import type { PersonFacts } from './facts.ts';
import type { ParamSet } from './parameters.ts';
import { evaluateChildRehabAid } from './rules/child-rehab-aid.ts';
import { evaluateDibao } from './rules/dibao.ts';
import { evaluateFreeBusTravel } from './rules/free-bus-travel.ts';
import { evaluateHomeModification } from './rules/home-modification.ts';
import { evaluateLivingSubsidy } from './rules/living-subsidy.ts';
import { evaluateNursingSubsidy } from './rules/nursing-subsidy.ts';
import { evaluatePensionContributionAid } from './rules/pension-contribution-aid.ts';

/** The benefit programmes the rules decide, by their DOMAIN.md identifiers. */
export const programs = [
  'livingSubsidy',
  'nursingSubsidy',
  'dibao',
  'childRehabAid',
  'pensionContributionAid',
  'homeModification',
  'freeBusTravel',
] as const;

/** A benefit programme. */
export type Program = (typeof programs)[number];

/** Chinese names of the programmes. */
export const programNames: Record<Program, string> = {
  livingSubsidy: '困难残疾人生活补贴',
  nursingSubsidy: '重度残疾人护理补贴',
  dibao: '最低生活保障',
  childRehabAid: '残疾儿童康复救助',
  pensionContributionAid: '城乡居民养老保险缴费资助',
  homeModification: '家庭无障碍改造',
  freeBusTravel: '免费乘坐公交',
};

const rules: Record<Program, (f: PersonFacts, day: Day, p: ParamSet) => Decision> = {
  livingSubsidy: evaluateLivingSubsidy,
  nursingSubsidy: evaluateNursingSubsidy,
  dibao: evaluateDibao,
  childRehabAid: evaluateChildRehabAid,
  pensionContributionAid: evaluatePensionContributionAid,
  homeModification: evaluateHomeModification,
  freeBusTravel: evaluateFreeBusTravel,
};

/** True when the string names a programme. */
export function isProgram(value: string): value is Program {
  return (programs as readonly string[]).includes(value);
}

/** Decides one programme for one person as of a day: pure, reasons included; ineligibility is a Decision. */
export function evaluate(program: Program, facts: PersonFacts, asOf: Day, params: ParamSet): Decision {
  return rules[program](facts, asOf, params);
}
