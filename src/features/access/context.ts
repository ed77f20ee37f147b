import type { Database } from '../../db/connect.ts';
import { type AccessConfig, accessConfig } from './config.ts';
import { type SignInLimiters, signInLimiters } from './rate-limit.ts';
import type { UserRecord } from './users-store.ts';

/** What the access services need: the database, the settings (with the clock) and the in-memory limiters. */
export type AccessContext = { database: Database; config: AccessConfig; limiters: SignInLimiters };

/** Builds the access context of one app. */
export function accessContext(database: Database, overrides: Partial<AccessConfig> = {}): AccessContext {
  const config = accessConfig(overrides);
  return { database, config, limiters: signInLimiters(config.clock, config.signInRate.windowSeconds) };
}

/** True when the user must change the password before doing anything else: flagged, or older than the policy allows. */
export function passwordChangeDue(user: UserRecord, config: AccessConfig): boolean {
  if (user.mustChangePassword) return true;
  const maxAge = config.passwordPolicy.maxAgeDays;
  if (maxAge === null || !user.passwordChangedAt) return false;
  return config.clock.now().getTime() - new Date(user.passwordChangedAt).getTime() > maxAge * 86_400_000;
}
