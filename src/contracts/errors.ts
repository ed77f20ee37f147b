/**
 * Every stable error code the product emits, with its Chinese message and HTTP status.
 * The web app translates by code; these messages are the zh-CN defaults used by the API and the CLI.
 */
export const errorCatalog = {
  // Persons file and registry validation (FORMATS.md §3)
  HEADER_MISSING: { status: 400, message: '缺少必需的表头列' },
  REQUIRED: { status: 400, message: '必填项为空' },
  TOO_LONG: { status: 400, message: '内容超出长度限制' },
  ID_FORMAT: { status: 400, message: '身份证号码格式错误' },
  ID_CHECKSUM: { status: 400, message: '身份证号码校验位错误' },
  ID_BIRTHDATE: { status: 400, message: '身份证号码中的出生日期无效' },
  CERT_FORMAT: { status: 400, message: '残疾人证号格式错误' },
  CERT_ID_MISMATCH: { status: 400, message: '残疾人证号与身份证号码不一致' },
  CERT_CATEGORY_MISMATCH: { status: 400, message: '残疾人证号中的类别代码与残疾类别不一致' },
  CERT_LEVEL_MISMATCH: { status: 400, message: '残疾人证号中的等级代码与残疾等级不一致' },
  CATEGORY_INVALID: { status: 400, message: '残疾类别无效' },
  LEVEL_INVALID: { status: 400, message: '残疾等级无效' },
  TOWN_UNKNOWN: { status: 400, message: '户籍镇不存在' },
  VILLAGE_UNKNOWN: { status: 400, message: '该镇下没有这个村(社区)' },
  HUKOU_INVALID: { status: 400, message: '户口性质无效' },
  GENDER_INVALID: { status: 400, message: '性别无效' },
  GENDER_MISMATCH: { status: 400, message: '性别与身份证号码不一致' },
  BIRTHDATE_MISMATCH: { status: 400, message: '出生日期与身份证号码不一致' },
  DATE_INVALID: { status: 400, message: '日期格式无效' },
  DATE_ORDER: { status: 400, message: '日期先后顺序不合理' },
  PHONE_INVALID: { status: 400, message: '电话号码格式错误' },
  DUPLICATE_IN_FILE: { status: 400, message: '文件中存在重复的人员' },
  OUT_OF_SCOPE: { status: 403, message: '该人员不在您的管辖范围内' },
  CERT_TAKEN: { status: 409, message: '残疾人证号已登记在另一人名下' },
  FILE_UNREADABLE: { status: 400, message: '无法读取文件' },
  FILE_TYPE: { status: 400, message: '只支持 .xlsx 和 .csv 文件' },
  FILE_EMPTY: { status: 400, message: '文件没有数据行' },
  // API and workflow
  VALIDATION: { status: 400, message: '输入不符合要求' },
  NOT_FOUND: { status: 404, message: '记录不存在' },
  VERSION_CONFLICT: { status: 409, message: '记录已被他人修改，请刷新后重试' },
  STATUS_INVALID: { status: 409, message: '当前状态不允许此操作' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  INTERNAL: { status: 500, message: '系统内部错误' },
  // Access control and audit (docs/access.md)
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '尝试次数过多，请稍后再试' },
  PASSWORD_WEAK: { status: 400, message: '密码不符合安全要求' },
  PASSWORD_INCORRECT: { status: 400, message: '当前密码不正确' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改密码' },
  CSRF: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  TOKEN_INVALID: { status: 401, message: '访问令牌无效或已撤销' },
  ORG_UNKNOWN: { status: 400, message: '所属机构不存在或不在管辖范围内' },
  ROLE_ORG_MISMATCH: { status: 400, message: '角色与所属机构的层级不匹配' },
  AUDIT_RETENTION: { status: 409, message: '审计日志至少保存180天，不能删除更近的记录' },
  // Needs survey, enrolments, services and indicators (issue 5)
  PERSON_UNKNOWN: { status: 400, message: '登记库中没有这个人员' },
  YEAR_INVALID: { status: 400, message: '年度无效' },
  SURVEY_VALUE_INVALID: { status: 400, message: '调查项取值无效' },
  AMOUNT_INVALID: { status: 400, message: '金额格式无效' },
  PROGRAM_UNKNOWN: { status: 400, message: '项目名称无效' },
  SERVICE_KIND_INVALID: { status: 400, message: '服务类别无效' },
  SERVICE_STATUS_INVALID: { status: 400, message: '服务状态无效或不允许这样变更' },
  INDICATOR_UNKNOWN: { status: 404, message: '没有这个指标' },
  INDICATOR_NO_GAPS: { status: 400, message: '该指标没有差距名单' },
  PARAMETER_UNKNOWN: { status: 400, message: '没有这个参数' },
  ENROLMENT_NOT_IN_LIST: { status: 409, message: '该人员正在享受的记录不在本次名单中（未自动终止，请核实）' },
  // Benefits (issue 6)
  PARAM_VALUE_INVALID: { status: 400, message: '参数值格式无效' },
  APPLICATION_OPEN: { status: 409, message: '该人员已有在办的同项目申请' },
  ALREADY_RECEIVING: { status: 409, message: '该人员已在享受此项目' },
  NOT_ELIGIBLE: { status: 409, message: '按政策规则该人员在申请日不符合条件' },
  REJECTION_REASON_REQUIRED: { status: 400, message: '驳回必须填写理由' },
  ROLL_FROZEN: { status: 409, message: '发放名册已审定，不能修改' },
  AMOUNT_NOT_IN_FORCE: { status: 409, message: '该月份没有生效的补贴标准，请先录入参数' },
} as const satisfies Record<string, { status: number; message: string }>;

/** A stable error code. */
export type ErrorCode = keyof typeof errorCatalog;

/** One problem found in input: code, Chinese message, and where. */
export type Problem = { code: ErrorCode; message: string; path?: (string | number)[] };

/** Builds a Problem from a code with the catalog's message. */
export function problem(code: ErrorCode, path?: (string | number)[]): Problem {
  return path ? { code, message: errorCatalog[code].message, path } : { code, message: errorCatalog[code].message };
}
