import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ApiError } from '../../../src/api/core/errors.js';
import type { ChangePlan, FormSpec, FormValues } from '../../../src/api/core/types.js';
import { EditCluster } from '../../../src/ui/screens/EditCluster.js';
import { cluster, fakeStore } from './doubles.js';
import { KEY, lineWith, press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const target = cluster({ name: 'orders', version: '15' });

const spec: FormSpec = {
  title: 'Edit orders',
  fields: [
    { key: 'location', label: 'Location', kind: 'text', default: 'de/txl', immutable: true },
    { key: 'name', label: 'Name', kind: 'text', default: 'orders' },
    { key: 'version', label: 'PostgreSQL version', kind: 'choice', default: '15', choices: [{ value: '15' }, { value: '16' }] },
    { key: 'instances', label: 'Instances', kind: 'int', default: '1' },
  ],
  validate: (v): Record<string, string> => (Number(v.instances) < 1 ? { instances: 'at least 1' } : {}),
};

function planFor(values: FormValues): ChangePlan {
  const diff: ChangePlan['diff'] = [];
  if (values.name !== 'orders') diff.push({ key: 'name', label: 'Name', from: 'orders', to: values.name! });
  if (values.version !== '15') diff.push({ key: 'version', label: 'PostgreSQL version', from: '15', to: values.version! });
  if (values.instances !== '1') diff.push({ key: 'instances', label: 'Instances', from: '1', to: values.instances! });
  const body = {
    properties: {
      name: values.name,
      version: values.version,
      instances: Number(values.instances),
      credentials: { username: 'admin', password: 'topsecretpw' },
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`setting${i}`, `value${i}`])),
    },
  };
  return { diff, body, method: 'PUT', path: '/clusters/c1' };
}

function setup(opts: Parameters<typeof fakeStore>[0] = {}) {
  const store = fakeStore({ editForm: async () => spec, planUpdate: async (_c, v) => planFor(v), update: async () => ({ ...target, phase: 'updating' }), ...opts });
  const onDone = vi.fn();
  const onCancel = vi.fn();
  const r = renderScreen(<EditCluster cluster={target} onDone={onDone} onCancel={onCancel} />, store);
  return { ...r, store, onDone, onCancel };
}

describe('EditCluster', () => {
  it('prefills the form and keeps immutable fields out of reach, saying why', async () => {
    const { lastFrame, stdin, store } = setup();
    const frame = await waitForFrame(lastFrame, /Edit orders/);
    expect(lineWith(frame, 'Location')).toMatch(/de\/txl\s+fixed at create/);
    expect(lastFrame()).toMatch(/❯ Name\s+orders/);
    await press(stdin, KEY.up, 'X', KEY.shiftTab, 'Y');
    expect(lineWith(lastFrame()!, 'Location')).toContain('de/txl');
    expect(lastFrame()).not.toMatch(/de\/txl[XY]/);
    await press(stdin, KEY.ctrlS);
    await waitForFrame(lastFrame, /Review changes/);
    expect((store.planUpdate.mock.calls[0]![1] as FormValues).location).toBe('de/txl');
  });

  it('reviews the diff and the full PUT body with secrets masked, scrolling through it', async () => {
    const { lastFrame, stdin, store } = setup();
    await waitForFrame(lastFrame, /Edit orders/);
    await press(stdin, KEY.tab, KEY.tab, KEY.backspace, '3', KEY.enter);
    const review = await waitForFrame(lastFrame, /Review changes — PUT \/clusters\/c1/);
    expect(review).toMatch(/Instances\s+1 → 3/);
    expect(review).toContain('this exact body is sent');
    expect(review).toContain('"instances": 3');
    expect(review).toContain('"password": "••••••••"');
    expect(review).not.toContain('topsecretpw');
    expect(review).not.toContain('setting29');
    await press(stdin, ...Array.from({ length: 30 }, () => KEY.down));
    expect(lastFrame()).toContain('setting29');
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(store.update).toHaveBeenCalledWith(target, { location: 'de/txl', name: 'orders', version: '15', instances: '3' }));
  });

  it('asks for an explicit confirmation of a version upgrade', async () => {
    const { lastFrame, stdin, store, onDone } = setup();
    await waitForFrame(lastFrame, /Edit orders/);
    await press(stdin, KEY.tab, KEY.right, KEY.ctrlS);
    const review = await waitForFrame(lastFrame, /Review changes/);
    expect(review).toMatch(/PostgreSQL version\s+15 → 16/);
    expect(review).toContain('This upgrades PostgreSQL 15 → 16');
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain('Confirm the version upgrade with u first.');
    expect(store.update).not.toHaveBeenCalled();
    await press(stdin, 'u');
    expect(lastFrame()).toContain('✓ Upgrade 15 → 16 confirmed');
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('keeps the edits on screen with the provider message when the update is rejected', async () => {
    const { lastFrame, stdin, onDone } = setup({
      update: async () => {
        throw new ApiError('409 Conflict: cluster is busy', { kind: 'conflict', status: 409, providerMessage: 'cluster is busy' });
      },
    });
    await waitForFrame(lastFrame, /Edit orders/);
    await press(stdin, KEY.ctrlU, 'orders-2', KEY.ctrlS);
    await waitForFrame(lastFrame, /Review changes/);
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, /409 Conflict: cluster is busy/);
    expect(lineWith(frame, 'Name')).toContain('orders-2');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('esc backs out of the review to the form, and out of the form to the caller', async () => {
    const { lastFrame, stdin, onCancel } = setup();
    await waitForFrame(lastFrame, /Edit orders/);
    await press(stdin, KEY.ctrlS);
    await waitForFrame(lastFrame, /No field changed/);
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain('Nothing changed');
    await press(stdin, KEY.esc);
    await waitForFrame(lastFrame, /review changes · esc cancel/);
    await press(stdin, KEY.esc);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
