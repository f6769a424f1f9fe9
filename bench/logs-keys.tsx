// `npm run bench -- logs`: key → frame on the logs screen with 100,000 lines loaded, in process (Ink rendering
// into ink-testing-library's stdout, the store a double that answers at once). Times scroll keys (k, pgup, G)
// and search typing (each key walks the 100,000 pre-lowered lines once). Prints one JSON line of figures.
import { render } from 'ink-testing-library';
import { performance } from 'node:perf_hooks';
import type { LogLine } from '../src/api/core/insight.js';
import type { ClusterStore } from '../src/state/types.js';
import { Logs } from '../src/ui/screens/Logs.js';
import { StoreProvider } from '../src/ui/shell/context.js';
import { LOG_BYTES_CAP, LogBuffer } from '../src/ui/models/log-view.js';

const N = 100_000;
const severities = ['LOG', 'LOG', 'LOG', 'WARNING', 'ERROR'];
const lines: LogLine[] = Array.from({ length: N }, (_, i) => ({
  at: new Date(Date.UTC(2026, 10, 30) + i * 50).toISOString(),
  severity: severities[i % severities.length]!,
  message: `connection authorized: user=app_${i % 97} database=orders application_name=worker-${i % 13} duration ${i % 1000}.${i % 10} ms`,
}));
const cluster = { profile: 'bench', provider: 'clickhouse', id: 'c1', name: 'bench', phase: 'ready', state: 'running', version: '16', raw: {} } as const;
const store = {
  supports: () => true,
  unsupportedReason: () => '',
  logs: async () => ({ lines, truncated: false }),
} as unknown as ClusterStore;

const tick = () => new Promise<void>((r) => setImmediate(r));
const ui = render(
  <StoreProvider store={store} profiles={{} as never}>
    <Logs cluster={cluster} height={40} width={160} readOnly={false} active onBack={() => {}} onHelp={() => {}} onQuit={() => {}} pollMs={3_600_000} />
  </StoreProvider>,
);
for (let i = 0; i < 10_000 && !(ui.lastFrame() ?? '').includes('100,000 lines'); i++) await tick();
await tick();

async function keyMs(key: string): Promise<number> {
  const before = ui.lastFrame();
  const t0 = performance.now();
  ui.stdin.write(key);
  for (let i = 0; i < 100_000 && ui.lastFrame() === before; i++) await tick();
  const ms = performance.now() - t0;
  // Let Ink re-subscribe its input handler after the commit (docs/ink-patches.md) before the next key.
  await tick();
  await tick();
  return ms;
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const scroll: number[] = [];
for (let i = 0; i < 20; i++) scroll.push(await keyMs(i % 5 === 4 ? '\u001b[5~' : 'k'));
scroll.push(await keyMs('G'));
await keyMs('/');
const search: number[] = [];
for (const c of 'worker-7') search.push(await keyMs(c));
ui.unmount();
// Memory of the logs model with long lines: 30,000 lines of 4 KB (twice its byte cap) into one buffer: bytes held, lines kept.
const long = new LogBuffer();
for (let i = 0; i < 30_000; i += 2_000) long.add(Array.from({ length: 2_000 }, (_, k) => ({ at: new Date(Date.UTC(2026, 10, 30) + (i + k) * 50).toISOString(), severity: 'LOG', message: `${i + k} ${'x'.repeat(4_096)}` })));
console.error(JSON.stringify({ scroll: scroll.map((x) => +x.toFixed(1)), search: search.map((x) => +x.toFixed(1)) })); // every key, for a look at the spread
console.log(JSON.stringify({ figures: { lines: N, scrollMedianMs: median(scroll), scrollMaxMs: Math.max(...scroll), searchMedianMs: median(search), searchMaxMs: Math.max(...search), longLinesHeldMb: long.bytes / 1048576, longLinesKept: long.entries.length, capMb: LOG_BYTES_CAP / 1048576 } }));
process.exit(0);
