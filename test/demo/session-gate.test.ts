// A Postgres session opened in the demo before its PostgreSQL is up and its logins are stored: the session layer
// (src/pg/session.ts) waits for the demo's gate, then reads the connection, so it connects with the stored login
// and sees the seeded workload; no caller waits for it first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContext, type Context } from '../../src/commands/context.js';
import { connectCluster } from '../../src/diagnose/pg-connect.js';
import { findPostgresBin } from '../../src/fake/postgres-bin.js';
import { openPgSession } from '../../src/pg/session.js';
import { WORKLOAD_APPS } from '../../src/demo/workload.js';
import type { Cluster, Provider } from '../../src/api/core/types.js';

const POSTGRES = Boolean(findPostgresBin());
if (!POSTGRES) process.stderr.write('test/demo/session-gate: skipped: no PostgreSQL server binaries\n');

describe.skipIf(!POSTGRES)('a Postgres session in the demo, opened before its logins are seeded', () => {
  let ctx: Context;
  let targets: Array<{ cluster: Cluster; provider: Provider }>;
  beforeAll(async () => {
    ctx = await loadContext({ demo: true });
    targets = [];
    for (const name of ['demo-ionos', 'demo-pgo']) {
      const profile = ctx.profiles.find((p) => p.name === name)!;
      const provider = ctx.providerFor(profile);
      const cluster = (await provider.list()).clusters.find((c) => c.phase === 'ready')!;
      targets.push({ cluster, provider });
    }
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('waits for the server, its logins and the workload, then connects; diagnose connects the same way', async () => {
    // Not seeded yet: the on-demand PostgreSQL has not been asked for, so no cluster has a login.
    for (const { cluster, provider } of targets) expect(provider.connection(cluster).password).toBeUndefined();
    const [ionos, pgo] = targets as [(typeof targets)[0], (typeof targets)[0]];
    const [session, handle] = await Promise.all([
      openPgSession(ionos.cluster, ionos.provider, { configDir: ctx.config.dir }),
      connectCluster(pgo.cluster, pgo.provider, { configDir: ctx.config.dir, statementTimeoutMs: 10_000 }),
    ]);
    try {
      expect(ionos.provider.connection(ionos.cluster).password).toBeTruthy();
      expect(await session.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      // The seeded workload is in by the time the session opens.
      const apps = await session.query<{ application_name: string }>('SELECT application_name FROM pg_stat_activity WHERE application_name = ANY($1)', [Object.values(WORKLOAD_APPS)]);
      expect(apps.map((a) => a.application_name).sort()).toEqual(Object.values(WORKLOAD_APPS).sort());
      expect(await handle.query<{ two: number }>('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    } finally {
      await session.close();
      await handle.close();
    }
  }, 180_000);

  it('a cluster that is not ready is refused at once, with diagnose its own reason', async () => {
    const profile = ctx.profiles.find((p) => p.name === 'demo-ionos')!;
    const provider = ctx.providerFor(profile);
    const busy = (await provider.list()).clusters.find((c) => !['ready', 'degraded'].includes(c.phase))!;
    await expect(openPgSession(busy, provider)).rejects.toThrow(/Postgres views need a ready cluster/);
    await expect(connectCluster(busy, provider, { statementTimeoutMs: 1000 })).rejects.toThrow(new RegExp(`^the cluster is ${busy.phase}$`));
  });
});
