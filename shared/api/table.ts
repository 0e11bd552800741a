import type { z } from 'zod';
import { sessionMethods } from '../auth/methods';
import { callMethods } from '../calls/methods';
import { deskMethods } from '../desk/methods';
import { syncMethods } from '../sync/methods';
import { policyMethods } from '../policy/methods';
import { rosterMethods } from '../roster/methods';
import { calendarMethods } from '../calendar/methods';
import { orgMethods } from '../org/methods';
import { accountMethods } from '../org/account-methods';
import { swapMethods } from '../swap/methods';
import { leaveMethods } from '../leave/methods';
import { disciplineMethods } from '../leave/discipline';
import { auditMethods } from '../audit/methods';
import type { MethodSpec } from './method';

/** The one method table: every transport, client type and handler type derives from it. */
export const api = {
  ...sessionMethods,
  ...deskMethods,
  ...callMethods,
  ...syncMethods,
  ...policyMethods,
  ...rosterMethods,
  ...calendarMethods,
  ...orgMethods,
  ...accountMethods,
  ...swapMethods,
  ...leaveMethods,
  ...disciplineMethods,
  ...auditMethods,
} as const satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export type MethodsOfKind<K extends MethodSpec['kind']> = {
  [M in MethodName]: Api[M]['kind'] extends K ? M : never;
}[MethodName];
