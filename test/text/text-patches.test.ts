// The text patches of docs/ink-patches.md. #5: string-width and @alcalzone/ansi-tokenize measure and split strings
// of "simple" code points without Intl.Segmenter; each simple code point must be a grapheme of its own whatever
// surrounds it, and measure as the segmented path measures it. #6: fewer objects per frame, same output.
import { execFileSync } from 'node:child_process';
import stringWidth from 'string-width';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (s: string) => [...segmenter.segment(s)].map((x) => x.segment);
/** A wide emoji that is its own grapheme after any simple code point: it forces string-width's segmented path. */
const EMOJI = '\u{1F600}';
const segmentedWidth = (s: string) => stringWidth(s + EMOJI) - 2;

/** The code points above U+009F the patches take their fast paths for (the ranges of docs/ink-patches.md #5). */
function simpleCodePoints(): number[] {
  const out: number[] = [];
  for (let c = 0xa0; c <= 0x2bff; c++) {
    if ((c <= 0x2ff && c !== 0xad) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205f) || (c >= 0x2070 && c <= 0x20cf) || c >= 0x2100) out.push(c);
  }
  return out;
}

describe('string-width, patched', () => {
  const simple = simpleCodePoints();

  it('measures each simple code point as the segmented path does, alone and between others', () => {
    const wrong: string[] = [];
    for (const c of simple) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}${ch}b`, `${ch}·❯`]) if (stringWidth(s) !== segmentedWidth(s)) wrong.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has each simple code point as a grapheme of its own, before and after any other', () => {
    const joined: string[] = [];
    // ansi-tokenize's set also holds the controls and printable ASCII below U+00A0, but CR (CR LF is one grapheme)
    const controls = Array.from({ length: 0xa0 }, (_, c) => c).filter((c) => c !== 0x0d);
    for (const c of [...controls, 0xad, ...simple]) {
      const ch = String.fromCharCode(c);
      if (graphemes(`a${ch}${ch}a`).length !== 4) joined.push(`U+${c.toString(16)}`);
    }
    expect(joined).toEqual([]);
  });

  it('still measures what needs the segmenter', () => {
    expect(stringWidth('e\u0301')).toBe(1); // a combining accent
    expect(stringWidth('👍🏽')).toBe(2); // emoji with a skin tone
    expect(stringWidth('❤️')).toBe(2); // a simple code point with VS16 is one wide grapheme
    expect(stringWidth('界·x')).toBe(4);
    expect(stringWidth('a\u00adb')).toBe(2); // soft hyphen: not simple, zero width
    expect(stringWidth('\u001b[1m❯ billing\u001b[22m')).toBe(9);
  });
});

describe('ansi-tokenize, patched', () => {
  it('splits simple text into the graphemes the segmenter finds', () => {
    const line = '\u001b[1m❯ billing\u001b[22m  ionos-v1  ─── AVAILABLE · 4 cores → ✓ «é» ™';
    const chars = tokenize(line).filter((t) => t.type === 'char');
    expect(chars.map((t) => t.value)).toEqual(graphemes(line.replace(/\u001b\[\d+m/g, '')));
    expect(chars.filter((t) => t.fullWidth)).toEqual([]);
  });

  it('gives the characters of one style run one shared styles array (#6), and each run its own', () => {
    const chars = styledCharsFromTokens(tokenize('\u001b[1mab\u001b[22mcd\u001b[31me'));
    expect(chars.map((c) => c.value).join('')).toBe('abcde');
    expect(chars[0]!.styles).toBe(chars[1]!.styles);
    expect(chars[2]!.styles).toBe(chars[3]!.styles);
    expect(chars[0]!.styles.map((s) => s.code)).toEqual(['\u001b[1m']);
    expect(chars[2]!.styles).toEqual([]);
    expect(chars[4]!.styles.map((s) => s.code)).toEqual(['\u001b[31m']);
    expect(Object.keys(chars[0]!)).toEqual(['type', 'value', 'fullWidth', 'styles']);
  });

  it('still joins what the segmenter joins', () => {
    const chars = tokenize('x❤️y\r\nz👍🏽').filter((t) => t.type === 'char');
    expect(chars.map((t) => t.value)).toEqual(['x', '❤️', 'y', '\r\n', 'z', '👍🏽']);
    expect(chars.map((t) => t.fullWidth)).toEqual([false, true, false, false, false, true]);
  });
});

it("draws an Ink frame of simple text without making an Intl.Segmenter (ICU's break rules cost ~9 ms at start)", () => {
  // A process of its own: Ink and its text modules are loaded fresh there (vitest shares them between tests).
  // Rows that fit, as pgtui's screens draw them (src/text/rows.ts): truncating (slice-ansi) still segments.
  const script = `
    let made = 0;
    const Segmenter = Intl.Segmenter;
    Intl.Segmenter = class extends Segmenter { constructor(...a) { super(...a); made++; } };
    const { createElement: h } = await import('react');
    const { render, Box, Text } = await import('ink');
    const { EventEmitter } = await import('node:events');
    let out = '';
    const stdout = Object.assign(new EventEmitter(), { columns: 60, rows: 10, isTTY: true, write: (s) => ((out += s), true) });
    const app = render(h(Box, { flexDirection: 'column', borderStyle: 'round' },
      h(Text, { bold: true, color: 'cyan' }, 'pgtui · 100 clusters · 1 profiles'),
      h(Text, { inverse: true }, '❯ billing   ionos-v1  AVAILABLE  4 cores → ✓'),
      h(Text, null, 'crm-reporting  ionos-v1  BUSY  «é» ™ ' + '─'.repeat(12))), { stdout, patchConsole: false });
    app.unmount();
    process.stdout.write(JSON.stringify({ made, drawn: out.includes('100 clusters') }));`;
  const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' })) as { made: number; drawn: boolean };
  expect(result).toEqual({ made: 0, drawn: true });
});

it('Ink still strips control sequences but SGR and links from text, and keeps the text around them (#6: searches instead of loops)', () => {
  const script = `
    const { createElement: h } = await import('react');
    const { render, Text } = await import('ink');
    const { EventEmitter } = await import('node:events');
    let out = '';
    const stdout = Object.assign(new EventEmitter(), { columns: 60, rows: 5, isTTY: true, write: (s) => ((out += s), true) });
    const app = render(h(Text, null, 'a\u{1F600}b\u009B2Jc · plain ', h(Text, { color: 'red' }, 'red'), ' x\u001b[2Ay \u001b]8;;http://h\u0007link\u001b]8;;\u0007 z'), { stdout, patchConsole: false, debug: true });
    app.unmount();
    process.stdout.write(JSON.stringify(out));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } })) as string;
  expect(out).toContain('a\u{1F600}bc · plain ');
  expect(out).not.toContain('\u009B');
  expect(out).toContain('\u001b[31mred\u001b[39m x'); // SGR kept (colours forced below)
  expect(out).toContain(' xy '); // a cursor move taken out
  expect(out).toContain('\u001b]8;;http://h\u0007link\u001b]8;;\u0007 z'); // a link (OSC) kept
});
