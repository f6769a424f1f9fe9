// Developer aid, not part of `npm run bench`: the first frame with data (100-cluster account) of two or more
// builds side by side, measured as `node bench/run.mjs frame` measures one (tmux, Enter → the frame's bytes in
// tmux's pipe), the builds alternating run by run so that they share the machine's load, with `node -e 0`
// beside them. Each DIR is a checkout or a copy with bin/ and a built dist/ (docs/startup.md, "First frame").
// Usage: node bench/frame-vs.mjs RUNS DIR_A DIR_B [...]
import { mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tmux, bundleFake, configFor, median, procStat, startFake, timeRun } from './lib.mjs';

const [runs, ...dirs] = process.argv.slice(2);
if (!(Number(runs) > 0) || dirs.length < 2) throw new Error('usage: node bench/frame-vs.mjs RUNS DIR_A DIR_B [...]');
delete process.env.NODE_EXTRA_CA_CERTS; // docs/startup.md, "The honest baseline"
const script = await bundleFake();
const caches = dirs.map(() => mkdtempSync(join(tmpdir(), 'pgtui-vs-cache-'))); // one code cache per build

async function frame(dir, cache) {
  const fake = await startFake(script, 100);
  const { env, dir: configDir } = configFor(fake, { refreshSeconds: 60 });
  const t = new Tmux();
  t.socket += `-vs-${Math.random().toString(36).slice(2, 8)}`;
  const bytes = join(configDir, 'frame.bytes');
  writeFileSync(bytes, '');
  try {
    t.start(`sh -c 'read go; exec ${process.execPath} ${dir}/bin/pgtui.js'`, 120, 40, { ...env, XDG_CACHE_HOME: cache, TERM: 'xterm-256color' });
    t.run('pipe-pane', '-t', 'b', '-o', `cat >> ${bytes}`);
    // eslint-disable-next-line no-control-regex -- terminal escape sequences, on purpose
    const seen = () => readFileSync(bytes, 'utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]/g, '');
    const pid = Number(t.run('display-message', '-p', '-t', 'b', '#{pane_pid}').trim());
    const started = Date.now();
    t.run('send-keys', '-t', 'b', 'Enter');
    return await new Promise((resolve, reject) => {
      const watcher = watch(bytes, () => {
        const text = seen();
        if (!/\b[1-9]\d* clusters · /.test(text) || !/❯ \S/.test(text)) return;
        watcher.close();
        clearTimeout(timer);
        resolve({ ms: Date.now() - started, cpu: procStat(pid).cpuMs });
      });
      const timer = setTimeout(() => (watcher.close(), reject(new Error(`${dir}: no frame with data within 30 s`))), 30_000);
    });
  } finally {
    t.kill();
    fake.stop();
  }
}

for (const [i, dir] of dirs.entries()) await frame(dir, caches[i]); // each build's first run writes its code cache
const results = dirs.map(() => ({ ms: [], cpu: [] }));
const node = [];
for (let r = 0; r < Number(runs); r++) {
  node.push(timeRun(process.execPath, ['-e', '0']).ms);
  for (const [i, dir] of dirs.entries()) {
    const f = await frame(dir, caches[i]);
    results[i].ms.push(f.ms);
    results[i].cpu.push(f.cpu);
  }
}
const base = median(node);
console.log(`node -e 0 beside them: median ${base.toFixed(1)} ms (${node.map((x) => x.toFixed(0)).join(' ')})`);
for (const [i, dir] of dirs.entries()) {
  const ms = median(results[i].ms);
  console.log(`${dir}: first frame with data ${ms} ms median = ${(ms / base).toFixed(2)}x node -e 0; CPU at the frame ${median(results[i].cpu)} ms; runs ${results[i].ms.join(' ')}`);
}
