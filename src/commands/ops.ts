// pgtui delete, restart, promote, reset-password and restore: one operation on one cluster, each where the
// provider's API has it (capabilities.ts) and a one-line refusal where not. Every one of them refuses under
// --read-only before its first request, asks on a terminal (delete: the typed name) or takes --yes, and with
// --wait polls until the cluster is ready again (or gone).
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { sanitize } from '../present/format.js';
import { hasUnsafe } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { findCluster } from './get.js';
import { refuseMissingEverywhere, refuseReadOnly, refuseUnsupported } from './guard.js';
import type { Capability } from '../api/core/capabilities.js';
import { clusterOutput } from './print-cluster.js';
import { pollUntil, waitOptions } from './wait.js';
import { runPlanned, type Ask } from './plan-flow.js';

export interface OpOptions {
  yes?: boolean;
  /** The cluster's exact name: with --yes on a protected profile (docs/plans.md). */
  confirm?: string;
  dryRun?: boolean;
  wait?: boolean;
  timeout?: string;
  interval?: string;
  json?: boolean;
  output?: string;
  readOnly?: boolean;
}

interface Target {
  cluster: Cluster;
  profile: Profile;
  provider: Provider;
}

async function target(ctx: Context, query: string, capability?: Capability): Promise<Target> {
  if (capability) refuseMissingEverywhere(ctx.profiles, (p) => ctx.providerFor(p), capability);
  const cluster = await findCluster(ctx, query);
  const profile = ctx.profiles.find((p) => p.name === cluster.profile)!;
  return { cluster, profile, provider: ctx.providerFor(profile) };
}

const asked = (question: string, what: string): Ask => ({ question: sanitize(question), declined: `not ${what}` });

/** What every operation's plan starts from (docs/plans.md). */
const planInput = (t: Target, operation: string) => ({ operation, profile: t.profile, cluster: { id: t.cluster.id, name: t.cluster.name, location: t.cluster.location } });

async function finish(t: Target, sent: Cluster, opts: OpOptions, what: string): Promise<number> {
  errLine(`${sent.name}: ${what}, now ${sent.phase} (${sent.state})`);
  let code: number = EXIT.ok;
  let last = sent;
  if (opts.wait) {
    code = await pollUntil(t.provider, sent, 'ready', waitOptions(opts));
    last = await t.provider.get(sent.id).catch(() => sent);
  }
  writeOut(await clusterOutput(last, opts));
  return code;
}

export async function remove(ctx: Context, query: string, opts: OpOptions): Promise<number> {
  const t = await target(ctx, query);
  refuseReadOnly(opts.readOnly, t.profile, 'delete');
  const run = await runPlanned(ctx, planInput(t, 'remove'), () => t.provider.remove(t.cluster.id), opts, {
    question: sanitize(`Delete ${t.cluster.name} (${t.profile.name}) and all its data?`),
    typeName: true,
    declined: 'not deleted',
  });
  if (!run.applied) return run.code;
  errLine(`${t.cluster.name}: delete sent`);
  if (!opts.wait) return EXIT.ok;
  const now = await t.provider.get(t.cluster.id).catch(() => undefined);
  if (!now) {
    errLine(`${t.cluster.name}: deleted`);
    return EXIT.ok;
  }
  return pollUntil(t.provider, now, 'deleted', waitOptions(opts));
}

export async function restart(ctx: Context, query: string, opts: OpOptions): Promise<number> {
  const t = await target(ctx, query, 'restart');
  refuseReadOnly(opts.readOnly, t.profile, 'restart');
  refuseUnsupported(t.provider, t.cluster, 'restart');
  const run = await runPlanned(ctx, planInput(t, 'restart'), () => t.provider.restart!(t.cluster.id), opts, asked(`Restart ${t.cluster.name} (${t.profile.name})? Connections will drop. [y/N] `, 'restarted'));
  return run.applied ? finish(t, run.result, opts, 'restart sent') : run.code;
}

