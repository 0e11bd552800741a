import type { Handler } from '../api/method';
import type { auditMethods } from './methods';

type M = typeof auditMethods;

export const listAudit: Handler<M['audit.list']> = async (ctx, input) => ctx.store.audit.list(input);
export const verifyAudit: Handler<M['audit.verify']> = async (ctx) => ctx.store.audit.verify();

export const auditHandlers = { 'audit.list': listAudit, 'audit.verify': verifyAudit };
