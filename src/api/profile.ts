// What a provider needs to be constructed: one profile's settings and secrets. Each provider's profile type
// lives in its module (src/api/<kind>/module.ts); the union is derived from the module list.
export type { ProviderDeps } from './core/profile-common.js';
export type { Profile } from './modules.js';
export type { IonosV1Profile } from './ionos-v1/module.js';
export type { IonosV2Profile } from './ionos-v2/module.js';
export type { ClickHouseProfile } from './clickhouse/module.js';
export type { PgoProfile } from './pgo/module.js';
