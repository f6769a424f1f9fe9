// Key → frame on the activity screen with N sessions (default 500), in process: Ink rendering into
// ink-testing-library's stdout, the session a double answering the activity query at once with N rows (a fifth
// running, a fifth idle in transaction, a tenth waiting). Times moving (j, k, pgdn), sort (s) and filter typing.
// Run: node bench/activity-keys.mjs [N]. Prints one JSON line of figures.
import { render } from 'ink-testing-library';
import { performance } from 'node:perf_hooks';
import type { ClusterStore } from '../src/state/types.js';
import type { PgSession } from '../src/pg/session.js';
import { Activity } from '../src/ui/screens/Activity.js';
import { StoreProvider } from '../src/ui/shell/context.js';
import { PgProvider } from '../src/ui/shell/pg-context.js';

const N = Number(process.argv[2]) || 500;
const states = ['active', 'idle in transaction', 'idle', 'idle', 'active'];
const rows = Array.from({ length: N }, (_, i) => ({
  pid: 10_000 + i,
  state: states[i % 5],
  usename: `app_${i % 7}`,
  application_name: `worker-${i % 13}`,
  client_addr: `10.0.${i % 250}.${i % 200}`,
  client_port: 40_000 + i,
  datname: 'orders',
  wait_event_type: i % 10 === 4 ? 'Lock' : null,
  wait_event: i % 10 === 4 ? 'transactionid' : null,
  blocked_by: i % 10 === 4 ? [10_000 + i - 4] : [],
  query: `SELECT o.id, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ${i} /* ${'x'.repeat(i % 300)} */`,
  query_length: 120 + (i % 300),
  query_age_ms: (i * 37) % 600_000,
  xact_age_ms: states[i % 5] === 'idle' ? null : (i * 53) % 900_000,
  backend_age_ms: (i * 97) % 9_000_000,
  xmin_age: i % 50,
  sees_all: true,
  total: N,
}));
const session = { pid: 1, user: 'bench', serverVersion: 160000, query: async () => rows, close: async () => {} } as unknown as PgSession;
const cluster = { profile: 'bench', provider: 'ionos-v2', id: 'c1', name: 'bench', phase: 'ready', state: 'AVAILABLE', version: '16', raw: {} } as const;

const tick = () => new Promise<void>((r) => setImmediate(r));
const ui = render(
  <StoreProvider store={{} as ClusterStore} profiles={{} as never}>
    <PgProvider open={async () => session}>
      <Activity cluster={cluster} height={40} width={160} readOnly={false} active onBack={() => {}} onHelp={() => {}} onQuit={() => {}} copy={() => {}} />
    </PgProvider>
  </StoreProvider>,
);
for (let i = 0; i < 10_000 && !(ui.lastFrame() ?? '').includes('worker-'); i++) await tick();
await tick();

/** CPU of each key to its frame: on a shared, loaded machine wall time mostly measures the other processes. */
const cpu: number[] = [];
async function keyMs(key: string): Promise<number> {
  const before = ui.lastFrame();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  ui.stdin.write(key);
  for (let i = 0; i < 100_000 && ui.lastFrame() === before; i++) await tick();
  const ms = performance.now() - t0;
  const d = process.cpuUsage(c0);
  cpu.push((d.user + d.system) / 1000);
  // Let Ink re-subscribe its input handler after the commit (docs/ink-patches.md) before the next key.
  await tick();
  await tick();
  return ms;
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await keyMs('z'); // paused: the 2 s refresh does not land between a key and its frame
const move: number[] = [];
for (let i = 0; i < 30; i++) move.push(await keyMs(i % 10 === 9 ? '\u001b[6~' : i % 3 === 2 ? 'k' : 'j'));
const sort: number[] = [];
for (let i = 0; i < 5; i++) sort.push(await keyMs('s'));
await keyMs('/');
const filter: number[] = [];
for (const c of 'worker-7') filter.push(await keyMs(c));
ui.unmount();
console.error(JSON.stringify({ move: move.map((x) => +x.toFixed(1)), sort: sort.map((x) => +x.toFixed(1)), filter: filter.map((x) => +x.toFixed(1)) }));
console.log(JSON.stringify({ figures: { sessions: N, moveMedianMs: +median(move).toFixed(1), moveMaxMs: +Math.max(...move).toFixed(1), sortMedianMs: +median(sort).toFixed(1), filterMedianMs: +median(filter).toFixed(1), filterMaxMs: +Math.max(...filter).toFixed(1), cpuPerKeyMedianMs: +median(cpu.slice(1)).toFixed(1), targetMs: 16 } }));
process.exit(0);
