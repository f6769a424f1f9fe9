// Fleet health in the store (docs/polling-store.md "Health", docs/diagnose.md): one verdict per cluster, kept
// in the snapshot's `health` map. Two speeds:
// - at once, from what the list already says (phase, version, maintenance window; no request): every cluster
//   the list changes is judged again right after its rows are painted, with the facts read so far;
// - at a slow cadence, per profile, the facts that cost a request (backups, disk, instances) at background
//   priority within a share of the profile's budget, and Postgres's facts where pgtui knows the password, one
//   session per cluster at a time and a few over the whole store.
// A provider or database that does not answer makes the verdict "unknown" with the time of its last answer;
// the rest paints as it comes.
import { withPriority, type RequestContext } from '../api/core/budget.js';
import { supports } from '../api/core/capabilities.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { limiter } from '../diagnose/fleet.js';
import { judgeCluster } from '../diagnose/health.js';
import { connectCluster, whyNoConnection, type PgConnector } from '../diagnose/pg-connect.js';
import { collectPgFacts, type PgFacts } from '../diagnose/pg-facts.js';
import { collectProviderFacts, maintenanceOf, storageBytes, type ProviderFacts } from '../diagnose/provider-facts.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../diagnose/thresholds.js';
import type { Missing } from '../diagnose/types.js';
import { oneLine } from '../text/safe.js';
import type { StoreCore } from './store-core.js';
import type { ProfileSlot } from './store-profile.js';
import { clusterKey, type ClusterHealth } from './types.js';


export interface HealthOptions {
  thresholds?: Thresholds;
  configDir?: string;
  /** How Postgres is reached (tests pass their own). */
  connect?: PgConnector;
  /** How often each cluster's facts that cost a request, and its Postgres facts, are read again (default 5 min). */
  everyMs?: number;
  /** Share of the profile's background budget health may use (default HEALTH_SHARE); the inventory gets the rest. */
  share?: number;
  /** Reads of one cluster still unanswered after this long count as "no answer" (default 10 s). */
  answerMs?: number;
}

const HEALTH_EVERY_MS = 5 * 60_000;
/** Health's part of the background share: the inventory cadence (store-poller.ts) keeps the rest. */
const HEALTH_SHARE = 0.25;
const ANSWER_MS = 10_000;
/** Postgres sessions open for health at the same time over every profile. */
const PG_SESSIONS = 2;
/** However cheap a cluster's reads were, the next cluster waits this long (a profile without any reads). */
const MIN_GAP_MS = 200;

interface Facts {
  provider?: ProviderFacts;
  pg?: PgFacts | Missing;
  postgresSkipped?: string;
  /** When facts were last read (ms), and the time the provider / database last answered. */
  readAt?: number;
  pgAnswered?: number;
  pgSilentSince?: number;
}

/** Said when a fact is not read yet: its check is unknown until then, and never counts against the verdict. */
const NOT_YET: Missing = { missing: 'not read yet' };
const pendingFacts = (provider: Provider, cluster: Cluster): ProviderFacts => {
  const out: ProviderFacts = {};
  if (supports(provider, cluster, 'backups')) out.backups = NOT_YET;
  if (supports(provider, cluster, 'diskUsage') || (supports(provider, cluster, 'metrics') && storageBytes(cluster.storage))) out.disk = NOT_YET;
  if (supports(provider, cluster, 'reachability')) out.instances = NOT_YET;
  // The maintenance window is in the list's object: no request.
  const maintenance = maintenanceOf(cluster.raw);
  if (maintenance) out.maintenance = maintenance;
  return out;
};

const NO_ANSWER = /no answer|timed? ?out|timeout|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|terminated|closed the connection/i;

