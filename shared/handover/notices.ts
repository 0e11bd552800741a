import { z } from 'zod';
import { CalendarDay, Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** Notices (通告): business changes, offers, urgent matters, to be read before taking calls (handover.read-notices). */
export const NOTICE_KINDS = ['business', 'offer', 'urgent'] as const;

export const NoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  publishedBy: z.string(),
  publishedByName: z.string(),
  publishedAt: z.string(),
  /** When the reader read it; null: unread. */
  readAt: z.string().nullable(),
  /** For leads and directors: who of the people they watch has not read it yet (names). */
  unread: z.array(z.string()),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticeReadSchema = z.object({ id: z.string(), noticeId: z.string(), userId: z.string(), userName: z.string(), teamId: z.string().nullable(), readAt: z.string() });
export type NoticeRead = z.infer<typeof NoticeReadSchema>;

const PUBLISHERS = ['team_lead', 'department_director', 'center_director'] as const;
const READERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;

export const noticeMethods = {
  'notice.publish': defineMethod({
    kind: 'mutation',
    access: PUBLISHERS,
    input: z.object({ id: z.uuid(), kind: z.enum(NOTICE_KINDS), title: Text(80, { required: true }), body: Text(2000, { required: true, multiline: true }) }),
    output: NoticeSchema,
  }),
  /** Records that the reader read it (once; reading again changes nothing). */
  'notice.read': defineMethod({ kind: 'mutation', access: READERS, input: z.object({ id: Id() }), output: NoticeSchema }),
  /** Notices from a day on, newest first, each with the reader's receipt; and the receipts in the reader's scope. */
  'notice.list': defineMethod({ kind: 'query', access: READERS, input: z.object({ from: CalendarDay }), output: z.object({ notices: z.array(NoticeSchema), reads: z.array(NoticeReadSchema) }) }),
};

/** Notices go to everyone who works the floor (not QA or the admin); receipts to the reader, their team lead and the directors. */
export const noticeTables = syncedTables({
  notices: { pk: 'id', privateColumns: [], scope: { agent: everything, team_lead: everything, qa_inspector: nothing, department_director: everything, center_director: everything, admin: nothing } },
  notice_reads: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: ownRows('user_id'), team_lead: teamRows('team_id', ownRows('user_id')), qa_inspector: nothing, department_director: everything, center_director: everything, admin: nothing },
  },
});
