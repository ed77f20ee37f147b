/**
 * The persons file layout (FORMATS.md §3): one entry per column, Chinese header first, English identifier second.
 * Order is the export order.
 */
export const personFileColumns = [
  { key: 'name', header: '姓名', required: true },
  { key: 'idNumber', header: '公民身份号码', required: true },
  { key: 'certificateNumber', header: '残疾人证号', required: true },
  { key: 'category', header: '残疾类别', required: true },
  { key: 'level', header: '残疾等级', required: true },
  { key: 'town', header: '户籍镇', required: true },
  { key: 'village', header: '村(社区)', required: false },
  { key: 'hukou', header: '户口性质', required: false },
  { key: 'gender', header: '性别', required: false },
  { key: 'birthDate', header: '出生日期', required: false },
  { key: 'certificateIssuedOn', header: '发证日期', required: false },
  { key: 'certificateValidUntil', header: '证件有效期至', required: false },
  { key: 'phone', header: '联系电话', required: false },
  { key: 'householdNo', header: '户号', required: false },
  { key: 'guardianName', header: '监护人姓名', required: false },
  { key: 'guardianPhone', header: '监护人电话', required: false },
  { key: 'deceasedOn', header: '死亡日期', required: false },
] as const;

/** One column of a file layout. */
export type FileColumn = { readonly key: string; readonly header: string; readonly required: boolean };

/** The English identifier of a persons-file column. */
export type PersonFileKey = (typeof personFileColumns)[number]['key'];

/** One row of a persons file as text (empty cells omitted or ''). */
export type PersonFileRow = Partial<Record<PersonFileKey, string>>;