export function clockTime(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export class HealthPoller {
  private readonly facts = new Map<string, Facts>();
  private readonly judged = new Map<string, { cluster: Cluster; facts: Facts | undefined; stale: boolean; silent: boolean; health: ClusterHealth }>();
  private view: ReadonlyMap<string, ClusterHealth> = new Map();
  private rejudgeTimer?: ReturnType<typeof setTimeout>;
  private readonly rounds = new Map<ProfileSlot, { timer?: ReturnType<typeof setTimeout>; running: boolean; ctl?: AbortController }>();
  /** Per profile: when its provider last answered a health read, and since when it has not (a read went unanswered). */
  private readonly answers = new Map<ProfileSlot, { answered?: number; silentSince?: number }>();
  private readonly pgGate = limiter(PG_SESSIONS);
  private readonly pgBusy = new Set<string>();
  readonly thresholds: Thresholds;
  readonly everyMs: number;
  readonly share: number;
  private readonly answerMs: number;

  constructor(
    private readonly core: StoreCore,
    private readonly opts: HealthOptions,
  ) {
    this.thresholds = opts.thresholds ?? DEFAULT_THRESHOLDS;
    this.everyMs = opts.everyMs ?? HEALTH_EVERY_MS;
    this.share = opts.share ?? HEALTH_SHARE;
    this.answerMs = opts.answerMs ?? ANSWER_MS;
  }

  /** The snapshot's map; asks for a re-judge (after this frame) when a cluster changed since it was judged. */
  snapshotView(clusters: readonly Cluster[]): ReadonlyMap<string, ClusterHealth> {
    if (clusters.length !== this.judged.size || clusters.some((c) => this.judged.get(clusterKey(c))?.cluster !== c)) this.soon();
    return this.view;
  }

  private soon(): void {
    if (this.rejudgeTimer !== undefined || !this.core.started) return;
    // After the rows are out: the list never waits for its verdicts.
    this.rejudgeTimer = setTimeout(() => {
      this.rejudgeTimer = undefined;
      this.rejudge();
    }, 0);
  }

  /** Judges every cluster whose object or facts changed; emits when a verdict did. Starts each profile's rounds. */
  rejudge(): void {
    const now = Date.now();
    const next = new Map<string, ClusterHealth>();
    let changed = false;
    const seen = new Set<string>();
    for (const slot of this.core.slots.values()) {
      const stale = slot.health.status === 'error' && slot.entries.size > 0;
      const silent = this.answers.get(slot)?.silentSince !== undefined;
      for (const c of slot.clusters()) {
        const key = clusterKey(c);
        seen.add(key);
        const facts = this.facts.get(key);
        const old = this.judged.get(key);
        if (old && old.cluster === c && old.facts === facts && old.stale === stale && old.silent === silent) {
          next.set(key, old.health);
          continue;
        }
        const made = this.judge(slot, c, facts, stale, now);
        const health = old && sameHealth(old.health, made) ? old.health : { ...made, since: old && old.health.verdict === made.verdict ? old.health.since : now };
        if (health !== old?.health) changed = true;
        this.judged.set(key, { cluster: c, facts, stale, silent, health });
        next.set(key, health);
      }
      if (slot.entries.size > 0) this.startRounds(slot);
    }
    for (const key of [...this.judged.keys()]) {
      if (seen.has(key)) continue;
      this.judged.delete(key);
      this.facts.delete(key);
      changed = true;
    }
    if (changed) {
      this.view = next;
      this.core.changed();
    }
  }

  private judge(slot: ProfileSlot, cluster: Cluster, facts: Facts | undefined, stale: boolean, now: number): ClusterHealth {
    const provider = this.core.providerOf(slot);
    const report = judgeCluster({ cluster, provider: facts?.provider ?? pendingFacts(provider, cluster), pg: facts?.pg, thresholds: this.thresholds, now });
    const base = { checks: report.checks, since: now, postgresSkipped: facts?.postgresSkipped };
    if (stale) {
      const since = slot.health.lastRefresh;
      const what = slot.health.error && !NO_ANSWER.test(slot.health.error) ? `the provider's list fails (${oneLine(slot.health.error, 160)})` : 'no answer from the provider';
      return { ...base, verdict: 'unknown', reason: `${what}${since ? ` since ${clockTime(since)}` : ''}; last verdict ${report.verdict}`, noAnswerSince: since };
    }
    const heard = this.answers.get(slot);
    if (heard?.silentSince !== undefined) {
      const since = heard.answered ?? heard.silentSince;
      return { ...base, verdict: 'unknown', reason: `no answer from the provider since ${clockTime(since)}`, noAnswerSince: since };
    }
    // A database that does not answer hides everything but what the provider calls red (a failed cluster does not answer either).
    if (facts?.pgSilentSince !== undefined && report.verdict !== 'red') {
      const since = facts.pgAnswered ?? facts.pgSilentSince;
      return { ...base, verdict: 'unknown', reason: `no answer from the database since ${clockTime(since)}`, noAnswerSince: since };
    }
    return { ...base, verdict: report.verdict, reason: report.reason };
  }

  private startRounds(slot: ProfileSlot): void {
    let r = this.rounds.get(slot);
    if (!r) this.rounds.set(slot, (r = { running: false }));
    if (r.running || r.timer !== undefined || !this.core.active) return;
    r.timer = setTimeout(() => void this.round(slot), 0);
  }

  /** Requests a minute health may send for this profile: its share of the background, split between profiles on one credential. */
  perMinute(slot: ProfileSlot): number {
    const budget = this.core.budgetOf(slot);
    let sharers = 0;
    for (const s of this.core.slots.values()) if (this.core.budgetOf(s) === budget) sharers++;
    return (budget.perMinute('background') * this.share) / Math.max(1, sharers);
  }

  private live(slot: ProfileSlot): boolean {
    return this.core.active && this.core.slots.get(slot.profile.name) === slot;
  }

  /** One round over the profile's clusters, the least recently read first, paced within the health share. */
  private async round(slot: ProfileSlot): Promise<void> {
    const r = this.rounds.get(slot)!;
    r.timer = undefined;
    if (!this.live(slot)) return;
    r.running = true;
    const startedAt = Date.now();
    try {
      const order = slot.clusters().map((c) => ({ c, at: this.facts.get(clusterKey(c))?.readAt ?? -1 })).sort((a, b) => a.at - b.at);
      // A stop (pause, quit) or a replaced slot ends this round; a resume starts a new one.
      const mine = () => this.live(slot) && this.rounds.get(slot) === r && !r.ctl?.signal.aborted;
      for (const { c } of order) {
        if (!this.live(slot) || this.rounds.get(slot) !== r) return;
        const current = slot.entries.get(c.id)?.cluster;
        if (!current) continue;
        const ctx: RequestContext = { priority: 'background', sent: 0 };
        r.ctl = new AbortController();
        await withPriority('background', () => this.read(slot, current, r.ctl!.signal, ctx), ctx);
        const gap = Math.max(MIN_GAP_MS, Math.ceil((ctx.sent * 60_000) / this.perMinute(slot)));
        if (!mine()) return;
        await new Promise<void>((resolve) => {
          r.timer = setTimeout(resolve, gap);
          r.ctl!.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        r.timer = undefined;
      }
    } finally {
      r.running = false;
      r.ctl = undefined;
    }
    if (this.live(slot) && this.rounds.get(slot) === r) r.timer = setTimeout(() => void this.round(slot), Math.max(0, startedAt + this.everyMs - Date.now()));
  }

  /** Reads one cluster's facts: the provider's (bounded by answerMs) and Postgres's where the password is known. */
  private async read(slot: ProfileSlot, cluster: Cluster, signal: AbortSignal, ctx?: RequestContext): Promise<void> {
    const key = clusterKey(cluster);
    const provider = this.core.providerOf(slot);
    const askedAt = Date.now();
    const old = this.facts.get(key);
    const facts: Facts = { ...old, readAt: askedAt };
    const ctl = new AbortController();
    const abort = () => ctl.abort();
    signal.addEventListener('abort', abort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Waiting for a slot in the budget is not a silent provider: the deadline starts again while a read waits.
    const late = new Promise<'late'>((resolve) => {
      const arm = () => (timer = setTimeout(() => (ctx?.waiting ? arm() : resolve('late')), this.answerMs));
      arm();
    });
    try {
      // No deadline of its own per fact (the race below is the one that knows about budget waits): an hour.
      const got = await Promise.race([collectProviderFacts(provider, cluster, ctl.signal, askedAt, 3_600_000), late]);
      let heard = this.answers.get(slot);
      if (!heard) this.answers.set(slot, (heard = {}));
      if (got === 'late') {
        ctl.abort();
        heard.silentSince ??= askedAt;
      } else {
        facts.provider = got;
        heard.answered = Date.now();
        heard.silentSince = undefined;
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    }
    if (signal.aborted) return;
    let why: string | undefined;
    try {
      why = whyNoConnection(cluster, provider.connection(cluster));
    } catch (err) {
      why = oneLine(err instanceof Error ? err.message : String(err), 200);
    }
    if (why || this.pgBusy.has(key)) {
      facts.pg = undefined;
      facts.postgresSkipped = why ?? 'the last session is still open';
      facts.pgSilentSince = undefined;
    } else {
      const pg = await this.readPg(key, cluster, provider);
      facts.postgresSkipped = undefined;
      if (pg === 'late' || ('missing' in pg && NO_ANSWER.test(pg.missing))) {
        facts.pgSilentSince = old?.pgSilentSince ?? askedAt;
        if (pg !== 'late') facts.pg = pg;
      } else {
        facts.pg = pg;
        facts.pgAnswered = Date.now();
        facts.pgSilentSince = undefined;
      }
    }
    if (!this.live(slot)) return;
    this.facts.set(key, facts);
    // A new object each read: the re-judge compares facts by identity (and the profile's silence with them).
    this.rejudge();
  }

  /** At most one session per cluster (pgBusy) and PG_SESSIONS over the store; a session that outlives answerMs is "late". */
  private async readPg(key: string, cluster: Cluster, provider: Provider): Promise<PgFacts | Missing | 'late'> {
    this.pgBusy.add(key);
    const work = this.pgGate(async (): Promise<PgFacts | Missing> => {
      const connect = this.opts.connect ?? connectCluster;
      let handle;
      try {
        handle = await connect(cluster, provider, { configDir: this.opts.configDir, statementTimeoutMs: this.thresholds.statementTimeoutMs, connectTimeoutMs: this.answerMs });
      } catch (err) {
        return { missing: oneLine((err instanceof Error ? err.message : String(err)).slice(0, 2000), 300) };
      }
      try {
        return await collectPgFacts(handle.query, this.thresholds.statementTimeoutMs);
      } finally {
        await handle.close().catch(() => undefined);
      }
    }).finally(() => this.pgBusy.delete(key));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The session keeps its slot until it ends by its own timeouts (statement_timeout, the connect timeout).
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.answerMs + this.thresholds.statementTimeoutMs * 2)));
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): void {
    clearTimeout(this.rejudgeTimer);
    this.rejudgeTimer = undefined;
    for (const r of this.rounds.values()) {
      clearTimeout(r.timer);
      r.timer = undefined;
      r.ctl?.abort();
    }
    this.rounds.clear();
  }

  /** A profile's slot is gone or replaced: its rounds end. */
  forget(slot: ProfileSlot): void {
    const r = this.rounds.get(slot);
    if (!r) return;
    clearTimeout(r.timer);
    r.ctl?.abort();
    this.rounds.delete(slot);
    this.answers.delete(slot);
  }
}

function sameHealth(a: ClusterHealth, b: ClusterHealth): boolean {
  if (a.verdict !== b.verdict || a.reason !== b.reason || a.noAnswerSince !== b.noAnswerSince || a.postgresSkipped !== b.postgresSkipped || a.checks.length !== b.checks.length) return false;
  return a.checks.every((c, i) => c.id === b.checks[i]!.id && c.verdict === b.checks[i]!.verdict && c.evidence === b.checks[i]!.evidence);
}
