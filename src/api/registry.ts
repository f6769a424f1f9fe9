// Profile → provider, and every per-kind lookup, over the module list (src/api/modules.ts). Nothing here names
// a provider.
import type { Profile, ProviderDeps } from './profile.js';
import type { ListResult, ProviderKind, Provider } from './core/types.js';
import type { CliOption, ProviderModule } from './core/provider-module.js';
import { ApiError } from './core/errors.js';
import { MODULES } from './modules.js';
import { redactSecrets, rememberSecret, rememberSecretsIn } from '../text/redact.js';

/** The modules, typed by the interface (each module's own profile type is kept in modules.ts). */
export function providerModules(): readonly ProviderModule[] {
  return MODULES as unknown as readonly ProviderModule[];
}

/** Every provider kind, in registry order. */
export const PROVIDER_KINDS: readonly ProviderKind[] = providerModules().map((m) => m.kind as ProviderKind);

export const PROVIDER_LABELS: Readonly<Record<ProviderKind, string>> = Object.fromEntries(providerModules().map((m) => [m.kind, m.label])) as Record<ProviderKind, string>;

export function isProviderKind(kind: string): kind is ProviderKind {
  return providerModules().some((m) => m.kind === kind);
}

/** The module of `kind`; the parameter type makes a mistyped kind a compile error. */
export function moduleFor(kind: ProviderKind): ProviderModule<Profile> {
  const m = providerModules().find((x) => x.kind === kind);
  if (!m) throw new ApiError(`unknown provider kind ${String(kind)}`, { kind: 'config' });
  return m as unknown as ProviderModule<Profile>;
}

export function createProvider(profile: Profile, deps: ProviderDeps): Provider {
  const m = providerModules().find((x) => x.kind === profile.kind);
  if (!m) throw new ApiError(`unknown provider kind ${(profile as Profile).kind}`, { kind: 'config', profile: (profile as Profile).name });
  // Its secrets are known from now on: no provider message shows them (text/redact.ts).
  for (const field of m.secretFields) rememberSecret((profile as unknown as Record<string, unknown>)[field]);
  return namingErrors(m.create(profile, deps), profile.name);
}

/** Named with its profile, and every secret pgtui knows taken out of what the provider said. */
function named(err: unknown, profile: string): unknown {
  if (err instanceof ApiError) {
    if (!err.profile) err.profile = profile;
    redactError(err);
  } else if (err instanceof Error) err.message = redactSecrets(err.message);
  return err;
}

function redactError(err: ApiError): void {
  err.message = redactSecrets(err.message);
  const e = err as { -readonly [K in 'providerMessage' | 'fieldErrors']: ApiError[K] };
  if (e.providerMessage) e.providerMessage = redactSecrets(e.providerMessage);
  if (e.fieldErrors) e.fieldErrors = Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, redactSecrets(v)]));
}

/** A list's partial failures (IONOS v2 regions) are errors too, returned instead of thrown. */
function namedResult(prop: PropertyKey, out: unknown, profile: string): unknown {
  if (prop === 'list') for (const f of (out as ListResult).failures) named(f.error, profile);
  return out;
}

/**
 * The one place provider errors get their profile's name ("prod-eu: 401 Unauthorized: …"), whichever provider
 * it is: what every method of the provider createProvider returns throws, and the failures its list returns.
 * Clients never name their errors themselves. It is also where secrets leave provider messages (text/redact.ts). A Proxy rather than a wrapper class because the optional
 * methods must stay absent where the client lacks them (capabilities.ts asks `typeof p.restart`), and
 * client-specific members (IONOS v2's close and lastFailures) stay reachable.
 */
function namingErrors<T extends Provider>(provider: T, profile: string): T {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // A password typed in a form (create, edit, restore) is a known secret before it is sent.
        for (const a of args) rememberSecretsIn(a);
        try {
          const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(out instanceof Promise)) return out;
          return out.then(
            (v: unknown) => namedResult(prop, v, profile),
            (err: unknown) => Promise.reject(named(err, profile)),
          );
        } catch (err) {
          throw named(err, profile);
        }
      };
    },
  });
}

/** Every `profile add` option the modules declare, once per flag; shared flags list each provider's use. */
export function profileAddOptions(): CliOption[] {
  const byFlag = new Map<string, CliOption>();
  for (const m of providerModules()) {
    for (const o of m.cli.options) {
      const seen = byFlag.get(o.flags);
      if (!seen) byFlag.set(o.flags, { ...o });
      else if (!seen.description.split('; ').includes(o.description)) seen.description += `; ${o.description}`;
    }
  }
  return [...byFlag.values()];
}
