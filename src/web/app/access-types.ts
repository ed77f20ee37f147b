// Shapes of the access endpoints (docs/access.md). They live in src/features/access/schemas.ts today; when they
// move to src/contracts/access.ts the web app should import them from there.

/** A staff role (docs/access.md). */
export type Role = 'countyAdmin' | 'countyStaff' | 'townStaff' | 'villageWorker' | 'departmentUser' | 'auditor';

/** A grant of the user's role, as the server's access/roles.ts names it; the session reply lists them. */
export type Permission =
  | 'person.read'
  | 'person.write'
  | 'person.import'
  | 'person.export'
  | 'person.reveal'
  | 'survey.write'
  | 'audit.read'
  | 'user.manage'
  | 'org.manage'
  | 'benefit.read'
  | 'benefit.apply'
  | 'benefit.townReview'
  | 'benefit.approve'
  | 'benefit.task'
  | 'benefit.review'
  | 'benefit.roll'
  | 'benefit.rollApprove'
  | 'benefit.export'
  | 'benefit.simulate'
  | 'policy.read'
  | 'policy.edit';

/** The signed-in user as GET/POST /api/v1/session answer it. */
export type SessionUser = {
  id: number;
  username: string;
  displayName?: string;
  role: Role;
  orgCode: string;
  orgName: string;
  mustChangePassword: boolean;
  /** What the server will allow; the UI only offers these (the server enforces them again). */
  permissions: Permission[];
};

/** The session endpoints' answer. */
export type SessionReply = {
  user: SessionUser;
  session?: { endsAt: string; idleMinutes: number; absoluteExpiresAt: string };
};

/** An org unit with its children (GET /api/v1/org-units). */
export type OrgNode = { code: string; name: string; level: string; kind: string | null; children: OrgNode[] };

/** True when the signed-in user holds the grant. */
export function can(user: Pick<SessionUser, 'permissions'> | undefined, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}
