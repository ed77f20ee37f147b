import type { TFunction } from 'i18next';
import type { Option } from '../../components/SelectField.tsx';

/** Disability categories in GB/T 26341 order (DOMAIN.md §3). */
export const categories = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
/** Levels 1 (most severe) to 4. */
export const levels = ['1', '2', '3', '4'] as const;
/** Record statuses. */
export const statuses = ['active', 'deceased', 'movedOut'] as const;
/** Age bands offered by the search (inclusive years). */
export const ageBands = { child: [0, 6], school: [7, 15], working: [16, 59], older: [60, 130] } as const;

/** Select options of categories, levels, statuses, hukou and age bands in the current language. */
export function registryOptions(t: TFunction) {
  const of = (prefix: string, values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return {
    categories: of('category', categories),
    levels: of('level', levels),
    statuses: of('status', statuses),
    hukou: of('hukou', ['urban', 'rural']),
    ageBands: of('ageBand', Object.keys(ageBands)),
  };
}

/** A nullable value for display: an em dash when empty. */
export function orDash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
