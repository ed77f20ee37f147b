/** Levels of the administrative division codes (GB/T 2260 for 6 digits, NBS codes for 9 and 12). */
export type OrgLevel = 'province' | 'city' | 'county' | 'town' | 'village';

/** The level a code denotes, or null for a malformed code. */
export function orgLevelOfCode(code: string): OrgLevel | null {
  if (/^\d{12}$/.test(code)) return 'village';
  if (/^\d{9}$/.test(code)) return 'town';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The code of the unit directly above, or null for a province. */
export function parentCodeOf(code: string): string | null {
  switch (orgLevelOfCode(code)) {
    case 'village':
      return code.slice(0, 9);
    case 'town':
      return code.slice(0, 6);
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

/** True when `code` is a well-formed code equal to `ancestor` or lying below it. */
export function isCodeWithin(code: string, ancestor: string): boolean {
  if (orgLevelOfCode(code) === null) return false;
  for (let c: string | null = code; c; c = parentCodeOf(c)) if (c === ancestor) return true;
  return false;
}
