import { isSevere } from '../../disability/level.ts';
import { ageOn, type Day } from '../../time/day.ts';
import { yuan } from '../amount.ts';
import { hasCountyHukou, hasValidCertificate, inTekun, isAlive, isSevereOrIntellectualMental } from '../conditions.ts';
import { type Condition, type Decision, type Reason, allOf, anyOf, byDate, check, decide, info, not } from '../decision.ts';
import { type PersonFacts, certificateOn, householdEnrolment } from '../facts.ts';
import { dibaoStandardRural, dibaoStandardUrban, lowIncomeMultiplier } from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';

type Standard = { fen: number; from: Day; source: string } | null;

function standardFor(f: PersonFacts, day: Day, p: ParamSet): Standard {
  const param = f.hukou === 'urban' ? dibaoStandardUrban : dibaoStandardRural;
  const e = lookup(p, param, day);
  return e ? { fen: e.value, from: e.from, source: e.source } : null;
}

function belowStandard(f: PersonFacts, std: Standard, hukou: string): Condition {
  const income = f.incomePerCapitaFen;
  const held = std !== null && income !== null && income < std.fen;
  const fail =
    std === null
      ? `${hukou}低保标准未录入（该日期无生效标准）`
      : income === null
        ? '家庭人均收入未知'
        : `家庭人均月收入${yuan(income)}元不低于低保标准${yuan(std.fen)}元`;
  return check('HOUSEHOLD_BELOW_STANDARD', held, [`家庭人均月收入${yuan(income ?? 0)}元低于低保标准`, fail], sources.dibao2021);
}

/**
 * The household is 低保边缘: civil affairs lists it so (a lowIncome enrolment of the person or a member: income at most
 * 1.5 × the standard and the asset test passed, 民发〔2021〕57号), or its surveyed income is within that line.
 */
function withinLowIncomeLine(f: PersonFacts, std: Standard, day: Day, p: ParamSet): Condition {
  if (householdEnrolment(f, 'lowIncome', day) !== undefined)
    return check('LOW_INCOME_LINE', true, ['民政部门认定为低保边缘家庭', ''], sources.dibao2021);
  const permille = lookup(p, lowIncomeMultiplier, day)?.value;
  const income = f.incomePerCapitaFen;
  const held = std !== null && income !== null && permille !== undefined && income * 1000 <= std.fen * permille;
  const fail = income === null ? '家庭人均收入未知，也不是民政认定的低保边缘家庭' : `家庭人均月收入${yuan(income)}元超过低保边缘线`;
  return check('LOW_INCOME_LINE', held, ['家庭人均月收入不超过低保标准的1.5倍（低保边缘）', fail], sources.dibao2021);
}

/** 2012 rule: an adult severely disabled person of a poor household may be assessed alone. */
function singlePerson2012(day: Day, f: PersonFacts, std: Standard, p: ParamSet): Condition {
  const c = certificateOn(f, day);
  const adultSevere = !!c && isSevere(c.level) && f.birthDate !== null && ageOn(f.birthDate, day) >= 18;
  const group = check('LEVEL_SCOPE', adultSevere, ['成年重度残疾人', '不是成年重度残疾人（2021年7月前的规则）'], sources.dibao2012);
  return allOf(
    'SINGLE_PERSON',
    sources.dibao2012,
    [hasValidCertificate(f, day), group, withinLowIncomeLine(f, std, day, p)],
    ['按单人户纳入低保', '不符合单人户条件'],
  );
}

/** 2021 rule: in a 低保边缘 household, level 1–2 or level 3–4 intellectual/mental, alone at the full rate. */
function singlePerson2021(day: Day, f: PersonFacts, std: Standard, p: ParamSet): Condition {
  const parts = [hasValidCertificate(f, day), isSevereOrIntellectualMental(f, day, sources.dibao2021), withinLowIncomeLine(f, std, day, p)];
  return allOf('SINGLE_PERSON', sources.dibao2021, parts, ['按单人户纳入低保', '不符合单人户条件']);
}

/** The day the 2021 single-person rule replaces the 2012 one (民发〔2021〕57号 (check)). */
export const singlePerson2021From: Day = '2021-07-01';

/** The single-person rule by date (民发〔2012〕220号, then 民发〔2021〕57号 from 2021-07-01 (check)). */
export const singlePersonHousehold = byDate<[PersonFacts, Standard, ParamSet]>([
  { from: '2012-12-01', evaluate: singlePerson2012 },
  { from: singlePerson2021From, evaluate: singlePerson2021 },
]);

function amountOf(d: { single: Condition; household: Condition }, f: PersonFacts, std: Standard): { fen: number | null; reason?: Reason } {
  if (!std) return { fen: null };
  if (d.single.held)
    return {
      fen: std.fen,
      reason: info('MONTHLY_AMOUNT', true, `单人户按低保标准全额${yuan(std.fen)}元/月（自${std.from}起）`, std.source),
    };
  const fen = std.fen - (f.incomePerCapitaFen ?? 0);
  return { fen, reason: info('MONTHLY_AMOUNT', true, `低保标准${yuan(std.fen)}元减家庭人均收入，差额${yuan(fen)}元/月`, std.source) };
}

/** A dibao enrolment active on the day: civil affairs has already determined eligibility (we only recheck stops). */
function confirmedByCivilAffairs(f: PersonFacts, day: Day): Condition {
  const held = householdEnrolment(f, 'dibao', day) !== undefined;
  return check('DIBAO_CONFIRMED', held, ['民政部门已认定低保（享受中）', '未享受低保'], sources.dibao2021);
}

/** 最低生活保障 incl. the single-person-household rule (民发〔2021〕57号; 粤民规字〔2019〕9号; plan 四(一)3). */
export function evaluateDibao(f: PersonFacts, day: Day, p: ParamSet): Decision {
  const std = standardFor(f, day, p);
  const confirmed = confirmedByCivilAffairs(f, day);
  const household = belowStandard(f, std, f.hukou === 'urban' ? '城镇' : '农村');
  const single = singlePersonHousehold(day, f, std, p);
  const income = anyOf('DIBAO_INCOME_TEST', sources.dibao2021, [confirmed, household, single], ['符合低保条件', '不符合低保条件']);
  const notTekun = not('NOT_TEKUN', inTekun(f, day), ['未纳入特困供养', '已纳入特困人员救助供养（不重复纳入低保）']);
  const amount = confirmed.held && !single.held ? confirmedAmount(f, day) : amountOf({ single, household }, f, std);
  return decide('dibao', day, [isAlive(f, day), hasCountyHukou(f, day), notTekun, income], amount);
}

function confirmedAmount(f: PersonFacts, day: Day): { fen: number | null; reason?: Reason } {
  const fen = householdEnrolment(f, 'dibao', day)?.monthlyAmountFen ?? null;
  return {
    fen,
    reason: info(
      'MONTHLY_AMOUNT',
      fen !== null,
      fen === null ? '低保金额以民政部门认定为准（未登记）' : `民政部门认定低保金${yuan(fen)}元/月`,
      sources.dibao2021,
    ),
  };
}
