import type { Param } from '../../domain/policy/parameters.ts';

/** Checks a value against its parameter's unit; returns a Chinese problem or null. `null` (end) is always allowed. */
export function validateParamValue(param: Param<unknown>, value: unknown): string | null {
  if (value === null) return null;
  const sample = param.history.find((e) => e.value !== null)?.value;
  switch (param.unit) {
    case 'fen':
    case 'fenPerYear':
    case 'permille':
    case 'years':
    case 'workingDays':
    case 'days':
      if (param.id === 'pensionContributionAid.ages') return isAgeRange(value) ? null : '应为 {min, max} 年龄范围';
      return Number.isSafeInteger(value) && (value as number) >= 0 ? null : '应为非负整数（金额以分为单位）';
    case 'flag':
      return typeof value === 'boolean' ? null : '应为 true 或 false';
    case 'mode':
      return value === 'higher' || value === 'neither' ? null : '应为 higher 或 neither';
    case 'list':
      if (!Array.isArray(value)) return '应为列表';
      if (sample !== undefined && Array.isArray(sample) && typeof sample[0] === 'number')
        return value.every((v) => Number.isInteger(v)) ? null : '列表项应为整数';
      return value.every((v) => typeof v === 'string' || typeof v === 'number') ? null : '列表项格式错误';
  }
}

function isAgeRange(value: unknown): boolean {
  const v = value as { min?: unknown; max?: unknown };
  return !!v && Number.isInteger(v.min) && Number.isInteger(v.max) && (v.min as number) <= (v.max as number);
}
