import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Cell, TableReader, TableRow } from './table.ts';

/** A fresh temp directory for this test file, removed after its tests; returns a function naming files in it. */
export function useTempDir(): (name: string) => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'smart-dpf-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return (name: string) => join(dir, name);
}

/** Reads every row of a table. */
export async function readAll(reader: TableReader): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of reader.rows) {
    rows.push(row);
  }
  return rows;
}

/** Chinese headers for the round-trip tests. */
export const sampleHeaders = ['姓名', '公民身份号码', '残疾人证号', '村(社区)', '联系电话', '备注'];

/**
 * Deterministic rows exercising the awkward cases: ID numbers ending in X, empty cells, Chinese text, and commas,
 * quotes and line breaks inside cells. Cells are text or null, so they read back identically from both formats.
 */
export function sampleRows(count: number): Cell[][] {
  const notes = ['', '家住"东风"村, 3组', '第一行\n第二行', 'plain', '逗号,分号;引号"', '石角镇'];
  return Array.from({ length: count }, (_unused, i) => {
    const serial = String(i).padStart(3, '0').slice(-3);
    const check = i % 11 === 0 ? 'X' : String(i % 10);
    const id = `44182119800101${serial}${check}`;
    const note = notes[i % notes.length] ?? '';
    return [
      `张${'三四五六'.charAt(i % 4)}${i}`,
      id,
      `${id}21`,
      i % 3 === 0 ? null : '龙山村(社区)',
      i % 5 === 0 ? null : `1380000${String(i).padStart(4, '0')}`,
      note === '' ? null : note,
    ];
  });
}
