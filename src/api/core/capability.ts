// Every optional operation a provider may offer, one row each: the Provider method behind it, how it is named in
// one-line refusals, whether it changes anything. How the store calls it and the checks against Provider are in
// ./operations.ts; docs/ARCHITECTURE.md, "Adding an operation".

export interface OperationRow {
  /** The Provider method whose presence means the provider has it. */
  method: string;
  /** How it is named in "… is not available for …" and "… is disabled". */
  label: string;
  /** Changes or deletes something: refused on read-only profiles. */
  writes: boolean;
}

export const OPERATIONS = {
  edit: { method: 'update', label: 'editing', writes: true },
  backups: { method: 'backups', label: 'backups', writes: false },
  upgrade: { method: 'upgradeTargets', label: 'version upgrades', writes: false },
  restart: { method: 'restart', label: 'restart', writes: true },
  promote: { method: 'promote', label: 'promoting a replica', writes: true },
  resetPassword: { method: 'resetPassword', label: 'password reset', writes: true },
  restore: { method: 'restore', label: 'restoring from a backup', writes: true },
  logs: { method: 'logs', label: 'logs', writes: false },
  metrics: { method: 'metrics', label: 'metrics', writes: false },
  slowQueries: { method: 'slowQueries', label: 'slow query patterns', writes: false },
  settings: { method: 'readSettings', label: 'settings', writes: false },
  switchover: { method: 'switchover', label: 'switchover', writes: true },
  verifiedTls: { method: 'caCertificates', label: 'CA certificates', writes: false },
  diskUsage: { method: 'diskUsage', label: 'disk usage', writes: false },
  reachability: { method: 'reachability', label: 'the reachability test', writes: false },
  failover: { method: 'failoverTargets', label: 'failover', writes: false },
} as const satisfies Record<string, OperationRow>;

export type Capability = keyof typeof OPERATIONS;
