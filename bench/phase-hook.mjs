// Loaded into pgtui with `node --import` by bench/run.mjs (the phase breakdowns, not the timed runs): writes, at
// exit, when each phase ended (ms since the process started) to $PGTUI_BENCH_PHASE_LOG as JSON. Phases: Node's
// own start, loading and compiling pgtui's code, reading the config, the first and last HTTP request, the output
// (for the TUI: its first frame, and its first frame with clusters), and the exit.
import diagnostics from 'node:diagnostics_channel';
import fs, { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { performance } from 'node:perf_hooks';

const log = process.env.PGTUI_BENCH_PHASE_LOG;
if (log) {
  const t = { nodeStarted: performance.nodeTiming.bootstrapComplete };
  const now = () => performance.now();
  // The config is read through the trusted-file reader (src/files/trusted-file.ts: openSync … closeSync): its
  // first open and last close of config.json or secrets.json.
  const isConfig = (path) => typeof path === 'string' && /config\.json$|secrets\.json$/.test(path);
  const configFds = new Set();
  const openSync = fs.openSync;
  fs.openSync = function (path, ...rest) {
    const fd = openSync.call(this, path, ...rest);
    if (isConfig(path)) {
      t.configStart ??= now();
      configFds.add(fd);
    }
    return fd;
  };
  const closeSync = fs.closeSync;
  fs.closeSync = function (fd, ...rest) {
    try {
      return closeSync.call(this, fd, ...rest);
    } finally {
      if (configFds.delete(fd)) t.configEnd = now();
    }
  };
  syncBuiltinESMExports();
  diagnostics.subscribe('http.client.request.start', () => (t.httpStart ??= now()));
  diagnostics.subscribe('http.client.response.finish', () => {
    t.firstResponse ??= now();
    t.httpEnd = now();
  });
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    t.outputStart ??= now();
    const ok = write(chunk, ...rest);
    t.outputEnd = now();
    if (t.dataFrame === undefined && /\d clusters · /.test(String(chunk))) t.dataFrame = now();
    return ok;
  };
  process.on('exit', () => {
    t.exit = now();
    writeFileSync(log, JSON.stringify(t));
  });
}
