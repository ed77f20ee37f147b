import { describe, expect, it } from 'vitest';
import { formValue, shownValue, storedValue } from './parameter-values.ts';

describe('indicator parameter values', () => {
  it.each([
    ['5.2', 0.052],
    ['5.2%', 0.052],
    ['-2.5', -0.025],
    ['0', 0],
    ['8.05', 0.0805],
    ['abc', null],
    ['', null],
    ['5,2', null],
  ] as const)('%j → %j', (text, stored) => {
    expect(storedValue(text)).toBe(stored);
  });

  it('shows and re-edits what it stores', () => {
    expect(shownValue(0.081)).toBe('8.1%');
    expect(formValue(0.052)).toBe('5.2');
    expect(formValue(0.0805)).toBe('8.05');
    expect(formValue(undefined)).toBe('');
  });
});
