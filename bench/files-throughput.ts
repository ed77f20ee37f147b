/**
 * Throughput of `openTable` (read) and `writeTable` (write) on a 100,000-row, 17-column persons file as CSV (UTF-8,
 * and GB18030 for reading) and XLSX (inline strings as our export writes them, and shared strings as Excel saves).
 * Each measurement runs in a child process so that its peak RSS is its own. Run: `npx tsx bench/files-throughput.ts [rows]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { personFileColumns } from '../src/contracts/person-file.ts';
import { openTable } from '../src/features/files/read-table.ts';
import type { Cell } from '../src/features/files/table.ts';
import { writeTable } from '../src/features/files/write-table.ts';

type Figures = { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number };

const script = fileURLToPath(import.meta.url);
const projectRoot = join(dirname(script), '..');

/** A deterministic persons row shaped like the real file (FORMATS.md §3). */
function personRow(i: number): Cell[] {
  const serial = String(i).padStart(6, '0');
  const id = `441821${1950 + (i % 60)}0${1 + (i % 9)}1${i % 10}${serial.slice(-3)}${i % 11 === 0 ? 'X' : i % 10}`;
  return [
    `张${'伟芳娜敏静丽强磊军洋'.charAt(i % 10)}${'华明国建'.charAt(i % 4)}`,
    id,
    `${id}${1 + (i % 7)}${1 + (i % 4)}`,
    ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'][i % 7] ?? '肢体',
    ['一级', '二级', '三级', '四级'][i % 4] ?? '一级',
    ['石角镇', '水头镇', '汤塘镇', '龙山镇'][i % 4] ?? '石角镇',
    i % 3 === 0 ? null : `第${i % 40}村(社区)`,
    i % 2 === 0 ? '农村' : '城镇',
    i % 2 === 0 ? '男' : '女',
    `${1950 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
    '2020-05-01',
    i % 5 === 0 ? null : '2030-05-01',
    `138${serial}${String(i % 100).padStart(2, '0')}`,
    `HH${String(Math.floor(i / 3)).padStart(7, '0')}`,
    i % 4 === 0 ? `李${'监护人'.charAt(i % 3)}` : null,
    i % 4 === 0 ? `139${serial}00` : null,
    i % 50 === 0 ? '2023-12-31' : null,
  ];
}

function* personRows(count: number): Generator<Cell[]> {
  for (let i = 0; i < count; i += 1) {
    yield personRow(i);
  }
}

/** An XLSX with a shared-strings table, as Excel itself saves it (our export writes inline strings). */
async function writeSharedStringsXlsx(path: string, count: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(personFileColumns.map((c) => c.header)).commit();
  for (const row of personRows(count)) {
    sheet.addRow(row.map((cell) => cell ?? undefined)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Child mode: run one task and return its figures. */
async function measure(task: () => Promise<number>): Promise<Figures> {
  const started = process.hrtime.bigint();
  const rows = await task();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return { rows, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), peakRssMb };
}

async function readAll(path: string): Promise<number> {
  const opened = await openTable(path);
  if (!opened.ok) {
    throw new Error(`${path}: ${opened.code}`);
  }
  let rows = 0;
  for await (const _row of opened.value.rows) {
    rows += 1;
  }
  return rows;
}

async function writeAll(path: string, count: number): Promise<number> {
  const format = path.endsWith('.xlsx') ? 'xlsx' : 'csv';
  const written = await writeTable(
    path,
    format,
    personFileColumns.map((c) => c.header),
    personRows(count),
  );
  return written.rows;
}

function inChild(args: string[]): Figures {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot, encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`child ${args.join(' ')} failed: ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as Figures;
}

async function main(count: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'smart-dpf-bench-'));
  const files = {
    csv: join(dir, 'persons.csv'),
    gbCsv: join(dir, 'persons-gb.csv'),
    xlsx: join(dir, 'persons.xlsx'),
    sharedXlsx: join(dir, 'persons-shared.xlsx'),
  };
  try {
    const results: Record<string, Figures & { sizeMb?: number }> = {};
    results['write csv'] = inChild(['--write', files.csv, String(count)]);
    results['write xlsx'] = inChild(['--write', files.xlsx, String(count)]);
    await writeFile(files.gbCsv, iconv.encode((await readFile(files.csv)).subarray(3).toString('utf8'), 'gb18030'));
    await writeSharedStringsXlsx(files.sharedXlsx, count);
    for (const [name, path] of Object.entries(files)) {
      results[`read ${name}`] = { ...inChild(['--read', path]), sizeMb: Math.round((await stat(path)).size / 1e5) / 10 };
    }
    process.stdout.write(formatTable(results));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function formatTable(results: Record<string, Figures & { sizeMb?: number }>): string {
  const header = ['', 'rows', 'seconds', 'rows/s', 'peak RSS MB', 'file MB'];
  const lines = Object.entries(results).map(([name, r]) =>
    [name, r.rows, r.seconds, r.rowsPerSecond, r.peakRssMb, r.sizeMb ?? ''].map(String),
  );
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return `${[header, ...lines].map(format).join('\n')}\n`;
}

const [mode, path, rows] = process.argv.slice(2);
if (mode === '--read' && path !== undefined) {
  process.stdout.write(JSON.stringify(await measure(() => readAll(path))));
} else if (mode === '--write' && path !== undefined) {
  process.stdout.write(JSON.stringify(await measure(() => writeAll(path, Number(rows)))));
} else {
  await main(Number(mode ?? 100_000));
}
