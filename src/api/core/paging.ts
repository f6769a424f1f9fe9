// Offset paging that always ends. Neither IONOS API reports a total, so after the first page proves the page
// size, the next pages are asked `concurrency` at a time until one comes back short; at most `concurrency - 1`
// requests past the end are wasted, and 5,000 clusters take ~50/concurrency round trips.
//
// A server may never send a short page: the IONOS v1 1.0.5 spec says offset/limit are "not implemented yet,
// always return number of items" (so every page is the same full page), a broken proxy may repeat one page, and
// a server that answers `limit: 1` would need a request per cluster. Pages are therefore read in order and the
// listing stops, keeping what it has and saying why, when a page brings no item not seen before, when the
// server's page is tiny, or at a hard cap on pages.
//
// A one-shot listing also has a deadline (withListingDeadline, set by commands/fetch.ts from --timeout): at it,
// paging stops asking, keeps what it has and says so, however many pages the budget would still allow.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from './errors.js';

export const MAX_PAGES = 2_500;
/** A served page smaller than this (when more was asked) is "tiny": only TINY_PAGE_MAX_PAGES of them are read. */
export const MIN_USEFUL_PAGE = 10;
export const TINY_PAGE_MAX_PAGES = 50;

/** The deadline of the listing running in this async context, and where its progress goes. */
export interface ListingDeadline {
  /** ms epoch. */
  at: number;
  /** As given by the user, for the messages ("60 s", "--timeout 5m"). */
  label: string;
  /** Called after each page: items listed so far in this paging run. */
  onProgress?: (items: number) => void;
}
const deadlines = new AsyncLocalStorage<ListingDeadline>();

/** Runs `fn` with a listing deadline: every collectPages inside stops at it, keeping what it has. */
export function withListingDeadline<T>(deadline: ListingDeadline, fn: () => Promise<T>): Promise<T> {
  return deadlines.run(deadline, fn);
}

const DEADLINE = Symbol('deadline');

