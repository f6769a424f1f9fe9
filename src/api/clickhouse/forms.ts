// The create and edit forms for ClickHouse Managed Postgres, their validation (zod, one line per field),
// and the translation of form values into request bodies.
import * as z from 'zod';
import { controlProblem } from '../../text/safe.js';
import type { Cluster, FieldErrors, FieldSpec, FormSpec, FormValues } from '../core/types.js';
import {
  AWS_REGIONS, AWS_SIZES, DEFAULT_PG_VERSION, GCP_REGIONS, GCP_SIZES, HA_TYPES, NAME_MAX, NAME_PATTERN, PG_VERSIONS,
} from './catalog.js';
import { formatTags, isReadReplica, parseTags, tagProblem, tagsOf, type PgTag } from './mapping.js';

export type CreateMode = 'new' | 'restore' | 'replica';

const HA_LABELS: Record<string, string> = {
  none: 'none — 1 instance',
  async: 'async — 1 standby (asynchronous)',
  sync: 'sync — 2 standbys (synchronous)',
};

const nameSchema = z.lazy(() => z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(NAME_MAX, `at most ${NAME_MAX} characters`)
  .regex(NAME_PATTERN, 'letters, digits and spaces only (the API refuses "-" and "_")'));

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const restoreTargetSchema = z.lazy(() => z
  .string()
  .trim()
  .regex(RFC3339, 'an RFC 3339 time in UTC, written YYYY-MM-DDTHH:MM:SSZ')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date')
  .refine((s) => Date.parse(s) <= Date.now(), 'must not be in the future'));

const oneOf = (values: readonly string[], what: string) =>
  z.string().refine((v) => values.includes(v), { message: `choose a ${what} from the list` });


