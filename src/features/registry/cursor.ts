import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/app-error.ts';

// Keyset cursors hold the last name seen, which is personal data, and cursors travel in URLs: so they are
// encrypted (AES-256-GCM) with a key that lives only in this process. A cursor from before a restart is refused.
const key = randomBytes(32);

/** The position after the last row of a page. */
export type PageKey = { name: string; id: number };

/** Seals a page key into an opaque URL-safe cursor. */
export function encodeCursor(k: PageKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify([k.name, k.id]), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a cursor; a tampered, foreign or stale one is a VALIDATION error on `cursor`. */
export function decodeCursor(cursor: string): PageKey {
  try {
    const raw = Buffer.from(cursor, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const [name, id] = JSON.parse(text) as [string, number];
    if (typeof name !== 'string' || typeof id !== 'number') throw new Error('shape');
    return { name, id };
  } catch {
    throw new AppError('VALIDATION', { message: '分页游标无效，请重新查询', path: ['cursor'] });
  }
}

/** The page of `limit + 1` fetched rows (the extra one says there is more) and the sealed cursor after it. */
export function keysetPage<R>(rows: R[], limit: number, keyOf: (last: R) => PageKey): { rows: R[]; nextCursor: string | null } {
  const page = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
