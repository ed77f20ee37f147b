import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { countBit, readUnitTally, registerUnitTally, unitTallyFunction } from './unit-tally.ts';

describe('the SQLite unit tally', () => {
  it('counts masks per village, else town, keeping the least town code, and reads bits back', () => {
    const sqlite = new SqliteDatabase(':memory:');
    registerUnitTally(sqlite);
    registerUnitTally(sqlite); // once per connection: a second call is harmless
    sqlite.exec(`create table r(town text, village text, mask integer);
      insert into r values ('441821100', '441821100001', 3), ('441821100', '441821100001', 1), ('441821100', '441821100001', 3),
        ('441821101', null, 0), ('441821101', null, 2), ('441821099', '441821100001', 4)`);
    const { tally } = sqlite.prepare(`select ${unitTallyFunction}(town, village, mask) as tally from r`).get() as { tally: string };
    const units = readUnitTally(tally);
    const village = units.find((u) => u.village === '441821100001');
    expect(village).toEqual({
      town: '441821099',
      village: '441821100001',
      masks: [
        [3, 2],
        [1, 1],
        [4, 1],
      ],
    });
    expect([0, 1, 2].map((bit) => countBit(village as (typeof units)[number], bit))).toEqual([3, 2, 1]);
    expect(units.find((u) => u.village === null)).toEqual({
      town: '441821101',
      village: null,
      masks: [
        [0, 1],
        [2, 1],
      ],
    });
    const empty = sqlite.prepare(`select ${unitTallyFunction}(town, village, mask) as tally from r where 0`).get() as { tally: string };
    expect(readUnitTally(empty.tally)).toEqual([]);
    sqlite.close();
  });

  it('reads bits above 32 exactly', () => {
    expect(countBit({ town: 't', village: null, masks: [[2 ** 51 + 1, 5]] }, 51)).toBe(5);
    expect(countBit({ town: 't', village: null, masks: [[2 ** 51 + 1, 5]] }, 50)).toBe(0);
  });
});
