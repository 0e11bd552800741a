import type { RowScope } from '../sync/scope-rules';
import type { Answer, AnswerAck, AnswerVersion } from './schemas';

/** An answer as stored: the current version, its earlier ones (names resolved on reading), who withdrew it. */
export type AnswerRow = Omit<Answer, 'publishedByName' | 'revisedByName' | 'withdrawnByName' | 'history' | 'ackedAt' | 'ackedRevision' | 'missing' | 'expected' | 'synced'> & {
  withdrawnBy: string | null;
  history: Omit<AnswerVersion, 'byName'>[];
};

/** As read back: with the people's names and whether the server has it yet. */
export type StoredAnswer = Omit<AnswerRow, 'history'> & Pick<Answer, 'publishedByName' | 'revisedByName' | 'withdrawnByName' | 'history' | 'synced'>;

export interface AnswersPort {
  get(id: string): Promise<StoredAnswer | null>;
  put(row: AnswerRow): Promise<void>;
  /** Every answer this store holds, newest first. */
  list(): Promise<StoredAnswer[]>;
  /** Every acknowledgement this store holds (of one answer, or of all). */
  acks(answerId: string | null): Promise<AnswerAck[]>;
  addAck(a: Omit<AnswerAck, 'userName'>): Promise<void>;
  listAcks(o: { scope: RowScope }): Promise<AnswerAck[]>;
}
