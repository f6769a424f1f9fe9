// pgtui edit NAME|ID [--set key=value ...]: the same edit flow as the detail screen's `e`, without the UI.
// Without --set it lists what can be changed; with --set it validates like the form, prints the diff (and,
// the exact request with secrets masked, its curl line and impact: docs/plans.md), asks, then sends the change.
import { PROVIDER_LABELS } from '../api/registry.js';
import { supports, unsupportedReason } from '../api/core/capabilities.js';
import type { FieldSpec, FormSpec, FormValues } from '../api/core/types.js';
import { displayValue, initialValues, submittedValues, visibleFields } from '../forms/fields.js';
import { sanitize } from '../present/format.js';
import { errLine, writeOut } from '../text/write.js';
import { runPlanned } from './plan-flow.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { findCluster } from './get.js';
import { refuseReadOnly } from './guard.js';
import { readStdin } from './stdin.js';

export interface EditOptions {
  set?: string[];
  dryRun?: boolean;
  yes?: boolean;
  showBody?: boolean;
  readOnly?: boolean;
  confirm?: string;
  output?: string;
  /** The edit form's secret (a password some APIs want back with the change) from the first line of stdin. */
  passwordStdin?: boolean;
}

/** "key=value" pairs → values; the first `=` splits, so values may contain `=`. */
export function parseAssignments(pairs: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CommandError(`--set wants key=value, not ${pair}`, EXIT.usage);
    const key = pair.slice(0, at).trim();
    if (key in out) throw new CommandError(`--set ${key} given twice`, EXIT.usage);
    out[key] = pair.slice(at + 1);
  }
  return out;
}

/** The edited values: the form prefilled from the cluster with the assignments applied, checked like the form checks them. */
export function applyAssignments(spec: FormSpec, assignments: FormValues): FormValues {
  const byKey = new Map(spec.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(assignments)) {
    const field = byKey.get(key);
    if (!field) throw new CommandError(`${key} is not a field you can edit here; one of: ${spec.fields.filter((f) => !f.immutable).map((f) => f.key).join(', ')}`, EXIT.usage);
    if (field.immutable) throw new CommandError(`${key} cannot be changed after the cluster was created`, EXIT.usage);
    if (field.kind === 'secret') throw new CommandError(`${key} is a secret: give it on stdin with --password-stdin, never in --set`, EXIT.usage);
  }
  const values = initialValues(spec, assignments);
  for (const key of Object.keys(assignments)) {
    const field = byKey.get(key)!;
    if (!visibleFields(spec, values).includes(field)) {
      throw new CommandError(`${key} does not apply unless ${field.showWhen!.key} is ${field.showWhen!.values.join(' or ')}`, EXIT.usage);
    }
  }
  const errors = spec.validate(values);
  const shown = new Set(visibleFields(spec, values).map((f) => f.key));
  const lines = Object.entries(errors)
    .filter(([key]) => key === '' || shown.has(key))
    .map(([key, reason]) => (key ? `${key}: ${reason}` : reason));
  if (lines.length > 0) throw new CommandError(lines.length === 1 ? lines[0]! : `the change is not valid:\n  ${lines.join('\n  ')}`, EXIT.usage);
  return submittedValues(spec, values);
}

function fieldLines(spec: FormSpec, values: FormValues): string[] {
  const rows = spec.fields.map((f: FieldSpec) => {
    const choices = f.choices && f.choices.length > 0 ? f.choices.map((c) => c.value).slice(0, 8).join('|') + (f.choices.length > 8 ? '|…' : '') : '';
    const note = f.immutable ? 'fixed' : [choices, f.help].filter(Boolean).join('  ');
    return [f.key, displayValue(f, values[f.key]), note] as const;
  });
  const kw = rows.reduce((w, r) => Math.max(w, r[0].length), 3);
  const vw = rows.reduce((w, r) => Math.max(w, r[1].length), 7);
  return [`${'KEY'.padEnd(kw)}  ${'CURRENT'.padEnd(vw)}  NOTES`, ...rows.map(([k, v, n]) => `${k.padEnd(kw)}  ${v.padEnd(vw)}  ${n}`.trimEnd())];
}

export async function edit(ctx: Context, query: string, opts: EditOptions): Promise<number> {
  const assignments = parseAssignments(opts.set ?? []);
  const cluster = await findCluster(ctx, query);
  const profile = ctx.profiles.find((p) => p.name === cluster.profile)!;
  const provider = ctx.providerFor(profile);
  if (!provider.editForm || !provider.planUpdate || !provider.update) throw new CommandError(`${profile.kind} clusters cannot be edited through its API`, EXIT.usage);
  if (!supports(provider, cluster, 'edit')) throw new CommandError(unsupportedReason(provider, cluster, 'edit', PROVIDER_LABELS[cluster.provider]), EXIT.refused);
  const spec = await provider.editForm(cluster);
  if (Object.keys(assignments).length === 0) {
    writeOut(`${fieldLines(spec, initialValues(spec)).map(sanitize).join('\n')}\n`);
    return EXIT.ok;
  }
  refuseReadOnly(opts.readOnly, profile, 'edit');
  const values = applyAssignments(spec, assignments);
  if (opts.passwordStdin) {
    const secret = spec.fields.find((f) => f.kind === 'secret');
    if (!secret) throw new CommandError('--password-stdin: this edit form has no secret field', EXIT.usage);
    if (process.stdin.isTTY) throw new CommandError('--password-stdin reads a pipe or a file (printf %s "$PW" | pgtui edit …), not the terminal', EXIT.usage);
    if (!opts.yes && !opts.dryRun) throw new CommandError('--password-stdin takes stdin: add --yes (or --dry-run)', EXIT.usage);
    const line = (await readStdin()).split(/\r?\n/)[0] ?? '';
    if (!line) throw new CommandError('--password-stdin: stdin is empty', EXIT.usage);
    values[secret.key] = line;
  }
  const plan = await provider.planUpdate(cluster, values);
  if (plan.diff.length === 0) {
    errLine(`${cluster.name}: nothing to change`);
    return EXIT.ok;
  }
  const secretKeys = new Set(spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key));
  const run = await runPlanned(
    ctx,
    { operation: 'update', profile, cluster: { id: cluster.id, name: cluster.name }, changes: plan.diff, secretKeys },
    () => provider.update!(cluster, values),
    opts,
    { question: `Apply this change to ${cluster.name}? [y/N] `, declined: 'not applied' },
    'stdout',
  );
  if (!run.applied) return run.code;
  const updated = run.result;
  errLine(`${updated.name}: change sent, now ${updated.phase} (${updated.state}); pgtui wait ${updated.name} --for ready`);
  return EXIT.ok;
}
