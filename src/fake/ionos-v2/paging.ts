// v2 collections (docs/ionos.md §4.6): {id, type, href, items, offset, limit, _links}. `prev` only past the first page; `next`
// while more remain, and (the observed quirk, on by default) also on the last page, so only a short page ends a listing.
import type { FakeRequest, FakeResponse } from '../kit.js';
import { HttpFail } from '../ionos-shared/errors.js';

export const MAX_LIMIT = 1000;

export function pageParams(query: URLSearchParams): { offset: number; limit: number } {
  const num = (key: string, dflt: number) => {
    const raw = query.get(key);
    if (raw === null || raw === '') return dflt;
    if (!/^\d+$/.test(raw)) throw new HttpFail(400, `${key} must be a non-negative integer`);
    return Number(raw);
  };
  const offset = num('offset', 0);
  const limit = num('limit', 100);
  if (limit < 1 || limit > MAX_LIMIT) throw new HttpFail(400, `limit must be between 1 and ${MAX_LIMIT}`);
  return { offset, limit };
}

export function page(req: FakeRequest, path: string, all: unknown[], listId: string, staleNext: boolean): FakeResponse {
  const { offset, limit } = pageParams(req.query);
  const items = all.slice(offset, offset + limit);
  const link = (o: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of req.query) if (k.startsWith('filter.')) q.set(k, v);
    q.set('offset', String(o));
    q.set('limit', String(limit));
    return `${path}?${q.toString()}`;
  };
  const _links: Record<string, string> = { self: link(offset) };
  if (offset > 0) _links.prev = link(Math.max(0, offset - limit));
  if (offset + limit < all.length || staleNext) _links.next = link(offset + limit);
  const body: Record<string, unknown> = { id: listId, type: 'collection', href: path, offset, limit, _links };
  if (items.length) body.items = items; // "items may be omitted when empty"
  return { status: 200, body };
}
