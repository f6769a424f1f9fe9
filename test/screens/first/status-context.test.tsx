// Status messages that belong to one place go when the user leaves it: a refusal about one cluster does not
// follow the user to another cluster's screen, and a form's "unsaved input" warning does not outlive the form.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';
import { startApp } from './app-setup.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('status messages and their context', () => {
  it("a cluster's refusal is gone on another cluster's screen, and on the list's next row", async () => {
    const { app } = startApp({ unsupportedReason: (c, cap) => `${c.name} has no standby: ${cap} needs one` });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, '\r');
    await until(app.lastFrame, /alpha\s+ready/);
    await press(app.stdin, 'O');
    await until(app.lastFrame, 'alpha has no standby');
    await press(app.stdin, KEY.esc, 'j', '\r');
    const other = await until(app.lastFrame, /bravo\s+ready/);
    expect(other).not.toContain('has no standby');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /❯ bravo/);
    await press(app.stdin, 'O');
    await until(app.lastFrame, 'bravo has no standby');
    await press(app.stdin, 'j');
    expect(await until(app.lastFrame, /❯ charlie/)).not.toContain('has no standby');
  });

  it('the unsaved-input warning goes with the form', async () => {
    const { app } = startApp({
      editForm: async (c) => ({ title: `Edit ${c.name}`, fields: [{ key: 'instances', label: 'Instances', kind: 'int', default: '1' }], validate: () => ({}) }),
    });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'e');
    await until(app.lastFrame, 'Edit alpha');
    await press(app.stdin, '2', '\u0003');
    await until(app.lastFrame, 'unsaved input in this form');
    await press(app.stdin, KEY.esc);
    const after = await until(app.lastFrame, (f) => !f.includes('Edit alpha'));
    expect(after).not.toContain('unsaved input');
  });
});
