// What the PGO fake's route tables (clusters.ts, backrest.ts, insight.ts) are given: a route's shape, and the
// apiserver's state and helpers they use. fake.ts implements it; the route files never import the server itself.
import type { FakeClock, FakeRequest, FakeResponse, ProvisionedLogin } from '../kit.js';
import type { ClusterInit } from './lifecycle.js';
import type { FakePgCluster, renderDetail } from './model.js';

export type PgoPermission = 'Version' | 'CreateCluster' | 'ShowCluster' | 'DeleteCluster' | 'UpdateCluster' | 'ShowSystemAccounts' | 'DfCluster' | 'TestCluster' | 'CreateFailover' | 'CreateBackup' | 'ShowBackup';

export interface RouteContext {
  user: string;
  body: unknown;
}

export interface Route {
  path: RegExp;
  /** undefined = any method. */
  method?: string;
  /** undefined = no Basic auth (/health, /healthz). */
  perm?: PgoPermission;
  noCert?: boolean;
  run: (ctx: RouteContext, req: FakeRequest) => FakeResponse;
}

/** The apiserver as its routes see it. */
export interface PgoWorld {
  readonly clock: FakeClock;
  readonly transitionMs: number;
  serverVersion: string;
  readonly syncReplicationDefault: boolean;
  readonly clusters: Map<string, FakePgCluster>;
  readonly rand: () => number;
  provisionedLogin(login: ProvisionedLogin): void;
  addCluster(init: ClusterInit): FakePgCluster;
  cluster(name: string, namespace?: string): FakePgCluster | undefined;
  schedule(c: FakePgCluster, steps: Array<{ at: number; apply: () => void }>): void;
  removeLater(c: FakePgCluster, delayMs: number): void;
  json(body: unknown, authenticated?: boolean): FakeResponse;
  forbidden(): FakeResponse;
  allowed(user: string, perm: PgoPermission): boolean;
  namespaceError(ns: string): string | undefined;
  show(c: FakePgCluster): ReturnType<typeof renderDetail>;
}
