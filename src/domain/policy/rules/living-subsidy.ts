import type { Day } from '../../time/day.ts';
import { standardAmount } from '../amount.ts';
import {
  hasCountyHukou,
  hasValidCertificate,
  inDibaoHousehold,
  inLowIncomeHousehold,
  inTekun,
  isAlive,
  programInForce,
} from '../conditions.ts';
import { type Condition, type Decision, anyOf, check, decide, not } from '../decision.ts';
import { type PersonFacts, activeEnrolment } from '../facts.ts';
import {
  livingSubsidyIncludesLowIncome,
  livingSubsidyInForce,
  livingSubsidyMonthly,
  tekunExcludesSubsidies,
  workInjuryCareOverlap,
} from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';

/** Dibao household, or (Guangdong, by parameter) a 低保边缘 household. */
function hardship(f: PersonFacts, day: Day, p: ParamSet): Condition {
  const alternatives = [inDibaoHousehold(f, day)];
  if (lookup(p, livingSubsidyIncludesLowIncome, day)?.value === true) alternatives.push(inLowIncomeHousehold(f, day));
  return anyOf('HARDSHIP_HOUSEHOLD', sources.twoSubsidiesGd, alternatives, ['困难家庭', '不是低保或低保边缘家庭']);
}

/** Tekun excludes the subsidy unless the parameter says otherwise. */
export function notExcludedByTekun(f: PersonFacts, day: Day, p: ParamSet): Condition {
  if (lookup(p, tekunExcludesSubsidies, day)?.value === false)
    return check('NOT_TEKUN', true, ['特困供养不排除两项补贴（参数设置）', ''], sources.overlaps);
  return not('NOT_TEKUN', inTekun(f, day), ['未纳入特困供养', '已纳入特困人员救助供养，不享受两项补贴']);
}

function notOrphan(f: PersonFacts, day: Day): Condition {
  const held = activeEnrolment(f, 'orphanSupport', day) === undefined;
  return check(
    'NOT_ORPHAN_SUPPORT',
    held,
    ['未享受孤儿基本生活保障', '已享受孤儿基本生活保障，不享受生活补贴（可享受护理补贴）'],
    sources.overlaps,
  );
}

function notWorkInjuryCare(f: PersonFacts, day: Day, p: ParamSet): Condition {
  const mode = lookup(p, workInjuryCareOverlap, day)?.value ?? 'higher';
  const receiving = activeEnrolment(f, 'workInjuryCare', day) !== undefined;
  const held = mode !== 'neither' || !receiving;
  return check(
    'NOT_WORK_INJURY_CARE',
    held,
    ['工伤保险生活护理费不影响生活补贴', '领取工伤保险生活护理费，两项补贴均不享受（参数设置）'],
    sources.overlaps,
  );
}

/** 困难残疾人生活补贴 (国发〔2015〕52号; 广东: 低保及低保边缘家庭; exclusions 民发〔2016〕99号). */
export function evaluateLivingSubsidy(f: PersonFacts, day: Day, p: ParamSet): Decision {
  return decide(
    'livingSubsidy',
    day,
    [
      programInForce(lookup(p, livingSubsidyInForce, day)?.value, '困难残疾人生活补贴', sources.twoSubsidies),
      isAlive(f, day),
      hasCountyHukou(f, day),
      hasValidCertificate(f, day),
      hardship(f, day, p),
      notExcludedByTekun(f, day, p),
      notOrphan(f, day),
      notWorkInjuryCare(f, day, p),
    ],
    standardAmount(p, livingSubsidyMonthly, day, '生活补贴'),
  );
}
