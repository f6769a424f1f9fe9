// Stopping the terminal job the way Ctrl-Z does (docs/ARCHITECTURE.md, "Ctrl-Z"). The shell waits only for its
// own child: under a wrapper (`npx pgtui`, `sh -c pgtui`) that child is the wrapper, so pgtui stopping itself
// alone would leave the shell waiting and the terminal hung. So the whole process group is stopped, as the
// terminal driver stops it, and `fg` (SIGCONT to the group) continues everyone.
import { readFileSync } from 'node:fs';

/** Stops this process's whole process group (pgtui included) with SIGTSTP; SIGTSTP must have its default action. */
export function stopJob(): void {
  try {
    process.kill(0, 'SIGTSTP');
  } catch {
    process.kill(process.pid, 'SIGTSTP');
  }
}

/** Whether `pid` is stopped (or gone): /proc on Linux; elsewhere unknown, taken as yes. */
function stoppedOrGone(pid: number): boolean {
  try {
    return /\) [Tt] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' || process.platform !== 'linux';
  }
}

/**
 * Resolves once `pid` has stopped (or is gone), or after `ms`. pgtui waits for psql this way before it stops
 * itself: the shell prints its prompt as soon as pgtui stops, and psql's readline echoes `^Z` on its way to
 * stopping, which would otherwise land after the prompt.
 */
export async function untilStopped(pid: number, ms = 1_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end && !stoppedOrGone(pid); ) await new Promise((r) => setTimeout(r, 5));
}
