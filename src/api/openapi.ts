/**
 * The OpenAPI 3.1 description of AKTO's invoice API, generated from the route table and the
 * zod/mini schemas: `npm run openapi` writes it to openapi.json, and a test keeps the two equal.
 *
 * Not part of the shipped script (src/index.ts does not import it): only the script that writes
 * openapi.json and the tests use it.
 */
import { registry, toJSONSchema, type $ZodType, type JSONSchema } from 'zod/v4/core';
import { routes, type Payload, type Route, type RouteName } from './contract.js';
import { routeDoc } from './route-docs.js';
import * as schemas from './schemas.js';
import { VERSION } from '../version.js';

type Json = JSONSchema.BaseSchema;
type Io = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';
const PROBLEM_JSON = 'application/problem+json';

/** Statuses every endpoint may answer with problem details, besides each route's own `errors`. */
export const COMMON_ERRORS = [401, 500] as const;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request: a query parameter or the body is not valid.',
  401: 'Unauthorized: no valid token or session; sign the user in again.',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict with the current state of the resource, or the first request with this Idempotency-Key is still running.',
  413: 'Content Too Large',
  415: 'Unsupported Media Type: a file of a type not accepted, or a body that is not JSON.',
  422: 'Unprocessable Content: the problem lists the faulty fields in `errors` (or the Idempotency-Key was used for another body).',
  429: 'Too Many Requests: wait the `Retry-After` seconds.',
  500: 'Internal Server Error',
};

/** Path parameters whose format the schemas know; any other is a non-empty string. */
const PATH_PARAMS: Record<string, $ZodType> = {
  siren: schemas.Entity.shape.siren,
  siret: schemas.SiretLookup.shape.siret,
};

const isSchema = (value: unknown): value is $ZodType => typeof value === 'object' && value !== null && '_zod' in value;
const isJsonPayload = (payload: Payload | undefined): payload is Exclude<Payload, string> => isSchema(payload);

/**
 * Every exported schema of schemas.ts under its export name, plus any schema a route uses that
 * schemas.ts does not export (named after the route), so each one can be a component.
 */
function namedSchemas(): Map<$ZodType, string> {
  const names = new Map<$ZodType, string>();
  for (const [name, value] of Object.entries(schemas)) if (isSchema(value) && !names.has(value)) names.set(value, name);
  for (const [routeName, route] of Object.entries(routes) as [string, Route][]) {
    const suffix = routeName[0]!.toUpperCase() + routeName.slice(1);
    if (isJsonPayload(route.response) && !names.has(route.response)) names.set(route.response, `${suffix}Response`);
    if (isJsonPayload(route.body) && !names.has(route.body)) names.set(route.body, `${suffix}Body`);
    if (route.query && !names.has(route.query)) names.set(route.query, `${suffix}Query`);
  }
  return names;
}

function refsIn(json: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(json)) json.forEach((item) => refsIn(item, found));
  else if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENTS)) found.add(value.slice(COMPONENTS.length));
      else refsIn(value, found);
    }
  }
  return found;
}

/** The JSON Schemas of the named schemas, for requests (`input`) or responses (`output`). */
function generate(names: Map<$ZodType, string>, io: Io, rename: (name: string) => string = (name) => name): Record<string, Json> {
  const reg = registry<{ id: string }>();
  for (const [schema, id] of names) reg.add(schema, { id });
  const { schemas: generated } = toJSONSchema(reg, { io, target: 'draft-2020-12', unrepresentable: 'throw', uri: (id) => COMPONENTS + rename(id) });
  if ('__shared' in generated) throw new Error('openapi: a schema needs shared $defs; give it a name in schemas.ts');
  const result: Record<string, Json> = {};
  for (const [id, json] of Object.entries(generated)) {
    const { $schema: _schema, $id: _id, ...rest } = json;
    result[id] = rest;
  }
  return result;
}

/** Names reachable from the roots through $refs. */
function reachable(roots: Iterable<string>, all: Record<string, Json>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const ref of refsIn(all[name])) visit(ref);
  };
  for (const root of roots) visit(root);
  return seen;
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/**
 * components/schemas: responses use the schemas' output, request bodies and query parameters their
 * input. A schema used both ways whose two forms differ (a zod output object admits no unknown
 * property, an input object does) gets a second component, `<Name>Input`.
 */
class Components {
  private readonly names = namedSchemas();
  private readonly output = generate(this.names, 'output');
  private readonly input: Record<string, Json>;
  private readonly usedOutput: Set<string>;
  private readonly usedInput: Set<string>;
  private readonly renamed = new Set<string>();

  constructor() {
    const plain = generate(this.names, 'input');
    const routeList = Object.values(routes) as Route[];
    const outputRoots = [schemas.Problem, ...routeList.map((route) => route.response).filter(isJsonPayload)].map((schema) => this.nameOf(schema));
    const inputRoots = [
      ...routeList.map((route) => route.body).filter(isJsonPayload).map((schema) => this.nameOf(schema)),
      ...routeList.flatMap((route) => (route.query ? [...refsIn(plain[this.nameOf(route.query)])] : [])),
      ...(routeList.some((route) => route.body === 'multipart') ? [this.nameOf(schemas.UploadKind)] : []),
    ];
    this.usedOutput = reachable(outputRoots, this.output);
    this.usedInput = reachable(inputRoots, plain);
    const both = [...this.usedInput].filter((name) => this.usedOutput.has(name));
    for (const name of both) if (JSON.stringify(this.output[name]) !== JSON.stringify(plain[name])) this.renamed.add(name);
    // A schema used both ways also needs an input form when one it refers to has one.
    for (let changed = true; changed; ) {
      changed = false;
      for (const name of both) {
        if (!this.renamed.has(name) && [...refsIn(plain[name])].some((ref) => this.renamed.has(ref))) {
          this.renamed.add(name);
          changed = true;
        }
      }
    }
    this.input = generate(this.names, 'input', (name) => this.inputName(name));
  }

