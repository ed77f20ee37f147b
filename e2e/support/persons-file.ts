const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checks = '10X98765432';

/** A valid resident ID number (GB 11643) for a birth date and sequence. */
export function idNumber(birth: string, sequence: number): string {
  const first17 = `441821${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return `${first17}${checks[sum % 11]}`;
}

/** A persons CSV (FORMATS.md §3) with `valid` good rows and, when `broken`, one row whose ID checksum is wrong. */
export function personsCsv(valid: number, broken: boolean): string {
  const header = '姓名,公民身份号码,残疾人证号,残疾类别,残疾等级,户籍镇';
  const rows = Array.from({ length: valid }, (_, i) => {
    const id = idNumber('19450203', 901 + i * 2);
    return `测试导入${i + 1},${id},${id}42,肢体,二级,石角镇`;
  });
  if (broken) {
    const good = idNumber('19450203', 951);
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    rows.splice(1, 0, `错误行,${bad},${bad}42,肢体,二级,石角镇`);
  }
  return `${[header, ...rows].join('\n')}\n`;
}
