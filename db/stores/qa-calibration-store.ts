import type { Kysely } from 'kysely';
import type { Calibration, CalibrationScore } from '../../shared/qa/calibration-schemas';
import type { QaPort } from '../../shared/qa/port';
import type { Answer, Comment, Critical } from '../../shared/qa/schemas';
import type { Database, QaCalibrationScoresTable, QaCalibrationsTable } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

type CalibrationPort = Pick<QaPort, 'calibration' | 'calibrations' | 'putCalibration' | 'calibrationScores' | 'calibrationScore' | 'putCalibrationScore'>;

const toCalibration = (r: Omit<QaCalibrationsTable, 'version'>): Calibration => ({
  id: r.id,
  callId: r.call_id,
  templateVersionId: r.template_version_id,
  ownerId: r.owner_id,
  participants: JSON.parse(r.participants) as string[],
  referenceId: r.reference_id ?? null,
  note: r.note,
  scored: JSON.parse(r.scored) as Calibration['scored'],
  status: r.status as Calibration['status'],
  closedAt: r.closed_at ?? null,
  closedBy: r.closed_by ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toScore = (r: Omit<QaCalibrationScoresTable, 'version'>): CalibrationScore => ({
  id: r.id,
  sessionId: r.session_id,
  inspectorId: r.inspector_id,
  answers: JSON.parse(r.answers) as Answer[],
  comments: JSON.parse(r.comments) as Comment[],
  details: r.details,
  score: Number(r.score),
  critical: r.critical as Critical,
  createdAt: r.created_at,
});

/** QA calibration sessions and their blind scores (migration 026), written through the Writer. */
export function qaCalibrationStore(db: Kysely<Database>, w: Writer): CalibrationPort {
  return {
    async calibration(id) {
      const r = await db.selectFrom('qa_calibrations').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toCalibration(r) : null;
    },
    async calibrations() {
      return (await db.selectFrom('qa_calibrations').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()).map(toCalibration);
    },
    async putCalibration(c) {
      await w.put('qa_calibrations', {
        id: c.id,
        call_id: c.callId,
        template_version_id: c.templateVersionId,
        owner_id: c.ownerId,
        participants: JSON.stringify(c.participants),
        reference_id: c.referenceId,
        note: c.note,
        scored: JSON.stringify(c.scored),
        status: c.status,
        closed_at: c.closedAt,
        closed_by: c.closedBy,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      });
    },
    async calibrationScores(o) {
      let qb = whereInScope(db.selectFrom('qa_calibration_scores').selectAll(), o.scope, 'qa_calibration_scores');
      if (o.sessionIds) qb = qb.where('session_id', 'in', o.sessionIds.length > 0 ? [...o.sessionIds] : ['']);
      return (await qb.orderBy('created_at').orderBy('id').execute()).map(toScore);
    },
    async calibrationScore(id) {
      const r = await db.selectFrom('qa_calibration_scores').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toScore(r) : null;
    },
    async putCalibrationScore(s) {
      await w.put('qa_calibration_scores', {
        id: s.id,
        session_id: s.sessionId,
        inspector_id: s.inspectorId,
        answers: JSON.stringify(s.answers),
        comments: JSON.stringify(s.comments),
        details: s.details,
        score: s.score,
        critical: s.critical,
        created_at: s.createdAt,
      });
    },
  };
}
