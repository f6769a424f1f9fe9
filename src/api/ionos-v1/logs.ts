// IONOS v1 GET /clusters/{id}/logs (spec ClusterLogs): one message stream per instance, no server-side filter,
// at most 5000 lines per instance, and nothing older than 30 days.
import * as z from 'zod';
import { ApiError } from '../core/errors.js';
import type { LogLine, LogQuery } from '../core/insight.js';

export const LOGS_LIMIT_MAX = 5000;
export const LOGS_MAX_AGE_MS = 30 * 86_400_000;

const body = z.lazy(() => z.looseObject({
  instances: z
    .array(z.looseObject({ name: z.string().optional(), messages: z.array(z.unknown()).max(100_000).nullish() }))
    .max(1000)
    .nullish(),
}));
const message = z.lazy(() => z.looseObject({ time: z.string(), message: z.string() }));

/** "2026-11-30 01:02:03.123 UTC [4123] LOG:  checkpoint starting: time" → severity LOG, the rest as the message. */
const PREFIX = /^(?:\S+ \S+(?: \S+)? )?\[\d+\](?:: \[\d+-\d+\])? ?(?:\S+ )?(DEBUG\d?|INFO|NOTICE|LOG|WARNING|ERROR|FATAL|PANIC|STATEMENT|DETAIL|HINT|CONTEXT):\s+/;

export function decodeLogs(raw: unknown): { lines: LogLine[]; bad: number } {
  const parsed = body.safeParse(raw);
  if (!parsed.success) throw new ApiError('unexpected logs response from IONOS', { kind: 'malformed' });
  const lines: LogLine[] = [];
  let bad = 0;
  for (const inst of parsed.data.instances ?? []) {
    for (const item of inst.messages ?? []) {
      const m = message.safeParse(item);
      const t = m.success ? Date.parse(m.data.time) : Number.NaN;
      if (!m.success || Number.isNaN(t)) {
        bad++;
        continue;
      }
      const match = PREFIX.exec(m.data.message);
      lines.push({
        at: new Date(t).toISOString(),
        severity: match?.[1] ?? '',
        instance: inst.name,
        message: match ? m.data.message.slice(match[0].length) : m.data.message,
      });
    }
  }
  return { lines, bad };
}

/** The API cannot filter: pgtui filters the lines it got. */
export function keep(query: Pick<LogQuery, 'grep' | 'severity'>): (l: LogLine) => boolean {
  return (l) => (!query.grep || l.message.includes(query.grep)) && (!query.severity || l.severity === query.severity);
}
