import type { Role } from '../../shared/auth/roles';

/** The demo center's people. Data, not UI text: a real center's names are Chinese too. */
export const DEMO_PASSWORD = 'zhiban123';

export const DEMO_TEAMS = [
  { id: 'team-a', name: '一组', names: { 'zh-CN': '一组', 'zh-TW': '一組', en: 'Team 1' } },
  { id: 'team-b', name: '二组', names: { 'zh-CN': '二组', 'zh-TW': '二組', en: 'Team 2' } },
] as const;

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

const AGENT_NAMES = ['王芳', '李娜', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴婷', '徐强', '孙悦'];

export const DEMO_USERS: readonly DemoUser[] = [
  ...AGENT_NAMES.map((displayName, i) => ({
    username: `agent${String(i + 1).padStart(2, '0')}`,
    displayName,
    role: 'agent' as const,
    teamId: i < 6 ? 'team-a' : 'team-b',
  })),
  { username: 'lead01', displayName: '郑伟', role: 'team_lead', teamId: 'team-a' },
  { username: 'lead02', displayName: '何丽华', role: 'team_lead', teamId: 'team-b' },
  { username: 'qa01', displayName: '林晓', role: 'qa_inspector', teamId: null },
  { username: 'dept01', displayName: '马建国', role: 'department_director', teamId: null },
  { username: 'center01', displayName: '高文', role: 'center_director', teamId: null },
  { username: 'admin', displayName: '系统管理员', role: 'admin', teamId: null },
];

/** A morning's worth of calls, minutes before "now", so the lists are not empty on first start. */
export const DEMO_CALLS = [
  { agent: 'agent01', minsAgo: 95, mins: 4, phone: '138 0013 8000', name: '赵先生', category: 'query', summary: '查询本月话费账单明细', outcome: '已告知账单明细，客户满意', followUp: false },
  { agent: 'agent01', minsAgo: 70, mins: 7, phone: '139 1234 5678', name: '钱女士', category: 'complaint', summary: '投诉宽带多次断线，影响居家办公', outcome: '已登记报修单，48小时内上门', followUp: true },
  { agent: 'agent02', minsAgo: 60, mins: 3, phone: '021-6234 5678', name: '孙先生', category: 'consultation', summary: '咨询套餐变更的生效时间', outcome: '已解答：次月1日生效', followUp: false },
  { agent: 'agent03', minsAgo: 45, mins: 5, phone: '137 0000 1111', name: '李女士', category: 'registration', summary: '办理号码停机保号业务登记', outcome: '已登记，短信确认已发送', followUp: false },
  { agent: 'agent07', minsAgo: 40, mins: 6, phone: '136 5555 8888', name: '周先生', category: 'suggestion', summary: '建议营业厅延长周末营业时间', outcome: '已记录建议，转业务部门', followUp: true },
  { agent: 'agent08', minsAgo: 25, mins: 2, phone: '95588', name: '', category: 'query', summary: '查询积分余额', outcome: '已告知积分余额', followUp: false },
] as const;
