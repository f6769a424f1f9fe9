// Runs the interactive app: alternate screen, Ink render, the store, and a terminal restored on every way
// out (q, :q, ctrl-c, SIGTERM, SIGHUP, an uncaught error).
import { render } from 'ink';
import type { Cluster } from '../api/core/types.js';
import type { ClusterStore, ProfilesApi, Settings } from '../state/types.js';
import { App } from './app.js';
import { atExit, exitWith, installProcessHandlers, intercept, signalCode } from '../lifecycle.js';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR } from './terminal/terminal.js';
import { oneLine } from '../text/safe.js';
import { CtrlZ, suspendable } from './terminal/suspend.js';
import { PgProvider } from './shell/pg-context.js';

export interface TuiOptions {
  store: ClusterStore;
  profiles: ProfilesApi;
  settings: Settings;
  readOnly: boolean;
  launchPsql: (cluster: Cluster) => Promise<number>;
  /** Where the Postgres screens find the cached CA (verify-full, as `p`): src/ui/shell/pg-context.tsx. */
  configDir?: string;
  banner?: string;
  notice?: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

/** How long a signal's way out may take before the terminal is restored and the process leaves regardless. */
const SIGNAL_GRACE_MS = 1_000;

/** Runs until the user quits or a signal arrives; resolves to the exit code (129 SIGHUP, 143 SIGTERM). */
export async function runTui(opts: TuiOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  installProcessHandlers();
  const restore = () => {
    stdout.write(`${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`);
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
  };
  opts.store.start();
  stdout.write(`${ENTER_ALT_SCREEN}\u001b[2J\u001b[H`);
  const suspend = suspendable({ stdin, stdout, redraw: () => forceRedraw(stdout) });
  const instance = render(
    <>
      <PgProvider configDir={opts.configDir}>
        <App store={opts.store} profiles={opts.profiles} settings={opts.settings} readOnly={opts.readOnly} launchPsql={opts.launchPsql} banner={opts.banner} notice={opts.notice} />
      </PgProvider>
      <CtrlZ onSuspend={suspend.now} />
    </>,
    // Only the lines that changed are rewritten (moving the cursor sends two rows, not the screen: slow SSH links).
    // Ink 6.8's incremental mode needs patch 3 of docs/ink-patches.md to keep frames in place.
    { stdout, stdin, exitOnCtrlC: false, patchConsole: true, incrementalRendering: true },
  );
  let code = 0;
  let crash: string | undefined;
  // A signal ends the app the same way q does, so whoever started pgtui (the demo's PostgreSQL) is stopped too.
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGINT') return false; // not from the keyboard (raw mode): `kill -INT` leaves through lifecycle.ts
    code = signalCode(signal);
    // Should the way out be slow (a frame still being laid out, a clean-up that hangs), the terminal comes back
    // and the process goes within a second anyway.
    setTimeout(() => {
      restore();
      void exitWith(code);
    }, SIGNAL_GRACE_MS).unref();
    instance.unmount();
    return true;
  };
  // An uncaught error ends the app like q does, with exit code 1, so whoever started pgtui cleans up too (the
  // demo's PostgreSQL); should that clean-up hang, the process goes anyway after a few seconds.
  const onCrash = (err: unknown) => {
    code = 1;
    setTimeout(() => {
      unregister();
      restore();
      process.stderr.write(crash ?? '');
      void exitWith(1);
    }, 5_000).unref();
    crash = `pgtui: unexpected error: ${oneLine(err instanceof Error ? err.message : String(err), 2000)}\n`;
    try {
      instance.unmount();
    } catch {
      // the tree is already broken; the terminal is restored when waitUntilExit settles either way
    }
  };
  // Node prints process warnings to stderr, which is the screen Ink draws on; keep them off it while we run.
  const warningListeners = process.listeners('warning');
  process.removeAllListeners('warning');
  const onWarning = () => undefined;
  process.on('warning', onWarning);
  const release = intercept({ signal: onSignal, crash: onCrash });
  // Should the process leave another way (SIGTERM while psql runs, a clean-up deadline), the terminal comes back.
  const unregister = atExit(() => {
    try {
      instance.unmount();
    } catch {
      // a broken tree; restoring the terminal is what matters
    }
    restore();
  });
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('warning', onWarning);
    for (const l of warningListeners) process.on('warning', l);
    release();
    suspend.dispose();
    // The terminal first: stopping the store may wait on the network.
    restore();
    await opts.store.stop();
    unregister();
    // After the alternate screen is left, or the shell's screen would hide it.
    if (crash) process.stderr.write(crash);
  }
  return code;
}

/**
 * Makes Ink draw the whole frame again on a screen that was cleared behind its back. Ink's incremental renderer
 * only rewrites lines that changed, and its one public way to forget the last frame is a narrowing resize
 * (ink.js `resized`), so the width dips by one column and comes back within the same tick.
 */
function forceRedraw(stdout: NodeJS.WriteStream): void {
  const [columns] = stdout.getWindowSize?.() ?? [stdout.columns];
  if (!columns || columns < 2) return void stdout.emit('resize');
  stdout.columns = columns - 1;
  stdout.emit('resize');
  stdout.columns = columns;
  stdout.emit('resize');
}
