// The tests run the Ink that ships: the fixes of docs/ink-patches.md are applied on install (patches/), not only in
// the bundle. Ink 6.8's incremental mode, unpatched, redraws each frame one line lower (patch 3).
import { EventEmitter } from 'node:events';
import { Box, Text, render } from 'ink';
import { expect, it } from 'vitest';

/** The few escape sequences Ink's incremental mode writes, applied to a grid of rows. */
function terminal() {
  const rows: string[] = [];
  let row = 0;
  let col = 0;
  const put = (ch: string) => {
    const line = (rows[row] ?? '').padEnd(col);
    rows[row] = line.slice(0, col) + ch + line.slice(col + 1);
    col++;
  };
  const write = (chunk: string) => {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === '\n') {
        row++;
        col = 0;
      } else if (chunk[i] === '\u001b') {
         
        const m = /^\u001b\[(\??)(\d*)([A-Za-z])/.exec(chunk.slice(i));
        if (!m) throw new Error(`unexpected escape ${JSON.stringify(chunk.slice(i, i + 8))}`);
        i += m[0].length - 1;
        const n = Number(m[2] || 1);
        if (m[1] === '?') continue;
        if (m[3] === 'A') row = Math.max(0, row - n);
        else if (m[3] === 'E') {
          row += n;
          col = 0;
        }
        else if (m[3] === 'G') col = n - 1;
        else if (m[3] === 'K') rows[row] = (rows[row] ?? '').slice(0, col);
        else throw new Error(`unexpected escape ${m[0]}`);
      } else put(chunk[i]!);
    }
  };
  return { rows, write };
}

it('incremental frames are redrawn in place after a frame that ends with a newline', async () => {
  const term = terminal();
  const stdout = Object.assign(new EventEmitter(), {
    columns: 40,
    rows: 20,
    isTTY: true,
    write: (s: string) => (term.write(s), true),
  });
  const view = (middle: string) => (
    <Box flexDirection="column">
      <Text>one</Text>
      <Text>{middle}</Text>
      <Text>three</Text>
    </Box>
  );
  const waitForScreen = async (text: string) => {
    for (let i = 0; i < 200 && !term.rows.some((r) => r.includes(text)); i++) await new Promise((r) => setTimeout(r, 10));
  };
  const ink = render(view('two'), { stdout: stdout as never, incrementalRendering: true, patchConsole: false });
  try {
    await waitForScreen('three');
    expect(term.rows).toEqual(['one', 'two', 'three']);
    ink.rerender(view('TWO'));
    await waitForScreen('TWO');
    expect(term.rows.slice(0, 3)).toEqual(['one', 'TWO', 'three']);
    expect(term.rows.slice(3).join('')).toBe('');
  } finally {
    ink.unmount();
  }
});
