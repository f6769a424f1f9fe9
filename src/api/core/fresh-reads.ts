// One action, one read: `edit` asks for the same cluster for its lookup, its form, its plan and its update
// (docs/polling-store.md "Fewer requests per action"). `get` always reads (and leaves its answer here); the
// form, the plan and the update reuse a read answered less than FRESH_MS ago or still in flight. A write to
// the cluster forgets it.
const FRESH_MS = 1_500;

export class FreshReads<T> {
  private readonly memo = new Map<string, { at: number; value: Promise<T> }>();

  read(id: string, load: () => Promise<T>, reuse = true): Promise<T> {
    const now = Date.now();
    const hit = this.memo.get(id);
    if (reuse && hit && now - hit.at < FRESH_MS) return hit.value;
    const value = load();
    this.memo.set(id, { at: now, value });
    // A failed read is never shared.
    value.catch(() => this.memo.get(id)?.value === value && this.memo.delete(id));
    if (this.memo.size > 64) for (const [k, v] of this.memo) if (now - v.at >= FRESH_MS) this.memo.delete(k);
    return value;
  }

  forget(id: string): void {
    this.memo.delete(id);
  }
}
