/** Built-in number formats (ids) that show dates or times, including the zh-CN ones Excel writes without a format code. */
const builtinDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether an Excel number format code shows a date or time: y m d h s b outside quotes and brackets (ExcelJS's rule). */
export function isDateFormat(formatCode: string | undefined): boolean {
  if (formatCode === undefined || formatCode === '') {
    return false;
  }
  const bare = formatCode.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Whether a number format, given by id and the workbook's own format codes, shows a date or time. */
export function isDateFormatId(id: number, formatCodes: ReadonlyMap<number, string>): boolean {
  const code = formatCodes.get(id);
  return code === undefined ? builtinDateFormats.has(id) : isDateFormat(code);
}

/** A date from an Excel serial day number (1900 or 1904 date system), at UTC midnight for whole days. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const unixEpochSerial = date1904 ? 24107 : 25569;
  return new Date(Math.round((serial - unixEpochSerial) * 86_400_000));
}

/** Undoes Excel's `_xHHHH_` escapes (control characters such as `_x000D_`; a literal `_x` is written `_x005F_x`). */
export function unescapeExcel(text: string): string {
  if (!text.includes('_x')) {
    return text;
  }
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * A string the heap holds on its own. saxes hands out slices of whole decoded chunks, and V8 keeps a slice's parent
 * alive, so a kept slice (a shared string, an ID number held until the import commits) would pin its entire chunk:
 * 100,000 rows kept ≈ the whole sheet's XML. Strings long enough to be slices (13+ chars) are copied: appending a
 * character makes a new string that slicing flattens into its own memory.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}
