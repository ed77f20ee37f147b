import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { OrgNode } from '../../app/access-types.ts';
import type { Option } from '../../components/SelectField.tsx';

/** The caller's org tree (GET /api/v1/org-units), cached for the session. */
export function useOrgTree() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => api<{ root: OrgNode }>('/api/v1/org-units').then((r) => r.root),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The towns the user may choose: the county's towns, or the user's own town (or the town above a village). */
export function townsOf(root: OrgNode | undefined): OrgNode[] {
  if (!root) return [];
  if (root.level === 'town') return [root];
  if (root.level === 'village') return [];
  return root.level === 'county' ? root.children : root.children.flatMap((c) => c.children);
}

/** The villages of a town in the tree (or the user's own village). */
export function villagesOf(root: OrgNode | undefined, town: string): OrgNode[] {
  if (!root) return [];
  if (root.level === 'village') return [root];
  return townsOf(root).find((t) => t.code === town)?.children ?? [];
}

/** Org nodes as select options. */
export function orgOptions(nodes: readonly OrgNode[]): Option[] {
  return nodes.map((n) => ({ value: n.code, label: n.name }));
}
