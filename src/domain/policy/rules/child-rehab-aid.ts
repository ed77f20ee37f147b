import { ageOn, type Day } from '../../time/day.ts';
import { annualAmountReason } from '../amount.ts';
import { hasValidCertificate, isAlive, programInForce } from '../conditions.ts';
import { type Condition, type Decision, check, decide } from '../decision.ts';
import type { PersonFacts } from '../facts.ts';
import { childRehabAidAnnual, childRehabAidInForce, childRehabAidMaxAge, childRehabAidResidencePermit } from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';

/** Under maxAge + 1 on 31 August of the year (粤府办〔2018〕43号: "0–6" means under 7 on 31 August). */
function inAgeRange(f: PersonFacts, day: Day, p: ParamSet): Condition {
  const max = lookup(p, childRehabAidMaxAge, day)?.value;
  if (max === undefined) return check('AGE_SCOPE', false, ['', '该日期未规定救助年龄范围'], sources.childRehab);
  if (f.birthDate === null) return check('AGE_SCOPE', false, ['', '出生日期未知'], sources.childRehab);
  const age = ageOn(f.birthDate, `${day.slice(0, 4)}-08-31`);
  const born = f.birthDate <= day;
  return check(
    'AGE_SCOPE',
    born && age <= max,
    [`当年8月31日${age}周岁，在0-${max}岁范围内`, `当年8月31日${age}周岁，超出0-${max}岁`],
    sources.childRehab,
  );
}

/** Local hukou, or (the plan, by parameter) a residence-permit holder; moving out still stops it. */
function residesHere(f: PersonFacts, day: Day, p: ParamSet): Condition {
  const movedOut = f.movedOutOn !== null && f.movedOutOn <= day;
  const permitOk = f.residencePermit !== null && lookup(p, childRehabAidResidencePermit, day)?.value === true;
  const held = !movedOut && (f.residencePermit === null || permitOk);
  const fail = movedOut ? `户籍已于${f.movedOutOn}迁出本县` : '无本县户籍，且居住证儿童不在该日期的覆盖范围';
  return check('HUKOU_OR_RESIDENCE_PERMIT', held, [f.residencePermit ? '持居住证，纳入救助' : '户籍在本县', fail], sources.childRehab);
}

/** 残疾儿童康复救助 (粤府办〔2018〕43号; plan 四(一)2 incl. residence-permit holders); amount is yearly. */
export function evaluateChildRehabAid(f: PersonFacts, day: Day, p: ParamSet): Decision {
  const d = decide('childRehabAid', day, [
    programInForce(lookup(p, childRehabAidInForce, day)?.value, '残疾儿童康复救助', sources.childRehab),
    isAlive(f, day),
    residesHere(f, day, p),
    hasValidCertificate(f, day),
    inAgeRange(f, day, p),
  ]);
  if (d.eligible) d.reasons.push(annualAmountReason(p, childRehabAidAnnual, day, '康复救助'));
  return d;
}
