import { z } from 'zod';
import { CalendarDay as Day, Id, Text } from '../api/fields';
import { RuleCheckSchema } from '../rules/check';

/** 一般事假, 特殊事假, 病假, 急诊病假 (phoned in), 公假 (business trip / external study). */
export const LEAVE_TYPES = ['personal', 'personal_special', 'sick', 'sick_emergency', 'business'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
export const LEAVE_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
/** The chain of command a request climbs, level by level (leave.chain). */
export const LEAVE_LEVELS = ['team_lead', 'department_director', 'center_director'] as const;
export type LeaveLevel = (typeof LEAVE_LEVELS)[number];

/** A medical certificate: the file (base64, ≤ 512 KiB) and the days it covers. */
export const CertificateSchema = z.object({
  name: Text(120, { required: true }),
  mime: z.enum(['image/jpeg', 'image/png', 'application/pdf'], { error: 'err.certificateType' }),
  dataBase64: z.string().max(700_000, { error: 'err.certificateSize' }).regex(/^[A-Za-z0-9+/=]*$/),
  from: Day,
  to: Day,
});
export type Certificate = z.infer<typeof CertificateSchema>;

export const LeaveDraftSchema = z
  .object({
    /** Whose leave: the filer's own, or (sick leave only, leave.in-person) a colleague's. */
    userId: Id(),
    type: z.enum(LEAVE_TYPES),
    fromDate: Day,
    toDate: Day,
  })
  .refine((d) => d.fromDate <= d.toDate, { path: ['toDate'], error: 'err.dateOrder' });
export type LeaveDraft = z.infer<typeof LeaveDraftSchema>;

export const LeaveRequestSchema = z
  .object({
    id: z.uuid(),
    userId: Id(),
    type: z.enum(LEAVE_TYPES),
    fromDate: Day,
    toDate: Day,
    reason: Text(200, { required: true, multiline: true }),
    certificate: CertificateSchema.nullable().default(null),
  })
  .refine((d) => d.fromDate <= d.toDate, { path: ['toDate'], error: 'err.dateOrder' });

export const LeaveSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  type: z.enum(LEAVE_TYPES),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
  filedBy: z.string(),
  filedByName: z.string(),
  status: z.enum(LEAVE_STATUSES),
  approvals: z.array(z.object({ level: z.enum(LEAVE_LEVELS), by: z.string(), at: z.string() })),
  /** Rules that make this request stand only with a manager's explicit approval (late, night, holiday). */
  flags: z.array(z.string()),
  // As stored: a certificate saved before the stricter input fields (#15) must still list.
  certificate: z.object({ name: z.string(), mime: CertificateSchema.shape.mime, from: z.string(), to: z.string() }).nullable(),
  decisionRules: z.array(z.string()),
  note: z.string(),
  actedOfflineAt: z.string().nullable(),
  createdAt: z.string(),
  synced: z.boolean(),
});
export type Leave = z.infer<typeof LeaveSchema>;

export const LeaveWithChecksSchema = LeaveSchema.extend({
  checks: z.array(RuleCheckSchema),
  chain: z.array(z.enum(LEAVE_LEVELS)),
  /** leave.sick-certificate: none needed, due (by the first day back), overdue, covered, or covering only part (a gap). */
  certificateState: z.enum(['none', 'due', 'overdue', 'ok', 'gap']),
});
