import { z } from 'zod';
import { defineMethod } from '../api/method';
import { ActorSchema } from './roles';

export const sessionMethods = {
  'session.login': defineMethod({
    kind: 'session',
    access: 'public',
    input: z.object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
    }),
    output: z.object({ token: z.string(), actor: ActorSchema, expiresAt: z.string() }),
  }),
  'session.logout': defineMethod({
    kind: 'session',
    access: 'authenticated',
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
  }),
  /** Server only: ends every session of a user (a lost laptop, a leaver). Desks then need a new sign-in. */
  'session.revokeUser': defineMethod({
    kind: 'session',
    access: ['admin'],
    input: z.object({ userId: z.string().min(1).max(64) }),
    output: z.object({ revoked: z.number().int().nonnegative() }),
  }),
  'session.me': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({}),
    output: ActorSchema,
  }),
};
