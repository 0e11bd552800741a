import { defineMessages } from '../../i18n/define-messages';

/** The notification centre's own words (each domain words its notices in its own messages.ts). */
export const notifyMessages = defineMessages({
  'zh-CN': {
    'notify.bell': '通知（{count} 条未读）',
    'notify.title': '等你处理',
    'notify.none': '没有等你处理的事项',
    'notify.markAllRead': '全部标为已读',
    'notify.many': '有 {count} 件事等你处理',
    'notify.unread': '未读',
  },
  'zh-TW': {
    'notify.bell': '通知（{count} 則未讀）',
    'notify.title': '等你處理',
    'notify.none': '沒有等你處理的事項',
    'notify.markAllRead': '全部標為已讀',
    'notify.many': '有 {count} 件事等你處理',
    'notify.unread': '未讀',
  },
  en: {
    'notify.bell': 'Notifications ({count} unread)',
    'notify.title': 'Waiting for you',
    'notify.none': 'Nothing waits for you',
    'notify.markAllRead': 'Mark all read',
    'notify.many': '{count} things wait for you',
    'notify.unread': 'Unread',
  },
});
