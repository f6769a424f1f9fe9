// The checks that read the provider's API: phase, backups, version, maintenance, disk, instances
// (docs/diagnose.md has each one's thresholds and why).
import type { CheckDef, Verdict } from './types.js';
import { isMissing } from './types.js';
import type { HealthInput } from './input.js';
import { majorInfo, parseVersion, versionFromNum, type ParsedVersion } from './eol.js';
import { bytes, duration, pct, plural } from './format.js';
import { oneLine } from '../text/safe.js';

type Judged = ReturnType<CheckDef<HealthInput>['judge']>;
const unknown = (evidence: string, action = ''): Judged => ({ verdict: 'unknown', evidence, action });
const DAY = 86_400_000;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The running version: Postgres's own server_version_num when a connection told it, else the provider's. */
export function runningVersion(input: HealthInput): (ParsedVersion & { from: string }) | undefined {
  const s = input.pg && !isMissing(input.pg) && !isMissing(input.pg.settings) ? input.pg.settings : undefined;
  const fromProvider = parseVersion(input.cluster.version);
  const fromPg = s && s.serverVersionNum > 0 ? versionFromNum(s.serverVersionNum) : undefined;
  // The provider's major wins when the two disagree (a connection override that reaches another server).
  if (fromPg && (!fromProvider || fromProvider.major === fromPg.major)) return { ...fromPg, from: 'server_version_num' };
  return fromProvider && { ...fromProvider, from: fromPg ? `the provider (the server it reached says ${fromPg.major}.${fromPg.minor})` : 'the provider' };
}

export const phaseCheck: CheckDef<HealthInput> = {
  id: 'phase',
  title: 'Cluster phase',
  source: 'provider',
  judge({ cluster }) {
    const state = oneLine(cluster.state, 60);
    const why = cluster.stateMessage ? `: ${oneLine(cluster.stateMessage, 200)}` : '';
    const values = { phase: cluster.phase, state };
    switch (cluster.phase) {
      case 'failed':
        return { verdict: 'red', evidence: `failed (${state})${why}`, action: "open a support case with the provider; check its status page and the cluster's logs", values };
      case 'degraded':
        return { verdict: 'yellow', evidence: `degraded (${state})${why}`, action: 'find the instance that is down (pgtui test NAME where the API has it) and replace it', values };
      case 'stopped':
        return { verdict: 'yellow', evidence: `stopped (${state}): it serves no connections`, action: 'start it if it should be serving', values };
      case 'unknown':
        return { verdict: 'unknown', evidence: `the provider reports ${state}, which pgtui does not know`, action: '', values };
      default:
        return { verdict: 'green', evidence: `${cluster.phase} (${state})`, action: '', values };
    }
  },
};

export const backupAgeCheck: CheckDef<HealthInput> = {
  id: 'backup-age',
  title: 'Last successful backup',
  source: 'provider',
  judge({ provider, cluster }, t, now) {
    const b = provider.backups;
    if (b === undefined) return unknown("the provider's API does not list backups for this cluster");
    if (isMissing(b)) return unknown(`backups could not be read: ${b.missing}`);
    if (b.count === 0 || !b.newest) {
      return cluster.phase === 'creating'
        ? { verdict: 'green', evidence: 'no backup yet: the cluster is being created', action: '' }
        : { verdict: 'red', evidence: `no finished backup among ${plural(b.count, 'backup')}`, action: 'take a backup now and find out why none finished', values: { count: b.count } };
    }
    if (b.continuous) return { verdict: 'green', evidence: `continuous backup active (WAL archived as it is written), ${plural(b.count, 'backup')}`, action: '', values: { newest: b.newest, ageHours: 0, count: b.count, continuous: true } };
    const hours = (now - Date.parse(b.newest)) / 3_600_000;
    const values = { newest: b.newest, ageHours: Math.round(hours * 10) / 10, count: b.count };
    const evidence = `newest backup ${duration(hours * 3600)} ago (${b.newest}), ${plural(b.count, 'backup')}`;
    if (hours >= t.backupAgeRedHours) return { verdict: 'red', evidence: `${evidence}; limit ${t.backupAgeRedHours} h`, action: 'take a backup now (pgtui backups NAME) and check the backup schedule', values };
    if (hours >= t.backupAgeYellowHours) return { verdict: 'yellow', evidence: `${evidence}; over ${t.backupAgeYellowHours} h`, action: 'check that the daily backup ran', values };
    return { verdict: 'green', evidence, action: '', values };
  },
};

