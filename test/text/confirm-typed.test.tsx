// Typed confirmation of a cluster whose name holds control characters: the prompt shows the typeable text
// (nothing raw), typing that text confirms, anything else does not.
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmTyped } from '../../src/ui/components/ConfirmTyped.js';
import { hasUnsafe } from '../../src/text/safe.js';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('ConfirmTyped with a hostile name', () => {
  const name = 'prod\u202e\u001b]52;c;cm0=\u0007db';
  it('shows the name without unsafe characters and confirms on its visible text', async () => {
    const onConfirm = vi.fn();
    const app = render(<ConfirmTyped title={`Delete ${name}?`} expected={name} onConfirm={onConfirm} onCancel={() => undefined} />);
    try {
      await until(() => (app.lastFrame() ?? '').includes('to confirm'));
      const frame = (app.lastFrame() ?? '').replace(/\u001b\[\d{1,2}m/g, '');
      expect(hasUnsafe(frame.replace(/\n/g, ''))).toBe(false);
      expect(frame).toContain('Type prod]52;c;cm0=db to confirm');
      app.stdin.write('prod]52;c;cm0=db');
      await until(() => (app.lastFrame() ?? '').includes('› prod]52;c;cm0=db'));
      app.stdin.write('\r');
      await until(() => onConfirm.mock.calls.length > 0);
      expect(onConfirm).toHaveBeenCalledTimes(1);
    } finally {
      app.unmount();
    }
  });
  it('refuses anything else', async () => {
    const onConfirm = vi.fn();
    const app = render(<ConfirmTyped title="Delete?" expected={name} onConfirm={onConfirm} onCancel={() => undefined} />);
    try {
      await until(() => (app.lastFrame() ?? '').includes('to confirm'));
      app.stdin.write('prod');
      await until(() => (app.lastFrame() ?? '').includes('› prod'));
      app.stdin.write('\r');
      await until(() => (app.lastFrame() ?? '').includes('That is not the name'));
      expect(app.lastFrame()).toContain('That is not the name');
      expect(onConfirm).not.toHaveBeenCalled();
    } finally {
      app.unmount();
    }
  });
});
