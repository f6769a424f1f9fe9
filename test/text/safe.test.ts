// The text-safety module on its own: which characters are unsafe, and what each output form makes of them.
import { describe, expect, it } from 'vitest';
import {
  controlProblem, displayLines, displayText, hasUnsafe, isSecretName, maskSecrets, maskUriSecrets, oneLine, PLACEHOLDER,
  safeJson, stripUnsafe, terminalText, urlHost, urlPart,
} from '../../src/text/safe.js';

const OSC52 = `\u001b]52;c;${Buffer.from('rm -rf ~ #pwned').toString('base64')}\u0007`;
/** Every range the module calls unsafe, one character of each edge. */
const UNSAFE = ['\u0000', '\u0007', '\u0009', '\u000a', '\u000d', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069'];
const SAFE = ['a', ' ', '~', '\u00a0', 'é', '数', '🐘', 'ق', '\u200d', '\u2060', '\u2070', '\u202f'];
const ANY_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('what is unsafe', () => {
  it.each(UNSAFE.map((c) => [c.charCodeAt(0).toString(16).padStart(4, '0'), c]))('U+%s is unsafe', (_code, c) => {
    expect(hasUnsafe(`a${c}b`)).toBe(true);
    expect(controlProblem(`a${c}b`)).toBe('no control characters');
  });
  it.each(SAFE)('%j is fine', (c) => {
    expect(hasUnsafe(c)).toBe(false);
    expect(controlProblem(c)).toBeUndefined();
    expect(displayText(c)).toBe(c);
  });
});

describe('display', () => {
  it('shows each unsafe character as one placeholder, keeping the length (cursor positions hold)', () => {
    const text = `x${OSC52}\u009b2J\u202eevil\u2066y`;
    const shown = displayText(text);
    expect(shown).toHaveLength(text.length);
    expect(shown).not.toMatch(ANY_UNSAFE);
    expect(shown).toBe(`x${PLACEHOLDER}]52;c;${Buffer.from('rm -rf ~ #pwned').toString('base64')}${PLACEHOLDER}${PLACEHOLDER}2J${PLACEHOLDER}evil${PLACEHOLDER}y`);
  });
  it('strips for typed input', () => {
    expect(stripUnsafe('a\u001b[31mb\u202ec\nd')).toBe('a[31mbcd');
  });
  it('keeps intended line breaks only in displayLines', () => {
    expect(displayLines('one\u001b[2J\r\ntwo\u0085\nthree')).toBe(`one${PLACEHOLDER}[2J\ntwo${PLACEHOLDER}\nthree`);
  });
});

describe('oneLine', () => {
  it('turns breaks and C0 runs into single spaces, C1 and bidi into placeholders, and caps the length', () => {
    expect(oneLine('  a\n\n b\t\u0007c \u2028 d  ')).toBe('a b c d');
    expect(oneLine('x\u009b31m\u202ey')).toBe(`x${PLACEHOLDER}31m${PLACEHOLDER}y`);
    const long = oneLine('z'.repeat(500), 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
    expect(oneLine(`err: ${OSC52}\nrm -rf ~`)).not.toMatch(ANY_UNSAFE);
  });
});

describe('terminal writes', () => {
  it('keep newlines, and pgtui colour codes only when colour is on', () => {
    const text = `\u001b[32mready\u001b[39m ${OSC52}\n\u009b\u202e`;
    expect(terminalText(text, { colour: true })).toBe(`\u001b[32mready\u001b[39m ${PLACEHOLDER}]52;c;${Buffer.from('rm -rf ~ #pwned').toString('base64')}${PLACEHOLDER}\n${PLACEHOLDER}${PLACEHOLDER}`);
    expect(terminalText(text).replace(/\n/g, '')).not.toMatch(ANY_UNSAFE);
    // A longer CSI (cursor movement, private modes) is never kept, even with colour on.
    expect(terminalText('\u001b[2J\u001b[?1049h', { colour: true })).toBe(`${PLACEHOLDER}[2J${PLACEHOLDER}[?1049h`);
  });
});

describe('JSON', () => {
  it('escapes C1, DEL, separators and bidi as \\uXXXX and round-trips', () => {
    const value = { name: `a${OSC52}\u009b\u007f\u202e\u2066\u2028\nb`, n: 1, nested: [{ s: '\u0085' }] };
    const text = safeJson(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u007f');
    expect(JSON.parse(text)).toEqual(value);
    expect(safeJson(undefined)).toBe('null');
  });
});

describe('URL parts', () => {
  it('percent-encodes a host, keeps IPv6 literals in brackets', () => {
    expect(urlHost('db.example.com')).toBe('db.example.com');
    expect(urlHost('evil\n; rm -rf ~ #')).toBe('evil%0A%3B%20rm%20-rf%20~%20%23');
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('[2001:db8::1]')).toBe('[2001:db8::1]');
    expect(urlHost('a@b/c:d')).toBe('a%40b%2Fc%3Ad');
    expect(urlPart('us er@x')).toBe('us%20er%40x');
    expect(urlPart(5432)).toBe('5432');
  });
});

describe('secrets in raw objects', () => {
  it('names', () => {
    for (const n of ['password', 'Password', 'adminPassword', 'db_password', 'passwd', 'secret', 'keySecret', 'token', 'accessToken', 'privateKey', 'private_key', 'apiKey', 'key', 'credentials', 'clientKey']) expect(isSecretName(n), n).toBe(true);
    for (const n of ['name', 'keyId', 'host', 'passive', 'state', 'monkey', 'username']) expect(isSecretName(n), n).toBe(false);
  });
  it('masks URI and DSN passwords', () => {
    expect(maskUriSecrets('postgres://admin:hunter2@db:5432/app')).toBe('postgres://admin:***@db:5432/app');
    expect(maskUriSecrets('see postgresql://u:p%40ss@h/d and https://x.example/a')).toBe('see postgresql://u:***@h/d and https://x.example/a');
    expect(maskUriSecrets("host=db user=u password='s e c' sslmode=require")).toBe('host=db user=u password=*** sslmode=require');
    expect(maskUriSecrets('host=db password=hunter2 port=5432')).toBe('host=db password=*** port=5432');
    expect(maskUriSecrets('https://h/x?user=a&password=hunter2&x=1')).toBe('https://h/x?user=a&password=***&x=1');
    expect(maskUriSecrets('postgres://admin@db/app')).toBe('postgres://admin@db/app');
  });
  it('masks secret-named fields at any depth and leaves the rest', () => {
    const raw = {
      id: 'c1', name: 'n', Password: 'hunter2', keyId: 'kid',
      credentials: { username: 'u', password: 'p2' },
      list: [{ token: 't' }, { dsn: 'postgres://u:p3@h/d' }],
      connection: { uri: 'postgresql://admin:p4@db/app?sslmode=require', private_key: '-----BEGIN' },
      passwordRequired: true, secret: null, apiKey: '',
    };
    const masked = maskSecrets(raw) as typeof raw;
    const text = JSON.stringify(masked);
    for (const s of ['hunter2', 'p2', '"t"', 'p3', 'p4', 'BEGIN']) expect(text).not.toContain(s);
    expect(masked.id).toBe('c1');
    expect(masked.keyId).toBe('kid');
    expect(masked.credentials.username).toBe('u');
    expect(masked.passwordRequired).toBe(true);
    expect(masked.secret).toBeNull();
    expect(masked.connection.uri).toBe('postgresql://admin:***@db/app?sslmode=require');
    expect(raw.Password).toBe('hunter2');
  });
});
