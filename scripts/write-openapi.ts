/**
 * Writes openapi.json from the route table and the schemas (`npm run openapi`).
 * test/api/openapi.test.ts fails when the committed file and the generated document differ.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../src/api/openapi.js';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
const document = buildOpenApi();
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
const paths = document.paths as Record<string, object>;
const operations = Object.values(paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
console.log(`openapi.json: ${operations} operations on ${Object.keys(paths).length} paths, ${Object.keys((document.components as { schemas: object }).schemas).length} schemas.`);
