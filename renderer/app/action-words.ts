import { useMemo } from 'react';
import { useNames } from '../client/names';
import { useQuery } from '../client/use-query';
import { useI18n, useT } from '../i18n/i18n-store';
import type { InboxWords } from './ui-domain';

/** People, shifts and days as the reader says them, for action lines (inbox, audit log). */
export function useActionWords(): InboxWords {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const people = useQuery('org.directory', {}, { tables: ['users'] });
  // Calendar days are zone-less: format them as UTC so no zone moves them a day.
  const dayFmt = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }), [locale]);
  return {
    t,
    person: (id) => people.data?.find((p) => p.userId === id)?.displayName ?? t('inbox.someone'),
    shift: (code) => names.shift(code),
    day: (date) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? dayFmt.format(new Date(`${date}T00:00:00Z`)) : date),
  };
}
