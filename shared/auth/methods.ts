import { z } from 'zod';
import { defineMethod } from '../api/method';
import { ActorSchema } from './roles';
import { PasswordSchema } from '../org/schemas';

export const sessionMethods = {
  'session.login': defineMethod({
    kind: 'session',
    access: 'public',
    input: z.object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
      /** The desk asking: its token then works only with that desk's id (`<token>:<deskId>`). */
      deskId: z.uuid().optional(),
    }),
    /**
     * `mustChangePassword`: the password was set by an administrator (a new person, an import, a reset, a
     * center's demo): until `session.changePassword`, this session may do nothing else (err.mustChangePassword).
     */
    output: z.object({ token: z.string(), actor: ActorSchema, expiresAt: z.string(), mustChangePassword: z.boolean().default(false) }),
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
  /**
   * The signed-in person changes their own password (the current one proves it is them). `online`: the
   * central server runs it (a synced desk forwards it, a standalone desk is its own server; never queued).
   * Clears "must change", and ends the person's other sessions. The new password must meet
   * PasswordSchema, not be the username and differ from the current one.
   */
  'session.changePassword': defineMethod({
    kind: 'online',
    audit: true,
    access: 'authenticated',
    input: z.object({ currentPassword: z.string().min(1, { error: 'err.required' }).max(256), newPassword: PasswordSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'session.me': defineMethod({
    kind: 'query',
    access: 'authenticated',
    input: z.object({}),
    output: ActorSchema,
  }),
};
