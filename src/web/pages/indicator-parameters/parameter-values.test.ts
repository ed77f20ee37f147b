import { describe, expect, it } from 'vitest';
import { formValue, shownValue, storedValue } from './parameter-values.ts';

describe('indicator parameter values', () => {
  it.each([
    ['gdpGrowth', '5.2', 0.052],
    ['gdpGrowth', '5.2%', 0.052],
    ['gdpGrowth', '-2.5', -0.025],
    ['gdpGrowth', '0', 0],
    ['dibaoStandard.urban', '1020', 102000],
    ['dibaoStandard.rural', '850.5', 85050],
    ['gdpGrowth', 'abc', null],
    ['dibaoStandard.urban', '', null],
    ['dibaoStandard.urban', '1,020', null],
  ])('%s: %j → %j', (key, text, stored) => {
    expect(storedValue(key, text)).toBe(stored);
  });

  it('shows and re-edits what it stores', () => {
    expect(shownValue('gdpGrowth', 0.081)).toBe('8.1%');
    expect(shownValue('dibaoStandard.urban', 102000)).toBe('1020');
    expect(formValue('gdpGrowth', 0.052)).toBe('5.2');
    expect(formValue('dibaoStandard.rural', 85050)).toBe('850.5');
    expect(formValue('gdpGrowth', undefined)).toBe('');
  });
});
