// build: the plan of one change, before anything is sent (docs/plans.md). With `preview`, the provider method runs
// against write-scope's capture (src/api/write-scope.ts): reads go out as usual, the first write is recorded and
// stopped, so the plan shows the exact request of any provider without code of its own.
import { sha256 } from '../text/hash.js';
import { protectionOf } from '../api/core/protection.js';
import type { ToolChange } from '../api/core/provider-module.js';
import { isProviderKind, moduleFor } from '../api/registry.js';
import type { Protection } from '../api/core/protection.js';
import { captureWrite, type SentRequest } from '../api/core/write-scope.js';
import { curlLine } from './equivalent.js';
import { impactsOf } from './impacts.js';
import { verbOf } from './operations.js';
import { isSecretKey, MASK, redactBody, redactUrl } from './redact.js';
import type { Plan, PlanChange, PlannedRequest } from './types.js';

export interface PlanInput {
  operation: string;
  profile: { name: string; kind: string; readOnly?: boolean; protection?: Protection };
  /** The cluster it acts on; for create, the name it will have. */
  cluster: { id?: string; name: string; location?: string };
  changes?: PlanChange[];
  /** Secret field keys of the form behind the change, masked in the body on top of the usual names. */
  secretKeys?: ReadonlySet<string>;
  /** The provider's own tool line, where its module has one (registry `toolLine`). */
  tool?: string;
  /** Runs the provider method: under capture for the preview, for real in apply. */
  send: () => Promise<unknown>;
}

const stable = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x));

function planHash(p: Pick<Plan, 'operation' | 'profile' | 'cluster' | 'changes' | 'request'>): string {
  return sha256().update(stable({ operation: p.operation, profile: p.profile, cluster: p.cluster, changes: p.changes, request: p.request })).digest('hex').slice(0, 16);
}

function summaryOf(operation: string, cluster: { name: string }, profile: string, changes: readonly PlanChange[] = []): string {
  const what = changes.length ? `: ${changes.map((c) => `${c.key} ${c.from} → ${c.to}`).join(', ')}` : '';
  return `${verbOf(operation)} ${cluster.name} (${profile})${what}`.slice(0, 500);
}

/** The provider module's own tool line (ionosctl, pgo, …), where it has one for this change. */
function toolOf(input: Omit<PlanInput, 'send'>, changes: PlanChange[]): string | undefined {
  if (!isProviderKind(input.profile.kind)) return undefined;
  const tool = moduleFor(input.profile.kind).tool as ((c: ToolChange) => string | undefined) | undefined;
  return tool?.({ operation: input.operation, profile: input.profile as ToolChange['profile'], cluster: input.cluster, changes });
}

/** The plan without asking the provider anything: what the store's intents record (the TUI showed its review). */
export function planOf(input: Omit<PlanInput, 'send'>, sent?: SentRequest): Plan {
  // A secret field's old and new values never reach a plan (nor, through its summary, the journal).
  const changes = (input.changes ?? []).map((c) => (isSecretKey(c.key, input.secretKeys) ? { ...c, from: c.from ? MASK : c.from, to: c.to ? MASK : c.to } : c));
  const tool = input.tool ?? toolOf(input, changes);
  const request: PlannedRequest | undefined = sent && { method: sent.method, url: redactUrl(sent.url), ...(sent.body === undefined ? {} : { body: redactBody(sent.body, input.secretKeys) }) };
  const plan: Omit<Plan, 'hash'> = {
    operation: input.operation,
    summary: summaryOf(input.operation, input.cluster, input.profile.name, changes),
    profile: input.profile.name,
    provider: input.profile.kind,
    protection: protectionOf(input.profile),
    // Only the id and the name: a caller may pass a whole Cluster, whose raw object must not reach the journal.
    cluster: { ...(input.cluster.id === undefined ? {} : { id: input.cluster.id }), name: input.cluster.name },
    changes,
    request,
    equivalent: request ? { ...(tool ? { tool } : {}), curl: curlLine(request, sent?.auth) } : tool ? { tool } : undefined,
    impacts: impactsOf({ operation: input.operation, changes, request: sent }),
  };
  return { ...plan, hash: planHash(plan) };
}

/** The plan with the exact request: the provider method runs until its first write, which is captured, not sent. */
export async function buildPlan(input: PlanInput): Promise<Plan> {
  return planOf(input, await captureWrite(input.send));
}