export const versionEolCheck: CheckDef<HealthInput> = {
  id: 'version-eol',
  title: 'PostgreSQL end of life',
  source: 'provider',
  judge(input, t, now) {
    const v = runningVersion(input);
    if (!v) return unknown('the provider does not say which PostgreSQL version runs');
    const info = majorInfo(v.major);
    if (!info) return unknown(`PostgreSQL ${v.major} is not in pgtui's version table (src/diagnose/eol.ts)`);
    const days = Math.floor((Date.parse(`${info.eol}T00:00:00Z`) - now) / DAY);
    const values = { major: v.major, eol: info.eol, daysLeft: days };
    if (days < 0) return { verdict: 'red', evidence: `PostgreSQL ${v.major} reached its end of life on ${info.eol} (${-days} days ago): no more fixes, security ones included`, action: 'plan the major upgrade now', values };
    if (days <= t.eolWarnDays) return { verdict: 'yellow', evidence: `PostgreSQL ${v.major} reaches its end of life on ${info.eol}, in ${days} days`, action: 'schedule the major upgrade before that date', values };
    return { verdict: 'green', evidence: `PostgreSQL ${v.major} is supported until ${info.eol}`, action: '', values };
  },
};

export const versionMinorCheck: CheckDef<HealthInput> = {
  id: 'version-minor',
  title: 'Newer minor release',
  source: 'provider',
  judge(input, t) {
    const v = runningVersion(input);
    if (!v) return unknown('the provider does not say which PostgreSQL version runs');
    const info = majorInfo(v.major);
    if (!info) return unknown(`PostgreSQL ${v.major} is not in pgtui's version table (src/diagnose/eol.ts)`);
    if (v.minor === undefined) return unknown(`the provider says only "${v.major}"; the minor release needs a Postgres connection`);
    const behind = info.latestMinor - v.minor;
    const values = { running: `${v.major}.${v.minor}`, latest: `${v.major}.${info.latestMinor}`, behind, from: v.from };
    const evidence = `runs ${v.major}.${v.minor}; ${v.major}.${info.latestMinor} is out (${plural(Math.max(0, behind), 'release')} behind)`;
    if (behind >= t.minorBehindRed) return { verdict: 'red', evidence, action: `apply ${v.major}.${info.latestMinor}: minor releases carry security fixes`, values };
    if (behind >= t.minorBehindYellow) return { verdict: 'yellow', evidence, action: `apply ${v.major}.${info.latestMinor} in the next maintenance window`, values };
    return { verdict: 'green', evidence: `runs ${v.major}.${v.minor}, the newest minor release pgtui knows`, action: '', values };
  },
};

/** Hours until the next start of a weekly window "Sunday 04:00:00" UTC; 0 while it is open (4 hours). */
export function hoursUntilWindow(day: string, time: string, now: number): number | undefined {
  const d = DAYS.findIndex((x) => x.toLowerCase() === day.toLowerCase());
  const m = /^(\d\d):(\d\d)(?::(\d\d))?/.exec(time);
  if (d < 0 || !m) return undefined;
  const at = new Date(now);
  const startToday = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  let start = startToday + ((d - at.getUTCDay() + 7) % 7) * DAY;
  if (start + 4 * 3_600_000 <= now) start += 7 * DAY;
  return Math.max(0, (start - now) / 3_600_000);
}

