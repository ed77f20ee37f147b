// Personal numbers must never reach the audit log or other logs (security-a11y.md A3 V16, A6).

const idNumberPattern = /(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])/g;
const elevenDigits = /[0-9]{11}/;
const mobilePattern = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;

/** Masks resident ID numbers (first 6 + last 4 kept) and mobile numbers (first 3 + last 4) inside a text. */
export function maskPersonalNumbers(text: string): string {
  // Both patterns need eleven digits in a row: most texts (actions, user names, ids) have none, and this test
  // costs a tenth of the two replaces.
  if (!elevenDigits.test(text)) return text;
  return text.replace(idNumberPattern, '$1********$2').replace(mobilePattern, '$1****$2');
}

/** Returns a copy of a JSON-like value with every string masked by maskPersonalNumbers. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v)]));
  }
  return value;
}
