// Wire shapes of the ClickHouse Cloud Postgres API, decoded leniently (unknown states, sizes and new fields
// pass through), and their mapping onto the normalised Cluster.
import * as z from 'zod';
import { ApiError } from '../core/errors.js';
import type { Cluster, Phase } from '../core/types.js';
import { decodeItems, type ItemProblem } from '../core/list-result.js';
import { MAX_TAGS, PORT, RESERVED_TAG_PREFIX, TAG_PATTERN } from './catalog.js';

export interface PgTag {
  key: string;
  value?: string;
}

const tagSchema = z.lazy(() => z.looseObject({ key: z.string(), value: z.string().optional() }));

/** PostgresService and PostgresServiceListItem: every field optional in the spec, so only `id` is insisted on. */
const serviceSchema = z.lazy(() => z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  provider: z.string().optional(),
  region: z.string().optional(),
  postgresVersion: z.union([z.string(), z.number()]).optional(),
  size: z.string().optional(),
  storageSize: z.number().optional(),
  haType: z.string().optional(),
  tags: z.array(tagSchema).nullish(),
  state: z.string().optional(),
  createdAt: z.string().optional(),
  isPrimary: z.boolean().optional(),
  hostname: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  connectionString: z.string().optional(),
}));

export type PgService = z.infer<typeof serviceSchema>;

const organizationSchema = z.lazy(() => z.looseObject({ id: z.string().min(1), name: z.string().optional(), createdAt: z.string().optional() }));
export type PgOrganization = z.infer<typeof organizationSchema>;

const envelope = <T extends z.ZodType>(result: T) => z.looseObject({ result, requestId: z.string().optional(), status: z.number().optional() });

function decode<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = envelope(schema).safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || 'body' : 'body';
    throw new ApiError(`unexpected ${what} response from ClickHouse Cloud (${where}: ${issue?.message ?? 'invalid'})`, { kind: 'malformed' });
  }
  return parsed.data.result as z.infer<T>;
}

export const decodeService = (body: unknown): PgService => decode(serviceSchema, body, 'service');
/** The list's services, each decoded on its own: a bad item is skipped and added to `problems`. */
export function decodeServiceItems(body: unknown, problems: ItemProblem[]): PgService[] {
  return decodeItems(serviceSchema, decode(z.array(z.unknown()), body, 'service list'), 'result', 0, problems);
}
export const decodeOrganizations = (body: unknown): PgOrganization[] => decode(z.array(organizationSchema), body, 'organization');
export const decodePassword = (body: unknown): { password?: string } =>
  decode(z.looseObject({ password: z.string().optional() }), body, 'password');

const PHASES: Record<string, Phase> = {
  creating: 'creating',
  running: 'ready',
  restarting: 'updating',
  replaying_wal: 'updating',
  restoring_backup: 'updating',
  finalizing_restore: 'updating',
  unavailable: 'degraded',
  stopped: 'stopped',
  deleting: 'deleting',
};

/** docs/phases.md; ClickHouse has no failed state, and anything it adds later is 'unknown'. */
export function phaseOf(state: string | undefined): Phase {
  return (state !== undefined && PHASES[state]) || 'unknown';
}

const INSTANCES: Record<string, number> = { none: 1, async: 2, sync: 3 };

export function toCluster(profile: string, s: PgService): Cluster {
  const version = s.postgresVersion === undefined ? undefined : String(s.postgresVersion);
  return {
    profile,
    provider: 'clickhouse',
    id: s.id,
    name: s.name ?? s.id,
    phase: phaseOf(s.state),
    state: s.state ?? 'unknown',
    version,
    location: s.provider && s.region ? `${s.provider}/${s.region}` : (s.region ?? s.provider),
    size: s.size,
    storage: s.storageSize === undefined ? undefined : `${s.storageSize} GiB`,
    instances: s.haType ? INSTANCES[s.haType] : undefined,
    host: s.hostname || undefined,
    port: PORT,
    database: 'postgres',
    user: s.username ?? 'postgres',
    createdAt: s.createdAt,
    raw: redact(s),
  };
}

/** The create response carries the password; `raw` ends up in --json output, so it never keeps it. */
/** The service without its secrets, keys in a fixed order (a list item completed from a get equals the get). */
function redact(s: PgService): PgService {
  const { password: _p, connectionString: _c, ...rest } = s;
  return Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as PgService;
}

export function tagsOf(cluster: Cluster): PgTag[] {
  const raw = cluster.raw as { tags?: unknown } | undefined;
  if (!raw || !Array.isArray(raw.tags)) return [];
  return raw.tags
    .filter((t): t is PgTag => !!t && typeof (t as PgTag).key === 'string')
    .map((t) => (t.value === undefined ? { key: t.key } : { key: t.key, value: t.value }));
}

export function isReadReplica(cluster: Cluster): boolean {
  return (cluster.raw as { isPrimary?: unknown } | undefined)?.isPrimary === false;
}

/** "env=prod,team=db,legacy" ⇄ tags. */
export function formatTags(tags: PgTag[]): string {
  return tags.map((t) => (t.value === undefined || t.value === '' ? t.key : `${t.key}=${t.value}`)).join(',');
}

export function parseTags(text: string): PgTag[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const i = part.indexOf('=');
      if (i < 0) return { key: part };
      const value = part.slice(i + 1).trim();
      return value === '' ? { key: part.slice(0, i).trim() } : { key: part.slice(0, i).trim(), value };
    });
}

/** One line saying what is wrong with a tag list, or undefined when the API will accept it. */
export function tagProblem(text: string): string | undefined {
  const tags = parseTags(text);
  if (tags.length > MAX_TAGS) return `at most ${MAX_TAGS} tags (got ${tags.length})`;
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.key === '') return 'a tag has an empty key (use key=value,key2=value2)';
    if (t.key.length > 128) return `tag key "${t.key.slice(0, 20)}…" is longer than 128 characters`;
    if (!TAG_PATTERN.test(t.key)) return `tag key "${t.key}" may only use letters, digits, . _ -`;
    if (t.key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) return `tag keys starting with "${RESERVED_TAG_PREFIX}" are reserved`;
    if (seen.has(t.key)) return `tag key "${t.key}" appears twice`;
    seen.add(t.key);
    if (t.value === undefined) return `tag "${t.key}" needs a value (key=value): ClickHouse Cloud refuses a tag without one`;
    if (t.value.length > 256) return `the value of tag "${t.key}" is longer than 256 characters`;
    if (!TAG_PATTERN.test(t.value)) return `the value of tag "${t.key}" may only use letters, digits, . _ -`;
  }
  return undefined;
}

/** ClickHouse error bodies: {status, error: "BAD_REQUEST: invalid size", requestId}. */
export function errorMessage(_status: number, body: unknown, text: string): string | undefined {
  if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
    return (body as { error: string }).error;
  }
  if (typeof body === 'string' && body.trim() && !/^\s*</.test(body)) return text.trim();
  return undefined;
}
