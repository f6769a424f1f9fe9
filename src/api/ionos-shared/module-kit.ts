// What the IONOS v1 and v2 modules share: the profile fields, the form (sign in with username + password or a
// token), the IONOS_* environment variables and the `profile add` options. Each module passes its own kind.
import * as z from 'zod';
import type { ProfileCommon } from '../core/profile-common.js';
import type { CliIo, CliOption } from '../core/provider-module.js';
import type { FieldSpec, FormValues } from '../core/types.js';
import { blank, commonProfileShape, contractSchema, opt, optText, secretField, str, urlUnlessDefault } from '../core/profile-kit.js';

export interface IonosAuthFields {
  username?: string;
  password?: string;
  token?: string;
  contractNumber?: string;
}

export const ionosProfileShape = { ...commonProfileShape, apiUrl: opt(str), username: opt(str), password: opt(str), token: opt(str), contractNumber: contractSchema };

export const IONOS_SECRET_FIELDS = ['password', 'token'] as const;

export function ionosAuthFields(p: IonosAuthFields | undefined): FieldSpec[] {
  return [
    {
      key: 'auth',
      label: 'Sign in with',
      kind: 'choice',
      default: p?.token && !p.username ? 'token' : 'password',
      choices: [
        { value: 'password', label: 'username + password' },
        { value: 'token', label: 'token' },
      ],
    },
    { key: 'username', label: 'Username', kind: 'text', required: true, showWhen: { key: 'auth', values: ['password'] } },
    secretField('password', 'Password', p?.password, { showWhen: { key: 'auth', values: ['password'] } }),
    secretField('token', 'Token', p?.token, { showWhen: { key: 'auth', values: ['token'] } }),
    { key: 'contractNumber', label: 'Contract number', kind: 'int', help: 'optional; for users in several contracts' },
  ];
}

/** The IONOS form rules; `extra` holds the per-version ones (API URL, locations). */
export function ionosRules(p: IonosAuthFields | undefined, extra: z.ZodRawShape) {
  return z
    .object({ contractNumber: z.string().regex(/^\d*$/, 'digits only').optional(), ...extra })
    .loose()
    .superRefine((v, ctx) => {
      const add = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
      if (v.auth === 'token') {
        if (blank(v.token as string) && !p?.token) add('token', 'a token is required');
      } else {
        if (blank(v.username as string)) add('username', 'a username is required');
        if (blank(v.password as string) && !p?.password) add('password', 'a password is required');
      }
    });
}

export function ionosValues(p: IonosAuthFields & { apiUrl?: string }, defaultUrl: string): FormValues {
  return {
    auth: p.token && !p.username ? 'token' : 'password',
    username: p.username ?? '',
    password: '',
    token: '',
    contractNumber: p.contractNumber ?? '',
    apiUrl: p.apiUrl ?? defaultUrl,
  };
}

/** The common and auth fields of the profile to save; a blank secret keeps the saved one. */
export function ionosProfile(v: FormValues, common: ProfileCommon, prev: IonosAuthFields | undefined, defaultUrl: string) {
  const byToken = v.auth === 'token';
  return {
    ...common,
    apiUrl: urlUnlessDefault(v.apiUrl, defaultUrl),
    username: byToken ? undefined : optText(v.username),
    password: byToken ? undefined : v.password || prev?.password,
    token: byToken ? v.token || prev?.token : undefined,
    contractNumber: optText(v.contractNumber),
  };
}

/** IONOS_TOKEN, or IONOS_USERNAME with IONOS_PASSWORD (the IONOS SDK and CLI conventions). */
export function ionosEnvAuth(env: NodeJS.ProcessEnv): (IonosAuthFields & { source: 'env' }) | undefined {
  const auth = env.IONOS_TOKEN ? { token: env.IONOS_TOKEN } : env.IONOS_USERNAME && env.IONOS_PASSWORD ? { username: env.IONOS_USERNAME, password: env.IONOS_PASSWORD } : undefined;
  return auth ? { source: 'env', contractNumber: env.IONOS_CONTRACT_NUMBER || undefined, ...auth } : undefined;
}

export const IONOS_CLI_OPTIONS: readonly CliOption[] = [
  { flags: '--username <user>', description: 'IONOS user' },
  { flags: '--password-stdin', description: 'read the password from standard input' },
  { flags: '--token-stdin', description: 'IONOS: read a token from standard input' },
  { flags: '--api-url <url>', description: 'API base URL' },
  { flags: '--contract <number>', description: 'IONOS contract number' },
];

export async function ionosCliAuth(o: Record<string, unknown>, io: CliIo) {
  const token = o.tokenStdin ? await io.readStdin() : undefined;
  const password = o.passwordStdin ? await io.readStdin() : token ? undefined : io.env.IONOS_PASSWORD;
  const username = (o.username as string | undefined) ?? io.env.IONOS_USERNAME;
  if (!token && !(username && password)) io.usage('IONOS needs --username with --password-stdin, or --token-stdin');
  return { apiUrl: o.apiUrl as string | undefined, contractNumber: o.contract as string | undefined, ...(token ? { token } : { username, password }) };
}
