import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { personFileColumns } from '../../contracts/person-file.ts';
import { readRecords } from './read-records.ts';
import { useTempDir } from './test-support.ts';

const file = useTempDir();

describe('readRecords', () => {
  it('reads rows as text keyed by column, leaving out empty cells', async () => {
    const path = file('persons.csv');
    await writeFile(path, '姓名,公民身份号码,备注,村（社区）\n张三,44182119800101001X,x,\n\n李四, 441821198001010011 ,,龙山村\n');
    const opened = await readRecords(path, personFileColumns);
    if (!opened.ok) {
      throw new Error(opened.code);
    }
    const { headerProblems, present, unknownHeaders, records } = opened.value;
    expect(headerProblems.map((p) => p.column)).toEqual(['残疾人证号', '残疾类别', '残疾等级', '户籍镇']);
    expect([...present]).toEqual(['name', 'idNumber', 'village']);
    expect(unknownHeaders).toEqual(['备注']);
    const rows = [];
    for await (const row of records) {
      rows.push(row);
    }
    expect(rows).toEqual([
      { rowNumber: 2, record: { name: '张三', idNumber: '44182119800101001X' } },
      { rowNumber: 4, record: { name: '李四', idNumber: '441821198001010011', village: '龙山村' } },
    ]);
  });

  it('passes on the open error', async () => {
    expect(await readRecords(file('persons.txt'), personFileColumns)).toEqual({ ok: false, code: 'FILE_TYPE' });
  });
});
