import type { z } from 'zod';

/** Keeps only what an output schema declares, as its parse would, without checking a single value. */
export type Projection = (value: unknown) => unknown;

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[]; catchall?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const SAME: Projection = (v) => v;

/**
 * The projection an output schema's parse applies to an answer already in shape: unknown object keys dropped,
 * everything else as given. `null` when the schema does more than that (a transform, a pipe, a loose or lazy
 * object, a union of objects): then the answer is parsed. Whether the projection really equals the parse is
 * what `check` mode asserts on every answer the test suites produce (db/dispatch.ts).
 */
export function projectionOf(schema: z.ZodType): Projection | null {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      if (d.catchall && defOf(d.catchall).type !== 'never') return null;
      const keys = Object.entries(d.shape ?? {}).map(([k, s]) => [k, projectionOf(s)] as const);
      if (keys.some(([, p]) => p === null)) return null;
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
        const out: Record<string, unknown> = {};
        for (const [k, p] of keys) if (k in v) out[k] = p!((v as Record<string, unknown>)[k]);
        return out;
      };
    }
    case 'array': {
      const p = projectionOf(d.element!);
      if (p === null) return null;
      return p === SAME ? SAME : (v) => (Array.isArray(v) ? v.map(p) : v);
    }
    case 'record': {
      const p = projectionOf(d.valueType!);
      if (p === null) return null;
      return p === SAME ? SAME : (v) => (typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, p(x)])) : v);
    }
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional': {
      const p = projectionOf(d.innerType!);
      if (p === null || p === SAME) return p;
      return (v) => (v === null || v === undefined ? v : p(v));
    }
    case 'union':
      return (d.options ?? []).every((o) => projectionOf(o) === SAME) ? SAME : null;
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'bigint':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'date':
    case 'unknown':
    case 'any':
    case 'nan':
      return SAME;
    default:
      return null;
  }
}
