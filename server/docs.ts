/**
 * The API page at /docs: plain HTML rendered here from the OpenAPI document, one section per
 * route (method, path, summary, parameters, request and response schemas, error statuses), with
 * a stylesheet served beside it. No script and no CDN, so it works offline and under a strict
 * Content-Security-Policy; a tool like Scalar would add megabytes of script for a page that
 * only needs to be read.
 */

type Json = Record<string, unknown>;
type Schema = { $ref?: string; type?: string | string[]; items?: Schema; enum?: unknown[]; pattern?: string; format?: string };
type Parameter = { $ref?: string; name?: string; in?: string; required?: boolean; description?: string; schema?: Schema };
type Content = Record<string, { schema?: Schema }>;
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Content };
  responses?: Record<string, { description?: string; content?: Content }>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A schema in a few words: its name when it has one, else its type. */
function schemaText(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return `<a href="#schema-${escape(refName(schema.$ref))}">${escape(refName(schema.$ref))}</a>`;
  if (schema.type === 'array') return `${schemaText(schema.items)}[]`;
  if (schema.enum) return schema.enum.map((v) => `<code>${escape(v)}</code>`).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  return escape(type) + (schema.format ? ` (${escape(schema.format)})` : '') + (schema.pattern ? ` <code>${escape(schema.pattern)}</code>` : '');
}

function contentText(content: Content | undefined): string {
  return Object.entries(content ?? {})
    .map(([type, { schema }]) => `<code>${escape(type)}</code> ${schemaText(schema)}`)
    .join('<br>');
}

function resolveParameter(document: Json, parameter: Parameter): Parameter {
  if (!parameter.$ref) return parameter;
  const parameters = ((document.components as Json | undefined)?.parameters ?? {}) as Record<string, Parameter>;
  return parameters[refName(parameter.$ref)] ?? parameter;
}

function operationHtml(document: Json, method: string, path: string, op: Operation): string {
  const id = escape(op.operationId ?? `${method}-${path}`);
  const parameters = (op.parameters ?? []).map((p) => resolveParameter(document, p));
  const responses = Object.entries(op.responses ?? {});
  const success = responses.filter(([status]) => status.startsWith('2'));
  const errors = responses.filter(([status]) => !status.startsWith('2'));
  return `<section class="op" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title"><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${escape(op.summary)}</p>${op.description ? `<p>${escape(op.description)}</p>` : ''}
${
  parameters.length
    ? `<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">required</th><th scope="col">schema</th></tr></thead><tbody>
${parameters.map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${schemaText(p.schema)}${p.description ? `<br>${escape(p.description)}` : ''}</td></tr>`).join('\n')}
</tbody></table>`
    : ''
}
${op.requestBody ? `<p><strong>Request body</strong>${op.requestBody.required ? ' (required)' : ''}: ${contentText(op.requestBody.content)}</p>` : ''}
<p><strong>Response</strong>: ${success.map(([status, r]) => `${escape(status)} ${escape(r.description)}${r.content ? ` — ${contentText(r.content)}` : ''}`).join('<br>')}</p>
${errors.length ? `<p><strong>Errors</strong> (problem details): ${errors.map(([status, r]) => `<abbr title="${escape(r.description)}">${escape(status)}</abbr>`).join(', ')}</p>` : ''}
</section>`;
}

/** The whole page; `apiUrl` is where this server answers the API. */
export function renderDocs(document: Json, apiUrl: string): string {
  const info = (document.info ?? {}) as Json;
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  const operations = Object.entries(paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m]! })));
  const schemas = Object.keys(((document.components as Json | undefined)?.schemas ?? {}) as Json);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} — API</title>
<link rel="stylesheet" href="docs.css">
</head>
<body>
<header>
<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>
<p>${escape(info.description)}</p>
<p>This server: <code>${escape(apiUrl)}</code>. The document itself: <a href="openapi.json">openapi.json</a>.
Authentication: <code>Authorization: Bearer &lt;token&gt;</code>, or the <code>akto_session</code> cookie.</p>
</header>
<nav aria-label="Routes"><h2>Routes</h2><ul>
${operations.map(({ method, path, op }) => `<li><a href="#${escape(op.operationId ?? `${method}-${path}`)}"><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></a> ${escape(op.summary)}</li>`).join('\n')}
</ul></nav>
<main>
<h2>Operations</h2>
${operations.map(({ method, path, op }) => operationHtml(document, method, path, op)).join('\n')}
<h2>Schemas</h2>
<p>Defined in <a href="openapi.json">openapi.json</a> under <code>components.schemas</code>:</p>
<ul class="schemas">${schemas.map((name) => `<li id="schema-${escape(name)}"><code>${escape(name)}</code></li>`).join('')}</ul>
</main>
</body>
</html>
`;
}

export const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
h1 small{font-size:.6em;color:#555}
code{font-family:ui-monospace,monospace;font-size:.92em}
a{color:#0b4f9c}
nav ul{list-style:none;padding:0}nav li{margin:.2rem 0}
.op{border-top:1px solid #ccc;padding:.5rem 0 1rem}
.method{display:inline-block;min-width:4.2em;text-align:center;font:bold .8em ui-monospace,monospace;padding:.1em .4em;border-radius:3px;color:#fff;background:#444}
.method.get{background:#175e2c}.method.post{background:#0b4f9c}.method.delete{background:#a4161a}.method.put{background:#7a4a00}
table{border-collapse:collapse;width:100%;margin:.5rem 0}caption{text-align:left;font-weight:bold}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
.schemas{columns:3 12rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}a{color:#8ab4f8}h1 small{color:#aaa}th,td,.op{border-color:#444}}
`;
