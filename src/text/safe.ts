// The one definition of text a terminal must never receive raw, and the ways to make provider text safe
// for each place it goes: the screen, one line of a status or error, JSON, a URL, a form check, raw
// objects with secrets. No Ink or React here: the one-shot commands use it too.

/**
 * Unsafe: C0 controls, DEL, C1 controls (U+0080–U+009F; 0x9B is a one-byte CSI to many terminals), the
 * Unicode line/paragraph separators, and the bidi controls that reorder what is shown (U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069: "Trojan Source"). Every pattern below is built from these parts.
 */
const C0_BUT_NEWLINE = '\\u0000-\\u0009\\u000b-\\u001f';
const DEL_C1 = '\\u007f-\\u009f';
const BIDI_AND_SEPARATORS = '\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_CLASS = `[${C0_BUT_NEWLINE}\\n${DEL_C1}${BIDI_AND_SEPARATORS}]`;
const UNSAFE = new RegExp(UNSAFE_CLASS);
const UNSAFE_ALL = new RegExp(UNSAFE_CLASS, 'g');
/** What JSON.stringify leaves raw among the unsafe characters (it escapes C0 itself). */
const JSON_RAW = new RegExp(`[${DEL_C1}${BIDI_AND_SEPARATORS}]`, 'g');
/** Whitespace-like controls that become a space on one line. */
 
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Runs of C0 controls and DEL, which become one space on one line. */
const C0_DEL_RUNS = new RegExp(`[${C0_BUT_NEWLINE}\\n\\u007f]+`, 'g');
/** One unsafe character other than \n, for writes to a stream where line breaks are meant. */
const TERMINAL_PLAIN = new RegExp(`[${C0_BUT_NEWLINE}${DEL_C1}${BIDI_AND_SEPARATORS}]`, 'g');
/** The same, or one of pgtui's own colour codes (format.ts paint), which a write with colour keeps. */
const TERMINAL = new RegExp(`\\u001b\\[\\d{1,2}m|${TERMINAL_PLAIN.source}`, 'g');

/** Shown in place of an unsafe character. */
export const PLACEHOLDER = '\ufffd';

/** True when the text holds a character this module never lets through raw. */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/** The form rule "no control characters": the message, or undefined when the text is fine. */
export function controlProblem(text: string): string | undefined {
  return hasUnsafe(text) ? 'no control characters' : undefined;
}

/** For display: every unsafe character (line breaks included) becomes a visible �. */
export function displayText(text: string): string {
  return text.replace(UNSAFE_ALL, PLACEHOLDER);
}

/**
 * The most a screen can show of one string: wider than any row, a few rows when wrapped. Ink measures every
 * string it is given (string-width, wrap-ansi, yoga), and that cost grows faster than the length once one
 * character is not ASCII: a 200 KB name took minutes. So nothing longer reaches it (docs/ARCHITECTURE.md, "Text
 * safety"). Callers that know their room pass it (a row's width, width × rows for wrapped text).
 */
