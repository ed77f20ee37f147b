import { categoryName, isIntellectualOrMental } from '../disability/category.ts';
import { isSevere, levelName } from '../disability/level.ts';
import { cachedIn } from '../memo.ts';
import type { Day } from '../time/day.ts';
import { type Condition, check, fixed } from './decision.ts';
import { type CertificateFact, type PersonFacts, activeEnrolment, certificateExpiry, certificateOn, householdEnrolment } from './facts.ts';
import { sources } from './sources.ts';

// The conditions every benefit shares (DOMAIN.md §4: valid certificate, hukou in the county, stop conditions).

// Conditions whose message never varies are built once and shared by every decision (see `fixed`).
const alive = fixed('ALIVE', true, '在世', sources.stop);
const countyHukou = fixed('HUKOU_IN_COUNTY', true, '户籍在本县', sources.registry);
const permitOnly = fixed('HUKOU_IN_COUNTY', false, '无本县户籍（港澳台居民居住证）', sources.registry);

/** Alive on the day (stop condition: death). */
export function isAlive(f: PersonFacts, day: Day): Condition {
  if (f.deceasedOn === null || f.deceasedOn > day) return alive;
  return check('ALIVE', false, ['', `已于${f.deceasedOn}死亡`], sources.stop);
}

/** Hukou in the county on the day (stop condition: moving out); a HK/Macao/Taiwan permit holder has none. */
export function hasCountyHukou(f: PersonFacts, day: Day): Condition {
  if (f.movedOutOn !== null && f.movedOutOn <= day)
    return check('HUKOU_IN_COUNTY', false, ['', `户籍已于${f.movedOutOn}迁出本县`], sources.stop);
  return f.residencePermit === null ? countyHukou : permitOnly;
}

function describe(c: CertificateFact): string {
  return `${levelName(c.level)}${categoryName(c.category)}残疾`;
}

// Most programmes ask for the same person's certificate on the same day: the last answer is kept (facts are plain
// data that nobody changes once loaded, so the same object and day give the same condition).
let certificateFacts: PersonFacts | null = null;
let certificateDay: Day = '';
let certificateCondition: Condition | null = null;

/** Holds a certificate valid on the day: current, issued, not expired, not cancelled. */
export function hasValidCertificate(f: PersonFacts, day: Day): Condition {
  if (f === certificateFacts && day === certificateDay && certificateCondition) return certificateCondition;
  const condition = validCertificate(f, day);
  certificateFacts = f;
  certificateDay = day;
  certificateCondition = condition;
  return condition;
}

function validCertificate(f: PersonFacts, day: Day): Condition {
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
  const message = held ? `${what}属于重度或三、四级智力、精神残疾` : `${what}不属于重度或三、四级智力、精神残疾`;
  return { code: 'LEVEL_SCOPE', held, message, source };
}

const inDibao = fixed('IN_DIBAO', true, '家庭享受城乡低保', sources.twoSubsidies);
const notInDibao = fixed('IN_DIBAO', false, '家庭未享受低保', sources.twoSubsidies);
const inLowIncome = fixed('IN_LOW_INCOME', true, '家庭为低保边缘家庭', sources.twoSubsidiesGd);
const notInLowIncome = fixed('IN_LOW_INCOME', false, '家庭不是低保边缘家庭', sources.twoSubsidiesGd);
const tekun = fixed('IN_TEKUN', true, '纳入特困人员救助供养', sources.overlaps);
const notTekun = fixed('IN_TEKUN', false, '未纳入特困供养', sources.overlaps);

/** In a dibao household on the day (stop condition: leaving dibao). */
export function inDibaoHousehold(f: PersonFacts, day: Day): Condition {
  return householdEnrolment(f, 'dibao', day) !== undefined ? inDibao : notInDibao;
}

/** In a lowIncome (低保边缘) household on the day. */
export function inLowIncomeHousehold(f: PersonFacts, day: Day): Condition {
  return householdEnrolment(f, 'lowIncome', day) !== undefined ? inLowIncome : notInLowIncome;
}

/** In tekun (extreme-poverty) support on the day. */
export function inTekun(f: PersonFacts, day: Day): Condition {
  return activeEnrolment(f, 'tekun', day) !== undefined ? tekun : notTekun;
}

// The two in-force conditions of each programme, by name and source, built on first use.
const inForceConditions = new Map<string, Map<string, readonly [Condition, Condition]>>();

/** A programme is in force on the day (its flag parameter has a true value). */
export function programInForce(value: boolean | undefined, name: string, source: string): Condition {
  const pair = cachedIn(
    inForceConditions,
    name,
    source,
    () =>
      [
        fixed('IN_FORCE', true, `${name}在该日期有效`, source),
        fixed('IN_FORCE', false, `${name}在该日期尚未实施或已停止`, source),
      ] as const,
  );
  return value === true ? pair[0] : pair[1];
}
