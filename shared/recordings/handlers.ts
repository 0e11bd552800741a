import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { scopeFor } from '../sync/scope';
import type { recordingMethods } from './methods';
import { mayAttach } from './rules';

type M = typeof recordingMethods;

const unknownCall = (id: string) => new DeskError({ code: 'not_found', message: 'No such call', fields: [{ path: 'callId', code: 'err.unknownCall', message: id }] });

/**
 * Metadata only: the bytes were read (type sniffed, hash and size computed) by the host before this runs, and
 * reach the server through its upload route. Stored at once where this store already holds those bytes.
 */
export const attachRecording: Handler<M['recordings.attach']> = async (ctx, input) => {
  const call = await ctx.store.calls.get(input.callId, scopeFor(ctx.actor, 'calls'));
  if (!call) throw unknownCall(input.callId);
  if (!mayAttach(ctx.actor, call))
    throw new DeskError({ code: 'forbidden', message: 'Not yours to attach', ruleIds: ['recording.rights'], params: { agent: call.agentName }, fields: [{ path: 'callId', code: 'err.recordingRights', message: call.agentName }] });
  if (await ctx.store.recordings.get(input.id))
    throw new DeskError({ code: 'conflict', message: 'A recording with this id exists', fields: [{ path: 'id', code: 'err.duplicate', message: 'Already attached' }] });
  const current = (await ctx.store.recordings.list({ callId: input.callId })).find((r) => r.replacedBy === null);
  if (current && input.replaces !== current.id)
    throw new DeskError({ code: 'conflict', message: 'The call already has a recording', ruleIds: ['recording.one-per-call'], params: { current: current.id }, fields: [{ path: 'replaces', code: 'err.oneRecordingPerCall', message: current.id }] });
  if (!current && input.replaces !== undefined) throw new DeskError({ code: 'conflict', message: 'Nothing to replace', ruleIds: ['recording.one-per-call'], fields: [{ path: 'replaces', code: 'err.nothingToReplace', message: input.replaces }] });
  await ctx.store.recordings.put({
    id: input.id,
    callId: call.id,
    agentId: call.agentId,
    teamId: call.teamId,
    sha256: input.sha256,
    mimeType: input.mimeType,
    sizeBytes: input.sizeBytes,
    durationSec: input.durationSec,
    fileName: input.fileName,
    uploadedBy: ctx.actor.userId,
    uploadedAt: ctx.now,
    state: (await ctx.store.recordings.hasContent(input.sha256)) ? 'stored' : 'pending',
    replacedBy: null,
  });
  if (current) await ctx.store.recordings.markReplaced(current.id, input.id);
  const saved = await ctx.store.recordings.get(input.id);
  if (!saved) throw new Error('recording vanished inside its own transaction');
  return saved;
};

export const listRecordings: Handler<M['recordings.list']> = async (ctx, input) => ctx.store.recordings.list({ callId: input.callId, scope: scopeFor(ctx.actor, 'recordings'), limit: input.limit });

export const getRecording: Handler<M['recordings.get']> = async (ctx, input) => {
  const r = await ctx.store.recordings.get(input.id, scopeFor(ctx.actor, 'recordings'));
  if (!r) throw new DeskError({ code: 'not_found', message: 'No such recording', fields: [{ path: 'id', code: 'err.unknownRecording', message: input.id }] });
  return r;
};

export const recordingHandlers = { 'recordings.attach': attachRecording, 'recordings.get': getRecording, 'recordings.list': listRecordings };
