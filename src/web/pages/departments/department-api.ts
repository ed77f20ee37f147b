import type { DeathComparison, EnrolmentComparison, ListComparison } from '../../../contracts/department-lists.ts';
import { ProgramSchema } from '../../../contracts/services.ts';
import { api } from '../../api.ts';

export type { DeathComparison, EnrolmentComparison, ListComparison };

/** The enrolment programmes of FORMATS.md §5, each with the department that keeps its list. */
export const listPrograms = ProgramSchema.options;

/** What a list is: one programme's enrolments, or the public-security deaths list. */
export type ListKind = (typeof listPrograms)[number] | 'deaths';

/** Which list to send and how: the kind, the area it is declared complete for (enrolments), compare or commit. */
export type ListUpload = { kind: ListKind; file: File; completeFor: string; dryRun: boolean };

/** Sends a list to POST /api/v1/imports/enrolments or /deaths and returns the comparison (and whether it committed). */
export function uploadList({ kind, file, completeFor, dryRun }: ListUpload): Promise<ListComparison> {
  const query = new URLSearchParams({ dryRun: String(dryRun) });
  if (kind !== 'deaths') {
    query.set('program', kind);
    if (completeFor) query.set('completeFor', completeFor);
  }
  const path = kind === 'deaths' ? 'deaths' : 'enrolments';
  return api<ListComparison>(`/api/v1/imports/${path}?${query}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
  });
}

/** The groups a comparison's rows fall in, in the order the page shows them. */
export function groupsOf(c: ListComparison): string[] {
  return c.kind === 'deaths' ? ['toMark', 'alreadyDeceased', 'unknown'] : ['new', 'ended', 'changed', 'unknown', 'unchanged'];
}
