import type { Cell } from './table.ts';

/** Excel stores numbers with 15 significant digits; anything longer has already been rounded in the file. */
const excelDigits = 15;

/**
 * The text of a cell as Excel shows it: trimmed strings; numbers in plain decimal (no exponent), rounded to Excel's
 * 15 significant digits; dates as 'YYYY-MM-DD' in UTC (a time of day is dropped); '' for an empty cell.
 * An 18-digit ID number typed into Excel as a number was cut to 15 digits by Excel itself (441821198001010011 is
 * stored as 441821198001010000), so its text ends in zeros and fails ID validation; `isImpreciseNumber` spots it.
 */
export function cellText(cell: Cell): string {
  if (cell === null) {
    return '';
  }
  if (typeof cell === 'string') {
    return cell.trim();
  }
  if (typeof cell === 'number') {
    return numberText(cell);
  }
  return dayText(cell);
}

/** A date as 'YYYY-MM-DD' in UTC, or '' for an invalid date. */
export function dayText(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a cell is an integer with more digits than Excel can hold (16 or more), which is how an ID number looks
 * when its column was not formatted as text: the last digits are already lost, so tell the user to re-enter it as text.
 */
export function isImpreciseNumber(cell: Cell): boolean {
  return typeof cell === 'number' && Number.isInteger(cell) && Math.abs(cell) >= 1e15;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) {
    return '';
  }
  const rounded = Number(n.toPrecision(excelDigits));
  const text = String(rounded);
  if (!text.includes('e')) {
    return text;
  }
  // String() switches to exponent notation below 1e-6 and from 1e21; spell those out.
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
