import { categoryName } from '../../disability/category.ts';
import { levelName } from '../../disability/level.ts';
import type { Day } from '../../time/day.ts';
import { standardAmount, yuan } from '../amount.ts';
import { hasCountyHukou, hasValidCertificate, isAlive, programInForce } from '../conditions.ts';
import { type Condition, type Decision, check, decide } from '../decision.ts';
import { type PersonFacts, activeEnrolment, certificateOn } from '../facts.ts';
import {
  nursingSubsidyExtendedCategories,
  nursingSubsidyExtendedLevels,
  nursingSubsidyInForce,
  nursingSubsidyLevels,
  nursingSubsidyMonthly,
  workInjuryCareOverlap,
} from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';
import { notExcludedByTekun } from './living-subsidy.ts';

/** Level 1–2 in any category, or (Guangdong) level 3–4 intellectual or mental: all three lists are parameters. */
function inLevelScope(f: PersonFacts, day: Day, p: ParamSet): Condition {
  const c = certificateOn(f, day);
  const levels = lookup(p, nursingSubsidyLevels, day)?.value ?? [];
  const extraCategories = lookup(p, nursingSubsidyExtendedCategories, day)?.value ?? [];
  const extraLevels = lookup(p, nursingSubsidyExtendedLevels, day)?.value ?? [];
  const held = !!c && (levels.includes(c.level) || (extraCategories.includes(c.category) && extraLevels.includes(c.level)));
  const what = c ? `${levelName(c.level)}${categoryName(c.category)}残疾` : '无有效残疾等级';
  return check(
    'LEVEL_SCOPE',
    held,
    [`${what}属于护理补贴范围`, `${what}不属于护理补贴范围（一、二级或三、四级智力、精神）`],
    sources.twoSubsidiesGd,
  );
}

/**
 * Work-injury care allowance and elderly care subsidy overlap with the nursing subsidy: the person gets the higher
 * one, not both (民发〔2016〕99号 择高); with mode 'neither' the work-injury allowance excludes it outright.
 */
function overlapChoosesNursing(f: PersonFacts, day: Day, p: ParamSet, nursingFen: number | null): Condition {
  const mode = lookup(p, workInjuryCareOverlap, day)?.value ?? 'higher';
  const code = 'CARE_ALLOWANCE_OVERLAP';
  const workInjury = activeEnrolment(f, 'workInjuryCare', day);
  if (workInjury && mode === 'neither')
    return check(code, false, ['', '领取工伤保险生活护理费，不享受护理补贴（参数设置）'], sources.overlaps);
  for (const [program, name] of [
    ['workInjuryCare', '工伤保险生活护理费'],
    ['elderlyCareSubsidy', '老年人护理补贴'],
  ] as const) {
    const other = activeEnrolment(f, program, day);
    if (!other) continue;
    if (other.monthlyAmountFen === null || nursingFen === null || other.monthlyAmountFen >= nursingFen) {
      const amount = other.monthlyAmountFen === null ? '金额未登记' : `${yuan(other.monthlyAmountFen)}元/月`;
      return check(code, false, ['', `已享受${name}（${amount}），择高享受，不重复发放护理补贴`], sources.overlaps);
    }
    return check(code, true, [`${name}（${yuan(other.monthlyAmountFen)}元/月）低于护理补贴，择高享受护理补贴`, ''], sources.overlaps);
  }
  return check(code, true, ['未领取工伤保险生活护理费或老年人护理补贴', ''], sources.overlaps);
}

/** 重度残疾人护理补贴 (国发〔2015〕52号; 广东: 三、四级智力/精神; no income test; overlaps 民发〔2016〕99号). */
export function evaluateNursingSubsidy(f: PersonFacts, day: Day, p: ParamSet): Decision {
  const amount = standardAmount(p, nursingSubsidyMonthly, day, '护理补贴');
  return decide(
    'nursingSubsidy',
    day,
    [
      programInForce(lookup(p, nursingSubsidyInForce, day)?.value, '重度残疾人护理补贴', sources.twoSubsidies),
      isAlive(f, day),
      hasCountyHukou(f, day),
      hasValidCertificate(f, day),
      inLevelScope(f, day, p),
      notExcludedByTekun(f, day, p),
      overlapChoosesNursing(f, day, p, amount.fen),
    ],
    amount,
  );
}
