/**
 * The demo county's services story, as rates: most of the plan's targets are met county-wide, while some towns
 * miss some (迳头镇's rehabilitation coverage is below 85%, 龙山镇's medical insurance below 95%, 高岗镇 has a few
 * eligible persons without the nursing subsidy) and a few deceased persons are still enrolled (a stop not applied).
 * Plausible, not official statistics.
 */
export const serviceRates = {
  /** Years the demo carries survey answers, services and enrolments for. */
  years: [2021, 2022, 2023, 2024, 2025] as const,
  dibaoRural: 0.14,
  dibaoUrban: 0.08,
  lowIncome: 0.05,
  /** Of severe adults, in tekun support. */
  tekunSevere: 0.04,
  livingSubsidyTakeUp: 1,
  nursingTakeUp: 0.999,
  rehabNeed: 0.45,
  rehabReceived: 0.93,
  deviceNeed: 0.18,
  deviceFitted: 0.93,
  pensionInsured: 0.945,
  medicalInsured: 0.98,
  schoolEnrolled: 0.99,
  /** Per year, of persons aged 16–59: completed vocational training; rises over the plan period. */
  training: [0.1, 0.105, 0.11, 0.12, 0.13] as const,
  /** Per year, of severe persons: a home modification accepted. */
  homeModification: 0.053,
  homeModNeed: 0.12,
  /** Of deceased persons, subsidies still running after death (an audit finding to surface). */
  stillEnrolledAfterDeath: 0.05,
  /** Of survey answers, corrected once (the first answer kept as history). */
  surveyCorrected: 0.02,
};

/** Town-specific departures from the county rates. */
export const townStory: Record<string, Partial<Record<'rehabReceived' | 'medicalInsured' | 'nursingTakeUp', number>>> = {
  '441821107': { rehabReceived: 0.78 },
  '441821103': { medicalInsured: 0.93 },
  '441821104': { nursingTakeUp: 0.98 },
};

/** A rate, adjusted for the town. */
export function rateFor(town: string, key: 'rehabReceived' | 'medicalInsured' | 'nursingTakeUp'): number {
  return townStory[town]?.[key] ?? serviceRates[key];
}
