// The order of names on screen: the locale's (ICU's root collation, what localeCompare gives), without paying for
// ICU's collator on the common names. The first localeCompare of a process loads ICU's collation data, ~10 ms of
// a `pgtui ls` that takes ~100 ms. Names made only of ASCII letters, digits, spaces, dots and hyphens compare
// the same by code point once lower-cased (space < - < . < digits < letters), and on a tie lower case comes first;
// test/text/order.test.ts checks that against localeCompare.
const SIMPLE = /^[A-Za-z0-9 .-]*$/;
const swapCase = (s: string) => s.replace(/[A-Za-z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

export function compareText(a: string, b: string): number {
  if (a === b) return 0; // the common case in a sort by profile, then name: every pair of one profile's clusters
  if (!SIMPLE.test(a) || !SIMPLE.test(b)) return a.localeCompare(b);
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  const sa = swapCase(a);
  const sb = swapCase(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Clusters as the one-shots list them: by profile, then name. */
export const byProfileAndName = (a: { profile: string; name: string }, b: { profile: string; name: string }): number =>
  compareText(a.profile, b.profile) || compareText(a.name, b.name);
