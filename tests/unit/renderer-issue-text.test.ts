import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../shared/api/table';
import { ERROR_CODES, type WireError } from '../../shared/api/errors';
import { zodIssues } from '../../shared/api/zod-issues';
import { fieldMessages, issueText, localIssues, wireErrorText, type Issue } from '../../renderer/client/issue-text';
import { LOCALES, translate, type Locale } from '../../renderer/i18n/catalogues';
import type { T } from '../../renderer/i18n/i18n-store';

/**
 * No validator text ever reaches a screen (issue #9): every input schema of the API table is fed bad
 * inputs, and every issue zod raises must read as one of our catalogue messages in each UI language.
 */

type Def = { type: string; format?: string; shape?: Record<string, Schema>; innerType?: Schema; in?: Schema; element?: Schema; options?: Schema[]; entries?: Record<string, unknown>; values?: unknown[] };
type Schema = { _zod: { def: Def }; safeParse(v: unknown): { success: boolean; error?: z.ZodError } };

const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN, 'zh-TW': z.locales.zhTW, en: z.locales.en } as const;

/** A plausible value for a schema: the base each bad value is put into, so deeper checks run too. */
function sample(s: Schema): unknown {
  const d = s._zod.def;
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'string':
      return { uuid: '00000000-0000-4000-8000-000000000001', date: '2026-03-17', datetime: '2026-03-17T02:30:00.000Z', email: 'a@b.cn', url: 'http://x.cn' }[d.format ?? ''] ?? 'x';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'array':
      return [sample(d.element!)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sample(d.innerType!);
    case 'pipe':
      return sample(d.in!);
    case 'union':
      return sample(d.options![0]!);
    case 'record':
      return {};
    default:
      return null;
  }
}

/** Every path to a field (objects, first array element), to put a bad value at. */
function paths(s: Schema, at: (string | number)[] = []): (string | number)[][] {
  const d = s._zod.def;
  const inner = d.innerType ?? d.in;
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'pipe'].includes(d.type) && inner) return paths(inner, at);
  if (d.type === 'object') return Object.entries(d.shape ?? {}).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])]);
  if (d.type === 'array' && d.element) return paths(d.element, [...at, 0]);
  return [];
}

function put(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = put(copy[head], rest, value);
  return copy;
}

const BAD: unknown[] = [undefined, null, '', '   ', 'zzz', 'x'.repeat(3000), -1e9, 1e9, 1.5, true, [], {}, ['x'], 'not-a-date', '2026-13-45'];

/** Methods a person's typing reaches: every method whose input has fields. */
const FORM_METHODS = Object.entries(api).filter(([, spec]) => {
  const shape = (spec.input as unknown as Schema)._zod.def.shape;
  return shape === undefined || Object.keys(shape).length > 0;
});

interface Case {
  method: string;
  input: unknown;
}

function badInputs(schema: Schema): unknown[] {
  const base = sample(schema);
  const out: unknown[] = [{}, null, 'x', 42, [], { ...(base as object), unexpectedField: 1 }];
  for (const p of paths(schema)) for (const v of BAD) out.push(put(base, p, v));
  return out;
}

const CASES: Case[] = FORM_METHODS.flatMap(([method, spec]) => badInputs(spec.input as unknown as Schema).map((input) => ({ method, input })));

// English and zod wording that must never show in a Chinese UI; zod's own phrases in any UI.
const ENGLISH_IN_CHINESE = /\b(invalid|expected|received|too small|too big|required|must|should|option|string|number|undefined|null|NaN)\b/i;
const ZOD_PHRASES = [/Invalid (input|option|string|ISO|key|element|value)/i, /\bexpected\b/i, /\breceived\b/i, /Too (small|big)/, /Unrecognized key/i, /无效|期望|实际接收|过小|过大|無效|預期|實際接收|過小|過大/];
const LEFTOVER = /\{\w+\}/;

function check(locale: Locale, text: string, zodTexts: readonly string[], where: string): void {
  expect(text.trim(), `${where}: empty`).not.toBe('');
  expect(text, `${where}: unfilled placeholder`).not.toMatch(LEFTOVER);
  for (const z of zodTexts) if (!z.startsWith('err.')) expect(text, `${where}: zod's own message`).not.toContain(z);
  for (const p of ZOD_PHRASES) expect(text, `${where}: zod wording`).not.toMatch(p);
  if (locale !== 'en') expect(text, `${where}: English in ${locale}`).not.toMatch(ENGLISH_IN_CHINESE);
}

afterAll(() => {
  z.config(z.locales.en());
});

