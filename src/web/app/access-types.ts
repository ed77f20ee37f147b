// Shapes of the access endpoints (docs/access.md). They live in src/features/access/schemas.ts today; when they
// move to src/contracts/access.ts the web app should import them from there.

/** A staff role (docs/access.md). */
export type Role = 'countyAdmin' | 'countyStaff' | 'townStaff' | 'villageWorker' | 'departmentUser' | 'auditor';

/** A grant the UI needs to decide what to offer; the server enforces the same table. */
export type Permission = 'person.read' | 'person.write' | 'person.import' | 'person.export' | 'person.reveal' | 'audit.read';

/** The signed-in user as GET/POST /api/v1/session answer it. */
export type SessionUser = {
  id: number;
  username: string;
  displayName?: string;
  role: Role;
  orgCode: string;
  orgName: string;
  mustChangePassword: boolean;
};

/** The session endpoints' answer. */
export type SessionReply = {
  user: SessionUser;
  session?: { endsAt: string; idleMinutes: number; absoluteExpiresAt: string };
};

/** An org unit with its children (GET /api/v1/org-units). */
export type OrgNode = { code: string; name: string; level: string; kind: string | null; children: OrgNode[] };

// Mirrors rolePermissions in src/features/access/roles.ts (the server is the authority; this only hides buttons).
const grants: Record<Role, readonly Permission[]> = {
  countyAdmin: ['person.read', 'person.write', 'person.import', 'person.export', 'person.reveal'],
  countyStaff: ['person.read', 'person.write', 'person.import', 'person.export', 'person.reveal'],
  townStaff: ['person.read', 'person.write', 'person.export', 'person.reveal'],
  villageWorker: ['person.read', 'person.reveal'],
  departmentUser: ['person.read'],
  auditor: ['person.read', 'audit.read'],
};

/** True when the role has the grant. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role ? grants[role].includes(permission) : false;
}
