// Waiting for what a test cannot be told about (another process, a file, a counter a module moves on its own):
// the condition is looked at again and again until it holds or the bound runs out. The one poll of the tests.
// A check that costs (a `ps`, a query) is asked no more often than it takes to answer, so the poll itself does not
// load the machine it waits on.
const EVERY_MS = 10;
const pause = (checkMs: number) => new Promise((r) => setTimeout(r, Math.max(EVERY_MS, checkMs)));

/** Whether `check` came to hold within `timeoutMs` (it is asked once more at the end). */
export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    const asked = Date.now();
    if (check()) return true;
    await pause(Date.now() - asked);
  }
  return check();
}

/** The first value `check` gives that is not undefined, within `timeoutMs`; an error naming `what` otherwise. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    const asked = Date.now();
    const v = await check();
    if (v !== undefined) return v;
    await pause(Date.now() - asked);
  }
  throw new Error(`never: ${what}`);
}
