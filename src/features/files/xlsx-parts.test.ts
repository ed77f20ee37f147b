import { describe, expect, it } from 'vitest';
import { parseSax } from './exceljs-internals.ts';
import { sheetRows } from './xlsx-sheet-rows.ts';
import { readSharedStrings } from './xlsx-shared-strings.ts';
import { readDateStyles } from './xlsx-styles.ts';
import { excelSerialToDate, isDateFormat, isDateFormatId, unescapeExcel } from './xlsx-values.ts';

/** XML text as the chunks a zip entry would give, split at awkward places. */
async function* chunks(xml: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < xml.length; i += size) {
    yield xml.slice(i, i + size);
  }
}

async function rowsOf(xml: string, lookup = { sharedStrings: ['张三', ' 龙山村 '], dateStyles: new Set([1]), date1904: false }) {
  const rows = [];
  for await (const row of sheetRows(parseSax(chunks(xml)), lookup)) {
    rows.push(row);
  }
  return rows;
}

describe('readSharedStrings', () => {
  it('joins rich-text runs, drops phonetic guides, and undoes _xHHHH_ escapes', async () => {
    const xml =
      '<?xml version="1.0"?><sst xmlns="x" count="4"><si><t>张三</t></si><si><r><rPr><b/></rPr><t>龙山</t></r><r><t xml:space="preserve">村 </t></r></si>' +
      '<si><t>石角</t><rPh sb="0" eb="2"><t>シ</t></rPh></si><si><t/></si><si><t>一_x000D_二 a&amp;b _x005F_x0041_</t></si></sst>';
    expect(await readSharedStrings(parseSax(chunks(xml)))).toEqual(['张三', '龙山村 ', '石角', '', '一\r二 a&b _x0041_']);
  });
});

describe('readDateStyles', () => {
  it('finds the cellXfs entries whose format is a date, built in (also zh-CN ids) or custom', async () => {
    const xml =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_ "/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"><alignment/></xf><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="49"/></cellXfs></styleSheet>';
    expect([...(await readDateStyles(parseSax(chunks(xml))))]).toEqual([1, 2, 4]);
  });
});

describe('sheetRows', () => {
  it('reads every cell type at its column, with row numbers from the sheet', async () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><r><t>王</t></r><r><t>五</t></r></is></c><c r="B3" s="1"><v>29222</v></c><c r="C3"><v>12.5</v></c>' +
      '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A1&amp;C1</f><v>张三龙山村</v></c><c r="G3"><f>1+1</f></c>' +
      '<c r="H3" t="d"><v>2024-12-31</v></c><c r="I3" s="1"/></row></sheetData></worksheet>';
    expect(await rowsOf(xml)).toEqual([
      { position: 1, cells: ['张三', null, '龙山村'] },
      {
        position: 3,
        cells: ['王五', new Date(Date.UTC(1980, 0, 2)), 12.5, 'TRUE', '#N/A', '张三龙山村', null, new Date(Date.UTC(2024, 11, 31)), null],
      },
    ]);
  });

  it('accepts prefixed element names and rows and cells without references', async () => {
    const xml =
      '<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row><x:row><x:c r="AA2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const rows = await rowsOf(xml);
    expect(rows[0]).toEqual({ position: 1, cells: ['张三', 7] });
    expect(rows[1]?.position).toBe(2);
    expect(rows[1]?.cells).toHaveLength(27);
    expect(rows[1]?.cells[26]).toBe(1);
  });

  it('reads dates in the 1904 date system', async () => {
    const rows = await rowsOf('<sheetData><row r="1"><c r="A1" s="1"><v>27760</v></c></row></sheetData>', {
      sharedStrings: [],
      dateStyles: new Set([1]),
      date1904: true,
    });
    expect(rows[0]?.cells).toEqual([new Date(Date.UTC(1980, 0, 2))]);
  });
});

describe('xlsx values', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['0.00', false],
    ['"Total" 0', false],
    ['[Red]0', false],
    ['@', false],
    [undefined, false],
  ])('isDateFormat(%s) → %s', (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });

  it('knows the built-in date format ids, and custom codes override them', () => {
    expect(isDateFormatId(14, new Map())).toBe(true);
    expect(isDateFormatId(31, new Map())).toBe(true);
    expect(isDateFormatId(49, new Map())).toBe(false);
    expect(isDateFormatId(14, new Map([[14, '0.00']]))).toBe(false);
  });

  it('converts serial days in both date systems', () => {
    expect(excelSerialToDate(45657)).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(excelSerialToDate(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(excelSerialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  it('leaves text without escapes alone', () => {
    expect(unescapeExcel('a_b_x')).toBe('a_b_x');
  });
});
