import type { PersonFileRow } from '../../contracts/person-file.ts';
import type { Database } from '../../db/connect.ts';
import { idCheckChar } from '../../domain/identity/id-number.ts';

/** A valid Fogang ID number for test person i (born 1950–1999, odd sequence = male for even i). */
export function testIdNumber(i: number, female = i % 2 === 1): string {
  const year = 1950 + (i % 50);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const seq = (Math.floor(i / 50) * 2 + (female ? 2 : 1)) % 1000;
  const first17 = `441821${year}${month}${day}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A valid persons-file row for test person i; overrides replace fields. */
export function buildPersonRow(i: number, overrides: PersonFileRow = {}): PersonFileRow {
  const idNumber = testIdNumber(i);
  return {
    name: `测试${String.fromCodePoint(0x4e00 + i)}`,
    idNumber,
    certificateNumber: `${idNumber}42`,
    category: '肢体',
    level: '二级',
    town: i % 2 === 0 ? '石角镇' : '441821101',
    village: i % 2 === 0 ? '测试村' : '',
    hukou: i % 3 === 0 ? '城镇' : '农村',
    certificateIssuedOn: '2020-03-15',
    phone: i % 4 === 0 ? '' : `1380000${String(i).padStart(4, '0')}`,
    householdNo: i % 10 === 0 ? `HH-${Math.floor(i / 20)}` : '',
    ...overrides,
  };
}

/** Adds the test village 测试村 (441821100201) under 石角镇. */
export async function addTestVillage(database: Database): Promise<void> {
  await database.db
    .insertInto('org_unit')
    .values({ code: '441821100201', name: '测试村', level: 'village', parent_code: '441821100', kind: 'village', demo: 1 })
    .execute();
}
