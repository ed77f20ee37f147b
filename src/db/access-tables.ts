import type { Generated } from 'kysely';

/** A staff account. Passwords are stored as scrypt hashes with their parameters (`scrypt$N$r$p$salt$hash`). */
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  role: string;
  /** The org unit the user belongs to; its subtree is the user's scope. */
  org_code: string;
  password_hash: string;
  /** 1 when the next sign-in must change the password (new account, reset, or expired under the policy). */
  must_change_password: number;
  password_changed_at: string | null;
  /** Failed sign-ins in a row; reset by a success or when a lock runs out. */
  failed_attempts: number;
  locked_until: string | null;
  disabled: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** JSON of UserPreferences (care mode, language); null = defaults. */
  preferences_json: string | null;
}

/** A signed-in browser session; the cookie's value is never stored, only its SHA-256. */
export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  /** SHA-256 of the CSRF token issued with the session (double-submit, bound to the session). */
  csrf_hash: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end of the session, whatever the activity. */
  expires_at: string;
  ip: string | null;
}

/** An API token for a department's system, acting as one user; stored as its SHA-256. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The append-only, hash-chained audit log. */
export interface AuditLogTable {
  id: Generated<number>;
  /** ISO 8601 in UTC with an explicit offset: 2026-11-29T08:00:00.000+00:00. */
  at: string;
  user_id: number | null;
  username: string;
  role: string | null;
  org_code: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'denied' | 'failure';
  details_json: string | null;
  prev_hash: string;
  /** sha256(prev_hash + canonical JSON of the entry). */
  hash: string;
}

/** Users, sessions, API tokens and the audit log. */
export interface AccessTables {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
}
