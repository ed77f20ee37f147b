import { type Result, fail, ok } from '../result.ts';

/** Area codes: 010 and 02x have 3 digits, all others (03xx–09xx) 4. */
const areaCode = '0(?:10|2\\d|[3-9]\\d{2})';
const landlinePattern = new RegExp(`^(${areaCode})-?([2-9]\\d{6,7})(?:(?:-|转|ext\\.?)(\\d{1,6}))?$`, 'i');
const localPattern = /^[2-9]\d{6,7}$/;

/** Full-width ASCII to ASCII, then spaces and brackets dropped: '（0763）４２２ 1234' → '07634221234'. */
function clean(raw: string): string {
  return raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000()]/g, '');
}

/**
 * Reads a mainland mobile (11 digits, 1[3-9]…, optional +86/86/0086) or landline number (0 + 2–3 digit area code,
 * 7–8 digits, optional extension; or 7–8 digits without area code). Returns mobile as 11 digits, landline as
 * 'AREA-NUMBER' or 'AREA-NUMBER-EXTENSION', a local number as its digits.
 */
export function parsePhone(raw: string): Result<string, 'PHONE_INVALID'> {
  const text = clean(raw);
  const mobile = text.replace(/-/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return ok(mobile);
  const landline = landlinePattern.exec(text);
  if (landline) return ok(`${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`);
  if (localPattern.test(text)) return ok(text);
  return fail('PHONE_INVALID');
}

/** Masks a phone number: mobile 3 + **** + 4; landline keeps its area code and last 2 digits (extension dropped). */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d+)/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat((m[2] as string).length - 2)}${(m[2] as string).slice(-2)}`;
  return phone.length > 2 ? `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}` : '**';
}