export const SCREEN_CELLS = 1024;

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function head(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * For the screen: cut to what `maxCells` can show (a cell holds at least one UTF-16 unit, so a cut at
 * `maxCells` units never hides what would fit), `…` when cut, then made safe as displayText does. Cheap on any
 * length: the cut comes first.
 */
export function forScreen(text: string, maxCells = SCREEN_CELLS): string {
  const max = Math.max(1, Math.floor(maxCells));
  return displayText(text.length > max ? `${head(text, max - 1)}…` : text);
}

/** What is kept of one provider line in memory (a log line, a message): longer is cut, `…` marks the cut. */
export const STORED_LINE_MAX = 8 * 1024;

/** Caps a string to `max` UTF-16 units (`…` marks the cut); short strings are returned as they are. */
export function capStored(text: string, max = STORED_LINE_MAX): string {
  return text.length > max ? `${head(text, max - 1)}…` : text;
}

/** How many characters of `text` this module never lets through raw (line breaks included). */
export function countUnsafe(text: string): number {
  return text.match(UNSAFE_ALL)?.length ?? 0;
}

/**
 * For a secret that must be read exactly (a reset password): each unsafe character written as a visible escape
 * (`\x07`, `\u202e`) and, so that the escapes cannot be confused with the password's own text, each backslash
 * doubled. Text without unsafe characters comes back as it is.
 */
export function visibleEscapes(text: string): string {
  if (!hasUnsafe(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(UNSAFE_ALL, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** Removes unsafe characters outright: for text being typed, where a � would be a surprise. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE_ALL, '');
}

/** For text whose line breaks are meant (a multi-line error): lines kept, everything else made safe. */
export function displayLines(text: string): string {
  return text.split(/\r?\n/).map(displayText).join('\n');
}

/** One line for a status line or stderr: breaks and tabs become spaces, runs of space collapse, length is capped. */
export function oneLine(text: string, max = 300): string {
  // The cut first (with room for collapsed runs), so a megabyte of text costs no more than a line.
  const flat = capStored(text, max * 4 + 64).replace(BREAKS, ' ').replace(C0_DEL_RUNS, ' ').replace(UNSAFE_ALL, PLACEHOLDER).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * For a stream a person reads: every line made safe, line breaks kept, and pgtui's own colour codes kept
 * only when `colour` says so (provider text inside them was made safe where the cell was built).
 */
export function terminalText(text: string, opts: { colour?: boolean } = {}): string {
  return text.replace(opts.colour ? TERMINAL : TERMINAL_PLAIN, (m) => (m.length > 1 ? m : PLACEHOLDER));
}

/** JSON.stringify, then every unsafe character JSON leaves raw is written \uXXXX: `--json` carries none raw. */
export function safeJson(value: unknown, indent: number | undefined = 2): string {
  return escapeRawUnsafe(JSON.stringify(value, null, indent) ?? 'null');
}

/** True when `text` holds a character JSON (or YAML) would leave raw and a terminal must not see (DEL, C1, bidi, separators). */
export function hasRawUnsafe(text: string): boolean {
  return new RegExp(JSON_RAW.source).test(text);
}

/**
 * Every DEL, C1, bidi or separator character written `\uXXXX`: the escape JSON strings and YAML double-quoted
 * scalars both read back as the same character (lossless, and no terminal sees it raw).
 */
export function escapeRawUnsafe(text: string): string {
  return text.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A host for a URL: IPv6 literals in brackets, anything else percent-encoded (a newline in a host is %0A). */
export function urlHost(host: string): string {
  if (/^\[[0-9a-f:.]+\]$/i.test(host)) return host;
  if (host.includes(':') && /^[0-9a-f:.]+$/i.test(host)) return `[${host}]`;
  return encodeURIComponent(host);
}

/** A user, password-less userinfo, database or port for a URL. */
export function urlPart(text: string | number): string {
  return encodeURIComponent(String(text));
}

// ---------------------------------------------------------------------------------------------------------
// Secrets in raw provider objects
// ---------------------------------------------------------------------------------------------------------

export const MASK = '***';

/** Field names that hold a secret, whatever the provider calls them (case-insensitive, snake or camel). */
const SECRET_NAME = /pass(word|wd|phrase)|^pass$|^pwd$|secret|token|private[_-]?key|api[_-]?key|access[_-]?key|client[_-]?key|ssl[_-]?key|^key$|credential|signature|cookie|authorization/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** scheme://user:PASS@host → scheme://user:***@host, and password=… in key=value DSNs and query strings. */
export function maskUriSecrets(text: string): string {
  return text
    // The lookbehind makes a scheme start only where a run of scheme characters starts: without it, a long run of
    // letters is scanned again from each of its positions (quadratic; a 200 KB field took a minute).
    .replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):([^@/?#\s]*)@/gi, (_m, head: string) => `${head}:${MASK}@`)
    .replace(/\b(pass(?:word|wd)?|sslpassword)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;]*)/gi, (_m, key: string, eq: string) => `${key}${eq}${MASK}`);
}

/** A copy of a raw provider object with secret-named fields and passwords inside URIs/DSNs masked, at any depth. */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > 64) return MASK;
  if (typeof value === 'string') return maskUriSecrets(value);
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const pair = value as { key?: unknown; value?: unknown };
    // A name/value pair (tags, labels): `key` is the name, not a secret; the value is one when the name says so.
    if (typeof pair.key === 'string' && 'value' in pair) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out[k] = k === 'key' ? v : k === 'value' && isSecretName(pair.key) && v !== '' && v !== null ? MASK : maskSecrets(v, depth + 1);
      }
      return out;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = isSecretName(k) && (typeof v === 'string' || typeof v === 'number') ? (v === '' ? v : MASK) : maskSecrets(v, depth + 1);
    }
    return out;
  }
  return value;
}
