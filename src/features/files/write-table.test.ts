import { readFile, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openTable } from './read-table.ts';
import type { Cell, TableRow } from './table.ts';
import { readAll, sampleHeaders, sampleRows, useTempDir } from './test-support.ts';
import { writeTable } from './write-table.ts';

const file = useTempDir();

async function readBack(path: string): Promise<{ headers: string[]; rows: TableRow[] }> {
  const opened = await openTable(path);
  if (!opened.ok) {
    throw new Error(`expected ${path} to open, got ${opened.code}`);
  }
  return { headers: opened.value.headers, rows: await readAll(opened.value) };
}

/** What reading gives back for written rows: the same cells, numbered from 2. */
function expected(rows: Cell[][]): TableRow[] {
  return rows.map((cells, i) => ({ rowNumber: i + 2, cells }));
}

async function* slowly(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const row of rows) {
    yield row;
  }
}

describe.each(['xlsx', 'csv'] as const)('writeTable → openTable round trip (%s)', (format) => {
  it('reads back 1,000 rows with Chinese text, IDs ending in X, empty cells, commas, quotes and line breaks', async () => {
    const rows = sampleRows(1000);
    const path = file(`round-trip.${format}`);
    const written = await writeTable(path, format, sampleHeaders, slowly(rows));
    expect(written).toEqual({ rows: 1000 });
    const back = await readBack(path);
    expect(back.headers).toEqual(sampleHeaders);
    expect(back.rows).toEqual(expected(rows));
  });

  it('writes dates as YYYY-MM-DD text, numbers as numbers (xlsx) or plain digits (csv)', async () => {
    const path = file(`values.${format}`);
    await writeTable(
      path,
      format,
      ['出生日期', '金额'],
      [
        [new Date(Date.UTC(1980, 0, 2)), 1234.5],
        [null, 1e21],
      ],
    );
    const back = await readBack(path);
    const amount = (n: number) => (format === 'xlsx' ? n : String(n === 1e21 ? '1000000000000000000000' : n));
    expect(back.rows).toEqual([
      { rowNumber: 2, cells: ['1980-01-02', amount(1234.5)] },
      { rowNumber: 3, cells: [null, amount(1e21)] },
    ]);
  });

  it('keeps row numbers across an all-empty row and writes to a stream target', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const result = await writeTable(stream, format, ['姓名'], [['张三'], [null], ['李四']]);
    expect(result).toEqual({ rows: 3 });
    const path = file(`stream.${format}`);
    await writeFile(path, Buffer.concat(chunks));
    const back = await readBack(path);
    expect(back.rows).toEqual([
      { rowNumber: 2, cells: ['张三'] },
      { rowNumber: 4, cells: ['李四'] },
    ]);
  });

  it('rejects when the target cannot be created or the rows fail', async () => {
    await expect(writeTable(file(`no-such-dir/out.${format}`), format, ['姓名'], [])).rejects.toThrow();
    async function* failing(): AsyncGenerator<Cell[]> {
      yield ['张三'];
      throw new Error('database gone');
    }
    await expect(writeTable(file(`failing.${format}`), format, ['姓名'], failing())).rejects.toThrow('database gone');
  });
});

describe('writeTable: csv re-encoded', () => {
  it('reads back equal after the file is saved again as GB18030 without BOM (as Excel on Chinese Windows does)', async () => {
    const rows = sampleRows(1000);
    const utf8 = file('to-gb.csv');
    await writeTable(utf8, 'csv', sampleHeaders, rows);
    const text = (await readFile(utf8)).subarray(3).toString('utf8');
    const gb = file('gb18030.csv');
    await writeFile(gb, iconv.encode(text, 'gb18030'));
    const back = await readBack(gb);
    expect(back.headers).toEqual(sampleHeaders);
    expect(back.rows).toEqual(expected(rows));
  });
});

describe('writeTable: csv bytes', () => {
  it('starts with a BOM, ends lines with CRLF and quotes only when needed', async () => {
    const path = file('bytes.csv');
    await writeTable(
      path,
      'csv',
      ['姓名', '备注'],
      [
        ['张三', 'a,b'],
        ['李四', 'say "hi"'],
        ['王五', '一\n二'],
      ],
    );
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('姓名,备注\r\n张三,"a,b"\r\n李四,"say ""hi"""\r\n王五,"一\n二"\r\n');
  });
});

describe('writeTable: xlsx layout', () => {
  it('bolds and freezes the header, stores ID numbers as text cells formatted @, sizes columns', async () => {
    const path = file('layout.xlsx');
    await writeTable(
      path,
      'xlsx',
      ['姓名', '公民身份号码'],
      [
        ['张三', '441821198001010011'],
        ['李四', '44182119800101001X'],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const id = sheet?.getCell('B2');
    expect(id?.value).toBe('441821198001010011');
    expect(id?.numFmt).toBe('@');
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(18);
  });
});
