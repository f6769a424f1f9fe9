// Create and edit forms for PGO 4.3, validated with zod the way the apiserver validates (same quantity and
// DNS-1035 rules), so mistakes show up in the form rather than as an error after a round trip.
import * as z from 'zod';
import { hasUnsafe } from '../../text/safe.js';
import type { Cluster, FieldErrors, FieldSpec, FormSpec, FormValues } from '../core/types.js';
import { dns1035Error, quantityError, quantityValue } from './validate.js';
import type { ShowClusterDetail } from './wire.js';

/** PostgreSQL versions shipped as crunchy-postgres-ha images per operator release (known releases only). */
const PG_VERSIONS: Record<string, string[]> = {
  '4.3.0': ['12.2', '11.7', '10.12', '9.6.17', '9.5.21'],
  '4.3.2': ['12.3', '11.8', '10.13', '9.6.18', '9.5.22'],
};

/**
 * The image tags pgtui can offer for this operator release; none for a release it has no list for. The form's
 * default is always the empty tag, so the operator's own CCPImageTag applies, as pgo does (docs/fakes.md, PGO).
 */
export function imageTags(serverVersion: string): string[] {
  return (PG_VERSIONS[serverVersion] ?? []).map((v) => `centos7-${v}-${serverVersion}`);
}

function quantity(what: string, opts: { positive: boolean }) {
  return z.string().superRefine((v, ctx) => {
    const err = quantityError(v);
    if (err) ctx.addIssue({ code: 'custom', message: `not a Kubernetes quantity (try ${what})` });
    else if (v !== '' && opts.positive && !((quantityValue(v) ?? 0) > 0)) ctx.addIssue({ code: 'custom', message: 'must be greater than 0' });
  });
}

const boolText = z.enum(['true', 'false'], { message: 'choose yes or no' });
const identifier = z
  .string()
  .max(63, 'at most 63 characters')
  .regex(/^([A-Za-z_][A-Za-z0-9_]*)?$/, 'letters, digits and _ only, not starting with a digit');

const createSchema = z.lazy(() => z.object({
  name: z.string().superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: 'required' });
    else if (v === 'all') ctx.addIssue({ code: 'custom', message: "'all' is not allowed as a cluster name" });
    else if (dns1035Error(v)) {
      ctx.addIssue({ code: 'custom', message: v.length > 63 ? 'at most 63 characters' : 'lower-case letters, digits and -, starting with a letter, not ending with -' });
    }
  }),
  replicas: z.string().regex(/^\d+$/, 'a whole number, 0 or more').refine((v) => Number(v) <= 20, 'at most 20'),
  cpu: quantity('"1" or "500m"', { positive: true }),
  memory: quantity('"1Gi" or "512Mi"', { positive: true }),
  pvcSize: quantity('"10Gi"', { positive: true }),
  imageTag: z.string(),
  username: identifier,
  database: identifier,
  // The apiserver takes any Password; pgtui refuses control characters because psql gets the password
  // through a one-line PGPASSFILE entry, which cannot carry a newline.
  password: z
    .string()
    .max(128, 'at most 128 characters')
    .refine((v) => !hasUnsafe(v), 'no control characters')
    .regex(/^\S*$/, 'no spaces'),
  serviceType: z.enum(['ClusterIP', 'LoadBalancer'], { message: 'ClusterIP or LoadBalancer' }),
  syncReplication: z.enum(['', 'true', 'false'], { message: 'choose the operator default, yes or no' }),
  pgbouncer: boolText,
  autofail: boolText,
}));

export type CreateValues = z.infer<typeof createSchema>;

function issuesToErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}

function withDefaults(fields: FieldSpec[], values: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f.key] = values[f.key] ?? f.default ?? '';
  return out;
}

