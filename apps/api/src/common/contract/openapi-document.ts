import type { INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { z, type ZodType } from 'zod';
import { errorBody } from '@dunning/api-contract';
import { type Route, appRoutes } from './routes';

/* The OpenAPI 3.1 document, made from the zod schemas the routes validate with (./contract.decorators.ts). */

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'dunning_session', description: 'The web app’s session. State changes also need the X-CSRF-Token header and the app’s Origin.' },
  bearer: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/auth/login, for scripts.' },
  agencyKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A collections agency’s API key: its own cases only.' },
  postmarkBasic: { type: 'http', scheme: 'basic', description: 'Postmark’s webhook credentials (POSTMARK_WEBHOOK_USER / _PASSWORD).' },
  twilioSignature: { type: 'apiKey', in: 'header', name: 'X-Twilio-Signature', description: 'Twilio’s request signature, checked with TWILIO_AUTH_TOKEN.' },
  solvencySignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Signature',
    description: 'sha256=<hex HMAC-SHA256 of `${X-Timestamp}.${raw body}` with SOLVENCY_WEBHOOK_SECRET>; X-Timestamp in Unix seconds, at most five minutes old.',
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The input is invalid: `problems` names each field.',
  401: 'No session, or an unknown API key.',
  403: 'The caller’s role may not do this, or a browser request without the app’s Origin and CSRF token.',
  404: 'No such resource.',
  409: 'The resource’s state does not allow this now.',
  413: 'The body is larger than the limit.',
  415: 'The body is not of the content type the route takes.',
  422: 'The input is readable but cannot be applied: `problems` says why.',
  429: 'Too many attempts: `retryAfterSeconds` and the Retry-After header say when to try again.',
};

/** Collects the named schemas (`.meta({ id })`) of every route into components, one name per distinct schema. */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly byContent = new Map<string, string>();

  /** The JSON schema of `schema` as the route reads it (input) or answers it (output), its named parts moved to components. */
  add(schema: ZodType, io: Io): JsonSchema {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
    const definitions = (converted.$defs ?? {}) as Record<string, JsonSchema>;
    delete converted.$defs;
    delete converted.$schema;
    // Names first (a definition may refer to another), then contents with the refs renamed.
    const names = new Map<string, string>();
    for (const [id, definition] of Object.entries(definitions)) names.set(id, this.nameFor(id, io, definition));
    const rename = (value: unknown): unknown => renameRefs(value, names);
    for (const [id, definition] of Object.entries(definitions)) this.schemas[names.get(id)!] = rename(definition) as JsonSchema;
    return rename(converted) as JsonSchema;
  }

  private nameFor(id: string, io: Io, definition: JsonSchema): string {
    const content = JSON.stringify(definition);
    const known = this.byContent.get(`${id}\u0000${content}`);
    if (known) return known;
    // The same id may read differently as input and output (defaults, transforms): suffix the second.
    const candidates = [id, `${id}${io === 'input' ? 'Input' : 'Output'}`];
    let name = candidates.find((c) => !(c in this.schemas) && ![...this.byContent.values()].includes(c));
    for (let n = 2; !name; n++) if (!(`${id}${n}` in this.schemas)) name = `${id}${n}`;
    this.byContent.set(`${id}\u0000${content}`, name);
    this.schemas[name] = {};
    return name;
  }
}

function renameRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, names));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? [key, `#/components/schemas/${names.get(v.slice(8)) ?? v.slice(8)}`] : [key, renameRefs(v, names)],
    ),
  );
}

/** The status a route answers on success: its contract's, its @HttpCode, or Nest's default (201 for POST). */
export function successStatus(route: Route): number {
  return route.contract?.response?.status ?? (Reflect.getMetadata(HTTP_CODE_METADATA, route.handler) as number | undefined) ?? (route.method === 'post' ? 201 : 200);
}

function securityOf(route: Route): Array<Record<string, string[]>> {
  if (route.contract?.security) return route.contract.security;
  if (route.isPublic) return [];
  const schemes: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];
  if (route.roles.length === 0 || route.roles.includes('agency')) schemes.push({ agencyKey: [] });
  return schemes;
}

function errorStatuses(route: Route): number[] {
  const request = route.contract?.request;
  const statuses = new Set(route.contract?.errors ?? []);
  if (request && (request.body || request.query || Object.keys(request.params).length > 0)) statuses.add(400);
  if (!route.isPublic && !route.contract?.security) statuses.add(401);
  if (!route.isPublic && (route.roles.length > 0 || route.method !== 'get')) statuses.add(403);
  if (request?.body) [413, 415].forEach((s) => statuses.add(s));
  if (Object.keys(request?.params ?? {}).length > 0) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

function operation(route: Route, components: Components, errorRef: JsonSchema): Record<string, unknown> {
  const contract = route.contract;
  const parameters: unknown[] = [];
  // In the order of the path (decorators record them last argument first).
  const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const params = Object.entries(contract?.request.params ?? {}).sort(([a], [b]) => inPath.indexOf(a) - inPath.indexOf(b));
  for (const [name, schema] of params) {
    parameters.push({ name, in: 'path', required: true, schema: components.add(schema, 'input') });
  }
  if (contract?.request.query) {
    const query = components.add(contract.request.query, 'input');
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  const body = contract?.request.body;
  let requestBody: unknown;
  if (body) {
    const schema = components.add(body.schema, 'input');
    if (body.files.length > 0) {
      schema.properties = {
        ...((schema.properties ?? {}) as object),
        ...Object.fromEntries(body.files.map((f) => [f, { type: 'string', contentMediaType: 'application/octet-stream' }])),
      };
      schema.required = [...((schema.required as string[] | undefined) ?? []), ...body.files];
    }
    requestBody = { required: true, content: { [body.contentType]: { schema } } };
  }
  const status = successStatus(route);
  const response = contract?.response;
  const success: Record<string, unknown> = { description: response?.schema || response?.contentType ? 'Success' : 'Done, nothing to answer' };
  if (response?.schema) success.content = { 'application/json': { schema: components.add(response.schema, 'output') } };
  else if (response?.contentType) {
    success.content = Object.fromEntries(response.contentType.split(', ').map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));
  }
  const responses: Record<string, unknown> = { [status]: success };
  for (const code of errorStatuses(route)) {
    responses[code] = { description: ERROR_DESCRIPTIONS[code] ?? 'Error', content: { 'application/json': { schema: errorRef } } };
  }
  return {
    operationId: `${route.controller.replace(/Controller$/, '')}_${route.handlerName}`,
    tags: [route.controller.replace(/Controller$/, '')],
    ...(contract?.summary ? { summary: contract.summary } : {}),
    ...(contract?.description ? { description: contract.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security: securityOf(route),
    'x-roles': route.isPublic ? 'public' : route.roles.length > 0 ? [...route.roles, 'admin'] : 'any signed-in caller',
  };
}

/** The whole document: every route the app serves, in a stable order (it is committed as docs/openapi.json). */
export function openApiDocument(app: INestApplication, version = '0.1.0'): OpenApiDocument {
  const components = new Components();
  const errorRef = components.add(errorBody, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const route of appRoutes(app)) {
    (paths[route.path] ??= {})[route.method] = operation(route, components, errorRef);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dunning engine API',
      version,
      description:
        'Every request body, query, path parameter and JSON response is described by the zod schema that validates it (libs/api-contract). Amounts are integer minor units with their currency; instants are ISO 8601 in UTC; calendar dates are YYYY-MM-DD.',
    },
    paths,
    components: { schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))), securitySchemes: SECURITY_SCHEMES },
  };
}
