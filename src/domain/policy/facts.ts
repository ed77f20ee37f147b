import type { Category } from '../disability/category.ts';
import type { Level } from '../disability/level.ts';
import { addYears, type Day } from '../time/day.ts';

/** A certificate as the registry holds it, with the days it was the person's current one. */
export type CertificateFact = {
  category: Category;
  level: Level;
  issuedOn: Day | null;
  validUntil: Day | null;
  effectiveFrom: Day;
  endedOn: Day | null;
  endReason: string | null;
};

/** An enrolment in a programme (a department list or an approved application). */
export type EnrolmentFact = { program: string; startDate: Day; endDate: Day | null; monthlyAmountFen: number | null };

/** Everything the rules read about one person: plain data the store loads set-wise. */
export type PersonFacts = {
  personId: number;
  idNumber: string | null;
  townCode: string;
  birthDate: Day | null;
  hukou: 'urban' | 'rural' | null;
  /** Hong Kong/Macao/Taiwan residence permit ('hk' | 'mo' | 'tw'): no hukou in the county. */
  residencePermit: string | null;
  deceasedOn: Day | null;
  movedOutOn: Day | null;
  certificates: CertificateFact[];
  /** The person's own enrolments. */
  enrolments: EnrolmentFact[];
  /** Enrolments of the other members of the household (dibao, lowIncome and tekun apply per household). */
  householdEnrolments: EnrolmentFact[];
  /** Household per-capita monthly income in fen (latest needs survey up to the date), or unknown. */
  incomePerCapitaFen: number | null;
  /** Home-modification need from the needs survey, or unknown. */
  homeModificationNeed: boolean | null;
};

/** True when an enrolment covers the day (start <= day, and no end or end >= day). */
export function isActiveOn(e: EnrolmentFact, day: Day): boolean {
  return e.startDate <= day && (e.endDate === null || e.endDate >= day);
}

/** The person's own enrolment in the programme active on the day. */
export function activeEnrolment(f: PersonFacts, program: string, day: Day): EnrolmentFact | undefined {
  return f.enrolments.find((e) => e.program === program && isActiveOn(e, day));
}

/** The person's or a household member's enrolment in the programme active on the day. */
export function householdEnrolment(f: PersonFacts, program: string, day: Day): EnrolmentFact | undefined {
  return activeEnrolment(f, program, day) ?? f.householdEnrolments.find((e) => e.program === program && isActiveOn(e, day));
}

/** The certificate current on the day (whether or not it has expired), newest first. */
export function certificateOn(f: PersonFacts, day: Day): CertificateFact | undefined {
  let found: CertificateFact | undefined;
  for (const c of f.certificates) {
    if (c.effectiveFrom > day || (c.endedOn !== null && c.endedOn <= day)) continue;
    if (!found || c.effectiveFrom >= found.effectiveFrom) found = c;
  }
  return found;
}

/** The last day a certificate is valid: its stored date, else 10 years from issue (残疾人证管理办法 Art. 19). */
export function certificateExpiry(c: CertificateFact): Day | null {
  if (c.validUntil) return c.validUntil;
  return c.issuedOn ? addYears(c.issuedOn, 10) : null;
}
