import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/app-error.ts';
import { openTable } from './read-table.ts';
import type { TableReader } from './table.ts';
import { readAll, useTempDir } from './test-support.ts';
import { writeTable } from './write-table.ts';

const file = useTempDir();

async function open(path: string): Promise<TableReader> {
  const opened = await openTable(path);
  if (!opened.ok) {
    throw new Error(`expected ${path} to open, got ${opened.code}`);
  }
  return opened.value;
}

describe('openTable: CSV', () => {
  it('reads UTF-8 without BOM: trimmed headers and cells, empty → null, ragged rows kept', async () => {
    const path = file('plain.csv');
    await writeFile(path, ' 姓名 ,公民身份号码,备注\n张三 , 44182119800101001X ,\n李四,441821198001010011,"a, ""b""",extra\n王五\n');
    const reader = await open(path);
    expect(reader.headers).toEqual(['姓名', '公民身份号码', '备注']);
    expect(await readAll(reader)).toEqual([
      { rowNumber: 2, cells: ['张三', '44182119800101001X', null] },
      { rowNumber: 3, cells: ['李四', '441821198001010011', 'a, "b"', 'extra'] },
      { rowNumber: 4, cells: ['王五', null, null] },
    ]);
  });

  it('reads UTF-8 with BOM and CRLF line ends', async () => {
    const path = file('bom.csv');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,村(社区)\r\n张三,龙山村\r\n')]));
    const reader = await open(path);
    expect(reader.headers).toEqual(['姓名', '村(社区)']);
    expect(await readAll(reader)).toEqual([{ rowNumber: 2, cells: ['张三', '龙山村'] }]);
  });

  it('reads GB18030 beyond the 64 KB sample', async () => {
    // 𠀀 needs a 4-byte GB18030 sequence; 镕 is a GBK character; € is byte 0x80 in Windows' GBK (CP936).
    const lines = ['姓名,户籍镇,备注'];
    for (let i = 0; i < 3000; i += 1) {
      lines.push(`张三${i},石角镇,"残联登记，第${i}号"`);
    }
    const [header, ...rest] = lines;
    const path = file('gb.csv');
    const euroAsInCp936 = Buffer.from([0x80]);
    const rowsText = `\r\n${rest.join('\r\n')}\r\n`;
    await writeFile(
      path,
      Buffer.concat([iconv.encode(`${header}\r\n𠀀镕,石角镇,`, 'gb18030'), euroAsInCp936, iconv.encode(rowsText, 'gb18030')]),
    );
    const reader = await open(path);
    expect(reader.headers).toEqual(['姓名', '户籍镇', '备注']);
    const rows = await readAll(reader);
    expect(rows).toHaveLength(3001);
    expect(rows[0]).toEqual({ rowNumber: 2, cells: ['𠀀镕', '石角镇', '€'] });
    expect(rows[3000]).toEqual({ rowNumber: 3002, cells: ['张三2999', '石角镇', '残联登记，第2999号'] });
  });

  it('takes UTF-8 when the 64 KB sample ends inside a multi-byte character', async () => {
    const head = '姓名,备注\n';
    const headBytes = Buffer.byteLength(head);
    // Pad so that the 3-byte '镇' starts one byte before the 64 KB edge.
    const padding = 'a'.repeat(64 * 1024 - headBytes - 1);
    const path = file('edge.csv');
    await writeFile(path, `${head}张三,${padding.slice(3)}镇\n李四,石角镇\n`);
    const reader = await open(path);
    const rows = await readAll(reader);
    expect(rows.map((row) => row.cells[0])).toEqual(['张三', '李四']);
    expect(String(rows[0]?.cells[1]).endsWith('镇')).toBe(true);
  });

  it('skips blank lines but keeps counting them', async () => {
    const path = file('blank.csv');
    await writeFile(path, '\n姓名,电话\n\n张三,1\n,\n  ,  \n李四,2\n\n');
    const reader = await open(path);
    expect(reader.headers).toEqual(['姓名', '电话']);
    expect(await readAll(reader)).toEqual([
      { rowNumber: 3, cells: ['张三', '1'] },
      { rowNumber: 6, cells: ['李四', '2'] },
    ]);
  });

  it('matches the extension case-insensitively and returns a header-only file with no rows', async () => {
    const path = file('HEADER.CSV');
    await writeFile(path, '姓名,电话\n');
    const reader = await open(path);
    expect(reader.headers).toEqual(['姓名', '电话']);
    expect(await readAll(reader)).toEqual([]);
  });

  it('reports FILE_EMPTY for an empty or blank file', async () => {
    await writeFile(file('empty.csv'), '');
    await writeFile(file('blank-only.csv'), '\n , \n\n');
    expect(await openTable(file('empty.csv'))).toEqual({ ok: false, code: 'FILE_EMPTY' });
    expect(await openTable(file('blank-only.csv'))).toEqual({ ok: false, code: 'FILE_EMPTY' });
  });

  it('reports FILE_UNREADABLE for a missing file', async () => {
    expect(await openTable(file('missing.csv'))).toEqual({ ok: false, code: 'FILE_UNREADABLE' });
  });

  it('throws FILE_UNREADABLE while iterating when bytes after the sample are not UTF-8', async () => {
    const path = file('mixed.csv');
    const utf8 = Buffer.from(`姓名,备注\n${'张三,ok\n'.repeat(100_000)}`);
    await writeFile(path, Buffer.concat([utf8, iconv.encode('李四,坏\n', 'gb18030')]));
    const reader = await open(path);
    await expect(readAll(reader)).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'FILE_UNREADABLE');
  });

  it('throws FILE_UNREADABLE while iterating on an unclosed quote', async () => {
    const path = file('quote.csv');
    await writeFile(path, '姓名,备注\n张三,"never closed\n李四,x\n');
    const reader = await open(path);
    await expect(readAll(reader)).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'FILE_UNREADABLE');
  });

  it('stops cleanly when the caller breaks out early', async () => {
    const path = file('break.csv');
    await writeFile(path, `姓名\n${'张三\n'.repeat(50_000)}`);
    const reader = await open(path);
    let seen = 0;
    for await (const _row of reader.rows) {
      seen += 1;
      if (seen === 10) {
        break;
      }
    }
    await reader.close();
    expect(seen).toBe(10);
  });
});

