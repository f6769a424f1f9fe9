// The ClickHouse fake's service records and how they serialise (PostgresService, PostgresServiceListItem).
import { AWS_REGIONS, AWS_SIZES, GCP_REGIONS, GCP_SIZES, HA_TYPES, PG_VERSIONS, STATES } from './spec.js';

export interface FakeTag {
  key: string;
  value?: string;
}

export interface FakePgService {
  id: string;
  orgId: string;
  name: string;
  provider: string;
  region: string;
  postgresVersion: string;
  size: string;
  haType: string;
  tags: FakeTag[];
  /** Any string, so tests can seed states the client has never heard of. */
  state: string;
  createdAt: string;
  isPrimary: boolean;
  /** The primary a read replica follows. */
  parentId?: string;
  hostname: string;
  username: string;
  password: string;
  /** Fake-clock ms of the first automatic backup; read replicas and restores need one. */
  firstBackupAt: number;
  pgConfig: Record<string, string | number>;
  pgBouncerConfig: Record<string, string>;
}

/** storageSize is derived from the VM size (docs: r6gd.medium 59 GiB, r8gd.large 118 GiB). */
export function storageFor(size: string): number {
  const aws = /\.(medium|large|xlarge|(\d+)xlarge)$/.exec(size);
  if (aws) {
    if (aws[1] === 'medium') return 59;
    if (aws[1] === 'large') return 118;
    return 237 * Number(aws[2] ?? 1);
  }
  const vcpus = Number(/-(\d+)$/.exec(size)?.[1] ?? 4);
  return Math.round(vcpus * 29.5);
}

export function hostnameFor(name: string, id: string, orgId: string, provider: string, region: string): string {
  const slug = name.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'postgres';
  const org = orgId.replace(/-/g, '').slice(0, 25);
  return `${slug}-${id.slice(0, 8)}.${org}.c0.${region}.${provider}.pg.clickhouse.cloud`;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function generatePassword(rand: () => number): string {
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = lower + upper + digits + '_-';
  const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
  const chars = [pick(lower), pick(upper), pick(digits), ...Array.from({ length: 17 }, () => pick(all))];
  return chars.join('');
}

function tagsCopy(tags: FakeTag[]): FakeTag[] {
  return tags.map((t) => (t.value === undefined ? { key: t.key } : { key: t.key, value: t.value }));
}

/** PostgresServiceListItem (+ storageSize, as the docs' example list shows). No hostname or credentials. */
export function listItem(s: FakePgService): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    provider: s.provider,
    region: s.region,
    postgresVersion: s.postgresVersion,
    size: s.size,
    storageSize: storageFor(s.size),
    haType: s.haType,
    tags: tagsCopy(s.tags),
    isPrimary: s.isPrimary,
    state: s.state,
    createdAt: s.createdAt,
  };
}

/** PostgresService; the password and connection string only when `withSecret` (create responses). */
export function fullService(s: FakePgService, withSecret = false): Record<string, unknown> {
  const out: Record<string, unknown> = { ...listItem(s), username: s.username, hostname: s.hostname };
  if (withSecret) {
    out.password = s.password;
    out.connectionString = `postgres://${s.username}:${s.password}@${s.hostname}:5432/postgres?channel_binding=require`;
  }
  return out;
}

/** What a seeded service may look like: a deterministic spread of clouds, sizes and (mostly running) states. */
export function seedShape(rand: () => number, index: number): Pick<FakePgService, 'name' | 'provider' | 'region' | 'postgresVersion' | 'size' | 'haType' | 'state' | 'tags'> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const gcp = rand() < 0.2;
  const stateRoll = rand();
  // Two thirds running; the rest covers every other state the spec knows.
  const state = stateRoll < 0.66 ? 'running' : pick(STATES.filter((s) => s !== 'running'));
  const words = ['orders', 'billing', 'analytics', 'auth', 'events', 'catalog', 'search', 'ledger', 'metrics', 'inventory'];
  const envs = ['prod', 'staging', 'dev', 'qa'];
  const env = pick(envs);
  return {
    name: `${pick(words)} ${env} ${index + 1}`,
    provider: gcp ? 'gcp' : 'aws',
    region: gcp ? pick(GCP_REGIONS) : pick(AWS_REGIONS),
    postgresVersion: pick(PG_VERSIONS),
    size: gcp ? pick(GCP_SIZES.slice(0, 14)) : pick(AWS_SIZES.filter((s) => /^(r8gd|r6gd|m8gd)\.(medium|large|xlarge|2xlarge)$/.test(s))),
    haType: pick(HA_TYPES),
    state,
    tags: rand() < 0.7 ? [{ key: 'env', value: env }, { key: 'team', value: pick(['core', 'data', 'web']) }] : [],
  };
}
