import { z } from 'zod';
import { defineMethod } from '../api/method';
import { WireErrorSchema } from './protocol';
import { SyncStatusSchema } from './status';

export const InboxItemSchema = z.object({
  clientId: z.string(),
  mutationId: z.number().int(),
  name: z.string(),
  args: z.unknown(),
  actedAt: z.string(),
  error: WireErrorSchema,
  createdAt: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const syncMethods = {
  /** Public: the sign-in page shows whether the central server is reachable (nothing in it names a person). */
  'sync.status': defineMethod({ kind: 'local', access: 'public', input: z.object({}), output: SyncStatusSchema }),
  /** Actions the server refused, for the signed-in person, until they dismiss them. */
  'sync.inbox': defineMethod({ kind: 'query', access: 'authenticated', input: z.object({}), output: z.array(InboxItemSchema) }),
  'sync.dismiss': defineMethod({
    kind: 'local',
    access: 'authenticated',
    input: z.object({ clientId: z.string().max(64), mutationId: z.number().int().min(1) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.now': defineMethod({ kind: 'local', access: 'authenticated', input: z.object({}), output: SyncStatusSchema }),
  /** Which central server this desk syncs with (null: work standalone). A desk setting, so admins only. */
  'sync.setServer': defineMethod({
    kind: 'local',
    access: ['admin'],
    input: z.object({ url: z.url({ protocol: /^https?$/, error: 'err.url' }).max(300).nullable() }),
    output: SyncStatusSchema,
  }),
};
