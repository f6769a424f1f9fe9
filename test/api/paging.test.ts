// collectPages: pages judged in order whatever order they arrive in; the listing ends on a short page, on a
// page that brings nothing new, on tiny pages, at the page cap, and when a page fails (no requests after it).
import { describe, expect, it } from 'vitest';
import { collectPages, MAX_PAGES, TINY_PAGE_MAX_PAGES } from '../../src/api/core/paging.js';

type Item = { id: string };
const ids = (from: number, n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `c${from + i}` }));
const decode = (body: unknown) => (body as { items: Item[] }).items;

/** A server over `total` items that answers pages after `delay(offset)` ms, counting requests. */
function server(total: number, opts: { delay?: (offset: number) => number; page?: (offset: number, limit: number) => Item[]; served?: number } = {}) {
  const asked: number[] = [];
  const fetchPage = async (offset: number, limit: number) => {
    asked.push(offset);
    const d = opts.delay?.(offset) ?? 0;
    if (d > 0) await new Promise((r) => setTimeout(r, d));
    const size = opts.served ?? limit;
    const items = opts.page ? opts.page(offset, size) : ids(offset, Math.max(0, Math.min(size, total - offset)));
    return { items, limit: opts.served ?? limit };
  };
  return { asked, fetchPage };
}

describe('collectPages', () => {
  it('lists everything in order when later pages arrive first, and asks at most concurrency-1 pages past the end', async () => {
    const s = server(950, { delay: (o) => (o === 100 ? 30 : 0) });
    const { items, stopped } = await collectPages(s.fetchPage, decode, { limit: 100, concurrency: 4 });
    expect(items.map((i) => i.id)).toEqual(ids(0, 950).map((i) => i.id));
    expect(stopped).toBeUndefined();
    expect(s.asked.length).toBeLessThanOrEqual(10 + 3);
  });

  it('an item shifted onto the next page (a cluster created while paging) is listed once and paging goes on', async () => {
    const s = server(0, { page: (o, l) => (o === 0 ? ids(0, l) : o === 100 ? ids(99, l) : ids(199, 5)) });
    const { items, stopped } = await collectPages(s.fetchPage, decode, { limit: 100, concurrency: 1 });
    expect(items).toHaveLength(204);
    expect(new Set(items.map((i) => i.id)).size).toBe(204);
    expect(stopped).toBeUndefined();
  });

  it('a page that repeats an earlier one ends the listing with a warning, even when it is not the second', async () => {
    const s = server(0, { page: (o, l) => (o < 300 ? ids(o, l) : ids(100, l)) });
    const { items, stopped } = await collectPages(s.fetchPage, decode, { limit: 100, concurrency: 8, what: 'clusters' });
    expect(items).toHaveLength(300);
    expect(stopped).toMatch(/same clusters again for offset 300/);
    expect(s.asked.length).toBeLessThanOrEqual(4 + 7);
  });

  it('tiny pages stop after TINY_PAGE_MAX_PAGES; full pages for ever stop at MAX_PAGES', async () => {
    const tiny = server(1e9, { served: 2 });
    const t = await collectPages(tiny.fetchPage, decode, { limit: 100, concurrency: 3, what: 'clusters' });
    expect(t.items).toHaveLength(2 * TINY_PAGE_MAX_PAGES);
    expect(t.stopped).toMatch(/only 2 clusters per page; stopped after 50 pages/);
    expect(tiny.asked.length).toBeLessThanOrEqual(TINY_PAGE_MAX_PAGES);

    const endless = server(1e9);
    const e = await collectPages(endless.fetchPage, decode, { limit: 10, concurrency: 8, what: 'clusters' });
    expect(e.items).toHaveLength(10 * MAX_PAGES);
    expect(endless.asked.length).toBe(MAX_PAGES);
  });

  it('a failing page fails the list and no worker asks for more afterwards', async () => {
    const asked: number[] = [];
    const answers: Array<Promise<unknown>> = [];
    const fetchPage = (offset: number, limit: number) => {
      asked.push(offset);
      // Each page answers a turn of the event loop later, so the workers really run side by side.
      const answer = new Promise((r) => setImmediate(r)).then(() => {
        if (offset === 300) throw new Error('boom');
        return { items: ids(offset, limit), limit };
      });
      answers.push(answer);
      return answer;
    };
    await expect(collectPages(fetchPage, decode, { limit: 100, concurrency: 4 })).rejects.toThrow('boom');
    const n = asked.length;
    // A worker asks again only when its page has answered: once every page asked has settled, any late ask is in.
    await Promise.allSettled(answers);
    await new Promise((r) => setImmediate(r));
    expect(asked.length).toBe(n);
    expect(n).toBeLessThan(12);
  });
});
