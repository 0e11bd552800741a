import { z } from 'zod';
import { api, type MethodName } from '../shared/api/table';
import { PullRequestSchema, PullResponseSchema, PushRequestSchema, PushResponseSchema, WireErrorSchema } from '../shared/sync/protocol';

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 from zod, as OpenAPI 3.1 takes it; nested $schema keys are not allowed there. */
function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } });

/** The integrator's contract, generated from the same zod schemas every transport validates with. */
export function openApiDocument(version: string): Json {
  const paths: Json = {};
  for (const name of Object.keys(api) as MethodName[]) {
    const spec = api[name];
    // Desk-only machinery is neither served nor advertised here.
    if (spec.kind === 'local') continue;
    paths[`/api/v1/${name}`] = {
      post: {
        operationId: name.replace(/\./g, '_'),
        summary: `${spec.kind} ${name}`,
        description: spec.access === 'public' ? 'No session needed.' : spec.access === 'authenticated' ? 'Any signed-in role.' : `Roles: ${spec.access.join(', ')}.`,
        ...(spec.access === 'public' ? { security: [] } : {}),
        requestBody: { required: true, content: { 'application/json': { schema: schema(spec.input, 'input') } } },
        responses: {
          '200': {
            description: 'Done',
            content: { 'application/json': { schema: { type: 'object', required: ['ok', 'value'], properties: { ok: { const: true }, value: schema(spec.output, 'output') } } } },
          },
          '400': errorResponse('Invalid input (field-level issues in error.fields)'),
          '401': errorResponse('No valid session'),
          '403': errorResponse('The role may not call this'),
          '409': errorResponse('Conflict'),
          '422': errorResponse('A rule refused it (error.ruleIds)'),
          '429': errorResponse('Too many attempts'),
        },
      },
    };
  }
  paths['/api/sync/push'] = {
    post: {
      operationId: 'sync_push',
      summary: "Push a desk's pending mutations in order",
      requestBody: { required: true, content: { 'application/json': { schema: schema(PushRequestSchema, 'input') } } },
      responses: { '200': { description: 'Outcome per mutation', content: { 'application/json': { schema: schema(PushResponseSchema, 'output') } } }, '400': errorResponse('Malformed'), '401': errorResponse('No valid session'), '409': errorResponse('Out of order') },
    },
  };
  paths['/api/sync/pull'] = {
    post: {
      operationId: 'sync_pull',
      summary: "Rows in the user's scope since the cookie, the last processed mutation id and rejections",
      requestBody: { required: true, content: { 'application/json': { schema: schema(PullRequestSchema, 'input') } } },
      responses: { '200': { description: 'Patch', content: { 'application/json': { schema: schema(PullResponseSchema, 'output') } } }, '400': errorResponse('Malformed'), '401': errorResponse('No valid session') },
    },
  };
  paths['/api/health'] = {
    get: {
      operationId: 'health',
      security: [],
      responses: {
        '200': { description: 'Serving', content: { 'application/json': { schema: { type: 'object', properties: { status: { enum: ['ok', 'degraded', 'down'] }, db: { enum: ['ok', 'down'] }, writes: { enum: ['ok', 'failing', 'unknown'] }, engine: { type: 'string' }, version: { type: 'string' }, centerId: { type: 'string', format: 'uuid', description: 'This center, created at its first start' } } } } } },
        '503': { description: 'Database down (status "down"), or it cannot write (status "degraded": disk full, read only)' },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Zhiban central server', version, description: 'Every method of the desk API, plus sync. Errors are {ok:false, error:{code, message, fields?, ruleIds?, params?}}.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/session.login' } },
      schemas: { ErrorResponse: { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, error: schema(WireErrorSchema, 'output') } } },
    },
  };
}
