// The poller (docs/polling-store.md): per profile the inventory list, at a cadence that scales with the
// account (pages per list) and the credential's budget; watched clusters (transitional, open in the detail
// screen, just acted on) fetched fast; one request in flight per key; errors back off with jitter; a 429 is
// waited out, never shown as a failure.
import type { Profile } from '../api/profile.js';
import { describeError, isApiError } from '../api/core/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../api/core/http.js';
import { withPriority, type Priority, type RequestContext } from '../api/core/budget.js';
import { MAX_SERVER_DELAY_MS } from '../api/core/budget-delay.js';
import { TRANSITIONAL_PHASES, type Cluster, type ListResult } from '../api/core/types.js';
import { fingerprint, type ProfileSlot } from './store-profile.js';
import type { StoreCore } from './store-core.js';

export const FAST_POLL_MS = 2_000;
/** Watched clusters per profile fetched one by one. */
const MAX_FAST_GETS = 8;
const MAX_BACKOFF_MS = 60_000;
/** How long a cluster the user acted on stays watched after it settles. */
export const ACTED_MS = 60_000;
/** A list throttled this many times in a row (each after the budget waited) is shown as failing: not normal use. */
const THROTTLED_LISTS_SHOWN = 2;
/** How long a restart (r) waits for the cancelled list to settle before starting anyway. */
const ABANDON_MS = 1_000;

export interface PollerOptions {
  refreshMs: number;
  random: () => number;
  pollDeadlineMs?: (p: Profile) => number;
  /** The part of the background share the list polls may use (1 without fleet health; store-health.ts takes the rest). */
  backgroundShare?: number;
}