export const maintenanceCheck: CheckDef<HealthInput> = {
  id: 'maintenance',
  title: 'Pending maintenance',
  source: 'provider',
  judge({ provider }, t, now) {
    const w = provider.maintenance;
    if (!w) return unknown("the provider's API does not announce maintenance for this cluster");
    const hours = hoursUntilWindow(w.day, w.time, now);
    if (hours === undefined) return unknown(`the maintenance window "${w.day} ${w.time}" cannot be read`);
    const values = { day: w.day, time: w.time, hoursUntil: Math.round(hours * 10) / 10 };
    if (hours === 0) return { verdict: 'yellow', evidence: `the maintenance window (${w.day} ${w.time} UTC) is open now: expect a restart or failover`, action: 'hold risky changes until it closes', values };
    if (hours <= t.maintenanceSoonHours) return { verdict: 'yellow', evidence: `maintenance window ${w.day} ${w.time} UTC starts in ${duration(hours * 3600)}`, action: 'expect a restart; move the window (pgtui edit) if it clashes', values };
    return { verdict: 'green', evidence: `next maintenance window ${w.day} ${w.time} UTC, in ${duration(hours * 3600)}`, action: '', values };
  },
};

export const diskCheck: CheckDef<HealthInput> = {
  id: 'disk',
  title: 'Disk use',
  source: 'provider',
  judge({ provider }, t) {
    const d = provider.disk;
    if (d === undefined) return unknown("the provider's API does not report disk use for this cluster");
    if (isMissing(d)) return unknown(`disk use could not be read: ${d.missing}`);
    const sized = d.filter((v) => v.capacityBytes > 0);
    if (sized.length === 0) return unknown('no volume with a known size reported');
    const worst = sized.reduce((a, b) => (b.usedBytes / b.capacityBytes > a.usedBytes / a.capacityBytes ? b : a));
    const used = (100 * worst.usedBytes) / worst.capacityBytes;
    const values = { volume: worst.volume, usedBytes: worst.usedBytes, capacityBytes: worst.capacityBytes, usedPct: Math.round(used * 10) / 10 };
    const evidence = `${worst.kind} volume ${worst.volume}: ${bytes(worst.usedBytes)} of ${bytes(worst.capacityBytes)} (${pct(used)})`;
    const verdict: Verdict = used >= t.diskRedPct ? 'red' : used >= t.diskYellowPct ? 'yellow' : 'green';
    const action = verdict === 'red' ? 'grow the volume now or free space: a full disk stops writes' : verdict === 'yellow' ? 'plan to grow the volume' : '';
    return { verdict, evidence, action, values };
  },
};

export const instancesCheck: CheckDef<HealthInput> = {
  id: 'instances',
  title: 'Instances running',
  source: 'provider',
  judge({ provider, cluster }) {
    const f = provider.instances;
    if (f === undefined) return unknown("the provider's API does not report running instances");
    if (isMissing(f)) return unknown(`instances could not be checked: ${f.missing}`);
    if (cluster.phase === 'stopped') return { verdict: 'green', evidence: 'the cluster is stopped: no instance is expected to answer', action: '' };
    const wanted = cluster.instances ?? f.total;
    const values = { up: f.up, requested: wanted };
    const down = f.down.length ? ` (down: ${f.down.join(', ')})` : '';
    if (wanted === 0) return { verdict: 'green', evidence: 'no instances requested', action: '', values };
    if (f.up === 0 || f.up * 2 <= wanted && f.up < wanted) return { verdict: 'red', evidence: `${f.up} of ${wanted} requested instances answer${down}`, action: 'bring the missing instances back (or fail over if the primary is gone)', values };
    if (f.up < wanted) return { verdict: 'yellow', evidence: `${f.up} of ${wanted} requested instances answer${down}`, action: 'replace the missing replica', values };
    return { verdict: 'green', evidence: `${f.up} of ${wanted} requested instances answer`, action: '', values };
  },
};

export const PROVIDER_CHECKS: ReadonlyArray<CheckDef<HealthInput>> = [phaseCheck, backupAgeCheck, versionEolCheck, versionMinorCheck, maintenanceCheck, diskCheck, instancesCheck];
