import { describe, expect, it } from 'vitest';
import { asvsPolicy, checkPassword, dengbaoPolicy } from './password-policy.ts';
import { hashPassword, testScryptParams, verifyPassword } from './password-hash.ts';
import { generatePassword } from './password-change.ts';

describe('password policy', () => {
  it.each([
    // password, 等保 rules failed, ASVS rules failed
    ['Abcdef123!', [], ['MIN_LENGTH']],
    ['abcdef1234', ['CHARACTER_CLASSES'], ['MIN_LENGTH']],
    ['abcdefghij', ['CHARACTER_CLASSES'], ['MIN_LENGTH']],
    ['abcdefghijkl', ['CHARACTER_CLASSES'], []],
    ['Ab1!', ['MIN_LENGTH'], ['MIN_LENGTH']],
    ['ABCDEFGH1!', [], ['MIN_LENGTH']],
    ['残联密码残联密码abc1', [], []],
    ['correct horse battery staple', ['CHARACTER_CLASSES'], []],
    ['P@ssw0rd123', ['COMMON'], ['MIN_LENGTH', 'COMMON']],
    ['zhangsan-Pass1', ['CONTAINS_USERNAME'], ['CONTAINS_USERNAME']],
    [`Aa1!${'x'.repeat(130)}`, ['MAX_LENGTH'], ['MAX_LENGTH']],
  ])('%s', (password, dengbao, asvs) => {
    expect(checkPassword(password, dengbaoPolicy, { username: 'zhangsan' })).toEqual(dengbao);
    expect(checkPassword(password, asvsPolicy, { username: 'zhangsan' })).toEqual(asvs);
  });

  it('refuses reusing the current password', () => {
    expect(checkPassword('Abcdef123!', dengbaoPolicy, { current: 'Abcdef123!' })).toEqual(['SAME_AS_CURRENT']);
  });

  it('generates passwords that pass both profiles', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(checkPassword(p, dengbaoPolicy)).toEqual([]);
      expect(checkPassword(p, asvsPolicy)).toEqual([]);
    }
  });

  it('hashes with scrypt, a per-user salt and stored parameters', async () => {
    const a = await hashPassword('Abcdef123!', testScryptParams);
    const b = await hashPassword('Abcdef123!', testScryptParams);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Abcdef123!', a)).toBe(true);
    expect(await verifyPassword('Abcdef123?', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