describe('field messages: every issue zod raises on every form of the API table reads as our catalogue', () => {
  it('covers the forms and the issue codes people can cause', () => {
    const codes = new Set<string>();
    for (const c of CASES) {
      const r = (api[c.method as keyof typeof api].input as unknown as Schema).safeParse(c.input);
      for (const i of r.error?.issues ?? []) codes.add(i.code);
    }
    expect(FORM_METHODS.map(([m]) => m)).toEqual(expect.arrayContaining(['calls.log', 'policy.update', 'org.createPerson', 'roster.assign', 'leave.request', 'swap.request', 'sync.setServer']));
    expect([...codes].sort()).toEqual(expect.arrayContaining(['custom', 'invalid_format', 'invalid_type', 'invalid_value', 'too_big', 'too_small']));
  });

  it.each(LOCALES)('%s: local (desk-side) and wire (server-side, English) issues', (locale) => {
    const t: T = (key, params) => translate(locale, key, params);
    let checked = 0;
    for (const c of CASES) {
      const schema = api[c.method as keyof typeof api].input as unknown as Schema;
      const texts: Record<Locale, string[]> = { 'zh-CN': [], 'zh-TW': [], en: [] };
      let local: Issue[] = [];
      let wire: Issue[] = [];
      for (const l of LOCALES) {
        z.config(ZOD_LOCALES[l]());
        const r = schema.safeParse(c.input);
        if (r.success) continue;
        texts[l] = r.error!.issues.map((i) => i.message);
        if (l === locale) local = localIssues(r.error!, c.input);
        if (l === 'en') wire = zodIssues(r.error!); // what a desk or the server sends back
      }
      const all = [...texts['zh-CN'], ...texts['zh-TW'], ...texts.en];
      for (const [kind, issues] of [['local', local], ['wire', wire]] as const) {
        for (const [path, text] of Object.entries(fieldMessages(t, issues))) {
          check(locale, text, all, `${c.method} ${kind} ${path || '(input)'} ← ${JSON.stringify(c.input)?.slice(0, 80)}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('a missing call category says so, in each language', () => {
    for (const locale of LOCALES) {
      const t: T = (key, params) => translate(locale, key, params);
      const input = { id: '00000000-0000-4000-8000-000000000001', customerPhone: '139 8888 0000', summary: 's', outcome: 'o', followUp: false, startedAt: '2026-03-17T02:30:00.000Z', endedAt: '2026-03-17T02:31:00.000Z' };
      const r = api['calls.log'].input.safeParse(input);
      expect(fieldMessages(t, localIssues(r.error!, input)).category).toBe(translate(locale, 'err.field.choose'));
      expect(fieldMessages(t, zodIssues(r.error!)).category).toBe(translate(locale, 'err.field.choose'));
    }
  });

  it.each(LOCALES)('%s: every zod issue code, with and without its limits, and codes zod may add', (locale) => {
    const t: T = (key, params) => translate(locale, key, params);
    const codes = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom', 'some_future_code'];
    const origins = [undefined, 'string', 'number', 'int', 'array', 'set', 'date', 'file', 'bigint'];
    const formats = [undefined, 'email', 'url', 'uuid', 'date', 'datetime', 'time', 'regex', 'jwt', 'starts_with', 'emoji'];
    for (const code of codes)
      for (const origin of origins)
        for (const format of formats)
          for (const missing of [undefined, true, false]) {
            const issue: Issue = { path: 'f', code, message: `Invalid input: expected string, received ${missing ? 'undefined' : 'number'} (Too small, Too big)`, limits: { origin, format, missing, minimum: origin ? 3 : undefined, maximum: origin ? 9 : undefined, divisor: code === 'not_multiple_of' ? 5 : undefined } };
            check(locale, issueText(t, issue), [issue.message], `${code}/${origin}/${format}/${missing}`);
            check(locale, issueText(t, { ...issue, limits: undefined }), [issue.message], `${code} (wire)`);
          }
    // Our own keys, also with placeholders the issue cannot fill: never "{next}" on screen.
    check(locale, issueText(t, { path: 'id', code: 'err.notYourLevel', message: 'department_director' }), [], 'err.notYourLevel');
    expect(issueText(t, { path: 'id', code: 'err.notYourLevel', message: 'x' }, { next: 'B' })).toBe(translate(locale, 'err.notYourLevel', { next: 'B' }));
  });

  it.each(LOCALES)('%s: a failed call never shows the server message', (locale) => {
    const t: T = (key, params) => translate(locale, key, params);
    for (const code of ERROR_CODES) {
      const wire: WireError = { code, message: 'Invalid input: expected string, received undefined' };
      const text = wireErrorText(t, wire, () => null);
      check(locale, text, [wire.message], code);
      const withField = wireErrorText(t, { ...wire, fields: [{ path: 'x', code: 'too_small', message: 'Too small: expected string to have >=3 characters' }] }, () => null);
      check(locale, withField, [wire.message], `${code} with a field`);
    }
    expect(wireErrorText(t, { code: 'internal', message: 'network' }, () => null)).toBe(translate(locale, 'err.network'));
    expect(wireErrorText(t, { code: 'rule_violation', message: 'x', ruleIds: ['swap.monthly-limit'] }, () => 'LINE')).toBe('LINE');
  });
});
