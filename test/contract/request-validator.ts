// Validates requests pgtui sent (as a fake recorded them) against an official OpenAPI file: path, method,
// path and query parameters, and the JSON body, with openapi-backend (ajv underneath). Offline: the spec copies sit
// in specs/. Why this library and what it is set to: docs/fakes.md, "Request contract tests".
import { readFileSync } from 'node:fs';
import addFormatsModule from 'ajv-formats';
import type { Ajv } from 'ajv';
import { OpenAPIBackend, type Document, type Request } from 'openapi-backend';
import { parse } from 'yaml';
import type { RecordedRequest } from '../../src/fake/kit.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

export interface Violation {
  request: string;
  problems: string[];
}

export interface RequestValidator {
  /** One entry per request the spec refuses (unknown path or method, a missing or bad parameter, a bad body). */
  check(requests: readonly Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>[]): Violation[];
  /** The operationId a request matches, or undefined. */
  operation(method: string, path: string): string | undefined;
}

function load(file: string): Document {
  const text = readFileSync(new URL(`./specs/${file}`, import.meta.url), 'utf8');
  return (file.endsWith('.yaml') ? parse(text) : JSON.parse(text)) as Document;
}

type Additions = { paths?: Record<string, unknown>; 'x-added-query-parameters'?: Record<string, Record<string, unknown[]>> };

function addTo(definition: Document, additions: Additions): void {
  const paths = (definition.paths ?? {}) as Record<string, Record<string, { parameters?: unknown[] }>>;
  Object.assign(paths, additions.paths);
  for (const [path, methods] of Object.entries(additions['x-added-query-parameters'] ?? {})) {
    for (const [method, params] of Object.entries(methods)) {
      const op = paths[path]?.[method];
      if (!op) throw new Error(`additions: no ${method} ${path} in the spec`);
      op.parameters = [...(op.parameters ?? []), ...params];
    }
  }
}

/** `additions`: a file of paths the provider documents elsewhere that the copy predates (each says where from). */
export async function specValidator(file: string, opts: { apiRoot?: string; additions?: string } = {}): Promise<RequestValidator> {
  const definition = load(file);
  if (opts.additions) addTo(definition, load(opts.additions) as Additions);
  // quick: skips openapi-backend's OpenAPI 3.0 self-check of the document (it rejects ClickHouse's 3.1 file) and
  // dereferences synchronously. Every request is still matched and validated in full.
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    strict: false,
    apiRoot: opts.apiRoot ?? '/',
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => {
      addFormats(ajv as unknown as Ajv);
      return ajv;
    },
  });
  await api.init();
  const toRequest = (r: Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>): Request => ({
    method: r.method.toLowerCase(),
    path: r.path,
    query: r.query,
    headers: r.body === undefined ? {} : { 'content-type': 'application/json' },
    body: r.body,
  });
  return {
    operation(method, path) {
      return api.matchOperation({ method: method.toLowerCase(), path, headers: {} })?.operationId;
    },
    check(requests) {
      const out: Violation[] = [];
      for (const r of requests) {
        const req = toRequest(r);
        const name = `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''}`;
        const op = api.matchOperation(req);
        if (!op) {
          out.push({ request: name, problems: ['no such path and method in the spec'] });
          continue;
        }
        const result = api.validateRequest(req, op);
        if (!result.valid) out.push({ request: name, problems: (result.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`) });
      }
      return out;
    },
  };
}
