import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PersonFileRow, personFileColumns } from '../../../contracts/person-file.ts';
import type { Database } from '../../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../../db/test-db.ts';
import { systemScope } from '../../access/scope.ts';
import { writeTable } from '../../files/write-table.ts';
import { exportPersons } from '../export-persons.ts';
import { addTestVillage, buildPersonRow, testIdNumber } from '../test-factory.ts';
import { importPersons } from './import-persons.ts';
import { idCheckChar } from '../../../domain/identity/id-number.ts';

const withCheck = (first17: string) => first17 + idCheckChar(first17);

const asOf = '2026-11-29';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smart-dpf-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeRows(name: string, rows: PersonFileRow[], columns = personFileColumns.map((c) => c.key)) {
  const file = path.join(dir, name);
  const headers = columns.map((k) => personFileColumns.find((c) => c.key === k)?.header ?? k);
  await writeTable(
    file,
    name.endsWith('.xlsx') ? 'xlsx' : 'csv',
    headers,
    rows.map((r) => columns.map((k) => r[k] ?? null)),
  );
  return file;
}

// Ten kinds of bad rows (and a few more), each at a known row: row number = index + 2 (the header is row 1).
const badRows: { index: number; override: PersonFileRow; column: string; code: string }[] = [
  {
    index: 3,
    override: { idNumber: `${testIdNumber(3).slice(0, 17)}${testIdNumber(3).endsWith('0') ? '1' : '0'}` },
    column: '公民身份号码',
    code: 'ID_CHECKSUM',
  },
  { index: 7, override: { idNumber: '44182119800101' }, column: '公民身份号码', code: 'ID_FORMAT' },
  { index: 11, override: { certificateNumber: `${testIdNumber(12)}42` }, column: '残疾人证号', code: 'CERT_ID_MISMATCH' },
  { index: 15, override: { level: '三级' }, column: '残疾人证号', code: 'CERT_LEVEL_MISMATCH' },
  { index: 19, override: { category: '心理' }, column: '残疾类别', code: 'CATEGORY_INVALID' },
  { index: 23, override: { town: '广州镇' }, column: '户籍镇', code: 'TOWN_UNKNOWN' },
  { index: 28, override: { village: '不存在村' }, column: '村(社区)', code: 'VILLAGE_UNKNOWN' },
  { index: 31, override: { phone: '12345' }, column: '联系电话', code: 'PHONE_INVALID' },
  { index: 35, override: { gender: '男' }, column: '性别', code: 'GENDER_MISMATCH' },
  { index: 39, override: { certificateIssuedOn: '2020-13-45' }, column: '发证日期', code: 'DATE_INVALID' },
  { index: 43, override: { name: '' }, column: '姓名', code: 'REQUIRED' },
  { index: 47, override: { hukou: '外籍' }, column: '户口性质', code: 'HUKOU_INVALID' },
  { index: 51, override: { idNumber: withCheck('44182120300101001') }, column: '公民身份号码', code: 'ID_BIRTHDATE' },
  { index: 55, override: { birthDate: '1901-01-01' }, column: '出生日期', code: 'BIRTHDATE_MISMATCH' },
];

