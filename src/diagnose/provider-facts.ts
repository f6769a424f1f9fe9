// What the provider's API says about one cluster beyond the list: backups, disk use, reachable instances, the
// maintenance window. Each fact is asked only where the provider has the capability (capabilities.ts), so no
// provider is named here; a capability the provider lacks leaves the fact undefined ("the API does not say"),
// a call that fails leaves { missing } with the reason. Every call goes through the provider's API layer and
// its request budget (src/api/core/budget.ts).
import { supports } from '../api/core/capabilities.js';
import { describeError } from '../api/core/errors.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { oneLine } from '../text/safe.js';
import type { Fact } from './types.js';

export interface BackupFact {
  count: number;
  /** ISO time of the newest point the backups can restore to. */
  newest?: string;
  /** A backup is active: the provider archives WAL into it continuously (IONOS's isActive), so it reaches now. */
  continuous?: boolean;
}

export interface VolumeFact {
  volume: string;
  kind: string;
  usedBytes: number;
  capacityBytes: number;
}

export interface InstancesFact {
  up: number;
  total: number;
  down: string[];
}

export interface MaintenanceFact {
  /** "Sunday" */
  day: string;
  /** "04:00:00" UTC */
  time: string;
}

export interface ProviderFacts {
  backups?: Fact<BackupFact>;
  /** Volumes with their use: the provider's disk report, or its storage metric against the cluster's storage size. */
  disk?: Fact<VolumeFact[]>;
  instances?: Fact<InstancesFact>;
  maintenance?: MaintenanceFact;
}

const MAX_ITEMS = 10_000;

/** "20 GB", "118 GiB", "1Gi", "512Mi", "2048 MB SSD" → bytes. */
export function storageBytes(text: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|KiB|MiB|GiB|TiB|KB|MB|GB|TB)?\b/i.exec(text ?? '');
  if (!m) return undefined;
  const unit = (m[2] ?? 'GB').toLowerCase().replace(/b$/, '').replace(/i$/, '');
  const pow = { k: 1, m: 2, g: 3, t: 4 }[unit[0] as 'k' | 'm' | 'g' | 't'] ?? 3;
  return Number(m[1]) * 1024 ** pow;
}

/** The maintenance window, where the provider's object carries one (properties.maintenanceWindow or maintenanceWindow). */
export function maintenanceOf(raw: unknown): MaintenanceFact | undefined {
  const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined);
  const r = obj(raw);
  const w = obj(obj(r?.properties)?.maintenanceWindow) ?? obj(r?.maintenanceWindow);
  const day = w?.dayOfTheWeek;
  const time = w?.time;
  if (typeof day !== 'string' || typeof time !== 'string') return undefined;
  return { day: oneLine(day, 20), time: oneLine(time, 20) };
}

/** How long one provider call may take before its fact is "no answer" (the HTTP layer's own deadline may be longer). */
export const FACT_DEADLINE_MS = 20_000;

async function fact<T>(run: () => Promise<T>, deadlineMs: number): Promise<Fact<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Fact<T>>((resolve) => {
    timer = setTimeout(() => resolve({ missing: `no answer within ${Math.round(deadlineMs / 1000)} s` }), deadlineMs);
  });
  try {
    return await Promise.race([run(), late]);
  } catch (err) {
    return { missing: oneLine(describeError(err).slice(0, 2000), 300) };
  } finally {
    clearTimeout(timer);
  }
}

export async function collectProviderFacts(provider: Provider, cluster: Cluster, signal?: AbortSignal, now = Date.now(), deadlineMs = FACT_DEADLINE_MS): Promise<ProviderFacts> {
  const out: ProviderFacts = {};
  const maintenance = maintenanceOf(cluster.raw);
  if (maintenance) out.maintenance = maintenance;
  const jobs: Array<Promise<void>> = [];
  if (supports(provider, cluster, 'backups')) {
    jobs.push(fact(async () => {
      const list = (await provider.backups!(cluster.id, signal)).slice(0, MAX_ITEMS);
      let newest: number | undefined;
      if (list.some((b) => b.active === true)) return { count: list.length, newest: new Date(now).toISOString(), continuous: true };
      for (const b of list) {
        const t = Date.parse(b.latestRecoveryTargetTime ?? b.createdAt ?? '');
        if (Number.isFinite(t) && t <= now + 3_600_000 && (newest === undefined || t > newest)) newest = t;
      }
      return { count: list.length, newest: newest === undefined ? undefined : new Date(newest).toISOString() };
    }, deadlineMs).then((f) => void (out.backups = f)));
  }
  if (supports(provider, cluster, 'diskUsage')) {
    jobs.push(fact(async () => (await provider.diskUsage!(cluster, signal)).slice(0, 100).map((d) => ({ volume: oneLine(d.volume, 80), kind: oneLine(d.kind, 20), usedBytes: d.usedBytes, capacityBytes: d.capacityBytes })), deadlineMs).then((f) => void (out.disk = f)));
  } else if (supports(provider, cluster, 'metrics') && storageBytes(cluster.storage)) {
    jobs.push(fact(async () => {
      const series = await provider.metrics!(cluster, { from: new Date(now - 3_600_000), to: new Date(now) }, signal);
      const used = series.find((s) => s.key.startsWith('storage_used') && s.unit.toLowerCase().startsWith('b'));
      const last = used?.points.at(-1)?.value;
      if (last === undefined || !Number.isFinite(last)) return [];
      return [{ volume: 'data', kind: 'data', usedBytes: last, capacityBytes: storageBytes(cluster.storage)! }];
    }, deadlineMs).then((f) => void (out.disk = f)));
  }
  if (supports(provider, cluster, 'reachability')) {
    jobs.push(fact(async () => {
      const checks = (await provider.reachability!(cluster, signal)).filter((c) => c.what === 'instance').slice(0, 1000);
      return { up: checks.filter((c) => c.available).length, total: checks.length, down: checks.filter((c) => !c.available).map((c) => oneLine(c.name, 80)).slice(0, 10) };
    }, deadlineMs).then((f) => void (out.instances = f)));
  }
  await Promise.all(jobs);
  return out;
}

