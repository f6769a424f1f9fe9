// How a screen inside a cluster reads its keys (src/ui/screens/inside-common.tsx useScreenKeys) and moves through its
// rows (src/ui/hooks/scroll.ts useScroll): its own actions first, esc / ? / q back, help and quit otherwise.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { back, ch, help, MOVES, quit, type Binding } from '../../../src/ui/input/keymap.js';
import { useScroll } from '../../../src/ui/hooks/scroll.js';
import { useScreenKeys } from '../../../src/ui/screens/inside-common.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';

const KEYS: readonly Binding[] = [
  ...MOVES, back,
  { action: 'mark', keys: 'x', help: 'mark (writes)', writes: true, match: ch('x') },
  help, quit,
];

interface ProbeProps {
  readOnly?: boolean;
  active?: boolean;
  /** Esc clears the filter before it goes back. */
  clearsFirst?: boolean;
  /** The keys are taken only while this holds. */
  when?: boolean;
  onMark?: () => void;
}

function setup(over: ProbeProps = {}) {
  const calls = { onBack: vi.fn(), onHelp: vi.fn(), onQuit: vi.fn(), onMark: vi.fn() };
  function Probe({ readOnly = false, active = true, clearsFirst = false, when = true }: ProbeProps) {
    const [filter, setFilter] = useState('db');
    const scroll = useScroll(20, 5);
    useScreenKeys(KEYS, { readOnly, active, onBack: calls.onBack, onHelp: calls.onHelp, onQuit: calls.onQuit }, {
      ...scroll.moves,
      mark: calls.onMark,
      back: clearsFirst && filter ? () => setFilter('') : undefined,
    }, when);
    return <Text>at {scroll.at} · filter {filter || '-'}</Text>;
  }
  const app = render(<Probe {...over} />);
  cleanup = app.unmount;
  return { app, calls };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('useScreenKeys with useScroll', () => {
  it('moves by a row, a page and to either end, within 0 … last', async () => {
    const { app } = setup();
    await press(app.stdin, 'j', 'j');
    await until(app.lastFrame, 'at 2 ·');
    await press(app.stdin, '\u0006');
    await until(app.lastFrame, 'at 7 ·');
    await press(app.stdin, KEY.up);
    await until(app.lastFrame, 'at 6 ·');
    await press(app.stdin, 'G', 'j');
    await until(app.lastFrame, 'at 20 ·');
    await press(app.stdin, '\u0002');
    await until(app.lastFrame, 'at 15 ·');
    await press(app.stdin, 'g', 'k');
    await until(app.lastFrame, 'at 0 ·');
  });

  it('keys arriving before the next frame each move from where the one before left', async () => {
    const { app } = setup();
    await press(app.stdin);
    // Written at once: the handler runs three times before React draws again.
    for (let i = 0; i < 3; i++) app.stdin.write('j');
    await until(app.lastFrame, 'at 3 ·');
  });

  it('esc, ? and q go back, open help and quit when the screen does not handle them', async () => {
    const { app, calls } = setup();
    await press(app.stdin, KEY.esc, '?', 'q');
    expect(calls.onBack).toHaveBeenCalledTimes(1);
    expect(calls.onHelp).toHaveBeenCalledTimes(1);
    expect(calls.onQuit).toHaveBeenCalledTimes(1);
  });

  it("the screen's own esc comes first: it clears the filter, and the next esc goes back", async () => {
    const { app, calls } = setup({ clearsFirst: true });
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, 'filter -');
    expect(calls.onBack).not.toHaveBeenCalled();
    await press(app.stdin, KEY.esc);
    expect(calls.onBack).toHaveBeenCalledTimes(1);
  });

  it('read-only mode hides the keys that write', async () => {
    const writable = setup();
    await press(writable.app.stdin, 'x');
    expect(writable.calls.onMark).toHaveBeenCalledTimes(1);
    writable.app.unmount();
    const { app, calls } = setup({ readOnly: true });
    await press(app.stdin, 'x', 'j');
    await until(app.lastFrame, 'at 1 ·');
    expect(calls.onMark).not.toHaveBeenCalled();
  });

  it('takes no key while the screen is not active, or while its own condition does not hold', async () => {
    for (const over of [{ active: false }, { when: false }]) {
      const { app, calls } = setup(over);
      await press(app.stdin, 'j', KEY.esc, 'q');
      expect(app.lastFrame()).toContain('at 0 ·');
      expect(calls.onBack).not.toHaveBeenCalled();
      expect(calls.onQuit).not.toHaveBeenCalled();
      app.unmount();
    }
  });
});
