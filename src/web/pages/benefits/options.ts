import type { TFunction } from 'i18next';
import type { Option } from '../../components/SelectField.tsx';
import { applicationStatuses, programs } from './benefit-api.ts';

/** The programmes as select options, in the current language. */
export function programOptions(t: TFunction): Option[] {
  return programs.map((p) => ({ value: p, label: t(`benefits.program.${p}`) }));
}

/** Application states as select options. */
export function statusOptions(t: TFunction): Option[] {
  return applicationStatuses.map((s) => ({ value: s, label: t(`benefits.status.${s}`) }));
}
