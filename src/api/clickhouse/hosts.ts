// ClickHouse list items carry no hostname or username (spec: PostgresServiceListItem). This remembers the ones
// seen in a get or create, so a listed service looks exactly like its last get (otherwise the store sees a change
// on every poll), and looks up the ones it has never seen, a few per list.
import { ApiError } from '../core/errors.js';
import type { PgService } from './mapping.js';

/**
 * The API allows 10 requests per 10 s per key (the provider's API overview, "Rate Limits"), so a list spends at most
 * six lookups (with the organisation and the list itself, a first `ls` stays within ten), two at a time, and stops
 * at the first 429; the rest come with the next lists, and a known hostname costs nothing again.
 */
export const HOST_GETS_PER_LIST = 6;
const HOST_GET_CONCURRENCY = 2;

type Details = Pick<PgService, 'hostname' | 'username' | 'name'>;

export class ServiceHosts {
  private readonly known = new Map<string, Details>();

  hostname(id: string): string | undefined {
    return this.known.get(id)?.hostname;
  }

  /** Remembers what a full service says, and fills a list item's missing hostname and username from memory. */
  complete(s: PgService): PgService {
    if (s.hostname) this.known.set(s.id, { hostname: s.hostname, username: s.username, name: s.name });
    const known = s.hostname ? undefined : this.known.get(s.id);
    return known ? { ...s, hostname: known.hostname, username: s.username ?? known.username } : s;
  }

  /**
   * Gets the services whose hostname is not known (new ones, and renamed ones: a rename changes the hostname).
   * A failed get only leaves that host unknown until the next list; the list itself still answers.
   */
  async learn(services: PgService[], fetch: (id: string) => Promise<PgService>, signal?: AbortSignal): Promise<void> {
    const unknown = services
      .filter((s) => !s.hostname && s.state !== 'deleting')
      .filter((s) => {
        const known = this.known.get(s.id);
        return !known || (s.name !== undefined && known.name !== s.name);
      })
      .slice(0, HOST_GETS_PER_LIST);
    let next = 0;
    let limited = false;
    const worker = async () => {
      while (next < unknown.length && !limited && !signal?.aborted) {
        const s = unknown[next++]!;
        try {
          const full = await fetch(s.id);
          if (full.hostname) this.known.set(s.id, { hostname: full.hostname, username: full.username, name: full.name });
        } catch (err) {
          // Left unknown: the detail screen's own get, or the next list, tries again. A 429 ends this round.
          if (err instanceof ApiError && err.kind === 'rate-limit') limited = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(HOST_GET_CONCURRENCY, unknown.length) }, worker));
  }
}
