// The legal texts rules and parameters cite, in one place so that wording stays the same everywhere.

/** Citations used by the catalog and the rules (see docs/policy-sources.md for confidence marks). */
export const sources = {
  twoSubsidies: '国发〔2015〕52号《关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》',
  twoSubsidiesGd: '广东政务服务指南（困难残疾人生活补贴/重度残疾人护理补贴，户籍、低保及低保边缘、等级范围）',
  overlaps: '民发〔2016〕99号（两项补贴与特困供养、工伤保险生活护理费、孤儿基本生活保障的衔接）',
  stop: '广东停发规则（死亡、宣告失踪、户籍迁出、复核不合格次月停发；茂名2023）',
  certificate: '《中华人民共和国残疾人证管理办法》（2018）第19条：有效期10年',
  dibao2012: '民发〔2012〕220号《最低生活保障审核审批办法（试行）》：困难家庭中丧失劳动能力且单独立户的成年重度残疾人',
  dibao2021:
    '民发〔2021〕57号《最低生活保障审核确认办法》；粤民规字〔2019〕9号：低保边缘家庭中的一二级及三四级智力精神残疾人单人户纳入低保',
  dibaoStandard: '清远市城乡低保标准（未查到，由管理员按年度录入）',
  childRehab: '粤府办〔2018〕43号《广东省残疾儿童康复救助实施办法》；佛冈县实施方案四(一)2：持居住证的0-6岁残疾儿童',
  pensionAid: '佛冈县实施方案四(一)4：重度残疾人和三、四级智力、精神残疾人及残疾儿童个人缴费资助',
  homeMod: '佛冈县实施方案四(一)3：优先保障重度残疾人家庭的无障碍(适老化)改造需求，2025年完成600户',
  bus: '佛冈县实施方案四(一)2：持证残疾人免费或优惠乘坐市内公共汽车',
  workflow: '国发〔2015〕52号申请审核程序；公示与审核时限参照宜昌、广德做法（广东时限未查到）',
  calendar: '国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》',
  registry: '户籍在本县（佛冈县 441821）',
} as const;
