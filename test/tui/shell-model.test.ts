// The shell's pure parts (issue 15): what `y` sends to which terminal, footer hints fitted by priority, and
// sorting only by columns on screen.
import { describe, expect, it } from 'vitest';
import { clipboardRoute, clipboardSequence, copyToClipboard } from '../../src/ui/terminal/osc52.js';
import { hintsWidth } from '../../src/ui/input/keymap.js';
import { hintsOf, SCREENS, type Screen } from '../../src/ui/registry/screens.js';
import { columnsFor, nextSortKey } from '../../src/ui/models/list-view.js';

describe('OSC 52 by terminal', () => {
  const b64 = Buffer.from('postgresql://a@h:5432/db').toString('base64');
  it('tmux gets a plain OSC 52 (3.3+ drops passthrough by default); screen gets its DCS passthrough', () => {
    const off = () => false;
    expect(clipboardRoute({ TMUX: '/tmp/tmux-1/default,1,0', TERM: 'tmux-256color' }, off)).toBe('plain');
    expect(clipboardRoute({ TMUX: '/tmp/tmux-1/default,1,0', TERM: 'screen-256color' }, off)).toBe('plain');
    // allow-passthrough on: the wrapped copy goes to the outer terminal as well.
    expect(clipboardRoute({ TMUX: '/tmp/tmux-1/default,1,0' }, () => true)).toBe('tmux-passthrough');
    expect(clipboardSequence('postgresql://a@h:5432/db', 'tmux-passthrough')).toBe(`\u001b]52;c;${b64}\u0007\u001bPtmux;\u001b\u001b]52;c;${b64}\u0007\u001b\\`);
    expect(clipboardRoute({ STY: '123.pts-0.host', TERM: 'screen' })).toBe('screen');
    expect(clipboardRoute({ TERM: 'xterm-256color' })).toBe('plain');
    expect(clipboardSequence('postgresql://a@h:5432/db', 'plain')).toBe(`\u001b]52;c;${b64}\u0007`);
    expect(clipboardSequence('postgresql://a@h:5432/db', 'screen')).toBe(`\u001bP\u001b]52;c;${b64}\u0007\u001b\\`);
    const written: string[] = [];
    copyToClipboard('postgresql://a@h:5432/db', { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, { TMUX: 'x' }, off);
    expect(written).toEqual([`\u001b]52;c;${b64}\u0007`]);
  });
});

describe('footer hints', () => {
  for (const width of [80, 50, 30]) {
    for (const scope of (Object.keys(SCREENS) as Screen[]).filter((s) => !SCREENS[s].ownFooter)) {
      it(`${scope} at ${width} columns keeps ? help and q quit and fits`, () => {
        const hints = hintsOf(scope, false, width - 1);
        const keys = hints.map(([k]) => k);
        expect(keys).toContain('?');
        expect(keys).toContain('q');
        if (width >= 50) expect(hintsWidth(hints)).toBeLessThanOrEqual(width - 1);
      });
    }
  }
  it('drops by priority: the filter and psql stay longer than delete', () => {
    const keys = hintsOf('list', false, 49).map(([k]) => k);
    expect(keys).toContain('/');
    expect(keys).not.toContain('ctrl-d');
  });
});

describe('sort', () => {
  it('cycles only through the columns on screen', () => {
    const narrow = columnsFor(50).map((c) => c.key);
    expect(narrow).toEqual(['name', 'phase']);
    expect(nextSortKey('name', narrow)).toBe('phase');
    expect(nextSortKey('phase', narrow)).toBe('name');
    const wide = columnsFor(80).map((c) => c.key);
    expect(wide).not.toContain('location');
    const seen = new Set<string>();
    let k = nextSortKey('name', wide);
    for (let i = 0; i < 10; i++, k = nextSortKey(k, wide)) seen.add(k);
    for (const key of seen) expect(wide).toContain(key);
  });
});
