// The filter and command line (src/ui/components/LineInput.tsx): what is typed survives a render that shows an
// older value (a store update rendered before the parent took the last typed change), and the parent's own
// change (a cleared filter) is taken.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { LineInput } from '../../src/ui/components/LineInput.js';

const typed = async (stdin: { write(s: string): void }, text: string) => {
  for (const ch of text) {
    stdin.write(ch);
    await new Promise((r) => setImmediate(r));
  }
};

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('LineInput', () => {
  it('keeps what was typed through a render that shows an older value', async () => {
    const sent: string[] = [];
    const props = { prompt: '/', onSubmit: () => undefined, onCancel: () => undefined, onChange: (v: string) => void sent.push(v) };
    const app = render(<LineInput {...props} value="" />);
    cleanup = app.unmount;
    await typed(app.stdin, 'h');
    expect(sent).toEqual(['h']);
    // The parent renders again before it has taken 'h': its value is still ''.
    app.rerender(<LineInput {...props} value="" />);
    await typed(app.stdin, 'ippo');
    expect(sent.at(-1)).toBe('hippo');
    // Catching up one change at a time changes nothing either.
    app.rerender(<LineInput {...props} value="hi" />);
    await typed(app.stdin, '!');
    expect(sent.at(-1)).toBe('hippo!');
  });

  it("takes the parent's own change", async () => {
    const sent: string[] = [];
    const props = { prompt: '/', onSubmit: () => undefined, onCancel: () => undefined, onChange: (v: string) => void sent.push(v) };
    const app = render(<LineInput {...props} value="" />);
    cleanup = app.unmount;
    await typed(app.stdin, 'ab');
    app.rerender(<LineInput {...props} value="ab" />);
    app.rerender(<LineInput {...props} value="xyz" />);
    await typed(app.stdin, 'c');
    expect(sent.at(-1)).toBe('xyzc');
  });
});
