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
  'session.me': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({}),
    output: ActorSchema,
  }),
};
