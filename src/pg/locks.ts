// The lock tree: rooted at the head blockers (sessions that block others and wait for no one), each with the
// sessions it blocks directly and transitively. A waiter with several blockers (pg_blocking_pids) sits under
// each of them, and says which others hold it too. Built from the activity query: one query per refresh.
import { loadActivity, type SessionRow } from './activity.js';
import type { PgSession } from './session.js';

export interface LockNode {
  pid: number;
  user?: string;
  app?: string;
  state?: string;
  waitEvent?: string;
  query?: string;
  xactAgeMs?: number;
  queryAgeMs?: number;
  /** Sessions waiting on this one directly. */
  blocksDirect: number;
  /** Sessions waiting on this one directly or through others (each counted once). */
  blocksTotal: number;
  /** The other sessions this one waits for, besides its parent in the tree. */
  alsoBlockedBy: number[];
  /** Set when this node was already shown higher up this branch (a cycle: a deadlock being resolved). */
  cycle?: boolean;
  waiting: LockNode[];
}

export interface LockTree {
  roots: LockNode[];
  /** Sessions that wait for another one. */
  waiters: number;
}

/** More nodes than this and the rest of the tree is left out (a tree of many-blocker waiters repeats subtrees). */
export const TREE_NODES_MAX = 2_000;

export function buildLockTree(sessions: readonly SessionRow[]): LockTree {
  const byPid = new Map(sessions.map((s) => [s.pid, s]));
  const waitersOf = new Map<number, number[]>();
  for (const s of sessions) {
    for (const b of new Set(s.blockedBy)) {
      if (b === s.pid) continue;
      const list = waitersOf.get(b) ?? [];
      list.push(s.pid);
      waitersOf.set(b, list);
    }
  }
  const isWaiting = (pid: number) => (byPid.get(pid)?.blockedBy.length ?? 0) > 0;
  const reach = new Map<number, number>();
  const transitive = (pid: number): number => {
    const known = reach.get(pid);
    if (known !== undefined) return known;
    const seen = new Set<number>();
    const stack = [...(waitersOf.get(pid) ?? [])];
    while (stack.length) {
      const p = stack.pop()!;
      if (p === pid || seen.has(p)) continue;
      seen.add(p);
      stack.push(...(waitersOf.get(p) ?? []));
    }
    reach.set(pid, seen.size);
    return seen.size;
  };
  let budget = TREE_NODES_MAX;
  const node = (pid: number, parent: number | undefined, path: Set<number>): LockNode => {
    budget--;
    const s = byPid.get(pid);
    const cycle = path.has(pid);
    const direct = waitersOf.get(pid) ?? [];
    const next = new Set(path).add(pid);
    const waiting: LockNode[] = [];
    if (!cycle) for (const w of direct.slice().sort((a, b) => a - b)) if (budget > 0) waiting.push(node(w, pid, next));
    return {
      pid,
      user: s?.user,
      app: s?.app,
      state: s?.state,
      waitEvent: s?.waitEvent ? `${s.waitEventType ?? ''}:${s.waitEvent}` : undefined,
      query: s?.query,
      xactAgeMs: s?.xactAgeMs,
      queryAgeMs: s?.queryAgeMs,
      blocksDirect: direct.length,
      blocksTotal: transitive(pid),
      alsoBlockedBy: (s?.blockedBy ?? []).filter((b) => b !== parent),
      ...(cycle ? { cycle: true } : {}),
      waiting,
    };
  };
  // Heads: block someone, wait for no one (a blocker pgtui cannot see — another database's, own — is a head too).
  const heads = [...waitersOf.keys()].filter((pid) => !isWaiting(pid)).sort((a, b) => transitive(b) - transitive(a) || a - b);
  const roots = heads.map((pid) => node(pid, undefined, new Set()));
  // Waiters reached from no head wait in a cycle: the lowest pid of each stands for it.
  const shown = new Set<number>();
  const mark = (n: LockNode) => {
    shown.add(n.pid);
    n.waiting.forEach(mark);
  };
  roots.forEach(mark);
  for (const s of sessions.filter((x) => x.blockedBy.length > 0).sort((a, b) => a.pid - b.pid)) {
    if (shown.has(s.pid) || budget <= 0) continue;
    const root = node(s.pid, undefined, new Set());
    mark(root);
    roots.push(root);
  }
  return { roots, waiters: sessions.filter((s) => s.blockedBy.length > 0).length };
}

export async function loadLockTree(session: Pick<PgSession, 'query'>): Promise<LockTree> {
  return buildLockTree((await loadActivity(session)).sessions);
}
