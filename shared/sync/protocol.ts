import { z } from 'zod';
import type { WireError } from '../api/errors';
import { instantInBounds } from '../api/fields';
import { SYNCED_TABLE_NAMES, type SyncedTable } from './registry';
import { WireErrorSchema } from '../api/wire-error';

export const MAX_PUSH_BATCH = 500;
export const DEFAULT_PULL_LIMIT = 1000;

/** Mutation ids are stored as 32-bit integers (PostgreSQL `integer`): a larger one is malformed, not a 500. */
export const MAX_MUTATION_ID = 2_147_483_647;

const HLC_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#(\d{4,})#([\w-]{1,36})$/;

/**
 * The act time a stamp stands for (ms), or null when it is no real instant within the bounds every date field
 * keeps to: malformed, an impossible date (2026-02-30, which Date.parse reads as March 2), the year 9999.
 */
export function stampActTime(stamp: string): number | null {
  const m = HLC_RE.exec(stamp);
  if (!m) return null;
  const wall = Date.parse(m[1]!);
  return Number.isFinite(wall) && instantInBounds(wall) && new Date(wall).toISOString() === m[1] ? wall : null;
}

/**
 * One pushed mutation. Its name and act time are judged one by one (push.ts): a mutation with an impossible act
 * time or an unknown name is refused on its own, recorded and advancing the client, never failing the batch.
 */
export const PushMutationSchema = z.object({
  id: z.number().int().min(1).max(MAX_MUTATION_ID),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  actedAt: z.string().max(200),
});
export type PushMutation = z.infer<typeof PushMutationSchema>;

export const PushRequestSchema = z.strictObject({
  clientId: z.uuid(),
  mutations: z.array(PushMutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

// The error shape lives with the API's (shared/api/wire-error.ts): sync's methods need it without this file's
// patch schema, which is derived from the domain registry those methods belong to.
export { WireErrorSchema };

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

/** The longest cookie a pull request may carry (the server keeps its own within it). */
export const MAX_COOKIE_CHARS = 200;

export const PullRequestSchema = z.strictObject({
  clientId: z.uuid(),
  // Anything but `<version>|<scope key>` with a version the database can compare reads as no cookie (a reset).
  cookie: z
    .string()
    .max(MAX_COOKIE_CHARS)
    .overwrite((c) => (/^\d{1,15}\|/.test(c) ? c : ''))
    .nullable(),
  /** The highest mutation id whose outcome this desk already knows; rejections after it are returned. */
  sinceMutationId: z.number().int().min(0).max(MAX_MUTATION_ID),
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
  /** The time windows this pull kept to: the desk lets go of rows that fell out of them (shared/sync/windows.ts). */
  windows: z.array(z.object({ table: z.enum(SYNCED_TABLE_NAMES as [SyncedTable, ...SyncedTable[]]), column: z.string(), from: z.string() })).optional(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
