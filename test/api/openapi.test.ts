import { expect } from '@open-wc/testing';
import { routes, type Route, type RouteName } from '../../src/api/contract.js';
import { buildOpenApi, COMMON_ERRORS } from '../../src/api/openapi.js';
import { routeDoc } from '../../src/api/route-docs.js';

type Json = Record<string, any>;

/** Follows a local `$ref` (`#/components/...`) in the document. */
function resolve(document: Json, value: Json): Json {
  if (typeof value?.$ref !== 'string') return value;
  return (value.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: Json, key) => node?.[key], document);
}

describe('openapi.json', () => {
  // What the generator gives, as JSON (no undefined values), and what is committed.
  const generated = JSON.parse(JSON.stringify(buildOpenApi())) as Json;
  let committed: Json;

  before(async () => {
    const response = await fetch('/openapi.json', { cache: 'no-store' });
    expect(response.ok, 'openapi.json is missing: run `npm run openapi`').to.be.true;
    committed = (await response.json()) as Json;
  });

  it('is the document generated from the route table and the schemas', () => {
    expect(committed, 'openapi.json is out of date with src/api (contract.ts, schemas.ts, openapi.ts): run `npm run openapi` and commit openapi.json').to.deep.equal(generated);
  });

  it('is OpenAPI 3.1 with both security schemes and the package version', async () => {
    const { VERSION } = await import('../../src/version.js');
    expect(generated.openapi).to.match(/^3\.1\./);
    expect(generated.info.version).to.equal(VERSION);
    expect(Object.keys(generated.components.securitySchemes)).to.have.members(['bearerAuth', 'cookieAuth']);
  });

  it('has every route, with its summary and path parameters', () => {
    for (const [name, route] of Object.entries(routes) as [string, Route][]) {
      const operation = generated.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${name}: ${route.method} ${route.path}`).to.be.an('object');
      expect(operation.operationId).to.equal(name);
      expect(operation.summary).to.equal(routeDoc(name as RouteName).summary);
      expect(operation.responses[String(route.status)], `${name} success ${route.status}`).to.be.an('object');
      const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters as Json[]).map((p) => resolve(generated, p)).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, `${name} path parameters`).to.deep.equal(pathParams);
    }
    const operations = Object.values(generated.paths as Json).flatMap((methods) => Object.keys(methods as Json));
    expect(operations.length).to.equal(Object.keys(routes).length);
  });

  it('documents the Idempotency-Key header on each idempotent POST, and only there', () => {
    for (const [name, route] of Object.entries(routes) as [string, Route][]) {
      const operation = generated.paths[route.path][route.method.toLowerCase()];
      const headers = (operation.parameters as Json[]).map((p) => resolve(generated, p)).filter((p) => p.in === 'header');
      const key = headers.find((p) => p.name === 'Idempotency-Key');
      if (route.idempotent) {
        expect(route.method, name).to.equal('POST');
        expect(key, `${name} Idempotency-Key`).to.include({ required: true });
      } else expect(key, `${name} has no Idempotency-Key`).to.be.undefined;
      expect(headers.map((p) => p.name), `${name} Accept-Language`).to.include('Accept-Language');
    }
  });

  it('answers every error status with problem details', () => {
    const problem = generated.components.schemas.Problem;
    expect(problem.required).to.include.members(['title', 'status']);
    for (const [name, route] of Object.entries(routes) as [string, Route][]) {
      const responses = generated.paths[route.path][route.method.toLowerCase()].responses as Json;
      for (const status of [...COMMON_ERRORS, ...(routeDoc(name as RouteName).errors ?? [])]) {
        const response = resolve(generated, responses[String(status)]);
        expect(response, `${name} ${status}`).to.be.an('object');
        expect(resolve(generated, response.content?.['application/problem+json']?.schema), `${name} ${status} problem+json`).to.equal(problem);
      }
    }
  });

  it('sends list filters as comma-separated values and uploads as multipart', () => {
    const status = (generated.paths['/invoices'].get.parameters as Json[]).find((p) => p.name === 'status')!;
    expect(status).to.include({ in: 'query', style: 'form', explode: false });
    const upload = generated.paths[routes.createUpload.path].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.properties.file).to.include({ type: 'string', format: 'binary' });
    expect(upload.required).to.have.members(['file', 'kind']);
    expect(generated.paths[routes.getInvoicePdf.path].get.responses['200'].content).to.have.key('application/pdf');
    expect(generated.paths[routes.deleteUpload.path].delete.responses['204'].content).to.be.undefined;
  });

  it('leaves no dangling $ref', () => {
    const refs = JSON.stringify(generated).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const target = ref.slice(8, -1);
      expect(resolve(generated, { $ref: target }), target).to.be.an('object');
    }
  });
});
