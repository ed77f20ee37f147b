import type { Database } from '../../db/connect.ts';

/** How long a session or token look-up is reused before the database is asked again. */
export const authCacheMs = 2000;

/**
 * A small time-bounded cache of session and token look-ups, so that an authenticated request costs no query.
 * Every change to users, sessions or tokens made in this process clears it at once; changes made by another
 * process (a second server, the CLI) take effect within authCacheMs.
 */
export class AuthCache<V> {
  private readonly entries = new Map<string, { value: V; loadedAt: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The cached value, unless older than authCacheMs at `now`. */
  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= authCacheMs || now < entry.loadedAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores a value loaded at `now`. */
  set(key: string, value: V, now: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, loadedAt: now });
  }

  /** Forgets everything (after any change to users, sessions or tokens). */
  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, AuthCache<unknown>>();

/** The auth cache of a database (shared by every app and service of this process that uses it). */
export function authCacheOf(database: Database): AuthCache<unknown> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new AuthCache();
    caches.set(database, cache);
  }
  return cache;
}

/** Clears the auth cache of a database: call after changing a user, a session or a token. */
export function invalidateAuth(database: Database): void {
  caches.get(database)?.clear();
}
