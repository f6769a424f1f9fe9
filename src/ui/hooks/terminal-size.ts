// The terminal's size, updated on resize, and read again when the job is continued (`fg`): a resize while pgtui
// was stopped (Ctrl-Z) sends SIGWINCH to the shell in the foreground, never to pgtui (./suspend.ts).
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/**
 * Node's tty stream, whose `getWindowSize()` only returns the size it cached at the last SIGWINCH; `_refreshSize`
 * asks the terminal (TIOCGWINSZ) and, when the size changed, sets columns/rows and emits 'resize'.
 */
type TtyStream = NodeJS.WriteStream & { _refreshSize?: () => void };

/** Reads the terminal's size again; a change reaches every 'resize' listener (Ink's and useTerminalSize's). */
export function refreshSize(stdout: TtyStream): void {
  if (!stdout.isTTY || typeof stdout._refreshSize !== 'function') return;
  try {
    stdout._refreshSize();
  } catch {
    // the terminal is gone: nothing to lay out for
  }
}

export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    const onContinue = () => refreshSize(stdout as TtyStream);
    stdout.on('resize', onResize);
    process.on('SIGCONT', onContinue);
    return () => {
      stdout.off('resize', onResize);
      process.off('SIGCONT', onContinue);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
