// The profile form per provider, as FormSpecs, validated with zod. In edit mode the name is fixed and a
// blank secret keeps the saved one.
import { z } from 'zod';
import type { Profile } from '../../api/profile.js';
import type { FieldSpec, FormSpec, FormValues, ProviderKind } from '../../api/types.js';
import { PROVIDER_LABELS } from '../../api/types.js';
import {
  defaultFileExists,
  IONOS_V2_LOCATIONS,
  issuesToErrors,
  NAME_RULE,
  splitList,
  URL_RULE,
  URL_TEMPLATE_RULE,
  type FileExists,
} from './rules.js';

export interface ProfileFormOptions {
  /** Names already taken (adding only). */
  existingNames: string[];
  /** The profile being edited. */
  editing?: Profile;
  fileExists?: FileExists;
}

export const DEFAULT_API_URLS: Record<ProviderKind, string> = {
  'ionos-v1': 'https://api.ionos.com/databases/postgresql',
  'ionos-v2': 'https://postgresql.%s.ionos.com',
  clickhouse: 'https://api.clickhouse.cloud',
  pgo: '',
};

/** The warning shown in red beside PGO's insecure flag while it is on. */
export const INSECURE_WARNING = 'skips server certificate checks: anyone on the path can read the credentials';

const KEEP = 'blank keeps the saved one';

/** The secret fields of a saved profile, shown as a mask while left blank. */
export function savedSecretPlaceholders(p: Profile | undefined): Record<string, string> {
  if (!p) return {};
  const saved = (v: string | undefined) => (v ? '•••••••• saved' : undefined);
  const entries: Array<[string, string | undefined]> =
    p.kind === 'clickhouse' ? [['keySecret', saved(p.keySecret)]] : p.kind === 'pgo' ? [['password', saved(p.password)]] : [['password', saved(p.password)], ['token', saved(p.token)]];
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}

export function profileFormSpec(kind: ProviderKind, opts: ProfileFormOptions): FormSpec {
  const editing = opts.editing?.kind === kind ? opts.editing : undefined;
  const fields: FieldSpec[] = [
    { key: 'name', label: 'Profile name', kind: 'text', required: true, immutable: true, help: 'used with --profile' },
    ...kindFields(kind, editing),
    { key: 'readOnly', label: 'Read-only', kind: 'bool', help: 'hides create, edit and delete' },
  ];
  const rules = kindRules(kind, editing, opts.fileExists ?? defaultFileExists);
  const taken = new Set(editing ? [] : opts.existingNames);
  return {
    title: `${editing ? 'Edit' : 'New'} ${PROVIDER_LABELS[kind]} profile`,
    fields,
    validate(values: FormValues) {
      const errors = issuesToErrors(rules.safeParse(values));
      if (!errors.name && taken.has(values.name ?? '')) errors.name = 'a profile with this name exists';
      return errors;
    },
  };
}

function secret(key: string, label: string, saved: string | undefined, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { key, label, kind: 'secret', required: !saved, ...(saved ? { help: KEEP } : {}), ...extra };
}

