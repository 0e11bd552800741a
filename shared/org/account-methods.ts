import { z } from 'zod';
import { Id } from '../api/fields';
import { defineMethod } from '../api/method';
import { NewPersonSchema, PasswordSchema, PersonSchema, passwordProblems, refineNotUsername } from './schemas';

/**
 * Accounts carry passwords, so they are `online`: the central server runs them and desks receive the
 * people by sync. A password never waits in a desk's outbox. A password an administrator chose (a new
 * person, an import's initial one, a reset) must be changed at that person's next sign-in
 * (`session.changePassword`): someone else knows it.
 */
export const accountMethods = {
  'org.createPerson': defineMethod({
    kind: 'online',
    audit: true,
    access: ['admin'],
    input: z.object({ person: NewPersonSchema, password: PasswordSchema }).superRefine((v, ctx) => refineNotUsername(ctx, v.password, v.person.username, ['password'])),
    output: PersonSchema,
  }),
  /** All or nothing: existing usernames are updated, new ones created with `initialPassword`. */
  'org.importPeople': defineMethod({
    kind: 'online',
    audit: true,
    access: ['admin'],
    input: z
      .object({ people: z.array(NewPersonSchema).min(1).max(5000), initialPassword: PasswordSchema.nullable() })
      // One initial password for everyone: it may be nobody's username.
      .superRefine((v, ctx) => {
        const clash = v.people.find((p) => v.initialPassword !== null && passwordProblems(v.initialPassword, p.username).includes('err.passwordIsUsername'));
        if (clash) refineNotUsername(ctx, v.initialPassword, clash.username, ['initialPassword']);
      }),
    output: z.object({ created: z.number().int(), updated: z.number().int() }),
  }),
  'org.setPassword': defineMethod({
    kind: 'online',
    audit: true,
    access: ['admin'],
    input: z.object({ userId: Id(), password: PasswordSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
