// Developer aid, not part of `npm run bench`: runs the TUI at 5,000 clusters under --cpu-prof in tmux, presses
// keys, quits, and prints where the time went (self time per function, top 25). Usage: node bench/profile-keys.mjs [j|filter|start]
// Build with PGTUI_NO_MINIFY=1 node scripts/build.mjs first to see real function names.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, Tmux, bundleFake, configFor, procStat, sleep, startFake } from './lib.mjs';

const mode = process.argv[2] ?? 'j';
const out = mkdtempSync(join(tmpdir(), 'pgtui-prof-'));
const fake = await startFake(await bundleFake(), 5000);
const { env } = configFor(fake, { refreshSeconds: 60 });
const t = new Tmux();
try {
  t.start(`${process.execPath} --cpu-prof-dir=${out} --cpu-prof ${BIN}`, 120, 40, { ...env, TERM: 'xterm-256color' });
  while (!/5000 clusters/.test(t.capture())) await sleep(20);
  await sleep(500);
  if (mode === 'filter') t.run('send-keys', '-t', 'b', '/');
  const keys = mode === 'filter' ? 'ordersprodbillingstaging'.split('') : mode === 'start' ? [] : Array(Number(process.env.KEYS ?? 60)).fill('j');
  const pid = Number(spawnSync('pgrep', ['-f', '--', `^${process.execPath} --cpu-prof-dir=${out}`]).stdout.toString().trim().split('\n')[0]);
  const cpu0 = procStat(pid).cpuMs;
  for (const k of keys) {
    t.run('send-keys', '-t', 'b', '-l', '--', k);
    await sleep(40);
  }
  await sleep(300);
  if (keys.length) console.log(`CPU per key: ${((procStat(pid).cpuMs - cpu0) / keys.length).toFixed(1)} ms over ${keys.length} keys (with the profiler on)`);
  t.run('send-keys', '-t', 'b', 'Escape');
  await sleep(200);
  t.run('send-keys', '-t', 'b', 'q');
  for (let i = 0; i < 100 && readdirSync(out).length === 0; i++) await sleep(100);
  await sleep(500);
} finally {
  t.kill();
  fake.stop();
}
const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(join(out, file), 'utf8'));
const self = new Map();
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
for (const n of prof.nodes) {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`profile ${join(out, file)}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
