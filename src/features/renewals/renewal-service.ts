import { PassThrough } from 'node:stream';
import type { RenewalQuery } from '../../contracts/renewals.ts';
import { programNamesZh } from '../../contracts/services.ts';
import type { Database } from '../../db/connect.ts';
import { daysLeft, renewalState } from '../../domain/disability/renewal.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import type { Day } from '../../domain/time/day.ts';
import { auditRead } from '../access/audit.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import { writeTable } from '../files/write-table.ts';
import { maskCertificateNumber } from '../registry/present.ts';
import { activeEnrolments, renewalCountsByTown, renewalRows } from './renewal-store.ts';

const stateNames = { expired: '已过期', dueSoon: '即将到期' } as const;

type Row = Awaited<ReturnType<typeof renewalRows>>['rows'][number];

function present(r: Row, asOf: Day, benefits: string[]) {
  const validUntil = String(r.certificate_valid_until);
  return {
    personId: r.id,
    name: r.name,
    idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
    certificateNumber: r.certificate_number ? maskCertificateNumber(r.certificate_number) : null,
    category: r.category,
    level: r.level,
    town: { code: r.town_code, name: r.town_name },
    village: r.village_code && r.village_name ? { code: r.village_code, name: r.village_name } : null,
    validUntil,
    daysLeft: daysLeft(validUntil, asOf),
    // The store's filter admits only expired or due-soon certificates.
    state: renewalState(validUntil, asOf, Number.POSITIVE_INFINITY) ?? 'dueSoon',
    benefits,
  };
}

/**
 * Certificates that have expired or will within `within` days (DOMAIN.md §4: a lapsed certificate silently ends a
 * subsidy, so renewals surface months ahead), for living persons in the scope; masked and audited.
 */
export async function listRenewals(database: Database, scope: Scope, q: RenewalQuery, today: Day) {
  assertCan(scope, 'person.read');
  const asOf = q.date ?? today;
  // Two independent reads: PostgreSQL runs them on two pooled connections at once.
  const [byTown, page] = await Promise.all([renewalCountsByTown(database.db, scope, q, asOf), renewalRows(database.db, scope, q, asOf)]);
  const enrolments = await activeEnrolments(
    database.db,
    page.rows.map((r) => r.id),
    asOf,
  );
  const counts = byTown.reduce((sum, t) => ({ expired: sum.expired + t.expired, dueSoon: sum.dueSoon + t.dueSoon }), {
    expired: 0,
    dueSoon: 0,
  });
  const { cursor: _cursor, ...filters } = q;
  await auditRead(database, scope, {
    action: 'renewal.list',
    targetType: 'person',
    outcome: 'success',
    details: { ...filters, date: asOf, returned: page.rows.length },
  });
  return {
    date: asOf,
    within: q.within,
    counts,
    byTown,
    items: page.rows.map((r) => present(r, asOf, enrolments.get(r.id) ?? [])),
    nextCursor: page.nextCursor,
  };
}

/** The whole renewal list as .xlsx (masked numbers), page by page, audited as an export with its row count. */
export async function exportRenewals(database: Database, scope: Scope, q: Omit<RenewalQuery, 'limit' | 'cursor'>, today: Day) {
  assertCan(scope, 'person.export');
  const asOf = q.date ?? today;
  // The row count comes from the same filter's counts, so the audit entry is written before any row leaves.
  const byTown = await renewalCountsByTown(database.db, scope, { ...q, limit: 1 }, asOf);
  const count = byTown.reduce((sum, t) => sum + t.expired + t.dueSoon, 0);
  await auditRead(database, scope, {
    action: 'renewal.export',
    targetType: 'person',
    outcome: 'success',
    details: { ...q, date: asOf, rows: count },
  });
  const out = new PassThrough();
  const headers = ['状态', '姓名', '公民身份号码', '残疾证号', '镇(街)', '村(社区)', '有效期至', '剩余天数', '在享待遇'];
  async function* rows() {
    let cursor: string | undefined;
    do {
      const page = await renewalRows(database.db, scope, { ...q, limit: 500, cursor }, asOf);
      const enrolments = await activeEnrolments(
        database.db,
        page.rows.map((r) => r.id),
        asOf,
      );
      for (const r of page.rows) {
        const item = present(r, asOf, enrolments.get(r.id) ?? []);
        yield [
          stateNames[item.state],
          item.name,
          item.idNumber ?? '',
          item.certificateNumber ?? '',
          item.town.name,
          item.village?.name ?? '',
          item.validUntil,
          item.daysLeft,
          item.benefits.map((b) => (programNamesZh as Record<string, string>)[b] ?? b).join('、'),
        ];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  writeTable(out, 'xlsx', headers, rows()).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
