// The backends of this pgtui process: its views leave them out (docs/postgres.md, "pgtui's own sessions").
const pids = new Set<number>();

export function rememberOwnPid(pid: number): () => void {
  pids.add(pid);
  return () => pids.delete(pid);
}

/** The pids to leave out, as a parameter for `pid <> ALL($n)`. */
export function ownPids(): number[] {
  return [...pids];
}
