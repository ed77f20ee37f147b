/**
 * The demo county's villages (村委会) and communities (社区). The six towns are real; every village and
 * community below is FICTIONAL, built from place-name syllables common in northern Guangdong (Cantonese and
 * Hakka areas). A generated name may coincide with a real place by chance; the codes are not real codes.
 */
import { demoTowns } from './distributions.ts';
import { createRandom, type Random } from './random.ts';

/** A fictional village-level unit of the demo county. */
export type DemoVillage = {
  /** 12 digits: the town's 9-digit code + 001… for communities, 201… for villages. */
  readonly code: string;
  /** 'X村' or 'X社区'; unique across the county. */
  readonly name: string;
  /** The 9-digit code of its (real) town. */
  readonly townCode: string;
  readonly kind: 'village' | 'community';
};

/** First syllables of village names. */
const leadSyllables = [...'新观龙黄石大高水田安上下东南北莲竹白青长凤麻荔松桂梅良岭联和'];
/** Second syllables of village names. */
const tailSyllables = [...'联山塘花铺坑田围洞坪岗湖溪头口塱陂岭寨江'];
/** The list never depends on the caller's seed; this one fixes it. */
const villageListSeed = 20_251_128;

let cached: readonly DemoVillage[] | undefined;

/** Draws a village name not used anywhere in the county yet. */
function freshVillageName(random: Random, used: Set<string>): string {
  for (;;) {
    const lead = random.pick(leadSyllables);
    const tail = random.pick(tailSyllables);
    const name = `${lead}${tail}村`;
    if (lead !== tail && !used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Builds the list once: communities first (codes 001…), then villages (codes 201…), town by town. */
function buildVillages(): readonly DemoVillage[] {
  const random = createRandom(villageListSeed);
  const used = new Set<string>();
  const units: DemoVillage[] = [];
  for (const town of demoTowns) {
    town.communityNames.forEach((stem, i) => {
      const code = `${town.code}${String(1 + i).padStart(3, '0')}`;
      units.push(Object.freeze({ code, name: `${stem}社区`, townCode: town.code, kind: 'community' as const }));
    });
    for (let i = 0; i < town.villageCount; i++) {
      const code = `${town.code}${String(201 + i)}`;
      const name = freshVillageName(random, used);
      units.push(Object.freeze({ code, name, townCode: town.code, kind: 'village' as const }));
    }
  }
  return Object.freeze(units);
}

/**
 * The fictional villages and communities of the demo county (85 units: 11 communities, 74 villages).
 * Decision: the list is the same for every seed, so persons generated with any seed fit one org tree;
 * `seed` is accepted for symmetry with `demoPersons` and deliberately ignored. The result is frozen.
 */
export function demoVillages(_seed?: number): readonly DemoVillage[] {
  cached ??= buildVillages();
  return cached;
}