describe('openTable: other types', () => {
  it('refuses a .txt with FILE_TYPE', async () => {
    await writeFile(file('list.txt'), '姓名\n张三\n');
    expect(await openTable(file('list.txt'))).toEqual({ ok: false, code: 'FILE_TYPE' });
    expect(await openTable(file('noext'))).toEqual({ ok: false, code: 'FILE_TYPE' });
  });
});

describe('openTable: XLSX', () => {
  it('converts cell values and reads the first sheet only', async () => {
    const path = file('values.xlsx');
    await writeValuesWorkbook(path);
    const reader = await open(path);
    expect(reader.headers).toEqual(['姓名', '出生日期', '金额', '公式', '链接', '是否', '公民身份号码']);
    const rows = await readAll(reader);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: ['张三丰', new Date(Date.UTC(1980, 0, 2)), 1234.5, 42, '残联', 'TRUE', 441821198001010000],
      },
      { rowNumber: 4, cells: [null, null, null, new Date(Date.UTC(2024, 11, 31)), null, null, '44182119800101001X'] },
    ]);
  });

  it('keeps Chinese text intact across chunk edges, with inline and with shared strings', async () => {
    const text = (i: number) => `残疾人联合会第${i}号登记表，佛冈县石角镇龙山村委会${'一二三四五六七八九十'.slice(i % 10)}`;
    const inline = file('chinese-inline.xlsx');
    const shared = file('chinese-shared.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: shared, useSharedStrings: true });
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['甲', '乙', '丙']).commit();
    const rows: string[][] = [];
    for (let i = 0; i < 5000; i += 1) {
      const row = [text(i), text(i + 1), text(i + 2)];
      rows.push(row);
      sheet.addRow(row).commit();
    }
    sheet.commit();
    await workbook.commit();
    await writeTable(inline, 'xlsx', ['甲', '乙', '丙'], rows);
    for (const path of [inline, shared]) {
      const read = await readAll(await open(path));
      expect(read.map((row) => row.cells)).toEqual(rows);
    }
  });

  it('reports FILE_UNREADABLE for a file that is not a workbook, and for a missing one', async () => {
    await writeFile(file('garbage.xlsx'), 'PK this is not really a zip file'.repeat(50));
    expect(await openTable(file('garbage.xlsx'))).toEqual({ ok: false, code: 'FILE_UNREADABLE' });
    expect(await openTable(file('missing.XLSX'))).toEqual({ ok: false, code: 'FILE_UNREADABLE' });
  });

  it('reports FILE_UNREADABLE, without hanging, for a cut-short or corrupt workbook and for a directory', async () => {
    const path = file('whole.xlsx');
    await writeTable(
      path,
      'xlsx',
      ['姓名'],
      Array.from({ length: 20_000 }, (_unused, i) => [`张三${i}`]),
    );
    const bytes = await readFile(path);
    await writeFile(file('cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await openTable(file('cut.xlsx'))).toEqual({ ok: false, code: 'FILE_UNREADABLE' });
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0xff, Math.floor(bytes.length * 0.3), Math.floor(bytes.length * 0.3) + 64);
    await writeFile(file('corrupt.xlsx'), corrupt);
    const opened = await openTable(file('corrupt.xlsx'));
    if (opened.ok) {
      await expect(readAll(opened.value)).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'FILE_UNREADABLE');
    } else {
      expect(opened.code).toBe('FILE_UNREADABLE');
    }
    await mkdir(file('folder.xlsx'));
    expect(await openTable(file('folder.xlsx'))).toEqual({ ok: false, code: 'FILE_UNREADABLE' });
    await removeStuckSpools();
  }, 10_000);

  it('reports FILE_EMPTY for a workbook whose first sheet is empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('空');
    workbook.addWorksheet('other').addRow(['姓名']);
    await workbook.xlsx.writeFile(file('empty.xlsx'));
    expect(await openTable(file('empty.xlsx'))).toEqual({ ok: false, code: 'FILE_EMPTY' });
  });
});

