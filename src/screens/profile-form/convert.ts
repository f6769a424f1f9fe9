// Profile ⇄ form values. Secrets never go into the form: a blank secret field keeps the saved value.
import type { ClickHouseProfile, IonosV1Profile, IonosV2Profile, PgoProfile, Profile } from '../../api/profile.js';
import type { FormValues, ProviderKind } from '../../api/types.js';
import { DEFAULT_API_URLS } from './specs.js';
import { splitList } from './rules.js';

/** The form's starting values for editing `p`; secret fields start blank. */
export function valuesFromProfile(p: Profile): FormValues {
  const common = { name: p.name, readOnly: p.readOnly ? 'true' : 'false' };
  switch (p.kind) {
    case 'ionos-v1':
    case 'ionos-v2':
      return {
        ...common,
        auth: p.token && !p.username ? 'token' : 'password',
        username: p.username ?? '',
        password: '',
        token: '',
        contractNumber: p.contractNumber ?? '',
        ...(p.kind === 'ionos-v2' ? { locations: (p.locations ?? []).join(',') } : {}),
        apiUrl: p.apiUrl ?? DEFAULT_API_URLS[p.kind],
      };
    case 'clickhouse':
      return { ...common, keyId: p.keyId, keySecret: '', organizationId: p.organizationId ?? '', apiUrl: p.apiUrl ?? DEFAULT_API_URLS.clickhouse };
    case 'pgo':
      return {
        ...common,
        apiUrl: p.apiUrl,
        namespace: p.namespace,
        caCert: p.caCert ?? '',
        clientCert: p.clientCert ?? '',
        clientKey: p.clientKey ?? '',
        username: p.username,
        password: '',
        insecure: p.insecure ? 'true' : 'false',
      };
  }
}

const opt = (text: string | undefined): string | undefined => (text === undefined || text.trim() === '' ? undefined : text.trim());

function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The profile to save from validated values. `previous` (same kind) supplies what the form does not show
 * (connect overrides, timeouts, v2 endpoints, source) and the secrets left blank.
 */
export function profileFromValues(kind: ProviderKind, v: FormValues, previous?: Profile): Profile {
  const prev = previous?.kind === kind ? previous : undefined;
  const common = {
    name: v.name!.trim(),
    readOnly: v.readOnly === 'true' ? true : undefined,
    source: prev?.source,
    connect: prev?.connect,
    timeoutMs: prev?.timeoutMs,
  };
  switch (kind) {
    case 'ionos-v1':
    case 'ionos-v2': {
      const p = prev as IonosV1Profile | IonosV2Profile | undefined;
      const byToken = v.auth === 'token';
      const ionos = {
        ...common,
        apiUrl: opt(v.apiUrl) === DEFAULT_API_URLS[kind] ? undefined : opt(v.apiUrl),
        username: byToken ? undefined : opt(v.username),
        password: byToken ? undefined : v.password || p?.password,
        token: byToken ? v.token || p?.token : undefined,
        contractNumber: opt(v.contractNumber),
      };
      if (kind === 'ionos-v1') return compact<IonosV1Profile>({ ...ionos, kind });
      const locations = splitList(v.locations);
      return compact<IonosV2Profile>({
        ...ionos,
        kind,
        locations: locations.length ? locations : undefined,
        endpoints: (p as IonosV2Profile | undefined)?.endpoints,
      });
    }
    case 'clickhouse': {
      const p = prev as ClickHouseProfile | undefined;
      return compact<ClickHouseProfile>({
        ...common,
        kind,
        apiUrl: opt(v.apiUrl) === DEFAULT_API_URLS.clickhouse ? undefined : opt(v.apiUrl),
        keyId: v.keyId!.trim(),
        keySecret: v.keySecret || (p?.keySecret ?? ''),
        organizationId: opt(v.organizationId),
      });
    }
    case 'pgo': {
      const p = prev as PgoProfile | undefined;
      return compact<PgoProfile>({
        ...common,
        kind,
        apiUrl: v.apiUrl!.trim(),
        namespace: v.namespace!.trim(),
        caCert: opt(v.caCert),
        clientCert: opt(v.clientCert),
        clientKey: opt(v.clientKey),
        username: v.username!.trim(),
        password: v.password || (p?.password ?? ''),
        insecure: v.insecure === 'true' ? true : undefined,
      });
    }
  }
}