function settledOrAfter(p: Promise<void> | undefined, ms: number): Promise<void> {
  if (!p) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

/** The list result as the store reads it: one place, so a change of the providers' list() shape lands here. */
function readList(list: ListResult) {
  return { clusters: list.clusters, failures: list.failures, warnings: list.warnings };
}

/**
 * A list answers for the moment it was sent: clusters put one by one after that (a create's answer, a GET)
 * stay although the list lacks them; the next list decides. Older puts are forgotten.
 */
function keepPutSince(slot: ProfileSlot, sentAt: number, shown: Cluster[]): void {
  const listed = new Set(shown.map((c) => c.id));
  for (const [id, seq] of slot.putSeq) {
    if (seq <= sentAt) slot.putSeq.delete(id);
    else if (!listed.has(id)) {
      const kept = slot.entries.get(id)?.cluster;
      if (kept) shown.push(kept);
    }
  }
}

export class Poller {
  constructor(
    private readonly core: StoreCore,
    private readonly opts: PollerOptions,
  ) {}

  /**
   * How often the whole inventory may be listed: the refresh setting, or slower when the budget says so. The
   * background share is halved while busy clusters nobody acted on are fetched one by one (they get the other
   * half), so an idle account stays within the background share whatever it holds.
   */
  inventoryEveryMs(slot: ProfileSlot): number {
    const share = this.background(slot) / (slot.passive > 0 ? 2 : 1) / this.sharers(slot);
    return Math.max(this.opts.refreshMs, Math.ceil((slot.pages * 60_000) / share));
  }

  /** The background requests a minute the list polls may use: the budget's share, less fleet health's part. */
  private background(slot: ProfileSlot): number {
    return this.core.budgetOf(slot).perMinute('background') * (this.opts.backgroundShare ?? 1);
  }

  /** How often `requests` may be spent: within the watch share for what the user looks at or acted on, within
   * half the background share for clusters that are merely busy. */
  private everyMs(slot: ProfileSlot, requests: number, hot: boolean): number {
    const budget = this.core.budgetOf(slot);
    const perMinute = hot ? budget.perMinute('watch') : this.background(slot) / 2 / this.sharers(slot);
    return Math.max(FAST_POLL_MS, Math.ceil((requests * 60_000) / perMinute));
  }

  /**
   * Profiles whose requests count against the same credential (IONOS v1 and v2 on one account): the background
   * share is split between them, or their busy clusters' polls together fill it and starve every inventory list.
   */
  private sharers(slot: ProfileSlot): number {
    const budget = this.core.budgetOf(slot);
    let n = 0;
    for (const s of this.core.slots.values()) if (this.core.budgetOf(s) === budget) n++;
    return Math.max(1, n);
  }

  private backoff(slot: ProfileSlot, err: unknown): number {
    const base = Math.min(MAX_BACKOFF_MS, this.opts.refreshMs * 2 ** Math.min(slot.failures - 1, 6));
    const jittered = base / 2 + this.opts.random() * (base / 2);
    // The provider's Retry-After wins over our own cap, within budget-delay.ts's bound.
    const retryAfter = Math.min(MAX_SERVER_DELAY_MS, isApiError(err) ? err.retryAfterMs ?? 0 : 0);
    return Math.max(Math.min(MAX_BACKOFF_MS, jittered), retryAfter);
  }

  scheduleList(slot: ProfileSlot, delay: number): void {
    clearTimeout(slot.listTimer);
    if (!this.core.active) return;
    slot.listTimer = setTimeout(() => void this.refreshList(slot), delay);
  }

  private pollDeadline(p: Profile): number {
    return this.opts.pollDeadlineMs?.(p) ?? 2 * (p.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  /** The poll is overdue: what is on screen is the last list, not the present. */
  private markOverdue(slot: ProfileSlot, ctl: AbortController, after: number): void {
    if (slot.listInFlight !== ctl || this.core.slots.get(slot.profile.name) !== slot) return;
    const secs = Math.round(after / 1000);
    const shown = slot.entries.size > 0 ? '; the clusters shown are from the last list' : '';
    slot.health = { ...slot.health, status: 'error', error: `no answer for ${secs} s${shown} (r tries again now)`, nextRetryAt: undefined };
    this.core.changed();
  }

  /** `restart`: a person asked (r): a poll still running, perhaps stuck on a dripping server, is dropped for a fresh one. */
  async refreshList(slot: ProfileSlot, restart = false): Promise<void> {
    const core = this.core;
    if (!core.active) return;
    // A person asking again may try before a provider's pause (429) ends.
    if (restart) core.budgetOf(slot).userRetry();
    const stuck = slot.listInFlight;
    if (stuck) {
      if (!restart) return;
      stuck.abort();
      // HTTP stops at once on cancel: let that list settle first so two never run at once. A provider that
      // ignored the cancel is given up on after a moment.
      await settledOrAfter(slot.listSettled, ABANDON_MS);
      if (!core.active || core.slots.get(slot.profile.name) !== slot) return;
      if (slot.listInFlight && slot.listInFlight !== stuck) return; // another restart got there first
      slot.listInFlight = undefined;
    }
    clearTimeout(slot.listTimer);
    const ctl = new AbortController();
    slot.listInFlight = ctl;
    let settle = () => {};
    slot.listSettled = new Promise<void>((resolve) => (settle = resolve));
    const deadline = this.pollDeadline(slot.profile);
    // `r` and the first list (what the user is waiting for at start) are the user's; a list standing in for the
    // watched clusters' gets is 'watch'; the rest is inventory.
    const first = slot.health.lastRefresh === undefined;
    const priority: Priority = restart || first ? 'user' : slot.listForWatch ? 'watch' : 'background';
    const ctx: RequestContext = { priority, sent: 0 };
    let overdue: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      overdue = setTimeout(() => {
        // Waiting for the budget is not a silent server: look again later.
        if (ctx.waiting) arm();
        else this.markOverdue(slot, ctl, deadline);
      }, deadline);
    };
    arm();
    let next = this.inventoryEveryMs(slot);
    const sentAt = slot.seq;
    try {
      // The very first list of a big account shows its first page while the rest loads (the profile stays 'loading').
      const onProgress = slot.entries.size > 0 ? undefined : (soFar: Cluster[]) => {
        if (ctl.signal.aborted || core.slots.get(slot.profile.name) !== slot || slot.entries.size > 0) return;
        if (slot.replaceAll(soFar, Date.now(), () => undefined)) core.changed();
      };
      const raw = await withPriority(priority, () => core.providerOf(slot).list(ctl.signal, onProgress), ctx);
      if (ctl.signal.aborted || core.slots.get(slot.profile.name) !== slot) return;
      const { clusters: list, failures: down, warnings } = readList(raw);
      if (raw.extras) this.applyExtras(slot, ctl, list, raw.extras);
      slot.pages = ctx.sent;
      const now = Date.now();
      // A cluster we are deleting keeps showing as deleting until the provider stops listing it.
      const shown = list.map((c) => (slot.deleting.has(c.id) && c.phase !== 'deleting' ? { ...c, phase: 'deleting' as const } : c));
      // Regions that did not answer (IONOS v2) keep their last-known clusters, and the profile counts as failing:
      // those clusters are stale, never silently dropped nor shown as healthy.
      if (down.length > 0) {
        const regions = new Set(down.map((f) => f.location));
        const listed = new Set(list.map((c) => c.id));
        for (const c of slot.clusters()) if (!listed.has(c.id) && c.location !== undefined && regions.has(c.location)) shown.push(c);
      }
      keepPutSince(slot, sentAt, shown);
      let dirty = slot.replaceAll(shown, now, (id, t) => core.record(slot, id, t));
      next = this.inventoryEveryMs(slot);
      const limited = next > this.opts.refreshMs;
      if (limited !== Boolean(slot.health.budgetLimited) || next !== slot.health.refreshEveryMs) dirty = true;
      const cadence = { budgetLimited: limited, refreshEveryMs: next };
      const realDown = down.filter((f) => !isApiError(f.error, 'rate-limit'));
      if (realDown.length > 0) {
        slot.failures++;
        next = Math.min(next, this.backoff(slot, realDown[0]!.error));
        const error = realDown.map((f) => `region ${f.location}: ${describeError(f.error)}`).join('; ');
        slot.health = { ...slot.health, ...cadence, status: 'error', error: error.split('\n')[0], warning: warnings.join('; ') || undefined, nextRetryAt: now + next };
        core.changed();
      } else {
        const wasError = slot.health.status !== 'ok';
        const warning = warnings.join('; ') || undefined;
        if (warning !== slot.health.warning) dirty = true;
        slot.failures = 0;
        slot.throttledLists = 0;
        // A budget-limited profile's header says how fresh it is ("updated 40 s ago"): every list of one emits
        // (one header line a list), so the header, which ticks by itself, never shows an older list than the last.
        // Others keep the quiet emit-on-change rule (nothing written to an idle terminal).
        if (limited) dirty = true;
        slot.health = { ...slot.health, ...cadence, status: 'ok', error: undefined, warning, nextRetryAt: undefined, lastRefresh: limited || wasError || dirty ? now : slot.health.lastRefresh };
        if (wasError) dirty = true;
        if (dirty) core.changed();
      }
      next = Math.min(next, this.planWatch(slot));
    } catch (err) {
      if (ctl.signal.aborted || core.slots.get(slot.profile.name) !== slot) return;
      if (isApiError(err, 'rate-limit') && ++slot.throttledLists < THROTTLED_LISTS_SHOWN) {
        // Throttled past the budget's own waits: not a failure of the profile (its status stays), just a later
        // list; the header shows when.
        next = Math.max(next, Math.min(MAX_SERVER_DELAY_MS, err.retryAfterMs ?? next));
        slot.health = { ...slot.health, nextRetryAt: Date.now() + next };
        core.changed();
      } else {
        slot.failures++;
        next = this.backoff(slot, err);
        const error = describeError(err);
        slot.health = { ...slot.health, status: 'error', error, nextRetryAt: Date.now() + next };
        // Emitted on every failure (at most once per backoff): the status line shows when the next try is.
        core.changed();
      }
    } finally {
      clearTimeout(overdue);
      if (slot.listInFlight === ctl) slot.listInFlight = undefined;
      settle();
    }
    this.scheduleList(slot, next);
  }

  /**
   * Per-row extras (hostnames looked up after the list answered) reach the rows they complete, row by row, unless
   * a newer answer changed the row meanwhile (the extras would bring back its older state).
   */
  private applyExtras(slot: ProfileSlot, ctl: AbortController, listed: readonly Cluster[], extras: () => Promise<Cluster[]>): void {
    void extras().then((completed) => {
      if (ctl.signal.aborted || !this.core.active || this.core.slots.get(slot.profile.name) !== slot) return;
      const asListed = new Map(listed.map((c) => [c.id, c]));
      for (const c of completed) {
        const now = slot.entries.get(c.id)?.cluster;
        const then = asListed.get(c.id);
        if (!now || !then || slot.deleting.has(c.id) || (now !== then && fingerprint(now) !== fingerprint(then))) continue;
        this.core.put(slot, c);
      }
    });
  }

  /** Clusters kept fresh: transitional ones, the ones on screen, the ones just acted on. */
  watched(slot: ProfileSlot, now = Date.now()): string[] {
    const out: string[] = [];
    for (const [id, until] of slot.acted) if (until < now && !TRANSITIONAL_PHASES.has(slot.entries.get(id)?.cluster.phase ?? 'unknown')) slot.acted.delete(id);
    for (const c of slot.clusters()) {
      if (TRANSITIONAL_PHASES.has(c.phase) || slot.focused.has(c.id) || slot.acted.has(c.id)) out.push(c.id);
    }
    return out;
  }

  /**
   * Decides how the watched clusters are kept fresh; returns when the next list is due for them (Infinity when
   * the inventory cadence is enough). When one list costs fewer requests than a GET each, the list is the fast
   * poll. Clusters the user looks at or acted on ("hot") are polled within the watch share; clusters that are
   * only busy, within half the background share (docs/polling-store.md).
   */
  planWatch(slot: ProfileSlot): number {
    const ids = this.watched(slot);
    const isHot = (id: string) => slot.focused.has(id) || slot.acted.has(id);
    const hot = ids.filter(isHot);
    slot.listForWatch = ids.length > 0 && slot.pages > 0 && slot.pages < Math.min(ids.length, MAX_FAST_GETS);
    if (slot.listForWatch || ids.length === 0) {
      slot.passive = 0;
      for (const [id, t] of slot.getTimers) {
        clearTimeout(t);
        slot.getTimers.delete(id);
      }
      return slot.listForWatch ? this.everyMs(slot, slot.pages, hot.length > 0) : Infinity;
    }
    const fast = [...hot, ...ids.filter((id) => !isHot(id))].slice(0, MAX_FAST_GETS);
    const passive = fast.filter((id) => !isHot(id));
    slot.passive = passive.length;
    const hotEvery = this.everyMs(slot, (fast.length - passive.length) * slot.getCost, true);
    const passiveEvery = this.everyMs(slot, passive.length * slot.getCost, false);
    const keep = new Set(fast);
    for (const [id, t] of slot.getTimers) {
      if (keep.has(id)) continue;
      clearTimeout(t);
      slot.getTimers.delete(id);
    }
    for (const id of fast) if (!slot.getTimers.has(id) && !slot.getInFlight.has(id)) this.scheduleGet(slot, id, isHot(id) ? hotEvery : passiveEvery);
    return Infinity;
  }

  /** A watched cluster changed hands (acted on, focused): look at it soon, by GET or by list. */
  wake(slot: ProfileSlot, id: string): void {
    const listDue = this.planWatch(slot);
    if (slot.listForWatch) {
      if (!slot.listInFlight) this.scheduleList(slot, Math.min(listDue, FAST_POLL_MS));
    } else if (!slot.getTimers.has(id) && !slot.getInFlight.has(id) && slot.entries.has(id)) this.scheduleGet(slot, id, FAST_POLL_MS);
  }

  scheduleGet(slot: ProfileSlot, id: string, delay: number): void {
    clearTimeout(slot.getTimers.get(id));
    if (!this.core.active) return;
    slot.getTimers.set(id, setTimeout(() => void this.refreshOne(slot, id), delay));
  }

  private async refreshOne(slot: ProfileSlot, id: string): Promise<void> {
    const core = this.core;
    slot.getTimers.delete(id);
    if (!core.active || slot.getInFlight.has(id) || !slot.entries.has(id)) return;
    const ctl = new AbortController();
    slot.getInFlight.set(id, ctl);
    try {
      const ctx: RequestContext = { priority: 'watch', sent: 0 };
      let c = await withPriority('watch', () => core.providerOf(slot).get(id, ctl.signal), ctx);
      slot.getCost = ctx.sent;
      if (ctl.signal.aborted || core.slots.get(slot.profile.name) !== slot) return;
      if (slot.deleting.has(id) && c.phase !== 'deleting') c = { ...c, phase: 'deleting' };
      core.put(slot, c);
    } catch (err) {
      if (ctl.signal.aborted) return;
      if (isApiError(err, 'not-found')) {
        if (slot.delete(id)) core.changed();
        slot.acted.delete(id);
        return;
      }
      // Other errors: the next list refresh reports them; keep trying at the watch pace.
    } finally {
      slot.getInFlight.delete(id);
    }
    this.planWatch(slot);
  }

  stopSlot(slot: ProfileSlot): void {
    clearTimeout(slot.listTimer);
    slot.listInFlight?.abort();
    slot.listInFlight = undefined;
    this.stopGets(slot);
    for (const c of slot.getInFlight.values()) c.abort();
    slot.getInFlight.clear();
  }

  stopGets(slot: ProfileSlot): void {
    for (const t of slot.getTimers.values()) clearTimeout(t);
    slot.getTimers.clear();
  }
}
