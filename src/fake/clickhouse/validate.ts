// Request validation of the ClickHouse fake, following the spec's schemas. Each function returns the
// error text after "BAD_REQUEST: ", or undefined when the body is acceptable.
import {
  ALL_SIZES, GCP_SIZES, HA_TYPES, MAX_TAGS, NAME_MAX, NAME_PATTERN, PASSWORD_MAX, PASSWORD_MIN, PG_BOUNCER_MAX_PARAMS, PG_CONFIG_KEYS,
  PG_VERSIONS, PROVIDERS, RESERVED_TAG_PREFIX, STATE_COMMANDS, TAG_KEY_MAX, TAG_PATTERN, TAG_VALUE_MAX,
} from './spec.js';

type Body = Record<string, unknown>;

export function asObject(json: unknown): Body | undefined {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Body) : undefined;
}

function name(v: unknown): string | undefined {
  if (typeof v !== 'string') return 'name must be a string';
  if (v.length < 1 || v.length > NAME_MAX) return `name must be between 1 and ${NAME_MAX} characters`;
  if (!NAME_PATTERN.test(v)) return 'name must be alphanumerical with whitespaces';
  return undefined;
}

function enumValue(field: string, v: unknown, values: readonly string[]): string | undefined {
  if (typeof v !== 'string' || !values.includes(v)) return `invalid ${field}`;
  return undefined;
}

export function tags(v: unknown): string | undefined {
  if (!Array.isArray(v)) return 'tags must be an array';
  if (v.length > MAX_TAGS) return `at most ${MAX_TAGS} tags are allowed`;
  const seen = new Set<string>();
  for (const t of v) {
    const tag = asObject(t);
    if (!tag || typeof tag.key !== 'string') return 'each tag needs a key';
    if (tag.key.length < 1 || tag.key.length > TAG_KEY_MAX || !TAG_PATTERN.test(tag.key)) return `invalid tag key "${tag.key}"`;
    if (tag.key.startsWith(RESERVED_TAG_PREFIX)) return `tag keys starting with "${RESERVED_TAG_PREFIX}" are reserved`;
    if (seen.has(tag.key)) return `duplicate tag key "${tag.key}"`;
    seen.add(tag.key);
    // The spec makes the value optional; the server refuses a tag without one (ClickHouse's Terraform provider).
    if (tag.value === undefined || tag.value === '') return `tag "${tag.key}" needs a value`;
    if (typeof tag.value !== 'string' || tag.value.length > TAG_VALUE_MAX || !TAG_PATTERN.test(tag.value)) {
      return `invalid value for tag "${tag.key}"`;
    }
  }
  return undefined;
}

export function pgConfig(v: unknown): string | undefined {
  const o = asObject(v);
  if (!o) return 'pgConfig must be an object';
  if (Object.keys(o).length === 0) return 'pgConfig must not be empty';
  for (const [k, val] of Object.entries(o)) {
    if (!PG_CONFIG_KEYS.has(k)) return `unsupported pgConfig parameter "${k}"`;
    if (typeof val !== 'string' && typeof val !== 'number') return `pgConfig parameter "${k}" must be a string or number`;
  }
  return undefined;
}

export function pgBouncerConfig(v: unknown, allowEmpty: boolean): string | undefined {
  const o = asObject(v);
  if (!o) return 'pgBouncerConfig must be an object';
  const n = Object.keys(o).length;
  if ((n === 0 && !allowEmpty) || n > PG_BOUNCER_MAX_PARAMS) return `pgBouncerConfig must have between 1 and ${PG_BOUNCER_MAX_PARAMS} parameters`;
  for (const [k, val] of Object.entries(o)) if (typeof val !== 'string') return `pgBouncerConfig parameter "${k}" must be a string`;
  return undefined;
}

function optional(body: Body, key: string, check: (v: unknown) => string | undefined): string | undefined {
  return body[key] === undefined ? undefined : check(body[key]);
}

function configs(body: Body): string | undefined {
  return optional(body, 'pgConfig', pgConfig) ?? optional(body, 'pgBouncerConfig', (v) => pgBouncerConfig(v, false));
}

export function createBody(body: Body): string | undefined {
  for (const key of ['name', 'provider', 'region', 'size']) if (body[key] === undefined) return `${key} is required`;
  return (
    name(body.name) ??
    enumValue('provider', body.provider, PROVIDERS) ??
    (typeof body.region !== 'string' || body.region === '' ? 'invalid region' : undefined) ??
    sizeFor(body.provider as string, body.size) ??
    optional(body, 'postgresVersion', (v) => enumValue('postgresVersion', v, PG_VERSIONS)) ??
    optional(body, 'haType', (v) => enumValue('haType', v, HA_TYPES)) ??
    optional(body, 'tags', tags) ??
    configs(body)
  );
}

export function sizeFor(provider: string, size: unknown): string | undefined {
  if (typeof size !== 'string' || !ALL_SIZES.has(size)) return 'invalid size';
  if ((provider === 'gcp') !== GCP_SIZES.includes(size)) return `size ${size} is not available on ${provider}`;
  return undefined;
}

export function patchBody(body: Body, provider: string): string | undefined {
  return (
    optional(body, 'name', name) ??
    optional(body, 'size', (v) => sizeFor(provider, v)) ??
    optional(body, 'haType', (v) => enumValue('haType', v, HA_TYPES)) ??
    optional(body, 'tags', tags)
  );
}

export function replicaBody(body: Body): string | undefined {
  if (body.name === undefined) return 'name is required';
  return name(body.name) ?? optional(body, 'tags', tags) ?? configs(body);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function restoreBody(body: Body): string | undefined {
  if (body.name === undefined) return 'name is required';
  if (body.restoreTarget === undefined) return 'restoreTarget is required';
  if (typeof body.restoreTarget !== 'string' || !RFC3339.test(body.restoreTarget) || Number.isNaN(Date.parse(body.restoreTarget))) {
    return 'restoreTarget must be an RFC 3339 timestamp';
  }
  return name(body.name) ?? optional(body, 'tags', tags) ?? configs(body);
}

export function stateBody(body: Body): string | undefined {
  return enumValue('command', body.command, STATE_COMMANDS);
}

export function passwordBody(body: Body): string | undefined {
  const p = body.password;
  if (p === undefined) return undefined;
  if (typeof p !== 'string' || p.length < PASSWORD_MIN || p.length > PASSWORD_MAX) return `password must be between ${PASSWORD_MIN} and ${PASSWORD_MAX} characters`;
  if (!/[a-z]/.test(p) || !/[A-Z]/.test(p) || !/[0-9]/.test(p)) return 'password must contain a lowercase letter, an uppercase letter and a digit';
  return undefined;
}

/**
 * POST /config replaces both maps and PATCH merges them; the spec's postgresInstanceConfig requires both in
 * either. An empty map is accepted (the server takes {} for the unchanged one, as ClickHouse's Terraform sends it).
 */
export function configBody(body: Body): string | undefined {
  if (body.pgConfig === undefined || body.pgBouncerConfig === undefined) return 'pgConfig and pgBouncerConfig are required';
  return (
    optional(body, 'pgConfig', (v) => (asObject(v) && Object.keys(v as Body).length === 0 ? undefined : pgConfig(v))) ??
    optional(body, 'pgBouncerConfig', (v) => pgBouncerConfig(v, true))
  );
}
