// The one way out of the process. Every exit — a command's code, a signal, a closed pipe, an uncaught error —
// runs the registered clean-ups (the demo's PostgreSQL, a PGPASSFILE, the terminal) and waits until stdout and
// stderr have left the process: a pipe takes 64 KB at once, and process.exit drops whatever is still queued.
import { constants } from 'node:os';

type Cleanup = () => void | Promise<void>;
type Signal = 'SIGTERM' | 'SIGHUP' | 'SIGINT';

/** Who handles a signal or an uncaught error instead of the default (exit 128+n, or one line and exit 1). */
export interface Interceptor {
  /** Returns true when it took care of the signal. */
  signal?(signal: Signal): boolean;
  crash?(err: unknown): void;
}

const cleanups = new Set<Cleanup>();
const interceptors: Interceptor[] = [];
const CLEANUP_DEADLINE_MS = 8_000;
let exiting: Promise<never> | undefined;

/** Runs `fn` on the way out (newest first); the returned function unregisters it. */
export function atExit(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => void cleanups.delete(fn);
}

/** Handles signals and crashes while `i` is the newest interceptor; the returned function hands them back. */
export function intercept(i: Interceptor): () => void {
  interceptors.push(i);
  return () => {
    const at = interceptors.lastIndexOf(i);
    if (at >= 0) interceptors.splice(at, 1);
  };
}

export const signalCode = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 1);

/** Resolves once everything written to the stream has left the process (or the stream can take no more). */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) return resolve();
    stream.write('', () => resolve());
  });
}

async function runCleanups(): Promise<void> {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch {
      // nothing left to report it to that would help; the next clean-up still runs
    }
  }
}

/** Waits for a clean-up at most as long as the way out does (what it leaves undone, exitWith's clean-ups retry). */
export function withinCleanupDeadline(work: Promise<unknown>): Promise<void> {
  return Promise.race([work.then(() => undefined, () => undefined), new Promise<void>((r) => setTimeout(r, CLEANUP_DEADLINE_MS).unref())]);
}

/** Cleans up, flushes stdout and stderr, and exits with `code`; the first call wins. */
export function exitWith(code: number): Promise<never> {
  exiting ??= (async () => {
    // A clean-up that hangs (a wedged pg_ctl) must not keep the process alive for ever.
    const deadline = new Promise<void>((r) => setTimeout(r, CLEANUP_DEADLINE_MS).unref());
    await Promise.race([runCleanups(), deadline]);
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  })();
  return exiting;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

let installed = false;

/** Installed once at start-up by the CLI. */
export function installProcessHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
    process.on(signal, () => {
      for (let i = interceptors.length - 1; i >= 0; i--) if (interceptors[i].signal?.(signal)) return;
      void exitWith(signalCode(signal));
    });
  }
  const crash = (err: unknown) => {
    const top = [...interceptors].reverse().find((i) => i.crash);
    if (top?.crash) return top.crash(err);
    if (!exiting) process.stderr.write(`pgtui: unexpected error: ${message(err).split('\n')[0]}\n`);
    void exitWith(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // A reader that went away (`pgtui ls | head -1`) is not an error: stop quietly, like `git log | head`.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => void exitWith(err.code === 'EPIPE' ? 0 : 1));
  // Nowhere left to report a broken stderr to.
  process.stderr.on('error', () => undefined);
}