function kindFields(kind: ProviderKind, editing: Profile | undefined): FieldSpec[] {
  switch (kind) {
    case 'ionos-v1':
    case 'ionos-v2': {
      const p = editing?.kind === kind ? editing : undefined;
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
        secret('password', 'Password', p?.password, { showWhen: { key: 'auth', values: ['password'] } }),
        secret('token', 'Token', p?.token, { showWhen: { key: 'auth', values: ['token'] } }),
        { key: 'contractNumber', label: 'Contract number', kind: 'int', help: 'optional; for users in several contracts' },
        ...(kind === 'ionos-v2'
          ? [{ key: 'locations', label: 'Locations', kind: 'text' as const, help: 'optional, e.g. de/txl,de/fra; empty = all' }]
          : []),
        {
          key: 'apiUrl',
          label: 'API URL',
          kind: 'text',
          default: DEFAULT_API_URLS[kind],
          ...(kind === 'ionos-v2' ? { help: '%s is the location' } : {}),
        },
      ];
    }
    case 'clickhouse': {
      const p = editing?.kind === 'clickhouse' ? editing : undefined;
      return [
        { key: 'keyId', label: 'API key ID', kind: 'text', required: true },
        secret('keySecret', 'API key secret', p?.keySecret),
        { key: 'organizationId', label: 'Organization ID', kind: 'text', help: 'optional: discovered from the key when empty' },
        { key: 'apiUrl', label: 'API URL', kind: 'text', default: DEFAULT_API_URLS.clickhouse },
      ];
    }
    case 'pgo': {
      const p = editing?.kind === 'pgo' ? editing : undefined;
      return [
        { key: 'apiUrl', label: 'Apiserver URL', kind: 'text', required: true, help: 'e.g. https://127.0.0.1:8443' },
        { key: 'namespace', label: 'Namespace', kind: 'text', required: true, default: 'pgo' },
        { key: 'caCert', label: 'CA file', kind: 'text', help: 'PEM; verifies the apiserver' },
        { key: 'clientCert', label: 'Client cert file', kind: 'text', help: 'PEM, with the client key' },
        { key: 'clientKey', label: 'Client key file', kind: 'text', help: 'PEM, with the client cert' },
        { key: 'username', label: 'Username', kind: 'text', required: true },
        secret('password', 'Password', p?.password),
        { key: 'insecure', label: 'Insecure TLS', kind: 'bool', help: 'do not verify the server certificate' },
      ];
    }
  }
}

const optional = (text: string | undefined) => (text ?? '') === '';

function kindRules(kind: ProviderKind, editing: Profile | undefined, fileExists: FileExists) {
  const base = z.object({ name: NAME_RULE }).loose();
  const needSecret = (saved: string | undefined, message: string) => z.string().refine((s) => s !== '' || Boolean(saved), message);
  switch (kind) {
    case 'ionos-v1':
    case 'ionos-v2': {
      const p = editing?.kind === kind ? editing : undefined;
      return base
        .extend({
          contractNumber: z.string().regex(/^\d*$/, 'digits only').optional(),
          apiUrl: kind === 'ionos-v2' ? URL_TEMPLATE_RULE : URL_RULE,
          locations: z
            .string()
            .optional()
            .refine((t) => splitList(t).every((l) => IONOS_V2_LOCATIONS.includes(l)), `known: ${IONOS_V2_LOCATIONS.join(' ')}`),
        })
        .superRefine((v, ctx) => {
          const add = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
          if (v.auth === 'token') {
            if (optional(v.token as string) && !p?.token) add('token', 'a token is required');
          } else {
            if (optional(v.username as string)) add('username', 'a username is required');
            if (optional(v.password as string) && !p?.password) add('password', 'a password is required');
          }
        });
    }
    case 'clickhouse': {
      const p = editing?.kind === 'clickhouse' ? editing : undefined;
      return base.extend({
        keyId: z.string().min(1, 'the key ID is required'),
        keySecret: needSecret(p?.keySecret, 'the key secret is required'),
        organizationId: z.string().optional(),
        apiUrl: URL_RULE,
      });
    }
    case 'pgo': {
      const p = editing?.kind === 'pgo' ? editing : undefined;
      const file = z.string().optional().refine((t) => optional(t) || fileExists(t!), 'no such file');
      return base
        .extend({
          apiUrl: URL_RULE,
          namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a Kubernetes namespace (lowercase, digits, -)'),
          caCert: file,
          clientCert: file,
          clientKey: file,
          username: z.string().min(1, 'a username is required'),
          password: needSecret(p?.password, 'a password is required'),
        })
        .superRefine((v, ctx) => {
          if (optional(v.clientCert) !== optional(v.clientKey)) {
            const missing = optional(v.clientCert) ? 'clientCert' : 'clientKey';
            ctx.addIssue({ code: 'custom', path: [missing], message: 'give the client cert and key together' });
          }
        });
    }
  }
}
