import type { Category } from '../../domain/disability/category.ts';
import type { Level } from '../../domain/disability/level.ts';
import type { Day } from '../../domain/time/day.ts';

/** A person as validated input: normalised values ready to store (from a file row, a form or the API). */
export type PersonInput = {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: Day;
  residencePermit: 'hk' | 'mo' | 'tw' | null;
  certificateNumber: string;
  category: Category;
  level: Level;
  townCode: string;
  countyCode: string;
  villageCode: string | null;
  hukou: 'urban' | 'rural' | null;
  certificateIssuedOn: Day | null;
  certificateValidUntil: Day | null;
  phone: string | null;
  householdNo: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  deceasedOn: Day | null;
};
