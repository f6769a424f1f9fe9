// The settings screen: read → typed form → reviewed diff → updateSettings with only the changed values;
// a value its spec refuses is shown beside its field and nothing is sent; a read-only profile gets no form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../src/api/core/insight.js';
import { Settings } from '../../../src/ui/screens/Settings.js';
import { renderScreen } from '../render.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame } from '../forms/keys.js';

const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
const VIEW: SettingsView = {
  values: { work_mem: '4MB', max_connections: '100' },
  specs: [
    { key: 'work_mem', group: 'postgres', kind: 'int', units: true },
    { key: 'max_connections', group: 'postgres', kind: 'int', min: 10, restart: true },
  ],
};

function setup(readOnly = false) {
  const store = fakeStore({
    supports: (_c, cap) => cap === 'settings',
    readSettings: async () => VIEW,
    updateSettings: async (_c, changes) => ({ values: { ...VIEW.values, ...changes }, message: 'max_connections applies after a restart' }),
  });
  const onBack = vi.fn();
  const say = vi.fn();
  const ui = renderScreen(<Settings cluster={ch} height={20} width={100} readOnly={readOnly} active onBack={onBack} onHelp={vi.fn()} onQuit={vi.fn()} say={say} />, store);
  return { store, ui, onBack, say };
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('settings screen', () => {
  it('reviews the diff of the changed values, then sends only those', async () => {
    const { store, ui, onBack, say } = setup();
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'work_mem');
    await press(ui.stdin, KEY.ctrlU, ...'64MB'.split(''), KEY.ctrlS);
    const review = await waitForFrame(ui.lastFrame, '64MB');
    expect(review).toMatch(/4MB.*64MB/);
    expect(review).not.toMatch(/max_connections.*100.*→/);
    await press(ui.stdin, KEY.enter);
    await vi.waitFor(() => expect(store.updateSettings).toHaveBeenCalledTimes(1));
    expect(store.updateSettings.mock.calls[0]![1]).toEqual({ work_mem: '64MB' });
    await vi.waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(say).toHaveBeenCalledWith('chdb: settings saved; max_connections applies after a restart');
  });

  it('a value its spec refuses shows beside the field and nothing is sent', async () => {
    const { store, ui } = setup();
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'max_connections');
    await press(ui.stdin, KEY.down, KEY.ctrlU, '5', KEY.ctrlS);
    await waitForFrame(ui.lastFrame, 'max_connections must be at least 10');
    expect(store.updateSettings).not.toHaveBeenCalled();
  });

  it('a read-only profile shows the settings without a form', async () => {
    const { store, ui } = setup(true);
    unmount = ui.unmount;
    const frame = await waitForFrame(ui.lastFrame, /work_mem\s+4MB/);
    expect(frame).toContain('read-only profile: shown, not changed');
    expect(frame).not.toContain('review changes');
    await press(ui.stdin, KEY.ctrlS);
    expect(store.updateSettings).not.toHaveBeenCalled();
  });
});
