import type { PersonSearch } from '../../../contracts/persons.ts';

/** The search form's fields as text (empty = any). */
export type SearchForm = { q: string; town: string; village: string; category: string; level: string; status: string; ageBand: string };

/** An empty search form. */
export const emptySearch: SearchForm = { q: '', town: '', village: '', category: '', level: '', status: '', ageBand: '' };

// The last search lives in memory only: personal data never goes to URLs or browser storage (ASVS V14).
let lastSearch: SearchForm = emptySearch;

/** The search the user ran last in this page load (kept when they come back from a person's page). */
export function rememberedSearch(): SearchForm {
  return lastSearch;
}

/** Remembers the search for the way back. */
export function rememberSearch(form: SearchForm): void {
  lastSearch = form;
}

/** The API filters of a form (POST /api/v1/persons/search body without paging). */
export function toFilters(form: SearchForm, bands: Record<string, readonly [number, number]>): Omit<PersonSearch, 'limit' | 'cursor'> {
  const band = bands[form.ageBand];
  const filters: Record<string, unknown> = {
    q: form.q.trim() || undefined,
    town: form.town || undefined,
    village: form.village || undefined,
    category: form.category || undefined,
    level: form.level ? Number(form.level) : undefined,
    status: form.status || undefined,
    ageFrom: band?.[0],
    ageTo: band?.[1],
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Omit<PersonSearch, 'limit' | 'cursor'>;
}