describe.each(await availableEngines())('importing persons on %s', (engine) => {
  let database: Database;
  const scope = systemScope('test');
  const count = async (table: 'person' | 'certificate' | 'person_history') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await addTestVillage(database);
  });
  afterAll(async () => database.close());

  const good = Array.from({ length: 120 }, (_, i) => buildPersonRow(i));

  it('reports every bad row with row, column and code, and writes nothing', async () => {
    const rows = good.map((r, i) => ({ ...r, ...(badRows.find((b) => b.index === i)?.override ?? {}) }));
    rows[60] = { ...good[59] }; // the same person twice
    const file = await writeRows('bad.csv', rows);
    const report = await importPersons(database, scope, file, { asOf });
    expect(report).toMatchObject({ rows: 120, invalid: badRows.length + 1, valid: 120 - badRows.length - 1, committed: false, created: 0 });
    for (const b of badRows) {
      expect(report.errors).toContainEqual(expect.objectContaining({ row: b.index + 2, column: b.column, code: b.code }));
    }
    expect(report.errors).toContainEqual(expect.objectContaining({ row: 62, column: '公民身份号码', code: 'DUPLICATE_IN_FILE' }));
    expect(report.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await count('person')).toBe(0);
  });

  it('imports the fixed file: 120 persons, each with a certificate and a history entry', async () => {
    const file = await writeRows('good.csv', good);
    const dry = await importPersons(database, scope, file, { asOf, dryRun: true });
    expect(dry).toMatchObject({ rows: 120, valid: 120, created: 120, committed: false });
    expect(await count('person')).toBe(0);
    const report = await importPersons(database, scope, file, { asOf });
    expect(report).toMatchObject({ rows: 120, valid: 120, invalid: 0, created: 120, updated: 0, unchanged: 0, committed: true });
    expect(await count('person')).toBe(120);
    expect(await count('certificate')).toBe(120);
    expect(await count('person_history')).toBe(120);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = await writeRows('good-again.csv', good);
    const report = await importPersons(database, scope, file, { asOf });
    expect(report).toMatchObject({ rows: 120, created: 0, updated: 0, unchanged: 120, committed: true });
    expect(await count('person_history')).toBe(120);
  });

  it('round-trips through its own export, as .xlsx and as .csv', async () => {
    for (const name of ['export.xlsx', 'export.csv']) {
      const file = path.join(dir, name);
      const { rows } = await exportPersons(database, scope, file, {
        format: name.endsWith('.xlsx') ? 'xlsx' : 'csv',
        full: true,
        today: asOf,
      });
      expect(rows).toBe(120);
      const report = await importPersons(database, scope, file, { asOf });
      expect(report).toMatchObject({ rows: 120, invalid: 0, unchanged: 120, updated: 0, created: 0 });
    }
  });

  it('records a level change as a new certificate and keeps the old one', async () => {
    const changed = { ...good[0], level: '一级', certificateNumber: `${testIdNumber(0)}41` };
    const file = await writeRows('level.xlsx', [changed]);
    const report = await importPersons(database, scope, file, { asOf });
    expect(report).toMatchObject({ updated: 1, committed: true });
    const person = await database.db.selectFrom('person').selectAll().where('id_number', '=', testIdNumber(0)).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ level: 1, version: 2, certificate_number: `${testIdNumber(0)}41` });
    const certs = await database.db.selectFrom('certificate').selectAll().where('person_id', '=', person.id).orderBy('id').execute();
    expect(certs.map((c) => [c.level, c.ended_on, c.end_reason])).toEqual([
      [2, asOf, 'levelChange'],
      [1, null, null],
    ]);
  });

  it('leaves fields alone whose column the file does not have', async () => {
    const file = await writeRows(
      'partial.csv',
      [good[1] as PersonFileRow],
      ['name', 'idNumber', 'certificateNumber', 'category', 'level', 'town'],
    );
    const report = await importPersons(database, scope, file, { asOf });
    expect(report).toMatchObject({ unchanged: 1 });
  });

  it('reports missing required headers without reading further', async () => {
    const file = await writeRows('headers.csv', [good[2] as PersonFileRow], ['name', 'idNumber', 'category', 'level', 'town']);
    const report = await importPersons(database, scope, file, { asOf });
    expect(report.errors).toEqual([expect.objectContaining({ row: 1, column: '残疾人证号', code: 'HEADER_MISSING' })]);
    expect(report.committed).toBe(false);
  });

  it('with skipInvalid writes the valid rows and reports the rest', async () => {
    const rows = [buildPersonRow(200), buildPersonRow(201, { town: '不存在镇' })];
    const file = await writeRows('skip.csv', rows);
    const report = await importPersons(database, scope, file, { asOf, skipInvalid: true });
    expect(report).toMatchObject({ rows: 2, valid: 1, invalid: 1, created: 1, committed: true });
    expect(await count('person')).toBe(121);
  });
});
