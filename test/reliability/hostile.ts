// Hostile provider text: a wrapper that turns every fake into a server whose every string field carries
// terminal escapes (an OSC 52 clipboard write, CSI, a one-byte C1 CSI, bidi overrides) and a newline with a
// shell line, and the checks that such bytes never reach an output. Used by text-safety.test.tsx.
import type { FakeRequest, FakeResponse, FakeServer } from '../../src/fake/kit.js';

export const PAYLOAD = 'rm -rf ~ #pwned';
/** ESC ] 52 ; c ; <base64> BEL, ESC [ 2J, C1 0x9b CSI, U+202E, U+2066, U+061C, DEL, then a newline and a shell line. */
export const HOSTILE = `\u001b]52;c;${Buffer.from(PAYLOAD).toString('base64')}\u0007\u001b[2J\u009b31m\u202e\u2066\u061c\u007fx\n; ${PAYLOAD}`;

/** Any byte of the unsafe set; `\n` is allowed only where `lines` says lines are expected. */
export const UNSAFE_ANYWHERE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
export const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first unsafe character in `text` with some context, or undefined when there is none. */
export function firstUnsafe(text: string, lines = true): string | undefined {
  const m = (lines ? UNSAFE_BUT_NEWLINE : UNSAFE_ANYWHERE).exec(text);
  if (!m) return undefined;
  return `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 40))}`;
}

/** Keys whose values stay as they are: identifiers the client puts back into URLs, and what `keep` adds. */
const ID_KEY = /^(id|uuid|.*Id|.*_id|.*ID)$/;

/** Every string in a JSON value, except identifier fields, gets the hostile text (the value first, so mappings that look at a prefix still see it). */
export function hostilize(value: unknown, keep: (key: string) => boolean, key = ''): unknown {
  if (typeof value === 'string') return key && (ID_KEY.test(key) || keep(key)) ? value : `${value}${HOSTILE}`;
  if (Array.isArray(value)) return value.map((v) => hostilize(v, keep, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = hostilize(v, keep, k);
    return out;
  }
  return value;
}

/** Removes the hostile text again from what the client sends back (PGO names a cluster by its name). */
function unhostilize(value: unknown): unknown {
  if (typeof value === 'string') return value.split(HOSTILE).join('');
  if (Array.isArray(value)) return value.map(unhostilize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, unhostilize(v)]));
  return value;
}

/** Makes a running fake answer with hostile strings: JSON bodies of every response, error bodies and text errors too. */
export function makeHostile(server: FakeServer, opts: { keep?: (key: string) => boolean } = {}): { set(on: boolean): void } {
  const target = server as unknown as { handle(req: FakeRequest): FakeResponse | Promise<FakeResponse> };
  const original = target.handle.bind(server);
  const keep = opts.keep ?? (() => false);
  let on = true;
  target.handle = async (req: FakeRequest) => {
    // What the client echoes back (PGO's ClientVersion, a cluster's name) is the server's own text again.
    const out = await original({ ...req, json: unhostilize(req.json), text: req.text.split(JSON.stringify(HOSTILE).slice(1, -1)).join('') });
    if (!on) return out;
    if (out.body !== undefined) return { ...out, body: hostilize(out.body, keep) };
    if (out.raw !== undefined) {
      try {
        return { ...out, raw: JSON.stringify(hostilize(JSON.parse(out.raw), keep)) };
      } catch {
        return out.raw ? { ...out, raw: `${out.raw.replace(/\n$/, '')}${HOSTILE}\n` } : out;
      }
    }
    return out;
  };
  return { set: (value) => void (on = value) };
}
