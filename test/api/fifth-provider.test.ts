// Proof of docs/ARCHITECTURE.md "Adding a provider": a fifth provider built only from the module interface
// (src/api/core/provider-module.ts), added to the module list the way its one registry line would, shows up in the
// kinds, the config schema, the profile form, env profiles, `profile add` and the store, with no other change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderModule } from '../../src/api/core/provider-module.js';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster, ListResult, Provider, ProviderKind } from '../../src/api/core/types.js';

interface FifthProfile {
  kind: 'fifth';
  name: string;
  readOnly?: boolean;
  source?: 'file' | 'env' | 'demo';
  endpoint?: string;
  apiKey: string;
}

vi.mock('../../src/api/modules.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/api/modules.js')>();
  const { z } = await import('zod');
  const kit = await import('../../src/api/core/profile-kit.js');
  const DEFAULT = 'https://api.fifth.example';

  class FifthProvider {
    readonly kind = 'fifth';
    constructor(private readonly p: FifthProfile) {}
    get profile() {
      return this.p.name;
    }
    verify() {
      return Promise.resolve({ summary: `key ${this.p.apiKey.slice(0, 2)}…` });
    }
    list(): Promise<ListResult> {
      const clusters = [{ profile: this.p.name, provider: 'fifth', id: 'f-1', name: 'five', phase: 'ready', state: 'RUNNING', raw: {} }] as unknown as Cluster[];
      return Promise.resolve({ clusters, failures: [], warnings: [], duplicates: [] });
    }
    get(): Promise<Cluster> {
      return Promise.reject(new Error('not used'));
    }
    createForm() {
      return Promise.resolve({ title: 'New fifth cluster', fields: [], validate: () => ({}) });
    }
    create(): Promise<Cluster> {
      return Promise.reject(new Error('not used'));
    }
    remove() {
      return Promise.resolve();
    }
    connection() {
      return { host: 'five.example', port: 5432, database: 'postgres', sslmode: 'require' as const };
    }
    restart(): Promise<Cluster> {
      return Promise.reject(new Error('not used'));
    }
  }

  const fifth: ProviderModule<FifthProfile> = {
    kind: 'fifth',
    label: 'Fifth Cloud',
    schema: z.looseObject({ ...kit.commonProfileShape, kind: z.literal('fifth'), endpoint: z.string().optional(), apiKey: z.string() }),
    defaultApiUrl: DEFAULT,
    urlOf: (p) => p.endpoint ?? DEFAULT,
    secretFields: ['apiKey'],
    form: {
      fields: (p) => [kit.secretField('apiKey', 'API key', p?.apiKey), { key: 'endpoint', label: 'Endpoint', kind: 'text', default: DEFAULT }],
      rules: (p) => z.object({ apiKey: kit.needSecret(p?.apiKey, 'an API key is required'), endpoint: kit.URL_RULE }).loose(),
      values: (p) => ({ apiKey: '', endpoint: p.endpoint ?? DEFAULT }),
      profile: (v, common, prev) => kit.compact<FifthProfile>({ ...common, kind: 'fifth', endpoint: kit.urlUnlessDefault(v.endpoint, DEFAULT), apiKey: v.apiKey || (prev?.apiKey ?? '') }),
    },
    fromEnv: (env) => (env.FIFTH_API_KEY ? [{ name: 'env-fifth', kind: 'fifth', source: 'env', apiKey: env.FIFTH_API_KEY }] : []),
    cli: {
      options: [
        { flags: '--api-key-stdin', description: 'Fifth: read the API key from standard input' },
        { flags: '--api-url <url>', description: 'API base URL' },
      ],
      build: async (name, o, io) => ({ name, kind: 'fifth', endpoint: o.apiUrl as string | undefined, apiKey: o.apiKeyStdin ? await io.readStdin() : io.env.FIFTH_API_KEY || io.usage('missing --api-key-stdin') }),
    },
    rate: { limits: { requests: 60, windowMs: 60_000 }, throttledBy: 'Fifth Cloud', credential: (p) => `fifth:${p.endpoint ?? DEFAULT}` },
    create: (p) => new FifthProvider(p) as unknown as Provider,
  };
  return { ...real, MODULES: [...real.MODULES, fifth] };
});

const FIFTH = 'fifth' as ProviderKind;
const saved = { kind: 'fifth', name: 'five', apiKey: 'k-secret' } as unknown as Profile;

