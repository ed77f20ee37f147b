import { type Result, fail, ok } from '../result.ts';

/** Reads 户口性质: 城镇/非农业/非农 → urban, 农村/农业 → rural (also the English words). */
export function parseHukou(raw: string): Result<'urban' | 'rural', 'HUKOU_INVALID'> {
  const t = raw.trim().toLowerCase();
  if (['城镇', '非农业', '非农', '非农业户口', '城镇户口', 'urban'].includes(t)) return ok('urban');
  if (['农村', '农业', '农业户口', '农村户口', 'rural'].includes(t)) return ok('rural');
  return fail('HUKOU_INVALID');
}

/** Reads 性别: 男/女, male/female, M/F (any case). */
export function parseGender(raw: string): Result<'male' | 'female', 'GENDER_INVALID'> {
  const t = raw.trim().toLowerCase();
  if (['男', 'male', 'm', '男性'].includes(t)) return ok('male');
  if (['女', 'female', 'f', '女性'].includes(t)) return ok('female');
  return fail('GENDER_INVALID');
}
