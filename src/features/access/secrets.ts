import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie or a token: 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret, hex: what the database keeps instead of the secret. */
export function sha256(secret: string): string {
  // The one-shot hash: a third of createHash().update().digest() for a short text (one per signed-in request).
  return hash('sha256', secret);
}

/** Compares two strings in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
