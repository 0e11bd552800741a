import { z } from 'zod';
import { Id, Text } from '../api/fields';

/**
 * Live help (举手): during a call an agent raises a hand; the duty team lead acknowledges, may take the call
 * over; either closes it; the agent may turn it into a formal report afterwards (escalation.report `helpId`).
 */
export const HELP_STATUSES = ['raised', 'acknowledged', 'taken-over', 'closed'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

export const RaiseHandSchema = z.object({
  id: z.uuid(),
  /** The call in progress, when the agent has one open. */
  callId: Id().nullable().default(null),
  note: Text(500, { multiline: true }).default(''),
});

export const HelpSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  teamId: z.string().nullable(),
  callId: z.string().nullable(),
  note: z.string(),
  status: z.enum(HELP_STATUSES),
  /** The lead who answered, and when. */
  leadId: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedNote: z.string(),
  /** The formal report it became, if any. */
  reportId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  synced: z.boolean(),
});
export type Help = z.infer<typeof HelpSchema>;
export type HelpRow = Omit<Help, 'agentName' | 'synced'>;