export async function promote(ctx: Context, query: string, opts: OpOptions): Promise<number> {
  const t = await target(ctx, query, 'promote');
  refuseReadOnly(opts.readOnly, t.profile, 'promote');
  refuseUnsupported(t.provider, t.cluster, 'promote');
  const run = await runPlanned(ctx, planInput(t, 'promote'), () => t.provider.promote!(t.cluster.id), opts, asked(`Promote ${t.cluster.name} (${t.profile.name}) to a standalone primary? It stops following its source. [y/N] `, 'promoted'));
  return run.applied ? finish(t, run.result, opts, 'promote sent') : run.code;
}

/** The new password goes to stdout, alone and once; everything else to stderr. */
export async function resetPassword(ctx: Context, query: string, opts: OpOptions): Promise<number> {
  const t = await target(ctx, query, 'resetPassword');
  refuseReadOnly(opts.readOnly, t.profile, 'reset-password');
  refuseUnsupported(t.provider, t.cluster, 'resetPassword');
  const run = await runPlanned(ctx, planInput(t, 'resetPassword'), () => t.provider.resetPassword!(t.cluster.id), opts, asked(`Reset the password of ${t.cluster.name} (${t.profile.name})? The old one stops working. [y/N] `, 'reset'));
  if (!run.applied) return run.code;
  const password = run.result;
  errLine(`${t.cluster.name}: new password set (kept for pgtui psql; shown once, below)`);
  // The user must get it byte for byte: a password the safe writer would alter (a control character from the
  // provider) is refused rather than printed changed.
  if (hasUnsafe(password)) throw new CommandError('the provider returned a password with control characters; not printing it', EXIT.error);
  writeOut(`${password}\n`);
  return EXIT.ok;
}

export interface RestoreOptions extends OpOptions {
  backup?: string;
  to?: string;
  name?: string;
}

/** RFC 3339 (a date and a time with an offset or Z) → the UTC form every API takes. */
export function parseTime(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text.trim()) || Number.isNaN(Date.parse(text))) {
    throw new CommandError(`--to wants an RFC 3339 time such as 2026-11-30T08:00:00Z, not ${text}`, EXIT.usage);
  }
  return new Date(Date.parse(text)).toISOString().replace('.000Z', 'Z');
}

export async function restore(ctx: Context, query: string, opts: RestoreOptions): Promise<number> {
  const targetTime = opts.to === undefined ? undefined : parseTime(opts.to);
  if (!opts.backup && !targetTime) throw new CommandError('restore needs --backup ID (pgtui backups NAME lists them) or --to TIME', EXIT.usage);
  const t = await target(ctx, query, 'restore');
  refuseReadOnly(opts.readOnly, t.profile, 'restore');
  refuseUnsupported(t.provider, t.cluster, 'restore');
  // Without --to a backup restores to the latest point it allows: its last recovery time, or now while it is active.
  const how = opts.backup ? `from backup ${opts.backup} ${targetTime ? `to ${targetTime}` : 'to the latest point it allows (its latest recovery time; now, while it is the active backup)'}` : `to ${targetTime}`;
  const changes = [
    ...(opts.backup ? [{ key: 'backup', label: 'backup', from: '', to: opts.backup }] : []),
    ...(targetTime ? [{ key: 'targetTime', label: 'point in time', from: '', to: targetTime }] : []),
    ...(opts.name ? [{ key: 'newName', label: 'new cluster', from: '', to: opts.name }] : []),
  ];
  const run = await runPlanned(ctx, { ...planInput(t, 'restore'), changes }, () => t.provider.restore!(t.cluster, { backupId: opts.backup, targetTime, newName: opts.name }), opts, asked(`Restore ${t.cluster.name} (${t.profile.name}) ${how}? [y/N] `, 'restored'));
  if (!run.applied) return run.code;
  const result = run.result;
  const what = result.id === t.cluster.id ? `restore ${how} sent` : `restore of ${t.cluster.name} ${how} sent, into this new cluster`;
  return finish({ ...t, cluster: result }, result, opts, what);
}
