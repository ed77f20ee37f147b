/** The staff roles of DOMAIN.md §8 (employer and person roles come with their features). */
export const roles = ['countyAdmin', 'countyStaff', 'townStaff', 'villageWorker', 'departmentUser', 'auditor'] as const;

/** A staff role. */
export type Role = (typeof roles)[number];

/**
 * What a role may do. Viewing, searching, exporting, revealing and importing are separate grants (security-a11y.md A4);
 * survey.write is the needs-survey and service-record form (DOMAIN.md §8: village workers do the survey); benefit.* and
 * policy.* are the benefits workflow (docs/benefits.md).
 */
export const permissions = [
  'person.read',
  'person.write',
  'person.import',
  'person.export',
  'person.reveal',
  'survey.write',
  'audit.read',
  'user.manage',
  'org.manage',
  'benefit.read',
  'benefit.apply',
  'benefit.townReview',
  'benefit.approve',
  'benefit.task',
  'benefit.review',
  'benefit.roll',
  'benefit.rollApprove',
  'benefit.export',
  'benefit.simulate',
  'policy.read',
  'policy.edit',
] as const;

/** One grant. */
export type Permission = (typeof permissions)[number];

// A town sees and keeps its own people; the county also imports, approves, runs rolls and simulations.
const townPerson = ['person.read', 'person.write', 'person.export', 'person.reveal', 'survey.write'] as const;
const townBenefit = ['benefit.read', 'benefit.apply', 'benefit.townReview', 'benefit.task', 'benefit.export', 'policy.read'] as const;
const countyStaff = [
  ...townPerson,
  'person.import',
  ...townBenefit,
  'benefit.approve',
  'benefit.review',
  'benefit.roll',
  'benefit.simulate',
] as const;

/** The grants of each role; the org-unit subtree limits where they apply. The one table: the web app reads it from the session. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  countyAdmin: [...countyStaff, 'benefit.rollApprove', 'policy.edit', 'user.manage', 'org.manage'],
  countyStaff,
  townStaff: [...townPerson, ...townBenefit],
  villageWorker: ['person.read', 'person.reveal', 'survey.write', 'benefit.read', 'policy.read'],
  departmentUser: ['person.read', 'policy.read'],
  auditor: ['person.read', 'audit.read', 'benefit.read', 'policy.read'],
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
