import { Space, Tag, Typography } from 'antd';
import type { Issue } from '../../../shared/briefing/schemas';
import { useT } from '../../i18n/i18n-store';

/** A common issue as it is briefed: what was seen, what to say instead, and what it is about (qa.criteria). */
export function IssueText({ issue }: { issue: Pick<Issue, 'title' | 'seen' | 'sayInstead' | 'criterion'> }) {
  const t = useT();
  return (
    <div style={{ marginTop: 2 }}>
      <Space size={6} wrap>
        <Typography.Text strong>{issue.title}</Typography.Text>
        {issue.criterion && <Tag>{t(`issues.criterion.${issue.criterion}`)}</Tag>}
      </Space>
      <div style={{ whiteSpace: 'pre-wrap' }}>
        <Typography.Text type="secondary">{t('issues.seen')}</Typography.Text> {issue.seen}
      </div>
      <div style={{ whiteSpace: 'pre-wrap' }}>
        <Typography.Text type="secondary">{t('issues.sayInstead')}</Typography.Text> {issue.sayInstead}
      </div>
    </div>
  );
}
