import { randomUUID } from 'node:crypto';
import { AppError } from '../../../contracts/app-error.ts';
import type { ListComparison } from '../../../contracts/department-lists.ts';
import type { Scope } from '../../access/scope.ts';

type Kept = { ownerId: number | null; at: number; comparison: ListComparison };

// Comparisons live in this process for an hour, so the page can download the one it shows as .xlsx without sending
// the file again. A restart forgets them (the page then compares again).
const kept = new Map<string, Kept>();
const keepMs = 60 * 60 * 1000;

/** Keeps a comparison for its owner and returns it with its download handle. */
export function keepComparison<C extends Omit<ListComparison, 'comparisonId'>>(scope: Scope, body: C): C & { comparisonId: string } {
  const now = Date.now();
  for (const [id, k] of kept) if (now - k.at > keepMs) kept.delete(id);
  const comparison = { ...body, comparisonId: randomUUID() };
  kept.set(comparison.comparisonId, { ownerId: scope.userId, at: now, comparison: comparison as ListComparison });
  return comparison;
}

/** A kept comparison of the caller; anyone else's (or a forgotten one) is NOT_FOUND. */
export function keptComparison(scope: Scope, id: string): ListComparison {
  const k = kept.get(id);
  if (!k || k.ownerId !== scope.userId) throw new AppError('NOT_FOUND');
  return k.comparison;
}
