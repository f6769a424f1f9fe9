// Developer aid, not part of `npm run bench`: where the CPU of the TUI's first frame with data goes (100-cluster
// account, as `node bench/run.mjs frame` measures it). Starts pgtui in tmux under --cpu-prof with a preload that
// exits at the first frame with clusters, RUNS times (the first writes the code cache and is left out), and prints
// the median self time per package or source folder (docs/startup.md, "First frame with data").
// Build with PGTUI_NO_MINIFY=1 node scripts/build.mjs first: the bundle's `// path` markers name the sources.
// Usage: node bench/profile-frame.mjs [runs, default 7]
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, Tmux, bundleFake, configFor, median, sleep, startFake } from './lib.mjs';

const runs = Number(process.argv[2] ?? 7);
delete process.env.NODE_EXTRA_CA_CERTS; // as the bench measures (docs/startup.md, "The honest baseline")
const out = mkdtempSync(join(tmpdir(), 'pgtui-frame-prof-'));
const exitHook = join(out, 'exit-at-frame.cjs');
writeFileSync(exitHook, `const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const ok = write(chunk, ...rest);
  if (/\\d clusters · /.test(String(chunk))) process.exit(0); // --cpu-prof writes its profile at exit
  return ok;
};\n`);
const fake = await startFake(await bundleFake(), 100);
try {
  for (let i = 0; i < runs; i++) {
    const { env } = configFor(fake, { refreshSeconds: 60 });
    const dir = join(out, String(i));
    const t = new Tmux();
    t.socket += `-frame-${i}`;
    try {
      t.start(`${process.execPath} --cpu-prof --cpu-prof-interval=250 --cpu-prof-dir=${dir} -r ${exitHook} ${BIN}; sleep 30`, 120, 40, { ...env, TERM: 'xterm-256color' });
      for (let k = 0; k < 1500; k++) {
        await sleep(20);
        if (readdirSync(out).includes(String(i)) && readdirSync(dir).some((f) => f.endsWith('.cpuprofile'))) break;
      }
      await sleep(200);
    } finally {
      t.kill();
    }
  }
} finally {
  fake.stop();
}

// The bundle's `// path` comments (unminified build) say which source each line comes from.
const bundleLines = readFileSync(join(ROOT, 'dist/pgtui.cjs'), 'utf8').split('\n');
const sourceOfLine = [];
let source = '(bundle)';
for (const line of bundleLines) {
  const m = /^\/\/ (\S+\.(?:[cm]?js|tsx?|json))$/.exec(line);
  if (m) source = m[1];
  sourceOfLine.push(source);
}
const group = (file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.replace(/^(src\/(?:api\/)?[^/]+)\/.*/, '$1/');
const perRun = [];
for (let i = 1; i < runs; i++) {
  const dir = join(out, String(i));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) continue;
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const self = new Map();
  prof.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[k] ?? 0)));
  const byGroup = new Map();
  for (const n of prof.nodes) {
    const us = self.get(n.id) ?? 0;
    const { url, functionName, lineNumber } = n.callFrame;
    const key = url.endsWith('pgtui.cjs') ? group(sourceOfLine[lineNumber] ?? '?') : url.startsWith('node:') ? `node:${url.slice(5).split('/')[0]}` : url ? url.split('/').pop() : `(${functionName})`;
    if (key !== '((idle))') byGroup.set(key, (byGroup.get(key) ?? 0) + us);
  }
  perRun.push(byGroup);
}
const keys = new Set(perRun.flatMap((m) => [...m.keys()]));
const rows = [...keys].map((k) => [k, median(perRun.map((m) => m.get(k) ?? 0)) / 1000]).sort((a, b) => b[1] - a[1]);
const totals = perRun.map((m) => [...m.values()].reduce((a, b) => a + b, 0) / 1000);
console.log(`${perRun.length} profiles in ${out}; time sampled to the first frame with data: median ${median(totals).toFixed(0)} ms (the profiler adds to it, and so does time the process waited for a core: use a quiet machine)`);
for (const [k, ms] of rows.slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
