import { type Result, fail, ok } from '../result.ts';

/** Disability level: 1 is the most severe. */
export type Level = 1 | 2 | 3 | 4;

const names = ['一级', '二级', '三级', '四级'] as const;

/** Reads a level from 一级…四级 (also 一…四, 1级), or 1–4. */
export function parseLevel(raw: string | number): Result<Level, 'LEVEL_INVALID'> {
  const text = String(raw).trim().replace(/\s/g, '');
  const byName = names.findIndex((n) => n === text || n[0] === text);
  if (byName >= 0) return ok((byName + 1) as Level);
  const m = /^([1-4])(级)?$/.exec(text);
  return m ? ok(Number(m[1]) as Level) : fail('LEVEL_INVALID');
}

/** The Chinese name of a level (一级…四级). */
export function levelName(level: Level): string {
  return names[level - 1] as string;
}

/** Severe (重度) = level 1 or 2 (DOMAIN.md §3). */
export function isSevere(level: Level): boolean {
  return level <= 2;
}