describe('a fifth provider from one module and one registry line', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('is a kind, with its label, after the four', async () => {
    const { PROVIDER_KINDS, PROVIDER_LABELS, isProviderKind } = await import('../../src/api/registry.js');
    expect(PROVIDER_KINDS).toEqual(['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo', 'fifth']);
    expect(PROVIDER_LABELS[FIFTH]).toBe('Fifth Cloud');
    expect(isProviderKind('fifth')).toBe(true);
  });

  it('its profiles are read from config.json and a wrong kind names it among the expected ones', async () => {
    const { configSchema, firstIssue } = await import('../../src/state/config-schema.js');
    expect(configSchema.parse({ profiles: [saved] }).profiles).toEqual([saved]);
    const bad = { profiles: [{ kind: 'sixth', name: 'x' }] };
    const r = configSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(firstIssue(r.error!, bad)).toBe('profiles.0.kind: unknown provider "sixth" (expected one of ionos-v1, ionos-v2, clickhouse, pgo, fifth)');
  });

  it('has a profile form: fields, rules, values, the saved profile and its masked secret', async () => {
    const { profileFormSpec, savedSecretPlaceholders } = await import('../../src/ui/screens/profile-form/specs.js');
    const { profileFromValues, valuesFromProfile } = await import('../../src/ui/screens/profile-form/convert.js');
    const spec = profileFormSpec(FIFTH, { existingNames: ['taken'] });
    expect(spec.title).toBe('New Fifth Cloud profile');
    expect(spec.fields.map((f) => f.key)).toEqual(['name', 'apiKey', 'endpoint', 'protection']);
    expect(spec.validate({ name: 'taken', apiKey: '', endpoint: 'nope' })).toEqual({
      name: 'a profile with this name exists',
      apiKey: 'an API key is required',
      endpoint: 'an http(s) URL, e.g. https://api.example.com',
    });
    const values = { name: 'five', apiKey: 'k-secret', endpoint: 'https://api.fifth.example', protection: 'normal' };
    expect(spec.validate(values)).toEqual({});
    expect(profileFromValues(FIFTH, values)).toEqual(saved);
    expect(valuesFromProfile(saved)).toEqual({ name: 'five', protection: 'normal', apiKey: '', endpoint: 'https://api.fifth.example' });
    expect(savedSecretPlaceholders(saved)).toEqual({ apiKey: '•••••••• saved' });
    // Editing: a blank key keeps the saved one.
    expect(profileFromValues(FIFTH, { ...values, apiKey: '' }, saved)).toEqual(saved);
  });

  it('reads its own environment variables into an env profile', async () => {
    const { profilesFromEnv } = await import('../../src/state/env-profiles.js');
    expect(profilesFromEnv({ FIFTH_API_KEY: 'from-env' }, '/nonexistent', () => { throw new Error('no file'); })).toEqual([
      { name: 'env-fifth', kind: 'fifth', source: 'env', apiKey: 'from-env' },
    ]);
  });

  it('adds its options to `profile add`, which builds its profile', async () => {
    const { profileAddOptions } = await import('../../src/api/registry.js');
    const { buildProfile } = await import('../../src/commands/profile.js');
    const options = profileAddOptions();
    expect(options.map((o) => o.flags)).toContain('--api-key-stdin');
    // A flag several providers declare is offered once.
    expect(options.filter((o) => o.flags === '--api-url <url>')).toHaveLength(1);
    expect(await buildProfile('five', { provider: 'fifth', apiUrl: 'https://eu.fifth.example' }, { FIFTH_API_KEY: 'k-secret' })).toEqual({
      name: 'five', kind: 'fifth', endpoint: 'https://eu.fifth.example', apiKey: 'k-secret',
    });
    await expect(buildProfile('five', { provider: 'fifth' }, {})).rejects.toThrow('missing --api-key-stdin');
    await expect(buildProfile('x', { provider: 'sixth' }, {})).rejects.toThrow('--provider must be one of ionos-v1, ionos-v2, clickhouse, pgo, fifth');
  });

  it('the store lists its clusters and asks it what it supports', async () => {
    const { createProvider } = await import('../../src/api/registry.js');
    const { createClusterStore } = await import('../../src/state/store.js');
    const { memorySecretStore } = await import('../../src/api/core/types.js');
    const store = createClusterStore({ profiles: [saved], providerFor: (p) => createProvider(p, { secrets: memorySecretStore() }) });
    stop = () => store.stop();
    const loaded = new Promise<void>((resolve) => {
      const check = () => {
        if (store.getSnapshot().clusters.length > 0) resolve();
      };
      store.subscribe(check);
      check();
    });
    store.start();
    await loaded;
    const snap = store.getSnapshot();
    expect(snap.clusters.map((c) => [c.profile, c.provider, c.name])).toEqual([['five', 'fifth', 'five']]);
    expect(snap.profiles[0]).toMatchObject({ profile: 'five', kind: 'fifth', insecure: false });
    const cluster = snap.clusters[0]!;
    expect(store.supports(cluster, 'restart')).toBe(true);
    expect(store.supports(cluster, 'backups')).toBe(false);
    expect(store.unsupportedReason(cluster, 'backups')).toBe('backups is not available for Fifth Cloud clusters');
  });
});
