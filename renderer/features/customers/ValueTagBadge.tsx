import { Tag } from 'antd';
import type { ValueTag } from '../../../shared/customers/schemas';
import { useT } from '../../i18n/i18n-store';

const COLORS: Record<ValueTag, string> = { mvc: 'gold', mgc: 'green', other: 'default' };

/** A customer's value tier (seed 003) as agents read it on a call. */
export function ValueTagBadge({ tag }: { tag: ValueTag | null }) {
  const t = useT();
  if (!tag) return null;
  return (
    <Tag color={COLORS[tag]} data-testid="value-tag">
      {t(`customers.tag.${tag}`)}
    </Tag>
  );
}
