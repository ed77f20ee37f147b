import { useQuery } from '@tanstack/react-query';
import type { PersonDetail } from '../../../contracts/persons.ts';
import { api } from '../../api.ts';

/** One entry of GET /api/v1/persons/{id}/history. */
export type HistoryEntry = {
  version: number;
  action: string;
  changedAt: string;
  changedBy: string;
  changes: { field: string; before: unknown; after: unknown }[];
};

/** Loads a person's record (masked, audited on the server). */
export function fetchPerson(id: number): Promise<PersonDetail> {
  return api<PersonDetail>(`/api/v1/persons/${id}`);
}

/** The person's record, cached per id. */
export function usePerson(id: number) {
  return useQuery({ queryKey: ['person', id], queryFn: () => fetchPerson(id), staleTime: 0 });
}

/** The person's change history, newest first. */
export function usePersonHistory(id: number) {
  return useQuery({
    queryKey: ['person', id, 'history'],
    queryFn: () => api<{ items: HistoryEntry[] }>(`/api/v1/persons/${id}/history`).then((r) => r.items),
    staleTime: 0,
  });
}

/** The route's numeric person id, or NaN. */
export function personIdOf(param: string | undefined): number {
  return /^\d+$/.test(param ?? '') ? Number(param) : Number.NaN;
}
