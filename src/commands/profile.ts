// pgtui profile add|list|remove|test — without a terminal UI. Secrets come from stdin or the environment,
// never from a command-line flag (argv is visible to every user of the machine).
import type { Profile } from '../api/profile.js';
import type { ProviderKind } from '../api/types.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { isPlainHttp } from '../api/pgo/plain-http.js';
import { maskUriSecrets, safeJson } from '../text/safe.js';
import { errLine, outLine, writeOut } from '../text/write.js';

export interface ProfileAddOptions {
  provider: string;
  username?: string;
  passwordStdin?: boolean;
  tokenStdin?: boolean;
  keySecretStdin?: boolean;
  apiUrl?: string;
  contract?: string;
  keyId?: string;
  org?: string;
  url?: string;
  namespace?: string;
  ca?: string;
  cert?: string;
  key?: string;
  insecure?: boolean;
  readOnly?: boolean;
}

const KINDS: ProviderKind[] = ['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo'];

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CommandError('expected the secret on standard input (pipe it in)', EXIT.usage);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new CommandError('standard input was empty; expected the secret', EXIT.usage);
  return text;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new CommandError(`missing ${flag}`, EXIT.usage);
  return value;
}

export async function buildProfile(name: string, o: ProfileAddOptions, env: NodeJS.ProcessEnv = process.env): Promise<Profile> {
  if (!KINDS.includes(o.provider as ProviderKind)) throw new CommandError(`--provider must be one of ${KINDS.join(', ')}`, EXIT.usage);
  const common = { name, readOnly: o.readOnly || undefined };
  switch (o.provider as ProviderKind) {
    case 'ionos-v1':
    case 'ionos-v2': {
      const token = o.tokenStdin ? await readStdin() : undefined;
      const password = o.passwordStdin ? await readStdin() : token ? undefined : env.IONOS_PASSWORD;
      const username = o.username ?? env.IONOS_USERNAME;
      if (!token && !(username && password)) throw new CommandError('IONOS needs --username with --password-stdin, or --token-stdin', EXIT.usage);
      return { ...common, kind: o.provider as 'ionos-v1' | 'ionos-v2', apiUrl: o.apiUrl, contractNumber: o.contract, ...(token ? { token } : { username, password }) };
    }
    case 'clickhouse': {
      const keySecret = o.keySecretStdin ? await readStdin() : env.CLICKHOUSE_CLOUD_API_SECRET;
      return { ...common, kind: 'clickhouse', apiUrl: o.apiUrl, keyId: need(o.keyId ?? env.CLICKHOUSE_CLOUD_API_KEY, '--key-id'), keySecret: need(keySecret, '--key-secret-stdin'), organizationId: o.org };
    }
    case 'pgo': {
      const password = o.passwordStdin ? await readStdin() : env.PGOUSERPASS;
      return {
        ...common, kind: 'pgo', apiUrl: need(o.url ?? o.apiUrl, '--url'), namespace: o.namespace ?? 'pgo',
        caCert: o.ca, clientCert: o.cert, clientKey: o.key, insecure: o.insecure || undefined,
        username: need(o.username ?? env.PGOUSERNAME, '--username'), password: need(password, '--password-stdin'),
      };
    }
  }
}

export async function profileAdd(ctx: Context, name: string, o: ProfileAddOptions): Promise<number> {
  const profile = await buildProfile(name, o);
  const identity = await ctx.config.verify(profile);
  await ctx.config.save({ ...profile, ...(profile.kind === 'clickhouse' && !profile.organizationId && identity.discovered?.organizationId ? { organizationId: identity.discovered.organizationId } : {}) });
  outLine(`saved profile ${name}: ${identity.summary}`);
  if (profile.kind === 'pgo' && isPlainHttp(profile.apiUrl)) errLine(`pgtui: warning: profile ${name} is INSECURE: its PGO login travels in clear over plain http`);
  return EXIT.ok;
}

function urlOf(p: Profile): string {
  if (p.kind === 'ionos-v2') return p.apiUrl ?? (p.endpoints ? `${Object.keys(p.endpoints).length} endpoints` : 'https://postgresql.%s.ionos.com');
  if (p.kind === 'ionos-v1') return p.apiUrl ?? 'https://api.ionos.com/databases/postgresql';
  if (p.kind === 'clickhouse') return p.apiUrl ?? 'https://api.clickhouse.cloud';
  return p.apiUrl;
}

export function profileList(ctx: Context, json: boolean): number {
  const rows = ctx.config.list().map((p) => ({ name: p.name, provider: p.kind, source: p.source ?? 'file', url: maskUriSecrets(urlOf(p)), readOnly: Boolean(p.readOnly), insecure: p.kind === 'pgo' && Boolean(p.insecure), plainHttp: p.kind === 'pgo' && isPlainHttp(p.apiUrl) }));
  for (const problem of ctx.config.problems) errLine(`pgtui: ${problem}`);
  if (json) {
    writeOut(`${safeJson(rows)}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    writeOut('no profiles yet: pgtui profile add NAME --provider ...  (or run pgtui --demo)\n');
    return EXIT.ok;
  }
  const w = (k: 'name' | 'provider' | 'source') => rows.reduce((n, r) => Math.max(n, r[k].length), k.length);
  outLine(`${'NAME'.padEnd(w('name'))}  ${'PROVIDER'.padEnd(w('provider'))}  ${'SOURCE'.padEnd(w('source'))}  URL`);
  for (const r of rows) {
    const flags = [r.readOnly ? 'read-only' : '', r.insecure ? (r.plainHttp ? 'INSECURE (plain http)' : 'INSECURE') : r.plainHttp ? 'plain http: refused until insecure is set' : ''].filter(Boolean).join(' ');
    outLine(`${r.name.padEnd(w('name'))}  ${r.provider.padEnd(w('provider'))}  ${r.source.padEnd(w('source'))}  ${r.url}${flags ? `  ${flags}` : ''}`);
  }
  return EXIT.ok;
}

export async function profileRemove(ctx: Context, name: string): Promise<number> {
  await ctx.config.remove(name);
  outLine(`removed profile ${name}`);
  return EXIT.ok;
}

export async function profileTest(ctx: Context, name: string): Promise<number> {
  const profile = ctx.config.list().find((p) => p.name === name);
  if (!profile) throw new CommandError(`no profile named ${name}`, EXIT.usage);
  const identity = await ctx.providerFor(profile).verify();
  outLine(`${name}: ok, ${identity.summary}`);
  return EXIT.ok;
}
