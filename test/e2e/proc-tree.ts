// The process tree from /proc, for tests that check what a run left behind (psql, the demo's PostgreSQL).
import { readdirSync, readFileSync } from 'node:fs';

/** Every process below `root` (e.g. tmux's pane process), with its command name. */
export function descendants(root: number): Array<{ pid: number; comm: string }> {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${d}/stat`, 'utf8'));
      if (m) {
        parent.set(Number(d), Number(m[2]));
        comm.set(Number(d), m[1]!);
      }
    } catch {
      // gone
    }
  }
  const out: Array<{ pid: number; comm: string }> = [];
  for (const [pid] of parent) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        out.push({ pid, comm: comm.get(pid)! });
        break;
      }
    }
  }
  return out;
}
