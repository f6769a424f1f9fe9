// A fake IONOS v1 API for the benchmarks, run out of process: `node fake-server.mjs COUNT [LATENCY_MS]`.
// Prints {url, username, password} as one JSON line, and the request count on each SIGUSR2.
import { FakeClock } from '../src/fake/kit.js';
import { startIonosV1Fake } from '../src/fake/ionos-v1/fake.js';

const count = Number(process.argv[2] ?? 100);
const latencyMs = Number(process.argv[3] ?? 0);
const fake = await startIonosV1Fake({ clock: new FakeClock(0), seed: 1 });
fake.seed(count);
if (latencyMs > 0) fake.inject({ latencyMs });
process.on('SIGUSR2', () => process.stdout.write(`${JSON.stringify({ requests: fake.requests.length })}\n`));
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ url: fake.url, username: fake.credentials.username, password: fake.credentials.password })}\n`);
