/**
 * The shape of the demo county's population: weights for towns, categories, levels, ages, ID regions and
 * the rates of the rarer events. Plausible for a rural Guangdong county, not official statistics.
 */
import type { Category } from '../../domain/disability/category.ts';
import type { Level } from '../../domain/disability/level.ts';
import type { Weighted } from './random.ts';

/** One real town of 佛冈县 (regions-fogang.csv) with the demo's share of persons and village layout. */
export type DemoTown = {
  readonly code: string;
  readonly name: string;
  /** Relative share of the county's certificate holders. */
  readonly weight: number;
  readonly communityNames: readonly string[];
  readonly villageCount: number;
  /** Probability that a person of this town lives in a community (社区) rather than a village (村). */
  readonly communityShare: number;
};

/** The six towns; 石角镇 is the county seat, hence most communities and the most urban. */
export const demoTowns: readonly DemoTown[] = [
  {
    code: '441821100',
    name: '石角镇',
    weight: 30,
    communityNames: ['城东', '城西', '城南', '城北'],
    villageCount: 16,
    communityShare: 0.45,
  },
  {
    code: '441821101',
    name: '水头镇',
    weight: 15,
    communityNames: ['水头'],
    villageCount: 13,
    communityShare: 0.12,
  },
  {
    code: '441821102',
    name: '汤塘镇',
    weight: 18,
    communityNames: ['汤塘', '新圩'],
    villageCount: 14,
    communityShare: 0.12,
  },
  {
    code: '441821103',
    name: '龙山镇',
    weight: 13,
    communityNames: ['龙山', '民安'],
    villageCount: 12,
    communityShare: 0.12,
  },
  {
    code: '441821104',
    name: '高岗镇',
    weight: 12,
    communityNames: ['高岗'],
    villageCount: 9,
    communityShare: 0.12,
  },
  {
    code: '441821107',
    name: '迳头镇',
    weight: 12,
    communityNames: ['迳头'],
    villageCount: 10,
    communityShare: 0.12,
  },
];

/** Share of persons by disability category (adults and children aged 16+). */
export const categoryWeights: Weighted<Category> = [
  ['physical', 45],
  ['visual', 9],
  ['hearing', 11],
  ['speech', 1],
  ['intellectual', 10],
  ['mental', 14],
  ['multiple', 10],
];

/** Share by category for children under 16: developmental and sensory disabilities dominate. */
export const childCategoryWeights: Weighted<Category> = [
  ['physical', 20],
  ['visual', 4],
  ['hearing', 16],
  ['speech', 5],
  ['intellectual', 25],
  ['mental', 15],
  ['multiple', 15],
];

/** Levels for intellectual and mental disabilities: more often level 2–3. */
export const intellectualMentalLevelWeights: Weighted<Level> = [
  [1, 8],
  [2, 38],
  [3, 38],
  [4, 16],
];

/** Levels for the other categories, chosen so that the overall mix is ≈ 12 / 28 / 28 / 32 %. */
export const otherLevelWeights: Weighted<Level> = [
  [1, 13.3],
  [2, 24.8],
  [3, 24.8],
  [4, 37.1],
];

/** Age brackets in completed years [from, to] with their share: ≈ 55 % aged 60+, ≈ 3 % under 16. */
export const ageBracketWeights: Weighted<readonly [from: number, to: number]> = [
  [[0, 6], 1],
  [[7, 15], 2],
  [[16, 29], 5],
  [[30, 44], 12],
  [[45, 59], 25],
  [[60, 69], 22],
  [[70, 79], 20],
  [[80, 99], 13],
];

/** Youngest certificate holder, in days (assessment is rare in the first months). */
export const minimumAgeDays = 183;

/** Region codes of ID numbers: mostly 佛冈县, some elsewhere in 清远市, a handful of HK/Macao permits. */
export const idRegionWeights: Weighted<string> = [
  ['441821', 92],
  ['441802', 1.6],
  ['441803', 1.4],
  ['441881', 1.6],
  ['441823', 1],
  ['441882', 0.8],
  ['441825', 0.4],
  ['441826', 0.4],
  ['810000', 0.15],
  ['820000', 0.15],
];

/** Region codes of Hong Kong / Macao residence permits: such persons have no mainland hukou. */
export const permitRegions: readonly string[] = ['810000', '820000'];

/** Rates of the rarer properties of a person. */
export const demoRates = {
  male: 0.55,
  /** Community residents with urban hukou; village residents with rural hukou. */
  urbanInCommunity: 0.85,
  ruralInVillage: 0.92,
  /** Household groups of 2 and of 3 certificate holders (≈ 12 % of persons share a household). */
  householdOfTwo: 0.052,
  householdOfThree: 0.008,
  sameSurnameInHousehold: 0.6,
  /** Certificates already expired on asOf, and expiring within the 6 months after asOf. */
  certificateExpired: 0.03,
  certificateExpiringSoon: 0.05,
  /** Death in the 3 years before asOf, by age: ≈ 2 % overall. */
  deceasedAged60Plus: 0.032,
  deceasedUnder60: 0.005,
  /** Own mobile phone by age: none under 16 (the guardian's is used). */
  phoneAged18To79: 0.75,
  phoneAged80Plus: 0.55,
  phoneAged16To17: 0.4,
  /** Guardian for intellectual/mental persons by level (every minor has one). */
  guardianSevereIntellectualMental: 0.85,
  guardianMildIntellectualMental: 0.55,
  guardianSameSurnameForMinor: 0.92,
  guardianSameSurnameForAdult: 0.6,
  singleCharacterGivenName: 0.25,
} as const;