  private inputName(name: string): string {
    return this.renamed.has(name) ? `${name}Input` : name;
  }

  private nameOf(schema: $ZodType): string {
    const name = this.names.get(schema);
    if (!name) throw new Error('openapi: a schema without a name');
    return name;
  }

  /** A $ref to the schema's component, for a request (`input`) or a response (`output`). */
  ref(schema: $ZodType, io: Io): Json {
    const name = this.nameOf(schema);
    if (!(io === 'output' ? this.usedOutput : this.usedInput).has(name)) throw new Error(`openapi: ${name} is not a root of the ${io} components`);
    return { $ref: COMPONENTS + (io === 'output' ? name : this.inputName(name)) };
  }

  /** The input JSON Schema of a query object, inline: its properties become parameters. */
  query(schema: $ZodType): Json {
    return this.input[this.nameOf(schema)]!;
  }

  /** The components operations refer to, directly or not, sorted by name. */
  build(): Record<string, Json> {
    const result: Record<string, Json> = {};
    for (const name of this.usedOutput) result[name] = this.output[name]!;
    for (const name of this.usedInput) result[this.inputName(name)] ??= this.input[name]!;
    return sortKeys(result);
  }
}

const problemResponse = (status: number) => ({
  description: STATUS_TEXT[status] ?? `Error ${status}`,
  content: { [PROBLEM_JSON]: { schema: { $ref: `${COMPONENTS}Problem` } } },
});

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    const known = PATH_PARAMS[name!];
    const { $schema: _, ...schema } = known ? toJSONSchema(known, { io: 'input', target: 'draft-2020-12' }) : ({ type: 'string', minLength: 1 } as Json);
    return { name: name!, in: 'path', required: true, schema };
  });
}

function queryParameters(query: $ZodType, components: Components) {
  const json = components.query(query);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const property = schema as Json;
    return {
      name,
      in: 'query',
      required: required.has(name),
      schema: property,
      // Arrays travel as one comma-separated value: `?status=payee,rejetee`.
      ...(property.type === 'array' ? { style: 'form', explode: false } : {}),
    };
  });
}

function requestBody(route: Route, components: Components) {
  if (route.body === undefined || route.body === 'empty') return undefined;
  if (route.body === 'multipart') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream', description: 'The file, with its name: a PDF for an invoice; a PDF, PNG or JPEG for a supporting document.' },
              kind: components.ref(schemas.UploadKind, 'input'),
            },
            required: ['file', 'kind'],
          },
          encoding: { file: { contentType: 'application/pdf, image/png, image/jpeg' } },
        },
      },
    };
  }
  if (route.body === 'pdf') return { required: true, content: { 'application/pdf': { schema: { type: 'string', format: 'binary', contentMediaType: 'application/pdf' } } } };
  return { required: true, content: { 'application/json': { schema: components.ref(route.body, 'input') } } };
}

function successResponse(route: Route, components: Components) {
  const description = STATUS_TEXT[route.status] ?? `Status ${route.status}`;
  if (route.response === 'empty') return { description };
  if (route.response === 'pdf') return { description, content: { 'application/pdf': { schema: { type: 'string', format: 'binary', contentMediaType: 'application/pdf' } } } };
  if (route.response === 'multipart') throw new Error('openapi: a response is never multipart');
  return { description, content: { 'application/json': { schema: components.ref(route.response, 'output') } } };
}

function operation(name: RouteName, route: Route, components: Components) {
  const doc = routeDoc(name);
  const errors = [...new Set([...COMMON_ERRORS, ...(doc.errors ?? [])])].sort((a, b) => a - b);
  const parameters = [
    ...pathParameters(route.path),
    ...(route.query ? queryParameters(route.query, components) : []),
    ...(route.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    { $ref: '#/components/parameters/AcceptLanguage' },
  ];
  const body = requestBody(route, components);
  return {
    operationId: name,
    summary: doc.summary,
    tags: [route.path.split('/')[1]!],
    parameters,
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(route.status)]: successResponse(route, components),
      ...Object.fromEntries(errors.map((status) => [String(status), problemResponse(status)])),
    },
  };
}

/** The OpenAPI 3.1 document of the API, built from `routes` and the schemas. */
export function buildOpenApi(): Record<string, unknown> {
  const components = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [RouteName, Route][]) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(name, route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AKTO invoice API',
      version: VERSION,
      description:
        'The endpoints behind akto-invoice-widget: entities, invoices, uploads, deposits, validation of deposited invoices, dossiers and SIRET lookups. Generated from src/api/contract.ts and src/api/schemas.ts (`npm run openapi`); errors are RFC 9457 problem details.',
    },
    servers: [{ url: 'https://api.example.fr/akto', description: 'Placeholder: the `api-base` given to the elements.' }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags: [...new Set(Object.values(routes).map((route) => route.path.split('/')[1]!))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components.build(),
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'The language of problem details (`title`, `detail`, field messages): `fr` (default) or `en`.',
          schema: { type: 'string', examples: ['fr', 'en'] },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A unique key per user action (a UUID). A request retried with the same key creates nothing new and gets the first answer again.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The access token the host page gives the elements (`token`).' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'session', description: "The portal's session cookie (`credentials=\"include\"` across origins); its name depends on the deployment." },
      },
    },
  };
}
