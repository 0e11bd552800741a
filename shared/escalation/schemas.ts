import { z } from 'zod';
import { Id, Text } from '../api/fields';

/** escalate.must-report: what must be reported at once (seeds/001 §Ⅱ 請示報告制度 1–5). */
export const ESCALATION_CATEGORIES = ['leak', 'accident', 'danger', 'beyond-remit', 'customer-trouble'] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number];

/** The levels above the floor, in chain-of-command order (agent → team lead → department director → center director). */
export const ESCALATION_LEVELS = ['team_lead', 'department_director', 'center_director'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_STATUSES = ['open', 'resolved', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const TIMELINE_KINDS = ['reported', 'instructed', 'acknowledged', 'forwarded', 'auto-forwarded', 'informed', 'resolved', 'closed'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One step of a report's history: who did what, when, at which level, naming the rules it applied. */
export const TimelineEventSchema = z.object({
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** Who acted; null for what the desk did itself (an automatic move up). */
  by: z.string().nullable(),
  /** The level the report went to (report, forward), was instructed at, or was informed afterwards. */
  level: z.enum(ESCALATION_LEVELS).nullable(),
  /** Instructions in full, a disagreement, a note. */
  text: z.string(),
  ruleIds: z.array(z.string()),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** escalate.emergency-skip: a level skipped in an emergency is informed afterwards; open until someone records it. */
export const FollowUpSchema = z.object({
  level: z.enum(ESCALATION_LEVELS),
  done: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

const Body = (max: number) => Text(max, { required: true, multiline: true });

export const ReportInputSchema = z.object({
  id: z.uuid(),
  category: z.enum(ESCALATION_CATEGORIES),
  summary: Body(2000),
  /** escalate.proposal: required; the handler refuses it empty naming the rule (the schema would not). */
  proposal: Text(2000, { multiline: true }),
  /** A call this is about (calls.id), if any. */
  callId: Id().nullable().default(null),
  /** Whom it goes to: a person of the reporter's chain, normally the next level up. */
  toId: Id(),
  emergency: z.boolean().default(false),
  /** The raised hand (举手) this report formalises, if any: it is closed and linked to the report. */
  helpId: Id().nullable().default(null),
});

export const EscalationSchema = z.object({
  id: z.string(),
  reporterId: z.string(),
  reporterName: z.string(),
  reporterRole: z.string(),
  teamId: z.string().nullable(),
  category: z.enum(ESCALATION_CATEGORIES),
  summary: z.string(),
  proposal: z.string(),
  callId: z.string().nullable(),
  emergency: z.boolean(),
  status: z.enum(ESCALATION_STATUSES),
  /** The one level holding the report now, and the person it was addressed to there (null: anyone at that level). */
  holderLevel: z.enum(ESCALATION_LEVELS),
  holderId: z.string().nullable(),
  /** Since when the current level holds it: its response timer runs from here. */
  levelSince: z.string(),
  timeline: z.array(TimelineEventSchema),
  followUps: z.array(FollowUpSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  actedOfflineAt: z.string().nullable(),
  synced: z.boolean(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

/** Settled reports a page of the board holds; open ones (and any with a follow-up to record) always come whole. */
export const ESCALATION_PAGE = 100;
export const ESCALATION_STATUS_FILTERS = ['any', ...ESCALATION_STATUSES] as const;

/** Where a page of settled reports ended (newest first: made earlier, or at the same instant with a larger id). */
export const EscalationCursorSchema = z.object({ createdAt: z.string().max(40), id: z.string().max(64) });
export type EscalationCursor = z.infer<typeof EscalationCursorSchema>;

/**
 * The board's query. Without `after`: every live report (open, or with a follow-up still to record) matching
 * the filter, then the newest settled ones, at most `limit`. With `after`: only the settled ones after it.
 */
export const EscalationListSchema = z.object({
  status: z.enum(ESCALATION_STATUS_FILTERS).default('any'),
  limit: z.number().int().min(1).max(500).default(ESCALATION_PAGE),
  after: EscalationCursorSchema.optional(),
});
export type EscalationListQuery = z.output<typeof EscalationListSchema>;

/** Live: waits on someone (open), or a level passed over still has to record that it was informed. */
export const isLiveReport = (e: Pick<Escalation, 'status' | 'followUps'>) => e.status === 'open' || e.followUps.some((f) => !f.done);

/** Whose move it is on an open report. */
export const TURNS = ['holder', 'reporter', 'none'] as const;

export const EscalationViewSchema = EscalationSchema.extend({
  /** Whose move it is; the timeline already includes automatic moves up that no write has recorded yet. */
  turn: z.enum(TURNS),
  /** The reader may act as the holder / as the reporter / record a follow-up as informed. */
  mine: z.object({ asHolder: z.boolean(), asReporter: z.boolean(), followUps: z.array(z.enum(ESCALATION_LEVELS)) }),
  /** When the current level must respond by (null once it has), and when the report must be resolved by. */
  respondBy: z.string().nullable(),
  resolveBy: z.string(),
  /** A deadline is near (within the policy's warning) or passed. */
  timer: z.enum(['ok', 'warning', 'breached', 'none']),
});
export type EscalationView = z.infer<typeof EscalationViewSchema>;

export const ChainStepSchema = z.object({
  level: z.enum(ESCALATION_LEVELS),
  people: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});
