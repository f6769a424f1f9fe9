// A ClickHouse fake for `npm run bench -- long-text`, run out of process: one service with a 200 KB name (one `é`
// in it) and 80 log lines of 100 KB. Prints {url, keyId, keySecret, orgId} as one JSON line.
import { startClickHouseFake } from '../src/fake/clickhouse/fake.js';
import { FakeClock } from '../src/fake/kit.js';

const fake = await startClickHouseFake({ clock: new FakeClock(1), rateLimit: false, seed: 3 });
const s = fake.addService({ name: `${'n'.repeat(100_000)}é${'m'.repeat(100_000)}` });
const now = Date.now();
fake.extraLogs.set(s.id, Array.from({ length: 80 }, (_, i) => ({ at: now - 60_000 + i, severity: 'LOG', body: `line ${i} ${'x'.repeat(50_000)}é${'y'.repeat(50_000)}` })));
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ url: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, orgId: fake.orgId })}\n`);
