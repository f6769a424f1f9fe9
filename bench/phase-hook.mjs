// Loaded into `pgtui ls --json` with `node --import` by bench/run.mjs (the phase breakdown, not the timed runs):
// writes, at exit, when each phase ended (ms since the process started) to $PGTUI_BENCH_PHASE_LOG as JSON.
// Phases: Node's own start, loading and compiling pgtui's code, reading the config, the HTTP requests, decoding
// and writing the output, and the exit.
import diagnostics from 'node:diagnostics_channel';
import fs, { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { performance } from 'node:perf_hooks';

const log = process.env.PGTUI_BENCH_PHASE_LOG;
if (log) {
  const t = { nodeStarted: performance.nodeTiming.bootstrapComplete };
  const now = () => performance.now();
  // The config is read with readFileSync (src/state/config-file.ts): its first and last read of config.json.
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (path, ...rest) {
    const isConfig = typeof path === 'string' && /config\.json$|secrets\.json$/.test(path);
    if (isConfig) t.configStart ??= now();
    try {
      return readFileSync.call(this, path, ...rest);
    } finally {
      if (isConfig) t.configEnd = now();
    }
  };
  syncBuiltinESMExports();
  diagnostics.subscribe('http.client.request.start', () => (t.httpStart ??= now()));
  diagnostics.subscribe('http.client.response.finish', () => (t.httpEnd = now()));
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    t.outputStart ??= now();
    const ok = write(chunk, ...rest);
    t.outputEnd = now();
    return ok;
  };
  process.on('exit', () => {
    t.exit = now();
    writeFileSync(log, JSON.stringify(t));
  });
}
