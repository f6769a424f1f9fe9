// The body of `node bench/diagnose.mjs --all` (bundled by it): `diagnose --all` over the demo as pgtui runs it
// (the four fakes with their rate limits on, the local PostgreSQL behind them), timed, with each fake's
// request count and the 429s it answered (target: none).
import { createProvider } from '../src/api/registry.js';
import type { Cluster } from '../src/api/core/types.js';
import { startDemo } from '../src/demo/start.js';
import { ClickHouseFake } from '../src/fake/clickhouse/fake.js';
import { IonosV1Fake } from '../src/fake/ionos-v1/fake.js';
import { IonosV2RegionServer } from '../src/fake/ionos-v2/server.js';
import { PgoFake } from '../src/fake/pgo/fake.js';
import { clusterKey, diagnoseFleet } from '../src/diagnose/fleet.js';
import { DEFAULT_THRESHOLDS } from '../src/diagnose/thresholds.js';
import { openConfig } from '../src/state/config.js';

const throttled = new Map<string, number>();
for (const F of [ClickHouseFake, IonosV1Fake, IonosV2RegionServer, PgoFake]) {
  const proto = F.prototype as unknown as { rateLimitResponse(s: number): unknown };
  const original = proto.rateLimitResponse;
  throttled.set(F.name, 0);
  proto.rateLimitResponse = function (this: unknown, s: number) {
    throttled.set(F.name, throttled.get(F.name)! + 1);
    return original.call(this, s);
  };
}

const demo = await startDemo({});
try {
  const config = openConfig({ dir: demo.configDir });
  const providers = new Map(config.list().map((p) => [p.name, createProvider(p, { secrets: config.secrets })]));
  const t0 = performance.now();
  const clusters: Cluster[] = (await Promise.all([...providers.values()].map((p) => p.list()))).flatMap((l) => l.clusters);
  const results = await diagnoseFleet(clusters, (c) => providers.get(c.profile)!, { thresholds: DEFAULT_THRESHOLDS, configDir: demo.configDir });
  const ms = performance.now() - t0;
  const verdicts = clusters.map((c) => results.get(clusterKey(c))!.verdict);
  const count = (v: string) => verdicts.filter((x) => x === v).length;
  const withPg = clusters.filter((c) => !results.get(clusterKey(c))!.postgresSkipped).length;
  console.log(`diagnose --all over the demo: ${clusters.length} clusters (${withPg} with Postgres checks) in ${(ms / 1000).toFixed(1)} s: ${count('red')} red, ${count('yellow')} yellow, ${count('green')} green, ${count('unknown')} unknown`);
  const total = [...throttled.values()].reduce((a, b) => a + b, 0);
  console.log(`429 answers: ${[...throttled].map(([k, v]) => `${k} ${v}`).join(', ')} — target 0: ${total === 0 ? 'PASS' : 'MISS'}`);
} finally {
  await demo.stop();
}
