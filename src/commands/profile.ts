// pgtui profile add|list|remove|test — without a terminal UI. Secrets come from stdin or the environment,
// never from a command-line flag (argv is visible to every user of the machine).
import type { Profile } from '../api/profile.js';
import { noProfiles, type Context } from './context.js';
import { describeError } from '../api/core/errors.js';
import { oneLine } from '../text/safe.js';
import { CommandError, EXIT } from './exit-codes.js';
import { isProviderKind, moduleFor, PROVIDER_KINDS } from '../api/registry.js';
import { isProtection, PROTECTION_COLORS, PROTECTION_LABELS, PROTECTIONS, protectionOf, type Protection } from '../api/core/protection.js';

const ANSI = { red: 31, yellow: 33, green: 32 } as const;
import { displayText, maskUriSecrets, safeJson } from '../text/safe.js';
import { errLine, outLine, writeOut } from '../text/write.js';

/** The parsed `profile add` flags: --provider, --read-only and every option the provider modules declare. */
export interface ProfileAddOptions {
  provider: string;
  readOnly?: boolean;
  /** normal, protected or read-only (src/api/protection.ts). */
  protection?: string;
  [option: string]: unknown;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CommandError('expected the secret on standard input (pipe it in)', EXIT.usage);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new CommandError('standard input was empty; expected the secret', EXIT.usage);
  return text;
}

export async function buildProfile(name: string, o: ProfileAddOptions, env: NodeJS.ProcessEnv = process.env): Promise<Profile> {
  if (!isProviderKind(o.provider)) throw new CommandError(`--provider must be one of ${PROVIDER_KINDS.join(', ')}`, EXIT.usage);
  const usage = (message: string): never => {
    throw new CommandError(message, EXIT.usage);
  };
  if (o.protection !== undefined && !isProtection(o.protection)) throw new CommandError(`--protection must be one of ${PROTECTIONS.join(', ')}`, EXIT.usage);
  const built = await moduleFor(o.provider).cli.build(name, o, { env, readStdin, usage });
  const level = protectionOf({ readOnly: o.readOnly, protection: o.protection as Protection | undefined });
  // readOnly stays written for read-only, so an older pgtui reading the file refuses too.
  return { ...built, readOnly: level === 'read-only' ? true : undefined, protection: level === 'normal' ? undefined : level };
}

export async function profileAdd(ctx: Context, name: string, o: ProfileAddOptions): Promise<number> {
  const profile = await buildProfile(name, o);
  const identity = await ctx.config.verify(profile);
  const m = moduleFor(profile.kind);
  await ctx.config.save(m.afterVerify?.(profile, identity) ?? profile);
  outLine(`saved profile ${name}: ${identity.summary}`);
  const warning = m.saveWarning?.(profile);
  if (warning) errLine(`pgtui: warning: profile ${name} is INSECURE: ${warning}`);
  return EXIT.ok;
}

export function profileList(ctx: Context, json: boolean): number {
  const rows = ctx.config.list().map((p) => ({ name: p.name, provider: p.kind, source: p.source ?? 'file', url: maskUriSecrets(moduleFor(p.kind).urlOf(p)), readOnly: protectionOf(p) === 'read-only', protection: protectionOf(p), insecure: Boolean(moduleFor(p.kind).insecure?.(p)), plainHttp: Boolean(moduleFor(p.kind).plainHttp?.(p)) }));
  for (const problem of ctx.config.problems) errLine(`pgtui: ${problem}`);
  if (json) {
    writeOut(`${safeJson(rows)}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    writeOut('no profiles yet: pgtui profile add NAME --provider ...  (or run pgtui --demo)\n');
    return EXIT.ok;
  }
  // k9s-like: each level in its colour (src/api/protection.ts), only on a terminal and without NO_COLOR.
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const paint = (level: Protection, text: string) => (colour ? `\x1b[1;${ANSI[PROTECTION_COLORS[level]]}m${text}\x1b[0m` : text);
  const w = (k: 'name' | 'provider' | 'source') => rows.reduce((n, r) => Math.max(n, r[k].length), k.length);
  outLine(`${'NAME'.padEnd(w('name'))}  ${'PROVIDER'.padEnd(w('provider'))}  ${'SOURCE'.padEnd(w('source'))}  URL`);
  for (const r of rows) {
    const level = r.protection === 'normal' ? '' : paint(r.protection, PROTECTION_LABELS[r.protection]);
    const flags = [r.insecure ? (r.plainHttp ? 'INSECURE (plain http)' : 'INSECURE') : r.plainHttp ? 'plain http: refused until insecure is set' : ''].filter(Boolean).join(' ');
    const line = displayText(`${r.name.padEnd(w('name'))}  ${r.provider.padEnd(w('provider'))}  ${r.source.padEnd(w('source'))}  ${r.url}`);
    writeOut(`${line}${level ? `  ${level}` : ''}${flags ? `  ${displayText(flags)}` : ''}\n`, { colour: true });
  }
  return EXIT.ok;
}

export async function profileRemove(ctx: Context, name: string): Promise<number> {
  // An unknown profile is a usage error (exit 2) in every command.
  if (!ctx.config.list().some((p) => p.name === name)) throw new CommandError(`no profile named ${name} (see pgtui profile list)`, EXIT.usage);
  await ctx.config.remove(name);
  outLine(`removed profile ${name}`);
  return EXIT.ok;
}

/** Verifies one profile's credentials, or every profile's (at once) without a name: 0 when all pass, 1 otherwise. */
export async function profileTest(ctx: Context, name?: string): Promise<number> {
  const all = ctx.config.list();
  if (name !== undefined && !all.some((p) => p.name === name)) throw new CommandError(`no profile named ${name} (see pgtui profile list)`, EXIT.usage);
  if (all.length === 0) throw noProfiles();
  const chosen = name === undefined ? all : all.filter((p) => p.name === name);
  const results = await Promise.allSettled(chosen.map((p) => ctx.providerFor(p).verify()));
  let failed = 0;
  results.forEach((r, i) => {
    const p = chosen[i]!.name;
    if (r.status === 'fulfilled') outLine(`${p}: ok, ${oneLine(r.value.summary)}`);
    else {
      failed++;
      errLine(`pgtui: ${p}: ${oneLine(describeError(r.reason))}`);
    }
  });
  if (failed > 0 && chosen.length === 1) return EXIT.error;
  return failed === 0 ? EXIT.ok : failed === chosen.length ? EXIT.error : EXIT.partial;
}
