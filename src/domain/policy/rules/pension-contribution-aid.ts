import { ageOn, type Day } from '../../time/day.ts';
import { annualAmountReason } from '../amount.ts';
import { hasCountyHukou, hasValidCertificate, isAlive, isSevereOrIntellectualMental, programInForce } from '../conditions.ts';
import { type Condition, type Decision, anyOf, check, decide } from '../decision.ts';
import type { PersonFacts } from '../facts.ts';
import { pensionAidAges, pensionAidAnnual, pensionAidInForce } from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';

function contributionAge(f: PersonFacts, day: Day, p: ParamSet): Condition {
  const ages = lookup(p, pensionAidAges, day)?.value;
  if (!ages) return check('AGE_SCOPE', false, ['', '该日期未规定缴费年龄范围'], sources.pensionAid);
  if (f.birthDate === null) return check('AGE_SCOPE', false, ['', '出生日期未知'], sources.pensionAid);
  const age = ageOn(f.birthDate, day);
  return check(
    'AGE_SCOPE',
    age >= ages.min && age <= ages.max,
    [`${age}周岁，在缴费年龄内`, `${age}周岁，不在${ages.min}-${ages.max}周岁缴费年龄内`],
    sources.pensionAid,
  );
}

function isChild(f: PersonFacts, day: Day): Condition {
  const held = f.birthDate !== null && ageOn(f.birthDate, day) < 18;
  return check('DISABLED_CHILD', held, ['未满18周岁的残疾儿童', '已成年'], sources.pensionAid);
}

/** 城乡居民养老保险个人缴费资助: severe, level 3–4 intellectual/mental, and disabled children (plan 四(一)4). */
export function evaluatePensionContributionAid(f: PersonFacts, day: Day, p: ParamSet): Decision {
  const group = anyOf(
    'AID_GROUP',
    sources.pensionAid,
    [isSevereOrIntellectualMental(f, day, sources.pensionAid), isChild(f, day)],
    ['属于资助对象', '不属于资助对象'],
  );
  const d = decide('pensionContributionAid', day, [
    programInForce(lookup(p, pensionAidInForce, day)?.value, '养老保险缴费资助', sources.pensionAid),
    isAlive(f, day),
    hasCountyHukou(f, day),
    hasValidCertificate(f, day),
    contributionAge(f, day, p),
    group,
  ]);
  if (d.eligible) d.reasons.push(annualAmountReason(p, pensionAidAnnual, day, '缴费资助'));
  return d;
}
