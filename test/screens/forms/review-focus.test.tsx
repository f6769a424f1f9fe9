// Esc from a review reopens the form on the field being edited, not the first one; the message after an edit
// says what the provider answered (issue 15, item 16).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ChangePlan, FormSpec } from '../../../src/api/core/types.js';
import { CreateCluster } from '../../../src/ui/screens/CreateCluster.js';
import { changeSentText, EditCluster } from '../../../src/ui/screens/EditCluster.js';
import type { Profile } from '../../../src/api/profile.js';
import { cluster, fakeStore } from './doubles.js';
import { KEY, press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const spec: FormSpec = {
  title: 'The form',
  fields: [
    { key: 'name', label: 'Name', kind: 'text', default: 'db' },
    { key: 'cores', label: 'Cores', kind: 'int', default: '2' },
    { key: 'instances', label: 'Instances', kind: 'int', default: '1' },
    { key: 'comment', label: 'Comment', kind: 'text', default: '' },
  ],
  validate: () => ({}),
};
const focusedLine = (frame: string) => frame.split('\n').find((l) => l.includes('❯')) ?? '';

describe('back from the review', () => {
  it('create: esc returns to the field that was focused', async () => {
    const prod: Profile = { name: 'prod', kind: 'ionos-v2', username: 'u', password: 'p' };
    const store = fakeStore({ profiles: [prod], createForm: async () => spec });
    const { lastFrame, stdin } = renderScreen(<CreateCluster profiles={['prod']} onDone={vi.fn()} onCancel={vi.fn()} />, store);
    await waitForFrame(lastFrame, 'The form');
    await press(stdin, KEY.tab, KEY.tab, '3', KEY.ctrlS);
    await waitForFrame(lastFrame, 'Review');
    await press(stdin, KEY.esc);
    const frame = await waitForFrame(lastFrame, '❯');
    expect(focusedLine(frame)).toContain('Instances');
  });

  it('edit: esc from the change review returns to the field that was focused', async () => {
    const plan: ChangePlan = { diff: [{ key: 'cores', label: 'Cores', from: '2', to: '4' }], method: 'PATCH', path: '/x' };
    const store = fakeStore({ editForm: async () => spec, planUpdate: async () => plan });
    const { lastFrame, stdin } = renderScreen(<EditCluster cluster={cluster()} onDone={vi.fn()} onCancel={vi.fn()} />, store);
    await waitForFrame(lastFrame, 'The form');
    await press(stdin, KEY.tab, KEY.backspace, '4', KEY.ctrlS);
    await waitForFrame(lastFrame, 'Review changes');
    await press(stdin, KEY.esc);
    const frame = await waitForFrame(lastFrame, '❯');
    expect(focusedLine(frame)).toContain('Cores');
  });
});

describe('the message after an edit', () => {
  it('is worded from the phase the provider answered with', () => {
    expect(changeSentText(cluster({ name: 'rhino', provider: 'pgo', phase: 'degraded', state: 'Initialized' }))).toBe(
      'change sent to rhino; it shows degraded (Initialized) while the provider applies it',
    );
    expect(changeSentText(cluster({ name: 'shop', phase: 'updating', state: 'UPDATING' }))).toBe('change sent to shop; it shows updating until the provider is done');
    expect(changeSentText(cluster({ name: 'ch', phase: 'ready', state: 'running' }))).toBe('change sent to ch; the provider reports it ready');
  });
});