export function createFields(serverVersion: string): FieldSpec[] {
  const tags = imageTags(serverVersion);
  return [
    { key: 'name', label: 'Name', kind: 'text', required: true, help: "lower-case letters, digits, '-'; starts with a letter", immutable: true },
    { key: 'replicas', label: 'Replicas', kind: 'int', required: true, default: '1', help: 'in addition to the primary' },
    { key: 'cpu', label: 'CPU request', kind: 'text', default: '500m', help: 'Kubernetes quantity, e.g. 1 or 500m; empty = server default' },
    { key: 'memory', label: 'Memory request', kind: 'text', default: '1Gi', help: 'e.g. 512Mi or 2Gi; empty = server default' },
    { key: 'pvcSize', label: 'Storage (PVC size)', kind: 'text', default: '10Gi', help: 'e.g. 10Gi; empty = storage config default', immutable: true },
    {
      key: 'imageTag',
      label: 'PostgreSQL image',
      kind: 'choice',
      default: '',
      choices: [{ value: '', label: 'the operator default (its CCPImageTag)' }, ...tags.map((t) => ({ value: t, label: `PostgreSQL ${t.split('-')[1]} (${t})` }))],
      immutable: true,
    },
    { key: 'username', label: 'User', kind: 'text', default: 'testuser', immutable: true },
    { key: 'database', label: 'Database', kind: 'text', default: '', help: 'empty = the cluster name', immutable: true },
    { key: 'password', label: 'Password', kind: 'secret', default: '', help: 'empty = the server generates one (24 characters)' },
    {
      key: 'serviceType',
      label: 'Service type',
      kind: 'choice',
      required: true,
      default: 'ClusterIP',
      choices: [
        { value: 'ClusterIP', label: 'ClusterIP (inside Kubernetes only)' },
        { value: 'LoadBalancer', label: 'LoadBalancer (external IP)' },
      ],
    },
    {
      // Sent only when chosen: otherwise the operator's configured default applies, as with pgo.
      key: 'syncReplication', label: 'Synchronous replication', kind: 'choice', default: '',
      choices: [{ value: '', label: 'the operator default' }, { value: 'true', label: 'yes' }, { value: 'false', label: 'no' }],
    },
    { key: 'pgbouncer', label: 'pgBouncer', kind: 'bool', required: true, default: 'false' },
    { key: 'autofail', label: 'Automatic failover', kind: 'bool', required: true, default: 'true', help: 'off disables high availability' },
  ];
}

export function createFormSpec(serverVersion: string): FormSpec {
  const fields = createFields(serverVersion);
  return {
    title: `New Crunchy PGO ${serverVersion} cluster`,
    fields,
    validate: (values) => {
      const parsed = parseCreate(serverVersion, values);
      return 'errors' in parsed ? parsed.errors : {};
    },
  };
}

/** Validated values with defaults filled in, or the field errors. */
export function parseCreate(serverVersion: string, values: FormValues): { values: CreateValues } | { errors: FieldErrors } {
  const parsed = createSchema.safeParse(withDefaults(createFields(serverVersion), values));
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
  // The apiserver takes any CCPImageTag, but one that was never published leaves the pods in ImagePullBackOff:
  // only the crunchy-postgres-ha tags of this operator release are offered.
  const tag = values.imageTag;
  if (!errors.imageTag && tag && !imageTags(serverVersion).includes(tag)) errors.imageTag = 'choose an image from the list';
  return parsed.success && Object.keys(errors).length === 0 ? { values: parsed.data } : { errors };
}

// ---- edit: what /clustersupdate takes in 4.3.0 (autofail, startup/shutdown, CPU and memory requests) ----

const editSchema = z.lazy(() => z.object({
  power: z.enum(['running', 'shutdown'], { message: 'running or shutdown' }),
  autofail: boolText,
  cpu: quantity('"1" or "500m"', { positive: true }),
  memory: quantity('"1Gi" or "512Mi"', { positive: true }),
}));

export type EditValues = z.infer<typeof editSchema>;

export function currentEditValues(cluster: Cluster): EditValues {
  const detail = cluster.raw as ShowClusterDetail | undefined;
  const pg = detail?.cluster;
  return {
    power: pg?.spec?.shutdown ? 'shutdown' : 'running',
    autofail: pg?.metadata?.labels?.autofail === 'false' ? 'false' : 'true',
    cpu: pg?.spec?.resources?.cpu ?? '',
    memory: pg?.spec?.resources?.memory ?? '',
  };
}

export function editFields(cluster: Cluster): FieldSpec[] {
  const now = currentEditValues(cluster);
  return [
    {
      key: 'power',
      label: 'Power',
      kind: 'choice',
      default: now.power,
      choices: [
        { value: 'running', label: 'running (startup)' },
        { value: 'shutdown', label: 'shut down' },
      ],
    },
    { key: 'autofail', label: 'Automatic failover', kind: 'bool', default: now.autofail },
    { key: 'cpu', label: 'CPU request', kind: 'text', default: now.cpu, help: 'empty = leave as is' },
    { key: 'memory', label: 'Memory request', kind: 'text', default: now.memory, help: 'empty = leave as is' },
  ];
}

export function editFormSpec(cluster: Cluster): FormSpec {
  const fields = editFields(cluster);
  return {
    title: `Edit ${cluster.name}`,
    fields,
    validate: (values) => {
      const parsed = editSchema.safeParse(withDefaults(fields, values));
      return parsed.success ? {} : issuesToErrors(parsed.error.issues);
    },
  };
}

export function parseEdit(cluster: Cluster, values: FormValues): { values: EditValues } | { errors: FieldErrors } {
  const parsed = editSchema.safeParse(withDefaults(editFields(cluster), values));
  return parsed.success ? { values: parsed.data } : { errors: issuesToErrors(parsed.error.issues) };
}
