// Proof of docs/ARCHITECTURE.md "Adding a screen": a sixth screen inside a cluster, built only from a component
// and one row of the screen registry (src/ui/registry/inside-screens.ts), added the way its row would be, opens by its key
// from the detail screen and from the list's row, shows in the detail footer and in `?`, lists its own keys in its
// own `?`, and returns with esc, with no other change.
import { Box, Text, type Key } from 'ink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';
import { footer, startApp } from './app-setup.js';

vi.mock('../../../src/ui/registry/inside-screens.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/ui/registry/inside-screens.js')>();
  const keymap = await import('../../../src/ui/input/keymap.js');
  const { useKeys } = await import('../../../src/ui/input/use-keys.js');
  const { displayText } = await import('../../../src/text/safe.js');
  const { useState } = await import('react');
  const SIXTH_KEYS = [
    keymap.back,
    { action: 'wave', keys: 'w', help: 'sixth: wave at the cluster', hint: 'wave', priority: 1, match: keymap.ch('w') },
    keymap.help,
    keymap.quit,
  ];
  function Sixth({ cluster, active, onBack, onHelp, onQuit }: import('../../../src/ui/screens/inside-common.js').InsideProps) {
    const [waves, setWaves] = useState(0);
    useKeys((input: string, key: Key) => {
      switch (keymap.actionIn(SIXTH_KEYS, input, key, false)) {
        case 'wave':
          return setWaves((n) => n + 1);
        case 'back':
          return onBack();
        case 'help':
          return onHelp();
        case 'quit':
          return onQuit();
      }
    }, active);
    return (
      <Box flexDirection="column">
        <Text bold>Sixth · {displayText(cluster.name)}</Text>
        <Text>waves: {waves}</Text>
      </Box>
    );
  }
  const sixth = { title: 'Sixth', opens: { keys: 'Z', help: 'the sixth screen', hint: 'sixth', priority: 1, match: keymap.ch('Z') }, keys: SIXTH_KEYS, component: Sixth };
  return { ...real, INSIDE: { ...real.INSIDE, sixth } };
});

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('a sixth screen inside a cluster, from its registry row alone', () => {
  it('opens from the detail screen by its key, takes its own keys, has its own help, and esc returns', async () => {
    const { app } = startApp({ size: { columns: 200, rows: 50 } });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, KEY.enter);
    const detail = await until(app.lastFrame, /alpha\s+ready/);
    expect(footer(detail)).toContain('Z sixth');
    await press(app.stdin, '?');
    expect(await until(app.lastFrame, 'Keys (esc')).toMatch(/Z\s+the sixth screen/);
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, (f) => !f.includes('Keys (esc'));
    await press(app.stdin, 'Z');
    await until(app.lastFrame, 'Sixth · alpha');
    expect(footer(app.lastFrame()!)).toBe('esc back  w wave  ? help  q quit');
    await press(app.stdin, 'w', 'w');
    await until(app.lastFrame, 'waves: 2');
    await press(app.stdin, '?');
    const help = await until(app.lastFrame, 'Keys (esc');
    expect(help).toMatch(/w\s+sixth: wave at the cluster/);
    expect(help).not.toMatch(/the sixth screen/);
    expect(help).not.toMatch(/open psql/);
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, (f) => !f.includes('Keys (esc') && f.includes('Sixth · alpha'));
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /alpha\s+ready/);
  });

  it("opens from the list's row and esc returns to the list", async () => {
    const { app } = startApp({ size: { columns: 200, rows: 50 } });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'Z');
    await until(app.lastFrame, 'Sixth · alpha');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /❯ alpha/);
  });
});
