import type { ZodError } from 'zod';
import type { FieldIssue, WireError } from '../../shared/api/errors';
import { isMessageKey, type MessageKey, type Params } from '../i18n/catalogues';
import type { T } from '../i18n/i18n-store';

/**
 * What a person reads when a field or a call fails: always one of our catalogue messages, in their
 * language. zod's own texts and the server's English `message` are for logs and integrators and never
 * reach a screen. Pure (no DOM, no store), so it is unit-tested against every method of the API table.
 */

/** A field issue plus what a local zod check knew about it, so the message can name the limit. */
export interface Issue extends FieldIssue {
  limits?: {
    origin?: string;
    minimum?: number;
    maximum?: number;
    inclusive?: boolean;
    format?: string;
    divisor?: number;
    /** The field had no value at all (undefined, null), as opposed to a wrong one. */
    missing?: boolean;
  };
}

/** A local zod failure as field issues, keeping the limits; `input` tells a missing field from a wrong one. */
export function localIssues(err: ZodError, input?: unknown): Issue[] {
  return err.issues.map((i) => {
    const raw = i as unknown as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
    const at = valueAt(input, i.path);
    return {
      path: i.path.map(String).join('.'),
      code: i.message.startsWith('err.') ? i.message : i.code,
      message: i.message,
      limits: {
        origin: typeof raw.origin === 'string' ? raw.origin : undefined,
        minimum: num(raw.minimum),
        maximum: num(raw.maximum),
        inclusive: typeof raw.inclusive === 'boolean' ? raw.inclusive : undefined,
        format: typeof raw.format === 'string' ? raw.format : undefined,
        divisor: num(raw.divisor),
        missing: at.found ? at.value === undefined || at.value === null : undefined,
      },
    };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  if (input === undefined) return { found: false };
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return { found: true, value: undefined };
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return { found: true, value: v };
}

const ORIGIN_KIND: Record<string, 'text' | 'number' | 'items' | 'date' | 'file'> = {
  string: 'text',
  number: 'number',
  int: 'number',
  bigint: 'number',
  array: 'items',
  set: 'items',
  date: 'date',
  file: 'file',
};

const FORMAT_KEYS: Record<string, MessageKey> = {
  date: 'err.date',
  datetime: 'err.field.dateTime',
  time: 'err.timeOfDay',
  uuid: 'err.field.id',
  guid: 'err.field.id',
  cuid: 'err.field.id',
  cuid2: 'err.field.id',
  ulid: 'err.field.id',
  nanoid: 'err.field.id',
  email: 'err.field.email',
  url: 'err.url',
};

/** A wire issue from the desk or server says "received undefined" (English, zod's wording) for a missing field. */
const MISSING_IN_MESSAGE = /\breceived (undefined|null)\b/;

/** One issue → one sentence from the catalogue; never zod's text, never an unfilled placeholder. */
export function issueText(t: T, issue: Issue, params: Params = {}): string {
  const keyed = [issue.code, issue.message].find((k) => k.startsWith('err.') && isMessageKey(k)) as MessageKey | undefined;
  if (keyed) return filled(t, keyed, params);
  const l = issue.limits ?? {};
  const missing = l.missing ?? MISSING_IN_MESSAGE.test(issue.message);
  const kind = l.origin ? ORIGIN_KIND[l.origin] : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return t(missing ? 'err.required' : 'err.field.type');
    case 'invalid_value':
      return t('err.field.choose');
    case 'too_small': {
      const min = l.minimum;
      if (kind === 'text' && (min === undefined || min <= 1)) return t('err.required');
      if (min === undefined) return t('err.field.tooSmall');
      if (kind === 'text') return t('err.field.minLength', { min });
      if (kind === 'items') return t('err.field.minItems', { min });
      if (kind === 'number') return t(l.inclusive === false ? 'err.field.above' : 'err.field.min', { min });
      return t('err.field.tooSmall');
    }
    case 'too_big': {
      const max = l.maximum;
      if (kind === 'file') return t('err.field.fileTooBig');
      if (max === undefined) return t('err.field.tooBig');
      if (kind === 'text') return t('err.field.maxLength', { max });
      if (kind === 'items') return t('err.field.maxItems', { max });
      if (kind === 'number') return t(l.inclusive === false ? 'err.field.below' : 'err.field.max', { max });
      return t('err.field.tooBig');
    }
    case 'invalid_format':
      return t((l.format ? FORMAT_KEYS[l.format] : undefined) ?? 'err.field.format');
    case 'not_multiple_of':
      return l.divisor !== undefined ? t('err.field.multipleOf', { divisor: l.divisor }) : t('err.badValue');
    case 'unrecognized_keys':
      return t('err.field.unknownKey');
    case 'invalid_union':
      return t('err.field.format');
    default:
      // invalid_key, invalid_element, custom without one of our keys, and codes zod may add later.
      return t('err.badValue');
  }
}

/** A catalogue line whose placeholders are all filled, else the plain "this value is wrong". */
function filled(t: T, key: MessageKey, params: Params): string {
  const text = t(key, params);
  return /\{\w+\}/.test(text) ? t('err.badValue') : text;
}

/** Field path → message in the user's language. First issue per field wins. */
export function fieldMessages(t: T, issues: readonly Issue[], params: Params = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (out[i.path] === undefined) out[i.path] = issueText(t, i, params);
  return out;
}

/** One line for a failed call, given how a refused rule reads (see rule-line.ts). */
export function wireErrorText(t: T, wire: WireError, ruleLine: (ruleId: string, params: Params) => string | null): string {
  const { code, message, fields, ruleIds, params = {} } = wire;
  // A rule refusal names the rule with its citation in the user's language, e.g. "swap.monthly-limit (Shift swap rules §3)".
  const line = ruleIds?.map((r) => ruleLine(r, params)).find((l) => l !== null);
  if (line) return line;
  if (fields?.length) return issueText(t, fields[0]!, params);
  if (code === 'internal' && message === 'network') return t('err.network');
  const byCode = `err.${code}`;
  return isMessageKey(byCode) ? t(byCode) : t('err.internal');
}
