import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import type { ScopeLevel } from './scope.ts';

/** An org unit with its children, as GET /api/v1/org-units answers. */
export type OrgNode = { code: string; name: string; level: ScopeLevel; kind: string | null; children: OrgNode[] };

/** Every org unit by code, with parent links (a county has ~150 rows, a province ~30,000). */
export type OrgUnits = Map<string, { code: string; name: string; level: ScopeLevel; kind: string | null; parentCode: string | null }>;

/** Loads the org units. */
export async function loadOrgUnits(db: Kysely<DB>): Promise<OrgUnits> {
  const rows = await db.selectFrom('org_unit').select(['code', 'name', 'level', 'parent_code', 'kind']).execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, level: r.level, kind: r.kind, parentCode: r.parent_code }]));
}

/** True when `code` is `ancestor` or lies below it. */
export function isWithin(units: OrgUnits, code: string, ancestor: string): boolean {
  for (let at: string | null | undefined = code, hops = 0; at && hops < 10; hops++) {
    if (at === ancestor) return true;
    at = units.get(at)?.parentCode;
  }
  return false;
}

/** The codes of `root` and everything below it. */
export function subtreeCodes(units: OrgUnits, root: string): string[] {
  return [...units.keys()].filter((code) => isWithin(units, code, root));
}

/** The tree under `root`, children sorted by code; undefined when the unit does not exist. */
export function orgTree(units: OrgUnits, root: string): OrgNode | undefined {
  const children = new Map<string, OrgNode[]>();
  const nodes = new Map<string, OrgNode>();
  for (const u of [...units.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const node: OrgNode = { code: u.code, name: u.name, level: u.level, kind: u.kind, children: [] };
    nodes.set(u.code, node);
    if (!u.parentCode) continue;
    const siblings = children.get(u.parentCode) ?? [];
    siblings.push(node);
    children.set(u.parentCode, siblings);
  }
  for (const [code, node] of nodes) node.children = children.get(code) ?? [];
  return nodes.get(root);
}
