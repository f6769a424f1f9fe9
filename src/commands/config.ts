// pgtui config NAME|ID: the cluster's settings (what is set, and every key the API takes with its type);
// with --set key=value it checks each value against the spec's type, shows the plan and asks, like `edit`
// (docs/plans.md).
import { checkSetting, type SettingSpec, type SettingsView } from '../api/core/insight.js';
import { BASE_UNITS, showAmount } from '../api/core/pg-units.js';
import { oneLine, safeJson } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { parseAssignments } from './edit.js';
import { CommandError, EXIT } from './exit-codes.js';
import { runPlanned } from './plan-flow.js';
import { protectionOf } from '../api/core/protection.js';
import { configFromPostgres, targetOrPostgres } from './pg-fallback.js';

export interface ConfigOptions {
  set?: string[];
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
  readOnly?: boolean;
  confirm?: string;
  output?: string;
}

function typeNote(s: SettingSpec): string {
  if (s.kind === 'choice') return (s.choices ?? []).join('|');
  const type = s.kind === 'int' ? 'integer' : s.kind === 'number' ? 'number' : 'text';
  const base = s.units ? BASE_UNITS[s.key] : undefined;
  const limit = (n: number | undefined) => (n === undefined ? undefined : base ? showAmount(base.kind, base.kind === 'memory' ? n : n * base.size) : String(n));
  const min = limit(s.min);
  const max = limit(s.max);
  return [type, base ? `in ${base.name} or with a unit` : '', min !== undefined ? `≥ ${min}` : '', max !== undefined ? `≤ ${max}` : '', s.restart ? 'restart' : ''].filter(Boolean).join(', ');
}

function listLines(view: SettingsView): string[] {
  const known = new Set(view.specs.map((s) => s.key));
  const rows: Array<[string, string, string]> = view.specs.map((s) => [s.key, view.values[s.key] ?? '(default)', typeNote(s)]);
  for (const [k, v] of Object.entries(view.values)) if (!known.has(k)) rows.push([k, v, 'text']);
  const kw = rows.reduce((w, r) => Math.max(w, oneLine(r[0], 80).length), 3);
  const vw = rows.reduce((w, r) => Math.max(w, oneLine(r[1], 80).length), 5);
  return [`${'KEY'.padEnd(kw)}  ${'VALUE'.padEnd(vw)}  TYPE`, ...rows.map(([k, v, n]) => `${oneLine(k, 80).padEnd(kw)}  ${oneLine(v, 80).padEnd(vw)}  ${n}`.trimEnd())];
}

/** Each key must be one the API takes, each value of its type; all problems in one error. */
export function checkChanges(view: SettingsView, changes: Record<string, string>): void {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const spec = view.specs.find((s) => s.key === key);
    const free = view.freeGroups?.some((g) => key.startsWith(`${g}.`) && key.length > g.length + 1);
    if (spec) {
      const p = checkSetting(spec, value);
      if (p) problems.push(p);
    } else if (!free) {
      const near = view.specs.filter((s) => s.key.includes(key) || key.includes(s.key)).map((s) => s.key).slice(0, 3);
      const groups = view.freeGroups?.length ? `; or ${view.freeGroups.map((g) => `${g}.NAME`).join(', ')}` : '';
      problems.push(`${oneLine(key, 80)} is not a setting this API takes${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; pgtui config NAME lists them${groups}`);
    }
  }
  if (problems.length === 1) throw new CommandError(problems[0]!, EXIT.usage);
  if (problems.length > 1) throw new CommandError(`the change is not valid:\n  ${problems.join('\n  ')}`, EXIT.usage);
}

export async function config(ctx: Context, query: string, opts: ConfigOptions): Promise<number> {
  const changes = parseAssignments(opts.set ?? []);
  const target = await targetOrPostgres(ctx, query, 'settings');
  if (target.postgres) return configFromPostgres(ctx, target, opts);
  const { cluster, profile, provider } = target;
  const view = await provider.readSettings!(cluster);
  if (Object.keys(changes).length === 0) {
    writeOut(opts.json ? `${safeJson(view)}\n` : `${listLines(view).join('\n')}\n`);
    return EXIT.ok;
  }
  if (opts.readOnly || protectionOf(profile) === 'read-only') throw new CommandError(`profile ${profile.name} is read-only: config --set is disabled`, EXIT.refused);
  if (!provider.updateSettings) throw new CommandError(`settings of ${cluster.name} cannot be changed through its API`, EXIT.refused);
  checkChanges(view, changes);
  const diff = Object.entries(changes).filter(([k, v]) => view.values[k] !== v.trim());
  if (diff.length === 0) {
    errLine(`${cluster.name}: nothing to change`);
    return EXIT.ok;
  }
  const planned = diff.map(([k, v]) => ({ key: k, label: k, from: view.values[k] ?? '(default)', to: v.trim() }));
  const run = await runPlanned(
    ctx,
    { operation: 'updateSettings', profile, cluster: { id: cluster.id, name: cluster.name }, changes: planned },
    () => provider.updateSettings!(cluster, Object.fromEntries(diff)),
    opts,
    { question: `Apply to ${cluster.name}? [y/N] `, declined: 'not applied' },
    'stdout',
  );
  if (!run.applied) return run.code;
  const result = run.result;
  errLine(`${cluster.name}: settings sent${result.message ? `; ${oneLine(result.message, 400)}` : ''}`);
  return EXIT.ok;
}
