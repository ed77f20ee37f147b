/** Users, sessions, API tokens and the audit log (filled in by the access feature's migration). */
// biome-ignore lint/suspicious/noEmptyInterface: tables are added with the access migration
export interface AccessTables {}
