import { describe, expect, it } from 'vitest';
import { formValue, shownValue, storedValue } from './parameter-values.ts';

describe('indicator parameter values', () => {
  it.each([
    ['gdpGrowth', '5.2', 0.052],
    ['gdpGrowth', '5.2%', 0.052],
    ['gdpGrowth', '-2.5', -0.025],
    ['gdpGrowth', '0', 0],
    ['gdpGrowth', '8.05', 0.0805],
    ['gdpGrowth', 'abc', null],
    ['gdpGrowth', '', null],
    ['gdpGrowth', '5,2', null],
  ] as const)('%s: %j → %j', (key, text, stored) => {
    expect(storedValue(key, text)).toBe(stored);
  });

  it('shows and re-edits what it stores', () => {
    expect(shownValue('gdpGrowth', 0.081)).toBe('8.1%');
    expect(formValue('gdpGrowth', 0.052)).toBe('5.2');
    expect(formValue('gdpGrowth', 0.0805)).toBe('8.05');
    expect(formValue('gdpGrowth', undefined)).toBe('');
  });
});
