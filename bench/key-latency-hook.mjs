// Loaded into pgtui with `node --import` by bench/run.mjs: records, for every read from the terminal, the time
// until the next frame is written (stdin read → stdout write, in milliseconds) into $PGTUI_BENCH_LATENCY_LOG.
import { appendFileSync } from 'node:fs';

const log = process.env.PGTUI_BENCH_LATENCY_LOG;
if (log) {
  let readAt = 0;
  const read = process.stdin.read.bind(process.stdin);
  process.stdin.read = (...args) => {
    const data = read(...args);
    if (data !== null && data !== undefined) readAt = performance.now();
    return data;
  };
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    if (readAt) {
      appendFileSync(log, `${(performance.now() - readAt).toFixed(2)}\n`);
      readAt = 0;
    }
    return write(chunk, ...rest);
  };
}
