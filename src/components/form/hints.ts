// Key hints that fit the width: the ones that must show (submit, back) stay, the others go from the end.

/** `must` always stays (in front of the rest's place); `nice` hints are dropped from the end until the line fits. */
export function fitHints(nice: string[], must: string[], width: number): string {
  const kept = [...nice];
  const line = () => [...kept, ...must].join(' · ');
  while (kept.length > 0 && [...line()].length > width) kept.pop();
  return line();
}
