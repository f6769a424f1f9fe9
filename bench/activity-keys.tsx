// Key → frame on the activity screen with N sessions (default 500), in process: Ink rendering into
// ink-testing-library's stdout (made 160 columns wide, as the screen is told), the session a double answering the
// activity query at once with N rows (a fifth running, a fifth idle in transaction, a tenth waiting). Each key is
// timed from its write to the frame it causes (awaited, never slept): moving (j, k, pgdn, pgup; 60 presses), sort
// (s) and filter typing; median and p95 over all of them, and the CPU each cost.
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

const COLUMNS = 160;
const tick = () => new Promise<void>((r) => setImmediate(r));
const ui = render(
  <StoreProvider store={{} as ClusterStore} profiles={{} as never}>
    <PgProvider open={async () => session}>
      <Activity cluster={cluster} height={40} width={COLUMNS} readOnly={false} active onBack={() => {}} onHelp={() => {}} onQuit={() => {}} copy={() => {}} />
    </PgProvider>
  </StoreProvider>,
);
// ink-testing-library's stdout says 100 columns: the screen's lines (cut to its width) would be cut again by Ink.
Object.defineProperty(ui.stdout, 'columns', { value: COLUMNS });
ui.stdout.emit('resize');
for (let i = 0; i < 10_000 && !(ui.lastFrame() ?? '').includes('worker-'); i++) await tick();
await tick();

// The frame a key causes: resolved by the write of a frame that differs from the one before the key (colours are
// on, bench/activity-keys.mjs: the cursor's inverse line differs), so nothing spins while the screen works.
let waiting: { before: string | undefined; done: () => void } | undefined;
const write = ui.stdout.write;
ui.stdout.write = (frame: string) => {
  write(frame);
  if (waiting && frame !== waiting.before) {
    const w = waiting;
    waiting = undefined;
    w.done();
  }
};

/** CPU of each key to its frame: on a shared, loaded machine wall time mostly measures the other processes. */
const cpu: number[] = [];
async function keyMs(key: string): Promise<number> {
  let guard: ReturnType<typeof setTimeout> | undefined;
  const framed = new Promise<void>((resolve, reject) => {
    waiting = { before: ui.lastFrame(), done: resolve };
    guard = setTimeout(() => reject(new Error(`no new frame 10 s after the key ${JSON.stringify(key)}`)), 10_000);
  });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  ui.stdin.write(key);
  await framed;
  const ms = performance.now() - t0;
  const d = process.cpuUsage(c0);
  clearTimeout(guard);
  cpu.push((d.user + d.system) / 1000);
  // Let Ink re-subscribe its input handler after the commit (docs/ink-patches.md) before the next key.
  await tick();
  await tick();
  return ms;
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => +x.toFixed(1);

await keyMs('z'); // paused: the 2 s refresh does not land between a key and its frame
cpu.length = 0;
const move: number[] = [];
for (let i = 0; i < 60; i++) move.push(await keyMs(i % 15 === 14 ? '\u001b[5~' : i % 10 === 9 ? '\u001b[6~' : i % 3 === 2 ? 'k' : 'j'));
const sort: number[] = [];
for (let i = 0; i < 5; i++) sort.push(await keyMs('s'));
await keyMs('/');
cpu.pop();
const filter: number[] = [];
for (const c of 'worker-7') filter.push(await keyMs(c));
ui.unmount();
const all = [...move, ...sort, ...filter];
console.error(JSON.stringify({ move: move.map(ms), sort: sort.map(ms), filter: filter.map(ms), cpu: cpu.map(ms) }));
console.log(
  JSON.stringify({
    figures: {
      sessions: N,
      keys: all.length,
      medianMs: ms(median(all)),
      p95Ms: ms(p95(all)),
      moveMedianMs: ms(median(move)),
      moveP95Ms: ms(p95(move)),
      moveMaxMs: ms(Math.max(...move)),
      sortMedianMs: ms(median(sort)),
      filterMedianMs: ms(median(filter)),
      filterMaxMs: ms(Math.max(...filter)),
      cpuPerKeyMedianMs: ms(median(cpu)),
      cpuPerKeyP95Ms: ms(p95(cpu)),
      targetMs: 16,
    },
  }),
);
process.exit(0);