/** `p`, or DEADLINE once the deadline has passed (its timer never keeps the process alive). */
function beforeDeadline<T>(p: Promise<T>, d: ListingDeadline | undefined): Promise<T | typeof DEADLINE> {
  if (!d) return p;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof DEADLINE>((resolve) => {
    timer = setTimeout(() => resolve(DEADLINE), Math.max(0, d.at - Date.now()));
    timer.unref?.();
  });
  // The abandoned request settles later; its failure is not this listing's any more.
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface PagingOptions<T> {
  limit: number;
  concurrency?: number;
  /** Called with the first page when more pages follow, so a big account shows something at once. */
  onFirstPage?: (items: T[]) => void;
  /** Identity of an item for "seen before" (default: its id, else its JSON). */
  keyOf?: (item: T) => string;
  maxPages?: number;
  /** Plural noun for the warning ("clusters"). */
  what?: string;
}

export interface Paged<T> {
  items: T[];
  /** Set when the listing stopped before a short page: one line saying why and what was kept. */
  stopped?: string;
}

const defaultKey = (item: unknown): string => {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `id:${id}` : `json:${JSON.stringify(item)}`;
};

/**
 * Every page from offset 0. `decode` gets the body and the page's offset (for naming bad items). An item seen on
 * an earlier page is not listed again (a cluster created or deleted while paging shifts offsets); repeats within
 * one page are kept, they are the server's own duplicates and the caller reports them.
 */
export async function collectPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<unknown>,
  decode: (body: unknown, offset: number) => T[],
  opts: PagingOptions<T>,
): Promise<Paged<T>> {
  const { limit, onFirstPage, what = 'items' } = opts;
  const keyOf = opts.keyOf ?? defaultKey;
  const deadline = deadlines.getStore();
  const firstBody = await beforeDeadline(fetchPage(0, limit), deadline);
  if (firstBody === DEADLINE) throw new ApiError(`no answer within ${deadline!.label} (the listing's deadline)`, { kind: 'timeout' });
  const first = decode(firstBody, 0);
  // A server that caps the page below what was asked says so in `limit`.
  const served = (firstBody as { limit?: unknown } | undefined)?.limit;
  const size = typeof served === 'number' && served > 0 ? Math.min(served, limit) : limit;
  if (first.length < size) return { items: first };
  const tiny = size < Math.min(MIN_USEFUL_PAGE, limit);
  const maxPages = Math.max(1, Math.min(opts.maxPages ?? MAX_PAGES, tiny ? TINY_PAGE_MAX_PAGES : Number.POSITIVE_INFINITY));
  onFirstPage?.(first);

  const seen = new Set<string>();
  const out: T[] = [];
  const take = (items: T[]): number => {
    const before = out.length;
    const onThisPage = new Set<string>();
    for (const item of items) {
      const key = keyOf(item);
      if (seen.has(key) && !onThisPage.has(key)) continue;
      seen.add(key);
      onThisPage.add(key);
      out.push(item);
    }
    return out.length - before;
  };
  take(first);
  deadline?.onProgress?.(out.length);

  if (maxPages === 1) return { items: out, stopped: capMessage(1, out.length, what, size, tiny) };

  // Pages arrive out of order; they are judged in order, so "brought nothing new" always compares with every
  // page before it.
  const pages: Array<T[] | undefined> = [first];
  let next = 1;
  let judged = 1;
  let end = Number.POSITIVE_INFINITY;
  let stopped: string | undefined;
  const stopAfter = (index: number, why: string | undefined) => {
    end = index + 1;
    stopped = why;
  };
  // Workers wait rather than run more than `window` pages ahead of the judged ones (one slow page must not let
  // the others read thousands of pages meanwhile).
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const window = 2 * concurrency;
  let wake = () => {};
  let progress = new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    const woken = wake;
    progress = new Promise<void>((resolve) => (wake = resolve));
    woken();
  };
  const judge = () => {
    while (judged < end && pages[judged] !== undefined) {
      const index = judged++;
      const items = pages[index]!;
      pages[index] = undefined; // judged pages are not kept twice
      const fresh = take(items);
      if (items.length < size) stopAfter(index, undefined);
      else if (fresh === 0) stopAfter(index, repeatMessage(index * size, out.length, what));
      else if (index + 1 >= maxPages) stopAfter(index, capMessage(index + 1, out.length, what, size, tiny));
    }
    notify();
  };
  const more = () => next < end && next < maxPages;
  const worker = async () => {
    try {
      for (;;) {
        while (more() && next >= judged + window) await progress;
        if (!more()) return;
        const index = next++;
        const body = await beforeDeadline(fetchPage(index * size, size), deadline);
        if (body === DEADLINE) {
          if (end > judged) stopAfter(judged - 1, deadlineMessage(deadline!.label, judged, out.length, what));
          return notify();
        }
        const items = decode(body, index * size);
        // A short page is the last whatever the order pages arrive in: nothing after it is asked for.
        if (items.length < size && index < end) end = index + 1;
        if (index >= end) return notify();
        pages[index] = items;
        judge();
        deadline?.onProgress?.(out.length);
      }
    } catch (err) {
      end = 0; // the list has failed: the other workers stop asking
      notify();
      throw err;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { items: out, stopped };
}

function deadlineMessage(label: string, pages: number, kept: number, what: string): string {
  return `stopped at the listing's deadline (${label}) after ${pages} pages (${kept} ${what}); more may exist (--timeout gives it longer)`;
}

function repeatMessage(offset: number, kept: number, what: string): string {
  return `the server sent the same ${what} again for offset ${offset} (it seems to ignore offset); listed the ${kept} ${what} it sent, more may exist`;
}

function capMessage(pages: number, kept: number, what: string, size: number, tiny: boolean): string {
  if (tiny) {
    return `the server sends only ${size} ${size === 1 ? what.replace(/s$/, '') : what} per page; stopped after ${pages} pages (${kept} ${what}), more may exist`;
  }
  return `stopped at ${pages} pages (${kept} ${what}), pgtui's limit for one list; more may exist`;
}
