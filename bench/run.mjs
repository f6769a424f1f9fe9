// npm run bench: start-up, ls at scale vs curl+jq, first frame, keystroke-to-frame, RSS, idle cost, and the
// store within each provider's rate limits (limits: bench/limits.ts, on a virtual clock).
// Each figure is a median of several runs and is printed with its comparison and ratio. `--quick` runs
// fewer rounds and a shorter idle window; a name (startup, scale, tui, idle, limits) runs only that part.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BIN, ROOT, Tmux, bundleFake, configFor, has, median, procStat, sleep, startFake, timeMedian, timeRun } from './lib.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const want = (name) => only.length === 0 || only.includes(name);
const RUNS = quick ? 3 : 9;
const results = [];
const node = process.execPath;

function report(name, value, unit, target, pass, note = '') {
  results.push({ name, value, unit, target, pass });
  console.log(`${name}: ${typeof value === 'number' ? value.toFixed(1) : value} ${unit}${note ? ` (${note})` : ''}${target ? ` — target ${target}: ${pass ? 'PASS' : 'MISS'}` : ''}`);
}

const script = await bundleFake();
const baseline = timeMedian(RUNS, () => timeRun(node, ['-e', '0'])).ms;
console.log(`node -e 0: ${baseline.toFixed(1)} ms (median of ${RUNS})`);

if (want('startup')) {
  const fake = await startFake(script, 100);
  const { env } = configFor(fake);
  const version = timeMedian(RUNS, () => timeRun(node, [BIN, '--version'], env)).ms;
  report('pgtui --version', version, 'ms', null, true, `${(version / baseline).toFixed(2)}x node -e 0`);
  const ls = timeMedian(RUNS, () => timeRun(node, [BIN, 'ls', '--json'], env));
  const n = JSON.parse(ls.last.stdout).length;
  report('pgtui ls --json (100 clusters, 1 page)', ls.ms, 'ms', '≤ 4x node -e 0', ls.ms <= 4 * baseline, `${(ls.ms / baseline).toFixed(2)}x node -e 0, ${n} clusters`);
  const curl = curlLoop(fake, 1);
  if (curl) report(`curl+${curl.tool}, same page`, curl.ms, 'ms', null, true, `pgtui/curl = ${(ls.ms / curl.ms).toFixed(2)}`);
  fake.stop();
}

if (want('scale')) {
  const fake = await startFake(script, 5000, 50);
  const { env } = configFor(fake);
  const runs = quick ? 1 : 3;
  const ls = timeMedian(runs, () => timeRun(node, [BIN, 'ls', '--json'], env));
  const n = JSON.parse(ls.last.stdout).length;
  const curl = curlLoop(fake, runs);
  report('pgtui ls --json (5,000 clusters, 50 pages, 50 ms latency)', ls.ms, 'ms', 'faster than sequential curl+jq', curl ? ls.ms < curl.ms : false, `${n} clusters${curl ? `; curl+jq ${curl.ms.toFixed(0)} ms (${curl.tool}), ratio ${(curl.ms / ls.ms).toFixed(2)}x` : '; curl missing'}`);
  fake.stop();
}

/** The providers' documented way: page with curl until a short page, jq to count and collect. */
function curlLoop(fake, runs) {
  if (!has('curl')) return undefined;
  const tool = has('jq') ? 'jq' : 'node';
  const count = tool === 'jq' ? `jq '.items|length'` : `${node} -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items.length))'`;
  const out = join(mkdtempSync(join(tmpdir(), 'pgtui-curl-')), 'all.json');
  const sh = `off=0; : > ${out}; while :; do body=$(curl -s -u "$U:$P" "$URL/clusters?offset=$off&limit=100"); n=$(printf '%s' "$body" | ${count}); printf '%s\\n' "$body" >> ${out}; [ "$n" -lt 100 ] && break; off=$((off+100)); done`;
  const env = { ...process.env, U: fake.username, P: fake.password, URL: fake.url };
  return { ...timeMedian(runs, () => timeRun('sh', ['-c', sh], env)), tool };
}

