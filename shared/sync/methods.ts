import { z } from 'zod';
import { Id, Instant } from '../api/fields';
import { defineMethod } from '../api/method';
import { WireErrorSchema } from '../api/wire-error';
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

/** Refusals per page when the caller does not say (the renderer's list and badge), and at most. */
export const INBOX_PAGE = 100;
export const INBOX_PAGE_MAX = 500;

/**
 * One page of the inbox, newest first: `before` is the last item of the previous page (its `createdAt`,
 * `clientId` and `mutationId`), so a page boundary never skips or repeats refusals recorded at one instant.
 */
export const InboxPageSchema = z.object({
  limit: z.number().int().min(1).max(INBOX_PAGE_MAX).default(INBOX_PAGE),
  before: z.object({ createdAt: Instant, clientId: Id(), mutationId: z.number().int().min(0).max(2_147_483_647) }).optional(),
});
export type InboxPage = z.output<typeof InboxPageSchema>;

export const syncMethods = {
  /** Public: the sign-in page shows whether the central server is reachable (nothing in it names a person). */
  'sync.status': defineMethod({ kind: 'local', access: 'public', input: z.object({}), output: SyncStatusSchema }),
  /** Actions the server refused, for the signed-in person, until they dismiss them. */
  'sync.inbox': defineMethod({ kind: 'query', access: 'authenticated', input: InboxPageSchema, output: z.array(InboxItemSchema) }),
  'sync.dismiss': defineMethod({
    kind: 'local',
    access: 'authenticated',
    input: z.object({ clientId: Id(), mutationId: z.number().int().min(1).max(2_147_483_647) }),
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
