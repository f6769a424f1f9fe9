// Every provider pgtui knows: one line each. Adding one is a folder with its module (src/api/core/provider-module.ts)
// and a line here; kinds, the Profile union, the config schema, forms, env profiles and CLI options follow.
import { ionosV1 } from './ionos-v1/module.js';
import { ionosV2 } from './ionos-v2/module.js';
import { clickhouse } from './clickhouse/module.js';
import { pgo } from './pgo/module.js';
import type { ProviderModule } from './core/provider-module.js';

export const MODULES = [ionosV1, ionosV2, clickhouse, pgo] as const;

type Module = (typeof MODULES)[number];
// Every kind a module declares (types.ts ProviderKinds) has its module here, and no module is missing its kind.
type Unlisted = Exclude<import('./core/types.js').ProviderKind, Module['kind']>;
/** @public A compile-time check. */
export const EVERY_KIND_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;
/** One profile of any provider, discriminated by `kind`. */
export type Profile = Module extends ProviderModule<infer P> ? P : never;
