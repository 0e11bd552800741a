import { z } from 'zod';
import { defineMethod } from '../api/method';
import { NewPersonSchema, PasswordSchema, PersonSchema } from './schemas';

/**
 * Accounts carry passwords, so they are `online`: the central server runs them and desks receive the
 * people by sync. A password never waits in a desk's outbox.
 */
export const accountMethods = {
  'org.createPerson': defineMethod({
    kind: 'online',
    audit: true,
    access: ['admin'],
    input: z.object({ person: NewPersonSchema, password: PasswordSchema }),
    output: PersonSchema,
  }),
  /** All or nothing: existing usernames are updated, new ones created with `initialPassword`. */
  'org.importPeople': defineMethod({
    kind: 'online',
    audit: true,
    access: ['admin'],
    input: z.object({ people: z.array(NewPersonSchema).min(1).max(5000), initialPassword: PasswordSchema.nullable() }),
    output: z.object({ created: z.number().int(), updated: z.number().int() }),
  }),
  'org.setPassword': defineMethod({
    kind: 'online',
    audit: true,
    access: ['admin'],
    input: z.object({ userId: z.string().min(1).max(64), password: PasswordSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
