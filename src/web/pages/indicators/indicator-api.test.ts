import { describe, expect, it } from 'vitest';
import { bindingFirst, formatFigure, gapsPath, hasGapList, parseIndicatorKey, parseOrg, parseYear, yearOrgQuery } from './indicator-api.ts';

describe('indicator helpers', () => {
  it('formats rates as percentages and counts as integers', () => {
    expect(formatFigure(0.9512, 'fraction')).toBe('95.1%');
    expect(formatFigure(1, 'fraction')).toBe('100.0%');
    expect(formatFigure(489, 'persons')).toBe('489');
    expect(formatFigure(1234.4, 'households')).toBe('1,234');
    expect(formatFigure(null, 'fraction')).toBe('—');
  });

  it('puts binding indicators first, keeping order', () => {
    const items = [
      { key: 'a', kind: 'expected' },
      { key: 'b', kind: 'binding' },
      { key: 'c', kind: 'expected' },
      { key: 'd', kind: 'binding' },
    ] as const;
    expect(bindingFirst(items).map((i) => i.key)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('parses year and org from the URL defensively', () => {
    expect(parseYear('2023')).toBe(2023);
    expect(parseYear('1999')).toBe(2025);
    expect(parseYear(null)).toBe(2025);
    expect(parseOrg('441821')).toBe('441821');
    expect(parseOrg('abc')).toBe('');
    expect(yearOrgQuery(2025, '')).toBe('year=2025');
    expect(yearOrgQuery(2024, '441821101')).toBe('year=2024&org=441821101');
  });

  it('knows which indicators have a gap list', () => {
    expect(hasGapList({ key: 'incomeGrowth', denominator: 10 })).toBe(false);
    expect(hasGapList({ key: 'trainingCount', denominator: null })).toBe(false);
    expect(hasGapList({ key: 'dibaoInclusion', denominator: 10 })).toBe(true);
  });

  it('reads the charted indicator from the URL and links gap lists back to it', () => {
    expect(parseIndicatorKey('dibaoInclusion')).toBe('dibaoInclusion');
    expect(parseIndicatorKey('nope')).toBe('');
    expect(parseIndicatorKey(null)).toBe('');
    expect(gapsPath('dibaoInclusion', 2023, '441821101')).toBe(
      '/indicators/dibaoInclusion/gaps?year=2023&org=441821101&indicator=dibaoInclusion',
    );
    expect(gapsPath('dibaoInclusion', 2025, '')).toBe('/indicators/dibaoInclusion/gaps?year=2025&indicator=dibaoInclusion');
  });
});
