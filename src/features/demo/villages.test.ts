import { describe, expect, it } from 'vitest';
import { demoTowns } from './distributions.ts';
import { demoVillages } from './villages.ts';

const realTownCodes = ['441821100', '441821101', '441821102', '441821103', '441821104', '441821107'];

describe('demoVillages', () => {
  const units = demoVillages();

  it('covers exactly the six real towns', () => {
    expect(demoTowns.map((town) => town.code)).toEqual(realTownCodes);
    expect(new Set(units.map((unit) => unit.townCode))).toEqual(new Set(realTownCodes));
  });

  it('gives each town 8–16 villages and 1–4 communities, the county seat the most communities', () => {
    for (const code of realTownCodes) {
      const ofTown = units.filter((unit) => unit.townCode === code);
      const villages = ofTown.filter((unit) => unit.kind === 'village').length;
      const communities = ofTown.filter((unit) => unit.kind === 'community').length;
      expect(villages).toBeGreaterThanOrEqual(8);
      expect(villages).toBeLessThanOrEqual(16);
      expect(communities).toBeGreaterThanOrEqual(1);
      expect(communities).toBeLessThanOrEqual(4);
    }
    const communitiesOf = (code: string) => units.filter((u) => u.townCode === code && u.kind === 'community').length;
    expect(communitiesOf('441821100')).toBe(Math.max(...realTownCodes.map(communitiesOf)));
  });

  it('codes extend the town code: 001… for communities, 201… for villages', () => {
    for (const unit of units) {
      expect(unit.code).toMatch(/^\d{12}$/);
      expect(unit.code.startsWith(unit.townCode)).toBe(true);
      const suffix = Number(unit.code.slice(9));
      expect(unit.kind === 'community' ? suffix >= 1 && suffix < 200 : suffix >= 201).toBe(true);
    }
    expect(new Set(units.map((unit) => unit.code)).size).toBe(units.length);
  });

  it('names end in 村 or 社区 by kind and are unique in the county', () => {
    for (const unit of units) {
      expect(unit.name).toMatch(unit.kind === 'village' ? /^\p{Script=Han}{2}村$/u : /^\p{Script=Han}{2}社区$/u);
    }
    expect(new Set(units.map((unit) => unit.name)).size).toBe(units.length);
  });

  it('is the same list for every seed, and frozen', () => {
    expect(demoVillages(1)).toEqual(demoVillages(999));
    expect(Object.isFrozen(units)).toBe(true);
    expect(Object.isFrozen(units[0])).toBe(true);
  });
});