if ((want('tui') || want('idle')) && !has('tmux')) console.log('tui/idle: SKIPPED, tmux is not installed');
if ((want('tui') || want('idle')) && has('tmux')) {
  const fake = await startFake(script, 5000);
  const { env, dir } = configFor(fake, { refreshSeconds: 2 });
  const t = new Tmux();
  try {
    const started = Date.now();
    const latencyLog = join(dir, 'latency.log');
    const hook = join(ROOT, 'bench/key-latency-hook.mjs');
    t.start(`${node} --import ${hook} ${BIN}`, 120, 40, { ...env, TERM: 'xterm-256color', PGTUI_BENCH_LATENCY_LOG: latencyLog });
    // The first frame with data is the first page of clusters on screen (the rest keeps loading, the header
    // says so); the whole list is reported next to it.
    let screen = '';
    let firstFrame;
    while (!/5000 clusters · 1 profiles\s*$/m.test(screen) && Date.now() - started < 30_000) {
      screen = t.capture();
      if (firstFrame === undefined && /\b[1-9]\d* clusters · /.test(screen) && /^❯ \S/m.test(screen)) firstFrame = Date.now() - started;
      await sleep(5);
    }
    const allListed = Date.now() - started;
    firstFrame ??= allListed;
    report('interactive first frame with data (5,000-cluster account)', firstFrame, 'ms', '≤ 10x node -e 0', firstFrame <= 10 * baseline, `${(firstFrame / baseline).toFixed(1)}x node -e 0; all 5,000 listed at ${allListed} ms (${(allListed / baseline).toFixed(1)}x); polled every 5 ms`);
    const pid = Number(spawnSync('pgrep', ['-f', `^${node} --import ${hook} ${BIN}$`]).stdout.toString().trim().split('\n')[0]);
    await sleep(1000);
    const mem = procStat(pid);
    report('RSS at 5,000 clusters', mem.rssMb, 'MB', '≤ 150 MB', mem.rssMb <= 150);

    if (want('tui')) {
      const captures = [];
      for (let i = 0; i < 10; i++) {
        const s = process.hrtime.bigint();
        t.capture();
        captures.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      const captureCost = median(captures);
      // Two views of one keystroke: inside pgtui (terminal read → frame written, from the hook; the target), and
      // round trip through tmux (send-keys → the screen differs, minus one capture-pane), which adds tmux itself.
      const inProcess = () => {
        const xs = existsSync(latencyLog) ? readFileSync(latencyLog, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
        writeFileSync(latencyLog, '');
        return xs.length ? median(xs) : NaN;
      };
      const keyTimes = async (keys) => {
        // Pass 1, quiet: a key, then a pause, nothing polling tmux meanwhile (capture-pane in a loop takes a core).
        inProcess();
        const bytesLog = join(dir, 'key.bytes');
        writeFileSync(bytesLog, '');
        t.run('pipe-pane', '-t', 'b', '-o', `cat >> ${bytesLog}`);
        for (const key of keys) {
          t.run('send-keys', '-t', 'b', '-l', '--', key);
          await sleep(120);
        }
        t.run('pipe-pane', '-t', 'b');
        const bytes = statSync(bytesLog).size / keys.length;
        const pgtui = inProcess();
        // Pass 2, the same keys again (j moves on, the filter text grows), timed from outside through tmux.
        const times = [];
        for (const key of keys) {
          const before = t.capture();
          const s = process.hrtime.bigint();
          t.run('send-keys', '-t', 'b', '-l', '--', key);
          while (t.capture() === before) {
            if (Number(process.hrtime.bigint() - s) / 1e6 > 2000) break;
          }
          times.push(Number(process.hrtime.bigint() - s) / 1e6);
          await sleep(30);
        }
        inProcess();
        return { tmux: median(times) - captureCost, pgtui, bytes };
      };
      const j = await keyTimes(Array(quick ? 8 : 20).fill('j'));
      report('keystroke-to-frame, j at 5,000 clusters', j.pgtui, 'ms', '≤ 16 ms', j.pgtui <= 16, `terminal read → frame written; through tmux ${j.tmux.toFixed(1)} ms (send-keys → screen changed, minus one capture-pane of ${captureCost.toFixed(1)} ms)`);
      report('bytes to the terminal per j (what a slow SSH link carries)', j.bytes, 'bytes', null, true, 'a 120x40 screen is ~5 KB');
      t.run('send-keys', '-t', 'b', '/');
      await sleep(200);
      const filter = await keyTimes(['o', 'r', 'd', 'e', 'r', 's', '-', 'p'].slice(0, quick ? 4 : 8));
      report('keystroke-to-frame, filter typing at 5,000 clusters', filter.pgtui, 'ms', '≤ 16 ms', filter.pgtui <= 16, `terminal read → frame written; through tmux ${filter.tmux.toFixed(1)} ms`);
      t.run('send-keys', '-t', 'b', 'Escape');
      await sleep(300);
    }

    if (want('idle')) {
      const seconds = quick ? 10 : 60;
      const log = join(dir, 'tty.bytes');
      writeFileSync(log, '');
      await sleep(2500);
      t.run('pipe-pane', '-t', 'b', '-o', `cat >> ${log}`);
      const cpu0 = procStat(pid).cpuMs;
      const req0 = await fake.requests();
      await sleep(seconds * 1000);
      const bytes = existsSync(log) ? statSync(log).size : 0;
      const cpu = procStat(pid).cpuMs - cpu0;
      const reqs = (await fake.requests()) - req0;
      const polls = Math.max(1, reqs / 51);
      report(`bytes written while idle (${seconds} s, ${polls.toFixed(0)} polls of 50 pages)`, bytes, 'bytes', '0 bytes', bytes === 0);
      report('CPU per idle poll of 5,000 clusters', cpu / polls, 'ms', null, true, `${cpu.toFixed(0)} ms over ${seconds} s`);
      report('requests per minute while idle', (reqs * 60) / seconds, 'req/min', null, true, '50 pages + 1 short page per 2 s poll');
    }
  } finally {
    t.kill();
    fake.stop();
  }
}

if (want('limits')) {
  // Requests per minute idle at 100 and 5,000 clusters per provider, 429s in a scripted session (target 0), and
  // state change → row (target ≤ 10 s), all with every fake's limit on.
  const outfile = join(ROOT, 'bench/.cache/limits.mjs');
  await build({ entryPoints: [join(ROOT, 'bench/limits.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' } });
  const run = spawnSync(node, [outfile], { encoding: 'utf8', env: { ...process.env, ...(quick ? { QUICK: '1' } : {}) }, maxBuffer: 64 * 1024 * 1024 });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  const figures = last.startsWith('{') ? JSON.parse(last).figures : [];
  if (run.status !== 0 || figures.length === 0) report('limits bench', 'failed', '', null, false, (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / '));
  for (const line of figures) {
    const idle = /^idle (\S+) (\d+) clusters: ([\d.]+) requests\/min, (\d+) throttled/.exec(line);
    const session = /^session .*?(\d+) 429s/.exec(line);
    if (idle) {
      const big = idle[2] === '5000';
      report(`requests per minute idle, ${idle[1]} ${idle[2]} clusters`, Number(idle[3]), 'req/min', big ? '≤ 60' : null, (!big || Number(idle[3]) <= 60) && idle[4] === '0', line.replace(/^idle \S+ \d+ clusters: [\d.]+ requests\/min, /, ''));
    } else if (session) report('429s in a scripted ClickHouse session (create, watch, edit, psql lookup)', Number(session[1]), '429s', '0', session[1] === '0', line);
    else console.log(line);
  }
}

if (want('logs')) {
  // The logs screen with 100,000 lines loaded: key → frame in process (bench/logs-keys.tsx).
  const outfile = join(ROOT, 'bench/.cache/logs-keys.mjs');
  // Built as the app's bundle is (scripts/build.mjs): production React, the devtools stub.
  await build({ entryPoints: [join(ROOT, 'bench/logs-keys.tsx')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' }, alias: { 'react-devtools-core': join(ROOT, 'stubs/react-devtools-core.js') }, banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' } });
  const run = spawnSync(node, [outfile], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  const f = last.startsWith('{') ? JSON.parse(last).figures : undefined;
  if (run.status !== 0 || !f) report('logs bench', 'failed', '', null, false, (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / '));
  else {
    report('logs screen, scroll key → frame at 100,000 lines', f.scrollMedianMs, 'ms', '≤ 16 ms', f.scrollMedianMs <= 16, `median of k / pgup / G, max ${f.scrollMaxMs.toFixed(1)} ms; in process, Ink into a test stdout`);
    report('logs screen, search key → frame at 100,000 lines', f.searchMedianMs, 'ms', '≤ 16 ms', f.searchMedianMs <= 16, `median; each key filters every line; max ${f.searchMaxMs.toFixed(1)} ms`);
  }
}

console.log('\nsummary');
for (const r of results) console.log(`  ${r.pass ? 'PASS' : 'MISS'}  ${r.name}: ${typeof r.value === 'number' ? r.value.toFixed(1) : r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
