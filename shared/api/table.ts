import type { z } from 'zod';
import { merged } from '../domains';
import type { MethodSpec } from './method';

/** The one method table, composed from the domains (shared/domains.ts): every transport, client type and handler type derives from it. */
export const api = merged('methods');

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
