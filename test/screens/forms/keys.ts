// Key sequences and polling helpers for driving Ink screens through ink-testing-library.
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  ctrlS: '\u0013',
  ctrlR: '\u0012',
  ctrlU: '\u0015',
} as const;

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** useInput re-subscribes after each commit; a key sent sooner reaches a stale handler (deps.md §4). */
export async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    // Also wait before the first key: a frame can be on screen before its input handler is subscribed.
    await tick(25);
    stdin.write(k);
  }
  await tick(25);
}

export async function waitForFrame(lastFrame: () => string | undefined, re: RegExp, timeoutMs = 4000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    if (re.test(frame)) return frame;
    if (Date.now() - start > timeoutMs) throw new Error(`no ${re} in frame:\n${frame}`);
    await tick(10);
  }
}

/** The frame line that contains `text` (for asserting what shows beside a field). */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => l.includes(text)) ?? '';
}
