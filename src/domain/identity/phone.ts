import { type Result, fail, ok } from '../result.ts';

/**
 * Reads a mainland mobile (11 digits, 1[3-9]…, optional +86) or landline number (0 + 2–3 digit area code, 7–8
 * digits, optional extension; or 7–8 digits without area code). Returns mobile as 11 digits, landline as
 * 'AREA-NUMBER' (extension after '-' as typed).
 */
export function parsePhone(raw: string): Result<string, 'PHONE_INVALID'> {
  const text = raw.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s()（）]/g, '');
  const mobile = text.replace(/^(\+?86)(?=1\d{10}$)/, '').replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return ok(mobile);
  const landline = /^(0\d{2,3})-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/.exec(text);
  if (landline) return ok(`${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`);
  if (/^[2-9]\d{6,7}$/.test(text)) return ok(text);
  return fail('PHONE_INVALID');
}

/** Masks a phone number: mobile 3 + **** + 4; landline keeps its area code and last 2 digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d+)/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat((m[2] as string).length - 2)}${(m[2] as string).slice(-2)}`;
  return phone.length > 2 ? `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}` : '**';
}
