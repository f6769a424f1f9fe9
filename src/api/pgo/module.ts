// Crunchy PGO 4.3 (pgo-apiserver) as a pgtui provider: its profile, form, env profile, CLI options and client.
import { join } from 'node:path';
import * as z from 'zod';
import type { EnvIo, ProviderModule } from '../core/provider-module.js';
import { blank, commonProfileShape, compact, needSecret, opt, optText, secretField, str, URL_RULE } from '../core/profile-kit.js';
import { PgoProvider } from './client.js';
import { PGO_RATE } from './transport.js';
import { isPlainHttp, plainHttpRefusal } from './plain-http.js';
import type { PgoProfile } from './profile.js';
import { pgoTool } from './tool.js';

export type { PgoProfile };

const KIND = 'pgo';


/** The warning shown in red beside PGO's insecure flag while it is on. */
export const INSECURE_WARNING = 'skips server certificate checks: anyone on the path can read the credentials';

/** The pgo client's own login files: $PGOUSER, ~/.pgouser, /etc/pgo/pgouser ("user:password"). */
function readPgoUser(env: NodeJS.ProcessEnv, { home, read }: EnvIo): { username: string; password: string } | undefined {
  const candidates = [env.PGOUSER, join(home, '.pgouser'), '/etc/pgo/pgouser'].filter((p): p is string => Boolean(p));
  for (const path of candidates) {
    let text: string;
    try {
      text = read(path);
    } catch {
      continue;
    }
    const line = text.split('\n').find((l) => l.trim() !== '');
    const i = line?.indexOf(':') ?? -1;
    if (line && i > 0) return { username: line.slice(0, i).trim(), password: line.slice(i + 1).trim() };
  }
  return undefined;
}

