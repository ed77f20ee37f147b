import type { Kysely } from 'kysely';
import { personFileColumns } from '../../contracts/person-file.ts';
import type { PersonSearch } from '../../contracts/persons.ts';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { categories } from '../../domain/disability/category.ts';
import { levelName, type Level } from '../../domain/disability/level.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { maskPhone } from '../../domain/identity/phone.ts';
import type { Day } from '../../domain/time/day.ts';
import { recordAudit } from '../access/audit.ts';
import { personInScope } from '../access/scope-query.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import type { Cell } from '../files/table.ts';
import { writeTable } from '../files/write-table.ts';
import { auditQueryText } from './audit-values.ts';
import { maskCertificateNumber } from './present.ts';
import { applyPersonFilters, personListQuery } from './search-persons.ts';

/** What to export: an optional search, the format, and whether identity numbers are shown in full. */
export type ExportOptions = { format: 'xlsx' | 'csv'; search?: Omit<PersonSearch, 'limit' | 'cursor'>; full: boolean; today: Day };

const categoryName = new Map<string, string>(categories.map((c) => [c.id, c.zh]));

function exportQuery(db: Kysely<DB>) {
  return personListQuery(db)
    .leftJoin('household', 'household.id', 'person.household_id')
    .leftJoin('certificate', (j) => j.onRef('certificate.person_id', '=', 'person.id').on('certificate.ended_on', 'is', null))
    .select([
      'person.hukou',
      'person.phone',
      'person.guardian_name',
      'person.guardian_phone',
      'person.deceased_on',
      'household.household_no',
      'certificate.issued_on',
    ]);
}

type ExportRow = Awaited<ReturnType<ReturnType<typeof exportQuery>['execute']>>[number];

/** One person as a row of the persons file (FORMATS.md §3), in personFileColumns order. */
function toCells(r: ExportRow, full: boolean): Cell[] {
  const id = (v: string | null) => (v && !full ? maskIdNumber(v) : v);
  const phone = (v: string | null) => (v && !full ? maskPhone(v) : v);
  const byKey: Record<(typeof personFileColumns)[number]['key'], Cell> = {
    name: r.name,
    idNumber: id(r.id_number),
    certificateNumber: r.certificate_number && !full ? maskCertificateNumber(r.certificate_number) : r.certificate_number,
    category: r.category ? (categoryName.get(r.category) ?? r.category) : null,
    level: r.level ? levelName(r.level as Level) : null,
    town: r.town_name,
    village: r.village_name ?? null,
    hukou: r.hukou === 'urban' ? '城镇' : r.hukou === 'rural' ? '农村' : null,
    gender: r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : null,
    birthDate: r.birth_date,
    certificateIssuedOn: r.issued_on,
    certificateValidUntil: r.certificate_valid_until,
    phone: phone(r.phone),
    householdNo: r.household_no,
    guardianName: r.guardian_name,
    guardianPhone: phone(r.guardian_phone),
    deceasedOn: r.deceased_on,
  };
  return personFileColumns.map((c) => byKey[c.key]);
}

async function* exportRows(database: Database, scope: Scope, options: ExportOptions): AsyncGenerator<Cell[]> {
  let after = 0;
  for (;;) {
    let q = exportQuery(database.db)
      .where((eb) => personInScope(scope, eb))
      .where('person.id', '>', after);
    if (options.search) q = applyPersonFilters(q, { limit: 1, ...options.search }, options.today, database.engine === 'postgres');
    const rows = await q.orderBy('person.id').limit(2000).execute();
    for (const r of rows) yield toCells(r, options.full);
    if (rows.length < 2000) return;
    after = (rows.at(-1) as ExportRow).id;
  }
}

/**
 * Writes the persons in the scope (optionally filtered) as a persons file that imports back unchanged when `full`;
 * masked otherwise. Needs person.export, and person.reveal for full numbers; audited with the row count.
 */
export async function exportPersons(database: Database, scope: Scope, target: string | NodeJS.WritableStream, options: ExportOptions) {
  assertCan(scope, 'person.export');
  if (options.full) assertCan(scope, 'person.reveal');
  const headers = personFileColumns.map((c) => c.header);
  const { rows } = await writeTable(target, options.format, headers, exportRows(database, scope, options));
  await database.db.transaction().execute((trx) =>
    recordAudit(trx, scope, {
      action: 'person.export',
      targetType: 'person',
      outcome: 'success',
      details: { rows, format: options.format, full: options.full, filters: { ...options.search, q: auditQueryText(options.search?.q) } },
    }),
  );
  return { rows };
}
