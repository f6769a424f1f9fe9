// pgtui create --profile P --set key=value ...: the create form of the profile's provider, without the UI.
// Without --set it lists the fields; with --set it checks the values like the form, shows the same review, asks
// (or takes --yes), sends, and with --wait polls until the cluster is ready. Secrets come only from stdin.
import type { Cluster, FieldSpec, FormSpec, FormValues } from '../api/core/types.js';
import { displayValue, initialValues, submittedValues, visibleFields } from '../forms/fields.js';
import { sanitize } from '../present/format.js';
import { errLine, writeErr, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { parseAssignments } from './edit.js';
import { runPlanned } from './plan-flow.js';
import { CommandError, EXIT } from './exit-codes.js';
import { refuseReadOnly } from './guard.js';
import { clusterOutput } from './print-cluster.js';
import { readStdin } from './stdin.js';
import { pollUntil, waitOptions } from './wait.js';

export interface CreateOptions {
  set?: string[];
  passwordStdin?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  wait?: boolean;
  timeout?: string;
  interval?: string;
  json?: boolean;
  output?: string;
  readOnly?: boolean;
}

/** A choice as the command line takes it: the value, and what it is when the value alone does not say (a UUID). */
function choiceText(c: { value: string; label?: string }): string {
  return c.label && c.label !== c.value ? `${c.value} (${c.label})` : c.value;
}

/** True when every choice is its own label: the values fit on one line, joined with |. */
const plainChoices = (f: FieldSpec) => (f.choices ?? []).every((c) => !c.label || c.label === c.value);

function fieldRows(spec: FormSpec): string[] {
  const values = initialValues(spec);
  const rows = spec.fields.map((f: FieldSpec) => {
    // Every valid value, never cut: a script's author needs the one that is not in the first eight.
    const choices = f.choices && f.choices.length > 0 ? (plainChoices(f) ? f.choices.map((c) => c.value).join('|') : 'one of the values below') : '';
    const when = f.showWhen ? `only when ${f.showWhen.key}=${f.showWhen.values.join('|')}` : '';
    const note = [f.required ? 'required' : '', f.kind === 'secret' ? 'secret: from stdin with --password-stdin' : choices, when, f.help ?? ''].filter(Boolean).join('  ');
    return [f.key, f.kind === 'secret' ? '' : values[f.key] ?? '', note, f] as const;
  });
  const kw = rows.reduce((w, r) => Math.max(w, r[0].length), 3);
  const vw = rows.reduce((w, r) => Math.max(w, r[1].length), 7);
  const out = [`${'KEY'.padEnd(kw)}  ${'DEFAULT'.padEnd(vw)}  NOTES`];
  for (const [k, v, n, f] of rows) {
    out.push(`${k.padEnd(kw)}  ${v.padEnd(vw)}  ${n}`.trimEnd());
    if (f.choices?.length && !plainChoices(f)) for (const c of f.choices) out.push(`${' '.repeat(kw + 2)}  ${choiceText(c)}`);
  }
  return out;
}

/** After "choose … from the list": the list, all of it. */
function withChoices(field: FieldSpec | undefined, reason: string): string {
  if (!field?.choices?.length || !/from the list|^choose /.test(reason)) return reason;
  return `${reason}: ${field.choices.map(choiceText).join(', ')}`;
}

/** The secret fields' values from stdin: the whole input for one field, one line per field (in form order) for more. */
export function secretsFromStdin(fields: readonly FieldSpec[], input: string): FormValues {
  const text = input.replace(/\r?\n$/, '');
  if (fields.length === 1) return { [fields[0]!.key]: text };
  const lines = text.split(/\r?\n/);
  if (lines.length !== fields.length) throw new CommandError(`--password-stdin: ${fields.length} lines expected on stdin (${fields.map((f) => f.key).join(', ')}), got ${lines.length}`, EXIT.usage);
  return Object.fromEntries(fields.map((f, i) => [f.key, lines[i]!]));
}

/** The values to send: defaults, --set, secrets from stdin; checked like the form checks them. */
export function createValues(spec: FormSpec, assignments: FormValues, secrets: FormValues): FormValues {
  const byKey = new Map(spec.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(assignments)) {
    const field = byKey.get(key);
    if (!field) throw new CommandError(`${key} is not a field of this create form; one of: ${spec.fields.filter((f) => f.kind !== 'secret').map((f) => f.key).join(', ')}`, EXIT.usage);
    // A value on the command line is in the shell history and in `ps` for every user of the machine.
    if (field.kind === 'secret') throw new CommandError(`${key} is a secret: give it on stdin with --password-stdin, never in --set`, EXIT.usage);
  }
  const values = initialValues(spec, { ...assignments, ...secrets });
  for (const key of Object.keys(assignments)) {
    const field = byKey.get(key)!;
    if (!visibleFields(spec, values).includes(field)) throw new CommandError(`${key} does not apply unless ${field.showWhen!.key} is ${field.showWhen!.values.join(' or ')}`, EXIT.usage);
  }
  const shown = new Set(visibleFields(spec, values).map((f) => f.key));
  const hint = (key: string) => (byKey.get(key)?.kind === 'secret' && !secrets[key] ? ' (give it on stdin with --password-stdin)' : '');
  const lines = Object.entries(spec.validate(values))
    .filter(([key]) => key === '' || shown.has(key))
    .map(([key, reason]) => (key ? `${key}: ${withChoices(byKey.get(key), reason)}${hint(key)}` : reason));
  if (lines.length > 0) throw new CommandError(lines.length === 1 ? lines[0]! : `the cluster is not valid:\n  ${lines.join('\n  ')}`, EXIT.usage);
  return submittedValues(spec, values);
}

/** The review the form shows before Create: every field that will be sent, secrets masked. */
function reviewLines(spec: FormSpec, profile: string, values: FormValues): string[] {
  const fields = visibleFields(spec, values);
  const width = fields.reduce((w, f) => Math.max(w, f.label.length), 0);
  return [`${spec.title} (${profile}):`, ...fields.map((f) => `  ${f.label.padEnd(width)}  ${displayValue(f, values[f.key])}`)].map(sanitize);
}

export async function create(ctx: Context, opts: CreateOptions): Promise<number> {
  const assignments = parseAssignments(opts.set ?? []);
  if (ctx.profiles.length !== 1) throw new CommandError(`create needs --profile (one of ${ctx.profiles.map((p) => p.name).join(', ') || 'none: pgtui profile add'})`, EXIT.usage);
  const profile = ctx.profiles[0]!;
  const provider = ctx.providerFor(profile);
  const spec = await provider.createForm();
  if (Object.keys(assignments).length === 0 && !opts.passwordStdin) {
    writeOut(`${fieldRows(spec).map(sanitize).join('\n')}\n`);
    return EXIT.ok;
  }
  refuseReadOnly(opts.readOnly, profile, 'create');
  const secretFields = spec.fields.filter((f) => f.kind === 'secret' && visibleFields(spec, initialValues(spec, assignments)).includes(f));
  let secrets: FormValues = {};
  if (opts.passwordStdin) {
    if (secretFields.length === 0) throw new CommandError('--password-stdin: this create form has no secret field', EXIT.usage);
    if (process.stdin.isTTY) throw new CommandError('--password-stdin reads a pipe or a file (printf %s "$PW" | pgtui create …), not the terminal', EXIT.usage);
    secrets = secretsFromStdin(secretFields, await readStdin());
  }
  const values = createValues(spec, assignments, secrets);
  // With -o json|yaml stdout carries only the cluster, so the review goes to stderr.
  const structuredOut = opts.json || opts.output === 'json' || opts.output === 'yaml';
  // A dry run with -o json prints only the plan; otherwise the review comes first, then the plan.
  if (!(opts.dryRun && structuredOut)) (structuredOut && !opts.dryRun ? writeErr : writeOut)(`${reviewLines(spec, profile.name, values).join('\n')}\n`);
  const secretKeys = new Set(spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key));
  const name = values.name ?? values.displayName ?? '(new cluster)';
  const run = await runPlanned(ctx, { operation: 'create', profile, cluster: { name }, secretKeys }, () => provider.create(values), { ...opts, json: opts.json || opts.output === 'json' }, {
    question: `Create this cluster in ${profile.name}? [y/N] `,
    declined: 'not created',
  });
  if (!run.applied) return run.code;
  const cluster: Cluster = run.result;
  errLine(`${cluster.name}: create sent, now ${cluster.phase} (${cluster.state})`);
  let code: number = EXIT.ok;
  let last = cluster;
  if (opts.wait) {
    code = await pollUntil(provider, cluster, 'ready', waitOptions(opts));
    last = await provider.get(cluster.id).catch(() => cluster);
  }
  writeOut(await clusterOutput(last, opts));
  return code;
}
