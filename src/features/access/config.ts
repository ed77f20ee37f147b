import { type PasswordPolicy, passwordPolicyFromEnv } from './password-policy.ts';

/** Where the access feature gets the time: the real clock, or a test's. */
export type Clock = { now(): Date };

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Sign-in, session and cookie settings. */
export type AccessConfig = {
  clock: Clock;
  passwordPolicy: PasswordPolicy;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  lockout: { maxFailures: number; minutes: number };
  /** Idle and absolute session lifetimes; last activity is written at most every touchSeconds. */
  session: { idleMinutes: number; absoluteHours: number; touchSeconds: number };
  /** Failed sign-ins allowed per window, per client address and per username. */
  signInRate: { windowSeconds: number; perIp: number; perUsername: number };
  /** Secure cookies: always, never, or when the request came over https. */
  cookieSecure: 'always' | 'never' | 'auto';
};

/** The defaults (等保 profile), overridable per field; COOKIE_SECURE=true forces Secure cookies. */
export function accessConfig(overrides: Partial<AccessConfig> = {}): AccessConfig {
  return {
    clock: systemClock,
    passwordPolicy: passwordPolicyFromEnv(),
    lockout: { maxFailures: 5, minutes: 15 },
    session: { idleMinutes: 30, absoluteHours: 12, touchSeconds: 60 },
    signInRate: { windowSeconds: 300, perIp: 50, perUsername: 10 },
    cookieSecure: process.env.COOKIE_SECURE === 'true' ? 'always' : 'auto',
    ...overrides,
  };
}

/** `at` plus some minutes. */
export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
