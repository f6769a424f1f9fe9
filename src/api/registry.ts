// Profile → provider. The only place that knows all four provider classes.
import type { Profile, ProviderDeps } from './profile.js';
import type { Provider } from './types.js';
import { ApiError } from './errors.js';
import { ClickHouseProvider } from './clickhouse.js';
import { PgoProvider } from './pgo.js';

export function createProvider(profile: Profile, deps: ProviderDeps): Provider {
  switch (profile.kind) {
    case 'clickhouse':
      return new ClickHouseProvider(profile, deps);
    case 'pgo':
      return new PgoProvider(profile, deps);
    default:
      throw new ApiError(`provider ${(profile as Profile).kind} is not available in this build`, { kind: 'config', profile: profile.name });
  }
}
