import type { Day } from '../../time/day.ts';
import {
  hasCountyHukou,
  hasValidCertificate,
  inDibaoHousehold,
  inLowIncomeHousehold,
  inTekun,
  isAlive,
  isSevereOrIntellectualMental,
  programInForce,
} from '../conditions.ts';
import { type Decision, check, decide, info } from '../decision.ts';
import { type PersonFacts, certificateOn } from '../facts.ts';
import { homeModificationInForce } from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';

/** Priority: a severely disabled person (level 1–2) in a dibao, 低保边缘 or tekun household. */
function isPriority(f: PersonFacts, day: Day): boolean {
  const c = certificateOn(f, day);
  const hardship = inDibaoHousehold(f, day).held || inLowIncomeHousehold(f, day).held || inTekun(f, day).held;
  return !!c && c.level <= 2 && hardship;
}

/** 家庭无障碍(适老化)改造: a household with a recorded need; severe disability in hardship first (plan 四(一)3). */
export function evaluateHomeModification(f: PersonFacts, day: Day, p: ParamSet): Decision {
  const need = f.homeModificationNeed;
  const d = decide('homeModification', day, [
    programInForce(lookup(p, homeModificationInForce, day)?.value, '家庭无障碍改造', sources.homeMod),
    isAlive(f, day),
    hasCountyHukou(f, day),
    hasValidCertificate(f, day),
    check(
      'NEED_RECORDED',
      need === true,
      ['动态更新调查登记了无障碍改造需求', need === false ? '调查登记无改造需求' : '未登记改造需求'],
      sources.homeMod,
    ),
  ]);
  const priority = d.eligible && isPriority(f, day);
  if (d.eligible) {
    const why = isSevereOrIntellectualMental(f, day, sources.homeMod).message;
    d.reasons.push(info('PRIORITY', priority, priority ? '重度残疾人困难家庭，优先改造' : `非优先对象（${why}）`, sources.homeMod));
  }
  // The decision's fields spelled out (an object spread takes V8's slow path, once per person).
  return { program: d.program, day: d.day, eligible: d.eligible, monthlyAmount: d.monthlyAmount, reasons: d.reasons, priority };
}
