import type { CertificateFact, PersonFacts } from '../facts.ts';

/** The person every case starts from: 40 years old, rural hukou here, level-2 physical certificate valid 2020–2030. */
export const baseCertificate: CertificateFact = {
  category: 'physical',
  level: 2,
  issuedOn: '2020-03-15',
  validUntil: '2030-03-14',
  effectiveFrom: '2020-03-15',
  endedOn: null,
  endReason: null,
};

/** Base facts; a case's `input` replaces fields, and `certificate` merges into the one certificate. */
export const baseFacts: PersonFacts = {
  personId: 1,
  idNumber: '441821198506150011',
  townCode: '441821100',
  birthDate: '1985-06-15',
  hukou: 'rural',
  residencePermit: null,
  deceasedOn: null,
  movedOutOn: null,
  certificates: [baseCertificate],
  enrolments: [],
  householdEnrolments: [],
  incomePerCapitaFen: null,
  homeModificationNeed: null,
};

/** Builds a case's facts from the base and the case input. */
export function factsFor(input: Record<string, unknown>): PersonFacts {
  const { certificate, enrolments, householdEnrolments, ...rest } = input as {
    certificate?: Partial<CertificateFact>;
    enrolments?: Partial<PersonFacts['enrolments'][number]>[];
    householdEnrolments?: Partial<PersonFacts['enrolments'][number]>[];
  } & Partial<PersonFacts>;
  const enrol = (list: Partial<PersonFacts['enrolments'][number]>[] | undefined) =>
    (list ?? []).map((e) => ({ program: '', startDate: '2020-01-01', endDate: null, monthlyAmountFen: null, ...e }));
  return {
    ...baseFacts,
    ...rest,
    certificates: rest.certificates ?? [{ ...baseCertificate, ...certificate }],
    enrolments: enrol(enrolments),
    householdEnrolments: enrol(householdEnrolments),
  };
}
