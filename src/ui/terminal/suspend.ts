// Ctrl-Z in the TUI. In raw mode the terminal sends the key as a byte (0x1a) instead of stopping the job, so
// pgtui does what the terminal driver would: give the terminal back (cooked mode, main screen, cursor shown),
// stop its whole process group with the default SIGTSTP action (so a wrapper such as `npx` or `sh -c` stops too
// and the shell gets the terminal back; src/job-control.ts), and on SIGCONT (`fg`) take the terminal again and
// redraw. `kill -TSTP` from outside takes the same path.
import { useStdin } from 'ink';
import { useEffect } from 'react';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR } from './terminal.js';
import { stopJob } from '../../job-control.js';

const HIDE_CURSOR = '\u001b[?25l';

export interface Suspendable {
  /** Suspends now (from the key); resumes when the shell continues the job. */
  now(): void;
  dispose(): void;
}

/** Every live suspendable's way to step aside, for lendTerminal. */
const live = new Set<{ detach(): void; attach(): void }>();

/**
 * While psql has the terminal, Ctrl-Z stops psql and pgtui together (one job) and `fg` continues both; pgtui
 * must then neither leave nor redraw a screen that is psql's, so it takes SIGTSTP's default action too.
 */
export function lendTerminal(): () => void {
  for (const s of live) s.detach();
  return () => {
    for (const s of live) s.attach();
  };
}

export function suspendable(opts: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; redraw(): void }): Suspendable {
  const { stdin, stdout } = opts;
  let suspended = false;
  let wasRaw = false;
  let disposed = false;

  const resume = () => {
    if (!suspended) return;
    suspended = false;
    process.off('SIGCONT', resume);
    if (disposed) return;
    process.on('SIGTSTP', onTstp);
    if (wasRaw && stdin.isTTY) stdin.setRawMode(true);
    stdout.write(`${ENTER_ALT_SCREEN}\u001b[2J\u001b[H${HIDE_CURSOR}`);
    opts.redraw();
  };

  const suspend = () => {
    if (suspended || disposed) return;
    suspended = true;
    wasRaw = Boolean(stdin.isTTY && stdin.isRaw);
    if (wasRaw) stdin.setRawMode(false);
    stdout.write(`${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`);
    process.once('SIGCONT', resume);
    // With no listener left, SIGTSTP has its default action again: the kernel stops the group, us included, right here.
    process.off('SIGTSTP', onTstp);
    stopJob();
    // A job without job control (an orphaned process group) is not stopped and gets no SIGCONT: carry on.
    setImmediate(() => {
      if (suspended) resume();
    });
  };

  function onTstp() {
    suspend();
  }
  process.on('SIGTSTP', onTstp);
  const self = {
    detach: () => void process.off('SIGTSTP', onTstp),
    attach() {
      if (!disposed && !suspended && !process.listeners('SIGTSTP').includes(onTstp)) process.on('SIGTSTP', onTstp);
    },
  };
  live.add(self);

  return {
    now: suspend,
    dispose() {
      disposed = true;
      live.delete(self);
      process.off('SIGTSTP', onTstp);
      process.off('SIGCONT', resume);
    },
  };
}

/** Listens to the keys Ink reads without taking part in raw mode (the psql hand-off turns every useInput off). */
export function CtrlZ({ onSuspend }: { onSuspend(): void }): null {
  const { internal_eventEmitter: keys } = useStdin() as ReturnType<typeof useStdin> & { internal_eventEmitter?: NodeJS.EventEmitter };
  useEffect(() => {
    if (!keys) return;
    const onKey = (input: string) => {
      if (input === '\u001a') onSuspend();
    };
    keys.on('input', onKey);
    return () => void keys.off('input', onKey);
  }, [keys, onSuspend]);
  return null;
}
