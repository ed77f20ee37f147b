import { type Scope, scopeFilter } from '../access/scope.ts';

/** True when a person placed at these codes lies inside the scope (the in-memory twin of personInScope). */
export function inScope(scope: Scope, p: { countyCode: string; townCode: string; villageCode: string | null }): boolean {
  const f = scopeFilter(scope);
  if (!f) return true;
  const value = f.column === 'county_code' ? p.countyCode : f.column === 'town_code' ? p.townCode : p.villageCode;
  return f.prefix ? (value ?? '').startsWith(f.value) : value === f.value;
}
