import { z } from 'zod';
import { defineMethod } from '../api/method';

export const DeskInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  clientId: z.string(),
  pendingMutations: z.number().int().nonnegative(),
  /** Only shown to admins: where this desk keeps its data. */
  dataPath: z.string().nullable(),
});

export const deskMethods = {
  'desk.info': defineMethod({
    kind: 'local',
    access: 'authenticated',
    input: z.object({}),
    output: DeskInfoSchema,
  }),
};
