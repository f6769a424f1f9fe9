// Offset paging with bounded concurrency. Neither IONOS API reports a total, so after the first page proves
// the page size, the next pages are asked `concurrency` at a time until one comes back short; at most
// `concurrency - 1` requests past the end are wasted, and 5,000 clusters take ~50/concurrency round trips.

export interface PagingOptions<T> {
  limit: number;
  concurrency: number;
  /** Called with the first page when more pages follow, so a big account shows something at once. */
  onFirstPage?: (items: T[]) => void;
}

export async function collectPagesConcurrently<T extends { id?: string }>(
  fetchPage: (offset: number, limit: number) => Promise<unknown>,
  decode: (body: unknown) => T[],
  { limit, concurrency, onFirstPage }: PagingOptions<T>,
): Promise<T[]> {
  const firstBody = await fetchPage(0, limit);
  const first = decode(firstBody);
  // A server that caps the page below what was asked says so in `limit`.
  const served = (firstBody as { limit?: unknown } | undefined)?.limit;
  const size = typeof served === 'number' && served > 0 ? Math.min(served, limit) : limit;
  if (first.length < size) return first;
  onFirstPage?.(first);

  const pages: T[][] = [first];
  let next = 1;
  let end = Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (next < end) {
      const index = next++;
      const items = decode(await fetchPage(index * size, size));
      pages[index] = items;
      if (items.length < size) end = Math.min(end, index + 1);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  // A cluster created or deleted while paging can shift offsets: never list one twice.
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of pages.slice(0, end).flat()) {
    if (item.id !== undefined) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
    }
    out.push(item);
  }
  return out;
}
