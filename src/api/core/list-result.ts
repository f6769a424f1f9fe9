// Building a provider's ListResult (src/api/core/types.ts): warnings for items that could not be read, paging that
// had to stop early and duplicate ids, and the duplicates themselves.
import type * as z from 'zod';
import type { Cluster, ListFailure, ListResult } from './types.js';

/** One item of a list that did not decode: where ("items.1.id") and why ("missing"). */
export interface ItemProblem {
  path: string;
  reason: string;
}

/** Decodes each item on its own: the good ones are returned, the bad ones are added to `problems`. */
export function decodeItems<S extends z.ZodType>(schema: S, items: readonly unknown[], prefix: string, offset: number, problems: ItemProblem[]): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = [];
  items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else problems.push(problemOf(parsed.error.issues[0], `${prefix}.${offset + i}`));
  });
  return out;
}

export function problemOf(issue: z.core.$ZodIssue | undefined, prefix: string): ItemProblem {
  if (!issue) return { path: prefix, reason: 'invalid' };
  const path = [prefix, ...issue.path.map(String)].join('.');
  const message = issue.message.replace(/^Invalid input:\s*/i, '');
  if (/received undefined$/.test(message)) return { path, reason: 'missing' };
  if (/received null$/.test(message)) return { path, reason: 'is null' };
  return { path, reason: `invalid (${message})` };
}

/** "1 cluster from env-ionos could not be read: items.1.id missing" (and how many more). */
export function problemsWarning(profile: string, problems: readonly ItemProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  const first = problems[0]!;
  const n = problems.length;
  const more = n > 1 ? ` (and ${n - 1} more)` : '';
  return `${n} ${n === 1 ? 'cluster' : 'clusters'} from ${profile} could not be read: ${first.path} ${first.reason}${more}`;
}

/**
 * The list as every reader sees it: one cluster per id (an id is the handle for get, delete and psql, so two
 * objects under one id cannot be told apart by any action). The first is kept; the others are kept aside for
 * `get`, which calls the id ambiguous, and a warning names them.
 */
export function finishList(profile: string, clusters: Cluster[], warnings: Array<string | undefined>, failures: ListFailure[] = []): ListResult {
  const seen = new Map<string, number>();
  const kept: Cluster[] = [];
  const duplicates: Cluster[] = [];
  for (const c of clusters) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n === 0) kept.push(c);
    else duplicates.push(c);
  }
  const all = warnings.filter((w): w is string => Boolean(w));
  if (duplicates.length > 0) {
    const ids = [...new Set(duplicates.map((c) => c.id))];
    const first = ids[0]!;
    const others = ids.length > 1 ? ` and ${ids.length - 1} more ids` : '';
    all.push(`${profile} lists ${seen.get(first)} clusters with the id ${first}${others}; each id is shown once (pgtui get ID lists them all)`);
  }
  return { clusters: kept, failures, warnings: all, duplicates };
}
