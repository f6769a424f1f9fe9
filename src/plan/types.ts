// A plan: one change, reviewed before it is sent (docs/plans.md). Built by build.ts, shown by show.ts, applied and
// recorded by apply.ts. Provider-neutral: the provider appears only as its kind, a string.
import type { Protection } from '../api/core/protection.js';

export interface PlanChange {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** restart-required, downtime, irreversible, replaces-object; `refused` marks a change the provider will reject. */
export type ImpactKind = 'restart-required' | 'downtime' | 'irreversible' | 'replaces-object' | 'refused';

export interface Impact {
  kind: ImpactKind;
  /** One line: why. */
  reason: string;
}

/** The request the plan sends, secrets redacted (redact.ts). */
export interface PlannedRequest {
  method: string;
  url: string;
  body?: unknown;
}

export interface Plan {
  /** The Provider method (create, remove, update, restart, …; operations.ts). */
  operation: string;
  /** "restart orders (ch)". */
  summary: string;
  profile: string;
  provider: string;
  protection: Protection;
  cluster: { id?: string; name: string };
  changes: PlanChange[];
  /** Absent when the plan was built without a preview (the TUI's intents) or the operation sent no write. */
  request?: PlannedRequest;
  /** The provider's own tool, where one exists, and a curl line; both with secrets as $VARIABLES. */
  equivalent?: { tool?: string; curl?: string };
  impacts: Impact[];
  /** SHA-256 (first 16 hex digits) over operation, profile, cluster, changes and request: names this plan in the journal. */
  hash: string;
}
