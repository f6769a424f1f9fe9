// Fan-out over the regional endpoints and offset paging, with per-region failures kept apart so one broken
// region never hides the others' clusters.
import { ApiError, describeError } from '../core/errors.js';
import type { ListFailure } from '../core/types.js';
import { PAGE_LIMIT } from './catalog.js';
import { collectPages, type Paged } from '../core/paging.js';

/** One region that did not answer. */
export type RegionFailure = ListFailure;

/** Fetches pages until one is short (never by `_links.next`, which stays populated past the end, docs/ionos.md §4.6); bounded as paging.ts says. */
export function collectRegionPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<unknown>,
  decode: (body: unknown, offset: number) => T[],
  what: string,
  keyOf?: (item: T) => string,
): Promise<Paged<T>> {
  return collectPages(fetchPage, decode, { limit: PAGE_LIMIT, concurrency: 1, what, keyOf });
}

export interface FanOut<T> {
  results: Array<{ location: string; value: T }>;
  failures: RegionFailure[];
}

/** Runs `fn` for every location at once; failures are collected, not thrown (unless the caller cancelled). */
export async function fanOut<T>(locations: string[], fn: (location: string) => Promise<T>, signal?: AbortSignal): Promise<FanOut<T>> {
  const settled = await Promise.allSettled(locations.map((l) => fn(l)));
  if (signal?.aborted) throw new ApiError('request cancelled', { kind: 'timeout' });
  const out: FanOut<T> = { results: [], failures: [] };
  settled.forEach((s, i) => {
    const location = locations[i]!;
    if (s.status === 'fulfilled') out.results.push({ location, value: s.value });
    else out.failures.push({ location, error: asApiError(s.reason) });
  });
  return out;
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(describeError(err), { kind: 'network', cause: err });
}

/** One error for "every region failed": the most telling kind (auth first), naming the regions. */
export function allFailed(failures: RegionFailure[]): ApiError {
  const rank = ['auth', 'forbidden', 'config', 'tls', 'rate-limit', 'server', 'timeout', 'network'];
  const sorted = [...failures].sort((a, b) => score(a) - score(b));
  const first = sorted[0]!;
  const same = failures.every((f) => f.error.message === first.error.message);
  const where = failures.length === 1 ? first.location : `all ${failures.length} regions`;
  const detail = same ? first.error.message : `${first.location}: ${first.error.message} (and ${failures.length - 1} more)`;
  return new ApiError(`${where} failed: ${detail}`, {
    kind: first.error.kind,
    status: first.error.status,
    providerMessage: first.error.providerMessage,
    retryAfterMs: first.error.retryAfterMs,
    cause: first.error,
  });
  function score(f: RegionFailure): number {
    const i = rank.indexOf(f.error.kind);
    return i < 0 ? rank.length : i;
  }
}

