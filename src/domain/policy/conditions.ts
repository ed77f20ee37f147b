import { categoryName, isIntellectualOrMental } from '../disability/category.ts';
import { isSevere, levelName } from '../disability/level.ts';
import type { Day } from '../time/day.ts';
import { type Condition, check } from './decision.ts';
import { type CertificateFact, type PersonFacts, activeEnrolment, certificateExpiry, certificateOn, householdEnrolment } from './facts.ts';
import { sources } from './sources.ts';

// The conditions every benefit shares (DOMAIN.md §4: valid certificate, hukou in the county, stop conditions).

/** Alive on the day (stop condition: death). */
export function isAlive(f: PersonFacts, day: Day): Condition {
  const held = f.deceasedOn === null || f.deceasedOn > day;
  return check('ALIVE', held, ['在世', `已于${f.deceasedOn}死亡`], sources.stop);
}

/** Hukou in the county on the day (stop condition: moving out); a HK/Macao/Taiwan permit holder has none. */
export function hasCountyHukou(f: PersonFacts, day: Day): Condition {
  if (f.movedOutOn !== null && f.movedOutOn <= day)
    return check('HUKOU_IN_COUNTY', false, ['', `户籍已于${f.movedOutOn}迁出本县`], sources.stop);
  return check('HUKOU_IN_COUNTY', f.residencePermit === null, ['户籍在本县', '无本县户籍（港澳台居民居住证）'], sources.registry);
}

function describe(c: CertificateFact): string {
  return `${levelName(c.level)}${categoryName(c.category)}残疾`;
}

/** Holds a certificate valid on the day: current, issued, not expired, not cancelled. */
export function hasValidCertificate(f: PersonFacts, day: Day): Condition {
  const c = certificateOn(f, day);
  const code = 'CERTIFICATE_VALID';
  if (!c) {
    const ended = f.certificates.find((x) => x.endedOn !== null && x.endedOn <= day && x.endReason === 'cancelled');
    return check(code, false, ['', ended ? `残疾人证已于${ended.endedOn}注销` : '该日期没有残疾人证'], sources.certificate);
  }
  if (c.issuedOn !== null && c.issuedOn > day) return check(code, false, ['', `残疾人证${c.issuedOn}才发证`], sources.certificate);
  const expiry = certificateExpiry(c);
  if (expiry !== null && expiry < day) return check(code, false, ['', `残疾人证已于${expiry}到期`], sources.certificate);
  return check(code, true, [`持有效残疾人证（${describe(c)}${expiry ? `，有效期至${expiry}` : ''}）`, ''], sources.certificate);
}

/** Severe (level 1–2), or level 3–4 intellectual/mental: the groups of the single-person and pension-aid rules. */
export function isSevereOrIntellectualMental(f: PersonFacts, day: Day, source: string): Condition {
  const c = certificateOn(f, day);
  const held = !!c && (isSevere(c.level) || isIntellectualOrMental(c.category));
  const what = c ? describe(c) : '无有效等级';
  return check('LEVEL_SCOPE', held, [`${what}属于重度或三、四级智力、精神残疾`, `${what}不属于重度或三、四级智力、精神残疾`], source);
}

/** In a dibao household on the day (stop condition: leaving dibao). */
export function inDibaoHousehold(f: PersonFacts, day: Day): Condition {
  return check('IN_DIBAO', householdEnrolment(f, 'dibao', day) !== undefined, ['家庭享受城乡低保', '家庭未享受低保'], sources.twoSubsidies);
}

/** In a lowIncome (低保边缘) household on the day. */
export function inLowIncomeHousehold(f: PersonFacts, day: Day): Condition {
  const held = householdEnrolment(f, 'lowIncome', day) !== undefined;
  return check('IN_LOW_INCOME', held, ['家庭为低保边缘家庭', '家庭不是低保边缘家庭'], sources.twoSubsidiesGd);
}

/** In tekun (extreme-poverty) support on the day. */
export function inTekun(f: PersonFacts, day: Day): Condition {
  return check('IN_TEKUN', activeEnrolment(f, 'tekun', day) !== undefined, ['纳入特困人员救助供养', '未纳入特困供养'], sources.overlaps);
}

/** A programme is in force on the day (its flag parameter has a true value). */
export function programInForce(value: boolean | undefined, name: string, source: string): Condition {
  return check('IN_FORCE', value === true, [`${name}在该日期有效`, `${name}在该日期尚未实施或已停止`], source);
}
