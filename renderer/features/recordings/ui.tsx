import { defineUi, inboxLines } from '../../app/ui-domain';

/** Recordings live in the call detail (features/calls/CallDetail.tsx): no menu area of their own. */
export const recordingsUi = defineUi({
  inbox: inboxLines({
    'recordings.attach': { area: 'calls', what: ({ t }, a) => `${t('method.recordings.attach')} · ${a.fileName || t('rec.noName')}` },
  }),
});
