// Profile → provider. The only place that knows all four provider classes.
import type { Profile, ProviderDeps } from './profile.js';
import type { Provider } from './types.js';
import { ApiError } from './errors.js';
import { ClickHouseProvider } from './clickhouse.js';
import { PgoProvider } from './pgo.js';
import { IonosV2Provider } from './ionos-v2.js';
import { IonosV1Provider } from './ionos-v1.js';

export function createProvider(profile: Profile, deps: ProviderDeps): Provider {
  return namingErrors(build(profile, deps), profile.name);
}

function build(profile: Profile, deps: ProviderDeps): Provider {
  switch (profile.kind) {
    case 'clickhouse':
      return new ClickHouseProvider(profile, deps);
    case 'pgo':
      return new PgoProvider(profile, deps);
    case 'ionos-v1':
      return new IonosV1Provider(profile, deps);
    case 'ionos-v2':
      return new IonosV2Provider(profile, deps);
    default:
      throw new ApiError(`unknown provider kind ${(profile as Profile).kind}`, { kind: 'config', profile: (profile as Profile).name });
  }
}

function named(err: unknown, profile: string): unknown {
  if (err instanceof ApiError && !err.profile) err.profile = profile;
  return err;
}

/** Every error a provider throws names its profile ("prod-eu: 401 Unauthorized: …"), whichever provider it is. */
function namingErrors<T extends Provider>(provider: T, profile: string): T {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(named(err, profile))) : out;
        } catch (err) {
          throw named(err, profile);
        }
      };
    },
  });
}
