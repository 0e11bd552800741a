import { z } from 'zod';
import { ERROR_CODES, type WireError } from '../api/errors';
import { SYNCED_TABLE_NAMES, type SyncedTable } from './registry';

export const MAX_PUSH_BATCH = 500;
export const DEFAULT_PULL_LIMIT = 1000;

const HlcStamp = z.string().max(80).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#\d{4,}#[\w-]{1,36}$/, { error: 'not an HLC stamp' });

export const PushMutationSchema = z.object({
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  actedAt: HlcStamp,
});
export type PushMutation = z.infer<typeof PushMutationSchema>;

export const PushRequestSchema = z.strictObject({
  clientId: z.uuid(),
  mutations: z.array(PushMutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  ruleIds: z.array(z.string()).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  checks: z.array(z.object({ ruleId: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })).optional(),
});

export const PushResultSchema = z.object({
  id: z.number().int(),
  status: z.enum(['applied', 'rejected', 'skipped']),
  error: WireErrorSchema.optional(),
  /** Already processed before: the outcome is the one it had then (idempotent replay). */
  duplicate: z.boolean().optional(),
});

export const PushResponseSchema = z.object({
  lastMutationId: z.number().int(),
  results: z.array(PushResultSchema),
});
export type PushResponse = { lastMutationId: number; results: { id: number; status: 'applied' | 'rejected' | 'skipped'; error?: WireError; duplicate?: boolean }[] };

export const PullRequestSchema = z.strictObject({
  clientId: z.uuid(),
  cookie: z.string().max(200).nullable(),
  /** The highest mutation id whose outcome this desk already knows; rejections after it are returned. */
  sinceMutationId: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000).default(DEFAULT_PULL_LIMIT),
});
export type PullRequest = z.input<typeof PullRequestSchema>;

const RowsSchema = z.array(z.record(z.string(), z.unknown()));
/** One list of rows per synced table, derived from the registry. */
const PatchSchema = z.object(Object.fromEntries(SYNCED_TABLE_NAMES.map((t) => [t, RowsSchema])) as Record<SyncedTable, typeof RowsSchema>);
export type Patch = z.infer<typeof PatchSchema>;
export const emptyPatch = (): Patch => Object.fromEntries(SYNCED_TABLE_NAMES.map((t) => [t, []])) as unknown as Patch;

export const PullResponseSchema = z.object({
  cookie: z.string(),
  /** True when the desk must drop its synced rows first (first sync, or its scope changed). */
  reset: z.boolean(),
  lastMutationId: z.number().int(),
  patch: PatchSchema,
  rejections: z.array(
    z.object({ mutationId: z.number().int(), name: z.string(), args: z.unknown(), actedAt: z.string(), error: WireErrorSchema }),
  ),
  more: z.boolean(),
  /** Rows this pull sequence will deliver in all (for progress on a first sync). */
  total: z.number().int(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
