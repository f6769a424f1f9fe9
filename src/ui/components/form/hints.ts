// Key hints that fit the width: they keep their order, and the optional ones go (last first) until the line
// fits, so the ones that must show (submit, back) always do.

export type Hint = string | { text: string; optional: true };

export const optional = (text: string): Hint => ({ text, optional: true });

export function fitHints(hints: Hint[], width: number): string {
  const kept = [...hints];
  const line = () => kept.map((h) => (typeof h === 'string' ? h : h.text)).join(' · ');
  for (let i = kept.length - 1; i >= 0 && [...line()].length > width; i--) if (typeof kept[i] !== 'string') kept.splice(i, 1);
  return line();
}
