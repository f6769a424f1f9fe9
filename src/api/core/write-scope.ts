// Where a change may reach the wire (docs/plans.md). Every request http.ts sends asks `beforeSend` first:
// - inside `captureWrite` the first write is recorded and stopped (CapturedWrite), never sent: that is how a
//   plan learns the exact request of any provider method without a line of per-provider code;
// - inside `applyingPlan` writes go out, and the answers' request ids are kept for the journal;
// - elsewhere, once `requirePlans()` is on (the entry points turn it on), a write is refused before it is sent,
//   so a change that skipped the plan cannot happen (test/plan/one-path.test.ts).
// A write is any PUT, PATCH or DELETE, and a POST unless it is marked idempotent: PGO 4.3 reads through
// POST /showclusters, /df and /testclusters, which its client marks idempotent, and no POST that changes
// anything is.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from './errors.js';

export interface SentRequest {
  method: string;
  url: string;
  body?: unknown;
  /** How the request authenticates (the header's scheme, never its value). */
  auth?: 'basic' | 'bearer';
}

export interface WriteAnswer {
  status: number;
  /** The provider's request id (x-request-id and its kin) where it sent one. */
  requestId?: string;
}

type Scope = { mode: 'capture'; captured?: SentRequest } | { mode: 'apply'; answers: WriteAnswer[] };

const scope = new AsyncLocalStorage<Scope>();
let plansRequired = false;

/** What `captureWrite` throws once it has the request; nothing was sent. */
class CapturedWrite extends Error {
  constructor(readonly request: SentRequest) {
    super('captured, not sent');
  }
}

function isWrite(method: string, idempotent: boolean | undefined): boolean {
  if (method === 'GET') return false;
  if (method === 'POST') return idempotent !== true;
  return true;
}

/** From now on a write outside `applyingPlan` is refused (the CLI and the TUI turn it on; provider tests do not). */
export function requirePlans(on = true): void {
  plansRequired = on;
}

/** Called by http.ts before each request is sent (and before it waits for the budget). */
export function beforeSend(req: SentRequest, idempotent: boolean | undefined): void {
  if (!isWrite(req.method, idempotent)) return;
  const s = scope.getStore();
  if (s?.mode === 'capture') {
    s.captured = req;
    throw new CapturedWrite(req);
  }
  if (s?.mode === 'apply') return;
  if (plansRequired) throw new ApiError(`refused: ${req.method} outside a reviewed plan (docs/plans.md)`, { kind: 'config' });
}

/** Called by http.ts with each answer to a write. */
export function afterWrite(method: string, idempotent: boolean | undefined, status: number, headers: Record<string, string | string[] | undefined>): void {
  const s = scope.getStore();
  if (s?.mode !== 'apply' || !isWrite(method, idempotent)) return;
  const raw = headers['x-request-id'] ?? headers['x-amzn-requestid'] ?? headers['request-id'] ?? headers['x-correlation-id'];
  const id = Array.isArray(raw) ? raw[0] : raw;
  s.answers.push({ status, requestId: id ? id.slice(0, 128) : undefined });
}

/**
 * Runs `fn` (a provider method) until its first write and returns that request, or undefined when it sent no
 * write (reads still go out: an update may GET the object first). Nothing that changes anything is sent.
 */
export async function captureWrite(fn: () => Promise<unknown>): Promise<SentRequest | undefined> {
  const s: Scope = { mode: 'capture' };
  try {
    await scope.run(s, fn);
  } catch (err) {
    if (err instanceof CapturedWrite) return err.request;
    if (s.captured) return s.captured;
    throw err;
  }
  return s.captured;
}

/** Runs `fn` with writes allowed: its result or error, and the answers to its writes either way. */
export async function applyingPlan<T>(fn: () => Promise<T>): Promise<{ ok: true; result: T; answers: WriteAnswer[] } | { ok: false; error: unknown; answers: WriteAnswer[] }> {
  const s: Scope = { mode: 'apply', answers: [] };
  try {
    return { ok: true, result: await scope.run(s, fn), answers: s.answers };
  } catch (error) {
    return { ok: false, error, answers: s.answers };
  }
}