const tagsSchema = z.string().superRefine((text, ctx) => {
  // A tag never holds a control character, and a reason must not echo one back to the terminal.
  const problem = controlProblem(text) ?? tagProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

function check(errors: FieldErrors, key: string, schema: z.ZodType, value: unknown): void {
  const r = schema.safeParse(value ?? '');
  if (!r.success) errors[key] = r.error.issues[0]?.message ?? 'invalid';
}

const choices = (values: readonly string[], label?: (v: string) => string) => values.map((value) => ({ value, label: label?.(value) }));

export function sizesFor(provider: string | undefined): readonly string[] {
  return provider === 'gcp' ? GCP_SIZES : AWS_SIZES;
}

/**
 * The form has one region and size field per cloud (choices filtered by provider); this picks the live one.
 * For GCP a plain `region`/`size` is accepted when the GCP field is empty (`pgtui create --set size=...`).
 */
export function effectiveRegion(v: FormValues): string {
  return (v.provider === 'gcp' ? v.gcpRegion || v.region : v.region) ?? '';
}
export function effectiveSize(v: FormValues): string {
  return (v.provider === 'gcp' ? v.gcpSize || v.size : v.size) ?? '';
}

/** A restore time the API takes: an hour ago, whole seconds, as RFC 3339 UTC. */
export function restoreExample(now: number): string {
  return new Date(Math.floor((now - 3_600_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function createFormSpec(sources: Cluster[], now = Date.now()): FormSpec {
  const primaries = sources.filter((c) => !isReadReplica(c));
  const fields: FieldSpec[] = [
    {
      key: 'mode', label: 'Start from', kind: 'choice', default: 'new', required: true,
      choices: [
        { value: 'new', label: 'an empty service' },
        { value: 'restore', label: 'a point-in-time restore of a service' },
        { value: 'replica', label: 'a read replica of a service' },
      ],
    },
    { key: 'name', label: 'Name', kind: 'text', required: true, help: `1–${NAME_MAX} letters, digits and spaces, e.g. "orders prod"` },
    {
      key: 'source', label: 'Source service', kind: 'choice', required: true, showWhen: { key: 'mode', values: ['restore', 'replica'] },
      choices: primaries.map((c) => ({ value: c.id, label: `${c.name} (${c.location ?? '?'}, ${c.state})` })),
      help: 'the new service copies its cloud, region, version and size',
    },
    {
      key: 'restoreTarget', label: 'Restore to', kind: 'text', required: true, showWhen: { key: 'mode', values: ['restore'] },
      help: `RFC 3339 UTC time within the last 7 days, e.g. ${restoreExample(now)} (an hour ago)`,
    },
    { key: 'provider', label: 'Cloud', kind: 'choice', default: 'aws', choices: choices(['aws', 'gcp']), showWhen: { key: 'mode', values: ['new'] } },
    { key: 'region', label: 'Region', kind: 'choice', required: true, default: 'us-east-1', choices: choices(AWS_REGIONS), showWhen: { key: 'provider', values: ['aws'] } },
    { key: 'gcpRegion', label: 'Region', kind: 'choice', required: true, default: 'us-east1', choices: choices(GCP_REGIONS), showWhen: { key: 'provider', values: ['gcp'] } },
    {
      key: 'postgresVersion', label: 'PostgreSQL version', kind: 'choice', default: DEFAULT_PG_VERSION,
      choices: choices(PG_VERSIONS), showWhen: { key: 'mode', values: ['new'] },
    },
    { key: 'size', label: 'VM size', kind: 'choice', required: true, default: 'r8gd.large', choices: choices(AWS_SIZES), showWhen: { key: 'provider', values: ['aws'] } },
    { key: 'gcpSize', label: 'VM size', kind: 'choice', required: true, default: 'c4a-standard-4', choices: choices(GCP_SIZES), showWhen: { key: 'provider', values: ['gcp'] } },
    {
      key: 'haType', label: 'High availability', kind: 'choice', default: 'none',
      choices: choices(HA_TYPES, (v) => HA_LABELS[v] ?? v), showWhen: { key: 'mode', values: ['new'] },
    },
    { key: 'tags', label: 'Tags', kind: 'text', default: '', help: 'key=value,key2=value2 (letters, digits, . _ -)' },
  ];
  return { title: 'New ClickHouse Managed Postgres service', fields, validate: (v) => validateCreate(v, primaries.map((c) => c.id)) };
}

export function regionsFor(provider: string | undefined): readonly string[] {
  return provider === 'gcp' ? GCP_REGIONS : AWS_REGIONS;
}

export function validateCreate(v: FormValues, sourceIds?: string[]): FieldErrors {
  const errors: FieldErrors = {};
  // Left out means an empty service; a mode given as '' (a cleared required field) is refused.
  const mode = v.mode ?? 'new';
  check(errors, 'mode', oneOf(['new', 'restore', 'replica'], 'starting point'), mode);
  check(errors, 'name', nameSchema, v.name);
  check(errors, 'tags', tagsSchema, v.tags);
  if (errors.mode) return errors;
  if (mode === 'new') {
    check(errors, 'provider', oneOf(['aws', 'gcp'], 'cloud'), v.provider || 'aws');
    const gcp = v.provider === 'gcp';
    // The spec types pgRegion as a free string, but the form offers the ClickHouse Cloud regions: a value off
    // that list (a typo, a stray space, another cloud's region) names nowhere a service can run.
    const region = effectiveRegion(v);
    const regionKey = gcp ? 'gcpRegion' : 'region';
    if (!region.trim()) errors[regionKey] = 'choose a region';
    else check(errors, regionKey, oneOf(regionsFor(v.provider), 'region'), region);
    check(errors, 'postgresVersion', oneOf(PG_VERSIONS, 'version'), v.postgresVersion || DEFAULT_PG_VERSION);
    check(errors, gcp ? 'gcpSize' : 'size', oneOf(sizesFor(v.provider), `size for ${gcp ? 'GCP' : 'AWS'}`), effectiveSize(v));
    check(errors, 'haType', oneOf(HA_TYPES, 'high-availability type'), v.haType || 'none');
  } else {
    if (!v.source) errors.source = 'choose the source service';
    else if (sourceIds && !sourceIds.includes(v.source)) errors.source = 'that service is not in this organisation';
    if (mode === 'restore') check(errors, 'restoreTarget', restoreTargetSchema, v.restoreTarget);
  }
  return errors;
}

export type CreateRequest =
  | { mode: 'new'; body: Record<string, unknown> }
  | { mode: 'restore' | 'replica'; sourceId: string; body: Record<string, unknown> };

export function createRequest(v: FormValues): CreateRequest {
  const tags = parseTags(v.tags ?? '');
  const name = (v.name ?? '').trim();
  const mode = (v.mode || 'new') as CreateMode;
  if (mode === 'restore') return { mode, sourceId: v.source!, body: { name, restoreTarget: v.restoreTarget!.trim(), ...(tags.length ? { tags } : {}) } };
  if (mode === 'replica') return { mode, sourceId: v.source!, body: { name, ...(tags.length ? { tags } : {}) } };
  return {
    mode,
    body: {
      name,
      provider: v.provider || 'aws',
      region: effectiveRegion(v),
      postgresVersion: v.postgresVersion || DEFAULT_PG_VERSION,
      size: effectiveSize(v),
      haType: v.haType || 'none',
      ...(tags.length ? { tags } : {}),
    },
  };
}

/**
 * The server's rules, as ClickHouse's Terraform provider documents them (docs/fakes.md, ClickHouse): the name is
 * immutable after creation and a live read replica takes no PATCH at all (the client's `allows` keeps `edit`
 * away from one). So a primary changes size, HA type and tags; the rest is shown, not editable.
 */
export function editFormSpec(cluster: Cluster): FormSpec {
  const replica = isReadReplica(cluster);
  const provider = (cluster.raw as { provider?: string }).provider;
  const fields: FieldSpec[] = [
    { key: 'name', label: 'Name', kind: 'text', default: cluster.name, immutable: true, help: 'set at creation; ClickHouse Cloud does not rename' },
  ];
  if (!replica) {
    const sizes = sizesFor(provider);
    const current = cluster.size && !sizes.includes(cluster.size) ? [cluster.size, ...sizes] : sizes;
    const ha = (cluster.raw as { haType?: string }).haType;
    fields.push(
      { key: 'size', label: 'VM size', kind: 'choice', default: cluster.size, choices: choices(current) },
      { key: 'haType', label: 'High availability', kind: 'choice', default: ha ?? 'none', choices: choices(HA_TYPES, (v) => HA_LABELS[v] ?? v) },
      { key: 'tags', label: 'Tags', kind: 'text', default: formatTags(tagsOf(cluster)), help: 'key=value,key2=value2' },
    );
  }
  fields.push(
    { key: 'provider', label: 'Cloud', kind: 'text', default: provider, immutable: true },
    { key: 'region', label: 'Region', kind: 'text', default: (cluster.raw as { region?: string }).region, immutable: true },
    { key: 'postgresVersion', label: 'PostgreSQL version', kind: 'text', default: cluster.version, immutable: true },
  );
  return {
    title: `Edit ${cluster.name}${replica ? ' (read replica: ClickHouse Cloud refuses every change)' : ''}`,
    fields,
    validate: (v) => validateEdit(cluster, v),
  };
}

export function validateEdit(cluster: Cluster, v: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.name !== undefined && v.name.trim() !== cluster.name) errors.name = 'the name is set at creation: ClickHouse Cloud does not rename a service';
  if (isReadReplica(cluster)) {
    for (const key of ['size', 'haType', 'tags'] as const) {
      if (v[key] !== undefined && v[key] !== currentValue(cluster, key)) errors[key] = 'a read replica cannot change this';
    }
    return errors;
  }
  const provider = (cluster.raw as { provider?: string }).provider;
  const size = v.size ?? cluster.size ?? '';
  if (size !== cluster.size) check(errors, 'size', oneOf(sizesFor(provider), 'size'), size);
  check(errors, 'haType', oneOf(HA_TYPES, 'high-availability type'), v.haType ?? currentValue(cluster, 'haType'));
  check(errors, 'tags', tagsSchema, v.tags ?? '');
  return errors;
}

function currentValue(cluster: Cluster, key: 'name' | 'size' | 'haType' | 'tags'): string {
  if (key === 'name') return cluster.name;
  if (key === 'size') return cluster.size ?? '';
  if (key === 'haType') return (cluster.raw as { haType?: string }).haType ?? 'none';
  return formatTags(tagsOf(cluster));
}

const LABELS = { name: 'Name', size: 'VM size', haType: 'High availability', tags: 'Tags' } as const;

/**
 * The PATCH body for an edit. Tags are always sent on a primary: the real API clears them when a PATCH
 * omits `tags` (observed by ClickHouse's Terraform provider), despite documenting merge-patch semantics.
 */
export function patchFor(cluster: Cluster, v: FormValues): { diff: Array<{ key: string; label: string; from: string; to: string }>; body: Record<string, unknown> } {
  const diff: Array<{ key: string; label: string; from: string; to: string }> = [];
  const body: Record<string, unknown> = {};
  const keys = isReadReplica(cluster) ? ([] as const) : (['size', 'haType', 'tags'] as const);
  for (const key of keys) {
    const from = currentValue(cluster, key);
    const raw = v[key];
    if (raw === undefined) continue;
    const to = key === 'tags' ? formatTags(parseTags(raw)) : raw.trim();
    if (to === from) continue;
    diff.push({ key, label: LABELS[key], from, to });
    body[key] = key === 'tags' ? parseTags(raw) : to;
  }
  if (!isReadReplica(cluster) && diff.length > 0 && body.tags === undefined) body.tags = tagsOf(cluster) satisfies PgTag[];
  return { diff, body };
}
