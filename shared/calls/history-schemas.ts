import { z } from 'zod';
import { Id, Instant, Text } from '../api/fields';
import { ValueTagSchema } from '../customers/schemas';
import { CallCategorySchema, CallRecordSchema } from './schemas';

export const FOLLOW_UP_FILTERS = ['any', 'yes', 'no'] as const;

/**
 * The call history's filters. Every one narrows what the reader's scope already allows (an agent's own
 * calls, a lead's team's, the center's): a filter can never widen it.
 */
/** Where a page ended: the next one starts after this call (newest first: started earlier, or same start and smaller id). */
export const CallCursorSchema = z.object({ startedAt: Instant, id: Id() });
export type CallCursor = z.infer<typeof CallCursorSchema>;

const callFilters = {
  from: Instant,
  to: Instant,
  agentId: Id().optional(),
  teamId: Id().optional(),
  category: CallCategorySchema.optional(),
  /** Words in the outcome ("已解决", "转二线"): outcomes are free text, so this is a contains match. */
  outcome: Text(64).default(''),
  followUp: z.enum(FOLLOW_UP_FILTERS).default('any'),
  /** Phone, name, summary or outcome, as in today's list. */
  q: Text(64).default(''),
};

export const CallHistoryInputSchema = z
  .object({
    ...callFilters,
    /** Page by keys: start after this call (then `offset` counts from there). Deep pages stay as fast as the first. */
    after: CallCursorSchema.optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ['to'], error: 'err.range' });
export type CallHistoryInput = z.input<typeof CallHistoryInputSchema>;
export type CallHistoryFilter = z.output<typeof CallHistoryInputSchema>;

/** Where a search's answer came from: the central server (every call in the reader's scope) or this desk's replica. */
export const SEARCH_SOURCES = ['center', 'replica'] as const;

export const CallPageSchema = z.object({
  items: z.array(CallRecordSchema),
  /** All calls the filters match (the pages together). */
  total: z.number().int().nonnegative(),
  /** Answered by the server (every call) or, offline, by this desk's copy, which holds only the recent weeks. */
  source: z.enum(SEARCH_SOURCES).optional(),
});

/** "Has this caller called before?", asked while the phone is typed. */
export const CallerLookupInputSchema = z.object({
  phone: Text(32, { required: true }),
  /** The call being logged (its draft id), so a saved draft does not count as "before". */
  excludeId: z.uuid().optional(),
  limit: z.number().int().min(1).max(20).default(5),
});

export const CallerHistorySchema = z.object({
  /** The normalised number matched on (digits only, no country code). */
  key: z.string(),
  /** Every call from this number the reader may see. */
  count: z.number().int().nonnegative(),
  recent: z.array(CallRecordSchema),
  /** The customer's value tier (seed 003), when a lead has tagged them. */
  valueTag: ValueTagSchema.nullable(),
});

/** The dashboard's call figures for a period: per category, per hour of the center's day, follow-ups asked. */
export const CallStatsInputSchema = z.object({ from: Instant, to: Instant }).refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ['to'], error: 'err.range' });
export const CallStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  byCategory: z.record(CallCategorySchema, z.number().int().nonnegative()),
  /** 24 counts, hour 0–23 on the center's clock. */
  byHour: z.array(z.number().int().nonnegative()).length(24),
  followUps: z.number().int().nonnegative(),
});
export type CallStats = z.infer<typeof CallStatsSchema>;

/**
 * A query under three characters has no trigram for an index to look up: it is answered by walking the calls
 * newest first, so it looks at the last this many days of the range (the page says so; a third character
 * searches all of it). docs/DECISIONS.md, "Searching calls".
 */
export const SHORT_QUERY_CHARS = 3;
export const SHORT_QUERY_DAYS = 31;

/** The first instant a search looks at: `from`, or for a short query the last SHORT_QUERY_DAYS of the range. */
export function searchFrom(input: { from: string; to: string; q: string }): string {
  const q = input.q.trim();
  if (q.length === 0 || [...q].length >= SHORT_QUERY_CHARS) return input.from;
  const bound = new Date(Date.parse(input.to) - SHORT_QUERY_DAYS * 86_400_000).toISOString();
  return Date.parse(bound) > Date.parse(input.from) ? bound : input.from;
}

/** A search counts its matches up to this many, then says "more than". */
export const SEARCH_COUNT_CAP = 1000;

/** The center-wide search: the history's filters, paged by keys only (no offsets over a million calls). */
export const CallSearchInputSchema = z
  .object({ ...callFilters, after: CallCursorSchema.optional(), limit: z.number().int().min(1).max(100).default(20) })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ['to'], error: 'err.range' });
export type CallSearchInput = z.input<typeof CallSearchInputSchema>;

export const CallSearchPageSchema = z.object({
  items: z.array(CallRecordSchema),
  /** The cursor of the next page; null on the last one. */
  next: CallCursorSchema.nullable(),
  /** Matches counted, up to SEARCH_COUNT_CAP; `capped`: there are more. */
  total: z.number().int().nonnegative(),
  capped: z.boolean(),
  source: z.enum(SEARCH_SOURCES),
  /** Where the search began: `from`, or later when a short query was bounded (SHORT_QUERY_DAYS). */
  searchedFrom: z.string(),
});
export type CallSearchPage = z.infer<typeof CallSearchPageSchema>;
