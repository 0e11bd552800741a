import { App, Select } from 'antd';
import { VALUE_TAGS, type ValueTag } from '../../../shared/customers/schemas';
import { errorText } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';

/** A lead sets a customer's value tier (customer.value-tiers) right in the directory row. */
export function TagPicker({ phone, value }: { phone: string; value: ValueTag | null }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const set = async (tag: ValueTag) => {
    try {
      await client.call('customers.setTag', { phone, tag });
      void message.success(t('customers.tagSaved', { tag: t(`customers.tag.${tag}`) }));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };
  return (
    <Select<ValueTag>
      size="small"
      style={{ width: 120 }}
      value={value ?? undefined}
      placeholder={t('customers.tag.none')}
      onChange={(v) => void set(v)}
      options={VALUE_TAGS.map((v) => ({ value: v, label: t(`customers.tag.${v}`) }))}
      data-testid="tag-picker"
    />
  );
}