export const pgo: ProviderModule<PgoProfile> = {
  kind: KIND,
  label: 'Crunchy PGO',
  schema: z.looseObject({
    ...commonProfileShape, kind: z.literal(KIND), apiUrl: str, namespace: str, caCert: opt(str), clientCert: opt(str), clientKey: opt(str),
    username: str, password: str, insecure: opt(z.boolean()),
  }),
  defaultApiUrl: '',
  urlOf: (p) => p.apiUrl,
  secretFields: ['password'],
  insecure: (p) => Boolean(p.insecure),
  plainHttp: (p) => isPlainHttp(p.apiUrl),
  refusal: plainHttpRefusal,
  saveWarning: (p) => (isPlainHttp(p.apiUrl) ? 'its PGO login travels in clear over plain http' : undefined),
  form: {
    fields: (p) => [
      { key: 'apiUrl', label: 'Apiserver URL', kind: 'text', required: true, help: 'e.g. https://127.0.0.1:8443' },
      { key: 'namespace', label: 'Namespace', kind: 'text', required: true, default: 'pgo' },
      { key: 'caCert', label: 'CA file', kind: 'text', help: 'PEM; verifies the apiserver' },
      { key: 'clientCert', label: 'Client cert file', kind: 'text', help: 'PEM, with the client key' },
      { key: 'clientKey', label: 'Client key file', kind: 'text', help: 'PEM, with the client cert' },
      { key: 'username', label: 'Username', kind: 'text', required: true },
      secretField('password', 'Password', p?.password),
      { key: 'insecure', label: 'Insecure TLS', kind: 'bool', help: 'do not verify the server certificate' },
    ],
    rules(p, fileExists) {
      const file = z.string().optional().refine((t) => blank(t) || fileExists(t!), 'no such file');
      return z
        .object({
          apiUrl: URL_RULE,
          namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a Kubernetes namespace (lowercase, digits, -)'),
          caCert: file,
          clientCert: file,
          clientKey: file,
          username: z.string().min(1, 'a username is required'),
          password: needSecret(p?.password, 'a password is required'),
        })
        .loose()
        .superRefine((v, ctx) => {
          if (blank(v.clientCert) !== blank(v.clientKey)) {
            const missing = blank(v.clientCert) ? 'clientCert' : 'clientKey';
            ctx.addIssue({ code: 'custom', path: [missing], message: 'give the client cert and key together' });
          }
        });
    },
    values: (p) => ({
      apiUrl: p.apiUrl,
      namespace: p.namespace,
      caCert: p.caCert ?? '',
      clientCert: p.clientCert ?? '',
      clientKey: p.clientKey ?? '',
      username: p.username,
      password: '',
      insecure: p.insecure ? 'true' : 'false',
    }),
    profile: (v, common, prev) =>
      compact<PgoProfile>({
        ...common,
        kind: KIND,
        apiUrl: v.apiUrl!.trim(),
        namespace: v.namespace!.trim(),
        caCert: optText(v.caCert),
        clientCert: optText(v.clientCert),
        clientKey: optText(v.clientKey),
        username: v.username!.trim(),
        password: v.password || (prev?.password ?? ''),
        insecure: v.insecure === 'true' ? true : undefined,
      }),
    danger: { insecure: INSECURE_WARNING },
  },
  envHint: 'PGO_APISERVER_URL + PGOUSERNAME + PGOUSERPASS (or ~/.pgouser)',
  fromEnv(env, io) {
    if (!env.PGO_APISERVER_URL) return [];
    const creds = env.PGOUSERNAME && env.PGOUSERPASS ? { username: env.PGOUSERNAME, password: env.PGOUSERPASS } : readPgoUser(env, io);
    if (!creds) return [];
    return [{
      name: 'env-pgo', kind: KIND, source: 'env', apiUrl: env.PGO_APISERVER_URL, namespace: env.PGO_NAMESPACE || 'pgo',
      caCert: env.PGO_CA_CERT || undefined, clientCert: env.PGO_CLIENT_CERT || undefined, clientKey: env.PGO_CLIENT_KEY || undefined,
      // The pgo client's own switch for an apiserver running without TLS; only meaningful with an http:// URL.
      insecure: isPlainHttp(env.PGO_APISERVER_URL) && /^(1|true|yes)$/i.test(env.DISABLE_TLS ?? '') ? true : undefined,
      ...creds,
    }];
  },
  cli: {
    options: [
      { flags: '--username <user>', description: 'PGO user' },
      { flags: '--password-stdin', description: 'read the password from standard input' },
      { flags: '--url <url>', description: 'PGO apiserver URL' },
      { flags: '--namespace <ns>', description: 'PGO namespace', defaultValue: 'pgo' },
      { flags: '--ca <file>', description: 'PGO CA certificate file' },
      { flags: '--cert <file>', description: 'PGO client certificate file' },
      { flags: '--key <file>', description: 'PGO client key file' },
      { flags: '--insecure', description: 'PGO: do not verify the server certificate (shown in red)' },
    ],
    async build(name, o, io) {
      const password = o.passwordStdin ? await io.readStdin() : io.env.PGOUSERPASS;
      const text = (key: string) => o[key] as string | undefined;
      return {
        name, readOnly: (o.readOnly as boolean | undefined) || undefined, kind: KIND,
        apiUrl: (text('url') ?? text('apiUrl')) || io.usage('missing --url'), namespace: text('namespace') ?? 'pgo',
        caCert: text('ca'), clientCert: text('cert'), clientKey: text('key'), insecure: (o.insecure as boolean | undefined) || undefined,
        username: (text('username') ?? io.env.PGOUSERNAME) || io.usage('missing --username'), password: password || io.usage('missing --password-stdin'),
      };
    },
  },
  rate: PGO_RATE,
  tool: pgoTool,
  pgStatStatementsHint: 'Crunchy PGO 4.3 images preload pg_stat_statements: run CREATE EXTENSION pg_stat_statements; (if not preloaded, add it to shared_preload_libraries in the cluster\'s custom config, pgo create cluster --custom-config)',
  create: (profile, deps) => new PgoProvider(profile, deps),
};

declare module '../core/types.js' {
  interface ProviderKinds {
    'pgo': true;
  }
}
