// Long messages (a provider's validation rule, a TLS failure) wrapped within the width instead of cut at the
// edge, over at most `maxLines` lines; what is still left ends in "…". Bounded: a hostile 1 MB message costs
// no more than its first few thousand characters.
import { capStored, displayText } from '../text/safe.js';

/** More than any screen shows: the rest of a huge message is never even split into words. */
const MAX_CHARS = 4000;

export function wrapText(text: string, width: number, maxLines: number): string[] {
  const w = Math.max(1, width);
  const all = [...displayText(capStored(text, MAX_CHARS * 2).replace(/\s+/g, ' ').trim())];
  const cut = all.length > MAX_CHARS;
  const words = all.slice(0, MAX_CHARS).join('').split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    let rest = [...word];
    if (line && [...line].length + 1 + rest.length <= w) {
      line = `${line} ${word}`;
      continue;
    }
    if (line) lines.push(line);
    while (rest.length > w) {
      lines.push(rest.slice(0, w).join(''));
      rest = rest.slice(w);
    }
    line = rest.join('');
    if (lines.length > maxLines) break;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines && !cut) return lines.length ? lines : [''];
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = [...kept[kept.length - 1]!];
  kept[kept.length - 1] = `${last.slice(0, Math.max(0, Math.min(last.length, w - 1))).join('')}…`;
  return kept;
}
