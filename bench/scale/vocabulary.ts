// The words generated calls are made of (shared by bench/search and the scale generator, bench/scale).

/** Words of a service desk's call summaries; a summary is 4–8 of them. 彩铃 and 国际漫游 are rare on purpose. */
export const WORDS = [
  '客户', '来电', '咨询', '查询', '本月', '话费', '账单', '明细', '宽带', '断线', '报修', '网速', '太慢', '光猫', '重启', '上门',
  '套餐', '变更', '升级', '降档', '流量', '超出', '提醒', '短信', '营业厅', '地址', '营业时间', '密码', '重置', '实名', '认证', '积分',
  '兑换', '礼品', '停机', '复机', '欠费', '缴费', '发票', '开具', '投诉', '服务态度', '装机', '预约', '时间', '移机', '新址', '信号',
  '覆盖', '室内', '合约', '到期', '续约', '优惠', '活动', '办理', '携号转网', '家庭', '副卡', '亲情号', '固话', '故障', '已派单', '回访',
];
export const RARE = ['彩铃', '国际漫游'];
export const OUTCOMES = ['已解答', '已告知', '转二线处理', '已登记报修单', '待回访', '客户满意'];
export const NAMES = ['张先生', '李女士', '王先生', '刘女士', '陈先生', '杨女士', '赵先生', '黄女士', '周先生', '吴女士'];

/** A PostgreSQL array literal of words (all from the lists above: no quotes inside). */
export const lit = (xs: readonly string[]) => `array[${xs.map((w) => `'${w}'`).join(',')}]`;
