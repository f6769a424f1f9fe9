// A small ClusterStore / ProfilesApi double for the form screens: spies on the intents the screens call.
import { vi, type Mock } from 'vitest';
import { CALLS, type CallName } from '../../../src/api/core/operations.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster, FormSpec, FormValues } from '../../../src/api/core/types.js';
import type { ClusterStore, ProfileHealth, ProfilesApi, StoreSnapshot } from '../../../src/state/types.js';

export function cluster(over: Partial<Cluster> = {}): Cluster {
  return { profile: 'prod', provider: 'ionos-v2', id: 'c1', name: 'db1', phase: 'ready', state: 'AVAILABLE', version: '15', raw: {}, ...over };
}

export function health(profile: Profile, over: Partial<ProfileHealth> = {}): ProfileHealth {
  return { profile: profile.name, kind: profile.kind, readOnly: Boolean(profile.readOnly), insecure: profile.kind === 'pgo' && Boolean(profile.insecure), status: 'ok', clusterCount: 0, ...over };
}

/** Each one-call intent of the operations table (src/api/core/operations.ts) may be given; the others reject. */
export interface StoreOptions extends Partial<Pick<ClusterStore, CallName>> {
  profiles?: Profile[];
  health?: ProfileHealth[];
  createForm?: (profile: string) => Promise<FormSpec>;
  create?: (profile: string, values: FormValues) => Promise<Cluster>;
  update?: (c: Cluster, values: FormValues) => Promise<Cluster>;
  remove?: (c: Cluster) => Promise<void>;
  connection?: (c: Cluster) => import('../../../src/api/core/types.js').ConnectionInfo;
  /** Overrides the ClickHouse-like capability rules below (the insight screens ask for theirs). */
  supports?: (c: Cluster, cap: string) => boolean;
  unsupportedReason?: (c: Cluster, cap: string) => string;
}

export function fakeStore(opts: StoreOptions = {}) {
  let profiles = opts.profiles ?? [];
  let snapshot: StoreSnapshot = { clusters: [], profiles: opts.health ?? profiles.map((p) => health(p)), version: 1 };
  const listeners = new Set<() => void>();
  const unsupported = () => Promise.reject(new Error('not used by these screens'));
  // One spy per intent of the operations table, so a new operation needs no line here.
  const calls = Object.fromEntries(
    (Object.keys(CALLS) as CallName[]).map((name) => [name, vi.fn(opts[name] ?? (name === 'promote' ? async () => undefined : unsupported))]),
  ) as { [K in CallName]: Mock<ClusterStore[K]> };
  const store = {
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    getSnapshot: () => snapshot,
    start: vi.fn(),
    stop: vi.fn(async () => {}),
    refresh: vi.fn(),
    pause: vi.fn(() => () => {}),
    isPaused: () => false,
    timeline: () => [],
    profileOf: (name: string) => profiles.find((p) => p.name === name),
    provider: (name: string) =>
      (opts.connection ? ({ kind: 'ionos-v2', profile: name, connection: opts.connection } as unknown as import('../../../src/api/core/types.js').Provider) : undefined),
    // The ClickHouse rules of the real provider: restart and password reset, promote for a read replica only, and
    // edit (where the double has an edit form) for anything but a ClickHouse read replica.
    supports: opts.supports ?? ((c: Cluster, cap: string) => {
      const replica = c.provider === 'clickhouse' && (c.raw as { isPrimary?: unknown } | undefined)?.isPrimary === false;
      if (cap === 'edit') return !!opts.editForm && !replica;
      return c.provider === 'clickhouse' && (cap === 'restart' || cap === 'resetPassword' || (cap === 'promote' && replica));
    }),
    unsupportedReason: opts.unsupportedReason ?? ((c: Cluster, cap: string) => (cap === 'promote' ? `${c.name} is not a read replica: only a read replica can be promoted` : `${cap} is not available here`)),
    setProfiles: vi.fn((next: Profile[]) => {
      profiles = next;
      snapshot = { ...snapshot, profiles: next.map((p) => health(p, { status: 'loading' })), version: snapshot.version + 1 };
      for (const l of listeners) l();
    }),
    createForm: vi.fn(opts.createForm ?? unsupported),
    create: vi.fn(opts.create ?? unsupported),
    remove: vi.fn<(c: Cluster) => Promise<void>>(opts.remove ?? unsupported),
    update: vi.fn(opts.update ?? unsupported),
    ...calls,
  } satisfies ClusterStore;
  return Object.assign(store, {
    /** Test hook: replaces the clusters (and marks profiles stale) as a refresh would. */
    setClusters(clusters: Cluster[], over: Partial<StoreSnapshot> = {}) {
      snapshot = { ...snapshot, clusters, version: snapshot.version + 1, ...over };
      for (const l of listeners) l();
    },
  });
}

export function fakeProfilesApi(initial: Profile[], opts: { verify?: (p: Profile) => Promise<void> } = {}) {
  let saved = [...initial];
  const api = {
    list: vi.fn(() => [...saved]),
    verify: vi.fn(async (p: Profile) => {
      await opts.verify?.(p);
      return { summary: `ok ${p.name}` };
    }),
    save: vi.fn(async (p: Profile) => {
      await opts.verify?.(p);
      saved = [...saved.filter((x) => x.name !== p.name), p];
    }),
    remove: vi.fn(async (name: string) => {
      saved = saved.filter((x) => x.name !== name);
    }),
  } satisfies ProfilesApi;
  return api;
}
