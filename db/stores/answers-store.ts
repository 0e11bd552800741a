import type { Kysely } from 'kysely';
import type { AnswersPort, AnswerRow, StoredAnswer } from '../../shared/answers/port';
import type { AnswerAck } from '../../shared/answers/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function answersStore(db: Kysely<Database>, w: Writer): AnswersPort {
  const answerQ = () => db.selectFrom('answers').selectAll('answers');
  type ARow = Awaited<ReturnType<ReturnType<typeof answerQ>['executeTakeFirstOrThrow']>>;
  /** Rows with the names of everyone they mention (publisher, each version's writer, who withdrew). */
  const toAnswers = async (rows: ARow[]): Promise<StoredAnswer[]> => {
    const parsed = rows.map((r) => ({ r, history: JSON.parse(r.history) as AnswerRow['history'] }));
    const ids = new Set(parsed.flatMap(({ r, history }) => [r.published_by, r.revised_by, ...(r.withdrawn_by ? [r.withdrawn_by] : []), ...history.map((v) => v.by)]));
    const names = new Map(ids.size ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute()).map((u) => [u.id, u.display_name]) : []);
    const name = (id: string) => names.get(id) ?? id;
    return parsed.map(({ r, history }) => ({
      id: r.id,
      title: r.title,
      question: r.question,
      answer: r.answer,
      keywords: JSON.parse(r.keywords) as string[],
      categories: JSON.parse(r.categories) as AnswerRow['categories'],
      meetingDate: r.meeting_date,
      meetingWeek: r.meeting_week,
      revision: Number(r.revision),
      status: r.status as AnswerRow['status'],
      publishedBy: r.published_by,
      publishedByName: name(r.published_by),
      publishedAt: r.published_at,
      revisedBy: r.revised_by,
      revisedByName: name(r.revised_by),
      revisedAt: r.revised_at,
      note: r.note,
      withdrawnAt: r.withdrawn_at,
      withdrawnBy: r.withdrawn_by,
      withdrawnByName: r.withdrawn_by ? name(r.withdrawn_by) : null,
      withdrawReason: r.withdraw_reason,
      history: history.map((v) => ({ ...v, byName: name(v.by) })),
      synced: Number(r.version) > 0,
    }));
  };
  const ackQ = () => db.selectFrom('answer_acks').leftJoin('users', 'users.id', 'answer_acks.user_id').selectAll('answer_acks').select('users.display_name');
  type KRow = Awaited<ReturnType<ReturnType<typeof ackQ>['executeTakeFirstOrThrow']>>;
  const toAck = (r: KRow): AnswerAck => ({ id: r.id, answerId: r.answer_id, revision: Number(r.revision), userId: r.user_id, userName: r.display_name ?? r.user_id, teamId: r.team_id, ackedAt: r.acked_at });
  return {
    async get(id) {
      const r = await answerQ().where('id', '=', id).executeTakeFirst();
      return r ? (await toAnswers([r]))[0]! : null;
    },
    async put(a) {
      await w.put('answers', {
        id: a.id,
        title: a.title,
        question: a.question,
        answer: a.answer,
        keywords: JSON.stringify(a.keywords),
        categories: JSON.stringify(a.categories),
        meeting_date: a.meetingDate,
        meeting_week: a.meetingWeek,
        revision: a.revision,
        status: a.status,
        published_by: a.publishedBy,
        published_at: a.publishedAt,
        revised_by: a.revisedBy,
        revised_at: a.revisedAt,
        note: a.note,
        withdrawn_at: a.withdrawnAt,
        withdrawn_by: a.withdrawnBy,
        withdraw_reason: a.withdrawReason,
        history: JSON.stringify(a.history),
      });
    },
    async list() {
      return toAnswers(await answerQ().orderBy('published_at', 'desc').orderBy('id').limit(2000).execute());
    },
    async acks(answerId) {
      let q = ackQ();
      if (answerId) q = q.where('answer_acks.answer_id', '=', answerId);
      return (await q.execute()).map(toAck);
    },
    async addAck(a) {
      await w.put('answer_acks', { id: a.id, answer_id: a.answerId, revision: a.revision, user_id: a.userId, team_id: a.teamId, acked_at: a.ackedAt });
    },
    async listAcks(o) {
      return (await whereInScope(ackQ(), o.scope, 'answer_acks').orderBy('answer_acks.acked_at', 'desc').limit(20000).execute()).map(toAck);
    },
  };
}
