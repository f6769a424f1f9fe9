// Proof of docs/ARCHITECTURE.md "Adding an operation": one row in the operations table (src/api/core/capability.ts)
// and one call row (src/api/core/operations.ts) give the store its intent, `supports`, the one-line "not available"
// wording and the read-only refusal, with no store code written for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster, Identity, ListResult, Provider } from '../../src/api/core/types.js';
import type { Capability } from '../../src/api/core/capabilities.js';
import { createClusterStore } from '../../src/state/store.js';
import type { ClusterStore } from '../../src/state/types.js';

vi.mock('../../src/api/core/capability.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/api/core/capability.js')>();
  return { ...real, OPERATIONS: { ...real.OPERATIONS, vacuum: { method: 'vacuum', label: 'vacuuming', writes: true } } };
});
vi.mock('../../src/api/core/operations.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/api/core/operations.js')>();
  const vacuum = { capability: 'vacuum', method: 'vacuum', writes: true, takes: 0, call: (p: Provider, c: Cluster) => (p as unknown as { vacuum: (id: string) => Promise<string> }).vacuum(c.id) };
  return { ...real, CALLS: { ...real.CALLS, vacuum } };
});

const c: Cluster = { profile: 'p', provider: 'pgo', id: 'c1', name: 'hippo', phase: 'ready', state: 'Initialized', raw: {} };

function provider(withVacuum: boolean) {
  const calls: string[] = [];
  const base = {
    kind: 'pgo' as const,
    profile: 'p',
    verify: async (): Promise<Identity> => ({ summary: 'stub' }),
    list: async (): Promise<ListResult> => ({ clusters: [c], failures: [], warnings: [], duplicates: [] }),
    get: async () => c,
    createForm: async () => ({ title: '', fields: [], validate: () => ({}) }),
    create: async () => c,
    remove: async () => undefined,
    connection: () => ({ host: 'h', port: 5432, user: 'u', database: 'd' }),
  };
  const vacuum = { vacuum: async (id: string) => (calls.push(id), `vacuumed ${id}`) };
  return { provider: (withVacuum ? { ...base, ...vacuum } : base) as unknown as Provider, calls };
}

let store: ClusterStore | undefined;
afterEach(async () => {
  await store?.stop();
  store = undefined;
});
const make = (p: Provider, readOnly = false) => {
  const profile = { kind: 'pgo', name: 'p', apiUrl: 'https://x', namespace: 'n', username: 'u', password: 'pw', ...(readOnly ? { readOnly } : {}) } as Profile;
  return (store = createClusterStore({ profiles: [profile], providerFor: () => p, random: () => 0.5 }));
};
type WithVacuum = ClusterStore & { vacuum: (c: Cluster) => Promise<string> };
const VACUUM = 'vacuum' as Capability;

describe('a new operation from its two table rows', () => {
  it('the store has the intent and supports it where the provider has the method', async () => {
    const { provider: p, calls } = provider(true);
    const s = make(p) as WithVacuum;
    expect(s.supports(c, VACUUM)).toBe(true);
    await expect(s.vacuum(c)).resolves.toBe('vacuumed c1');
    expect(calls).toEqual(['c1']);
  });

  it('a provider without the method: not supported, said in one line with the row\'s label', async () => {
    const s = make(provider(false).provider) as WithVacuum;
    expect(s.supports(c, VACUUM)).toBe(false);
    expect(s.unsupportedReason(c, VACUUM)).toMatch(/^vacuuming is not available for /);
    await expect(s.vacuum(c)).rejects.toThrow(/vacuuming is not available/);
  });

  it('a read-only profile refuses it before any request (the row writes)', async () => {
    const { provider: p, calls } = provider(true);
    const s = make(p, true) as WithVacuum;
    await expect(s.vacuum(c)).rejects.toThrow('profile p is read-only: vacuuming is disabled');
    expect(calls).toEqual([]);
  });
});
