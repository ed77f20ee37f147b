/** The staff roles of DOMAIN.md §8 (employer and person roles come with their features). */
export const roles = ['countyAdmin', 'countyStaff', 'townStaff', 'villageWorker', 'departmentUser', 'auditor'] as const;

/** A staff role. */
export type Role = (typeof roles)[number];

/** What a role may do. Viewing, searching, exporting, revealing and importing are separate grants (security-a11y.md A4). */
export const permissions = [
  'person.read',
  'person.write',
  'person.import',
  'person.export',
  'person.reveal',
  'audit.read',
  'user.manage',
  'org.manage',
] as const;

/** One grant. */
export type Permission = (typeof permissions)[number];

/** The grants of each role; the org-unit subtree limits where they apply. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  countyAdmin: ['person.read', 'person.write', 'person.import', 'person.export', 'person.reveal', 'user.manage', 'org.manage'],
  countyStaff: ['person.read', 'person.write', 'person.import', 'person.export', 'person.reveal'],
  townStaff: ['person.read', 'person.write', 'person.export', 'person.reveal'],
  villageWorker: ['person.read', 'person.reveal'],
  departmentUser: ['person.read'],
  auditor: ['person.read', 'audit.read'],
};

/** Chinese names of the roles, for the UI and CLI. */
export const roleNames: Record<Role, string> = {
  countyAdmin: '县残联管理员',
  countyStaff: '县残联工作人员',
  townStaff: '镇(街)工作人员',
  villageWorker: '村(社区)专职委员',
  departmentUser: '部门用户',
  auditor: '审计员',
};

/** Person fields a department user may read (its domain's fields only; no contact details or household). */
export const departmentPersonFields = [
  'id',
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'town',
  'village',
  'hukou',
  'certificateNumber',
  'category',
  'level',
  'certificateValidUntil',
  'status',
  'deceasedOn',
  'version',
] as const;

/** True when the string is a role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
