/**
 * A password policy, as configuration: 等保2.0 (GB/T 22239 L3-CES1-01) asks for complexity and periodic change,
 * OWASP ASVS 5 (6.2.5, 6.2.10) forbids both; the deployment chooses (security-a11y.md A3).
 */
export type PasswordPolicy = {
  id: string;
  minLength: number;
  /** Upper bound that keeps hashing cheap; ASVS asks to allow at least 64. */
  maxLength: number;
  /** How many of the four classes (lower case, upper case, digits, other) a password must mix. */
  minClasses: number;
  /** Days after which the password must be changed at the next sign-in; null: never. */
  maxAgeDays: number | null;
};

/** The 等保 profile (the default): ≥ 10 characters, 3 of 4 classes, changed every 90 days. */
export const dengbaoPolicy: PasswordPolicy = { id: 'dengbao', minLength: 10, maxLength: 128, minClasses: 3, maxAgeDays: 90 };

/** The ASVS profile: length only (≥ 12), no composition rules, no periodic change. */
export const asvsPolicy: PasswordPolicy = { id: 'asvs', minLength: 12, maxLength: 128, minClasses: 0, maxAgeDays: null };

/** The policy named by PASSWORD_POLICY (`dengbao` or `asvs`); 等保 unless told otherwise. */
export function passwordPolicyFromEnv(name = process.env.PASSWORD_POLICY): PasswordPolicy {
  return name === 'asvs' ? asvsPolicy : dengbaoPolicy;
}

/** A rule a password failed. */
export type PasswordRule = 'MIN_LENGTH' | 'MAX_LENGTH' | 'CHARACTER_CLASSES' | 'COMMON' | 'CONTAINS_USERNAME' | 'SAME_AS_CURRENT';

/** Chinese explanations of the rules, for error details. */
export const passwordRuleMessages: Record<PasswordRule, string> = {
  MIN_LENGTH: '密码长度不足',
  MAX_LENGTH: '密码过长',
  CHARACTER_CLASSES: '密码须包含大写字母、小写字母、数字、符号中的多种',
  COMMON: '密码过于常见',
  CONTAINS_USERNAME: '密码不能包含用户名',
  SAME_AS_CURRENT: '新密码不能与当前密码相同',
};

// The most common passwords (lower case); a full top-3000 list belongs in a data file (docs/access.md).
const commonPasswords = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssw0rd123',
  '12345678',
  '123456789',
  '1234567890',
  'qwerty123',
  'qwertyuiop',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qweasdzxc',
  'admin123',
  'admin@123',
  'administrator',
  'aa123456',
  'abc123456',
  'abcd1234',
  'a1234567',
  'iloveyou',
  'woaini1314',
  '5201314',
  'changeme',
  'welcome1',
  'letmein',
  '88888888',
  '11111111',
  '00000000',
  'zaq12wsx',
  'asdf1234',
  'qwer1234',
  'root1234',
]);

/** Counts the character classes a password uses: lower case, upper case, digits, anything else. */
export function characterClasses(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];
  return classes.filter((c) => c.test(password)).length;
}

/** The rules a password breaks under a policy (empty when acceptable). Length counts code points. */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string; current?: string } = {},
): PasswordRule[] {
  const failed: PasswordRule[] = [];
  const length = [...password].length;
  if (length < policy.minLength) failed.push('MIN_LENGTH');
  if (length > policy.maxLength) failed.push('MAX_LENGTH');
  if (characterClasses(password) < policy.minClasses) failed.push('CHARACTER_CLASSES');
  if (commonPasswords.has(password.toLowerCase())) failed.push('COMMON');
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) failed.push('CONTAINS_USERNAME');
  if (context.current !== undefined && context.current === password) failed.push('SAME_AS_CURRENT');
  return failed;
}