/**
 * ExcelJS never finishes spooling a sheet whose compressed data is corrupt, so its temp file (tmp-PID-…) stays behind
 * until the process exits; this test process removes its own.
 */
async function removeStuckSpools(): Promise<void> {
  const prefix = `tmp-${process.pid}-`;
  const names = (await readdir(tmpdir())).filter((name) => name.startsWith(prefix));
  await Promise.all(names.map((name) => rm(join(tmpdir(), name), { force: true })));
}

/** A two-sheet workbook whose first sheet has one of each kind of cell value and a blank row. */
async function writeValuesWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(['  姓名 ', '出生日期', '金额', '公式', '链接', '是否', '公民身份号码']);
  const row = sheet.addRow([]);
  row.getCell(1).value = { richText: [{ text: '张三' }, { text: '丰 ', font: { bold: true } }] };
  row.getCell(2).value = new Date(Date.UTC(1980, 0, 2));
  row.getCell(3).value = 1234.5;
  row.getCell(4).value = { formula: '40+2', result: 42 };
  row.getCell(5).value = { text: '残联', hyperlink: 'https://example.org' };
  row.getCell(6).value = true;
  // An 18-digit ID typed as a number: Excel keeps 15 significant digits.
  row.getCell(7).value = Number('441821198001010011');
  sheet.addRow([]);
  const sparse = sheet.getRow(4);
  sparse.getCell(4).value = { formula: 'DATE(2024,12,31)', result: 45657 };
  sparse.getCell(4).numFmt = 'yyyy-mm-dd';
  sparse.getCell(7).value = '44182119800101001X';
  workbook.addWorksheet('第二页').addRow(['不应读取']);
  await workbook.xlsx.writeFile(path);
}
