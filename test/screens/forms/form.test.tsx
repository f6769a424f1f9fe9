import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { useState } from 'react';
import type { FormSpec, FormValues } from '../../../src/api/core/types.js';
import { Form } from '../../../src/ui/components/Form.js';
import { initialValues } from '../../../src/forms/fields.js';
import { KEY, lineWith, press, waitForFrame } from './keys.js';

afterEach(() => cleanup());

const spec: FormSpec = {
  title: 'Test form',
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true, default: 'db1' },
    { key: 'instances', label: 'Instances', kind: 'int', default: '1' },
    { key: 'auth', label: 'Auth', kind: 'choice', default: 'password', choices: [{ value: 'password', label: 'Password' }, { value: 'token', label: 'Token' }] },
    { key: 'password', label: 'Password', kind: 'secret', showWhen: { key: 'auth', values: ['password'] } },
    { key: 'token', label: 'Token', kind: 'secret', showWhen: { key: 'auth', values: ['token'] } },
    { key: 'ha', label: 'High availability', kind: 'bool' },
  ],
  validate(v) {
    const e: Record<string, string> = {};
    if (!v.name) e.name = 'a name is required';
    else if (!/^[a-z0-9-]+$/.test(v.name)) e.name = 'lowercase letters, digits and - only';
    if (Number(v.instances) < 1 || Number(v.instances) > 5) e.instances = 'between 1 and 5';
    return e;
  },
};

function Harness(props: { onSubmit(v: FormValues): void; onCancel(): void; onValues?(v: FormValues): void }) {
  const [values, setValues] = useState(initialValues(spec));
  return (
    <Form
      spec={spec}
      values={values}
      onChange={(v) => {
        setValues(v);
        props.onValues?.(v);
      }}
      onSubmit={props.onSubmit}
      onCancel={props.onCancel}
    />
  );
}

function setup() {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  let latest: FormValues = {};
  const r = render(<Harness onSubmit={onSubmit} onCancel={onCancel} onValues={(v) => (latest = v)} />);
  return { ...r, onSubmit, onCancel, values: () => latest };
}

describe('Form', () => {
  it('shows every visible field with defaults and moves between them', async () => {
    const { lastFrame, stdin } = setup();
    const frame = await waitForFrame(lastFrame, /Name/);
    expect(frame).toMatch(/❯ Name\s+db1/);
    expect(frame).toMatch(/Instances\s+1/);
    expect(frame).not.toMatch(/Token/);
    await press(stdin, KEY.tab);
    expect(lastFrame()).toMatch(/❯ Instances/);
    await press(stdin, KEY.down, KEY.down);
    expect(lastFrame()).toMatch(/❯ Password/);
    await press(stdin, KEY.shiftTab);
    expect(lastFrame()).toMatch(/❯ Auth/);
    await press(stdin, KEY.up, KEY.up);
    expect(lastFrame()).toMatch(/❯ Name/);
  });

  it('applies every key of a burst that arrives in one read', async () => {
    const { lastFrame, stdin, values } = setup();
    await press(stdin, KEY.down + KEY.down + KEY.right, KEY.up + KEY.up + KEY.left + 'x');
    expect(values().auth).toBe('token');
    expect(values().name).toBe('dbx1');
    expect(lastFrame()).toMatch(/❯ Name\s+dbx1/);
  });

  it('types q, j, ? and : into a text field and keeps unicode', async () => {
    const { lastFrame, stdin, values } = setup();
    await press(stdin, KEY.ctrlU, 'qj?:', 'é日本');
    expect(values().name).toBe('qj?:é日本');
    expect(lastFrame()).toContain('qj?:é日本');
  });

  it('strips control characters from typed and pasted text; int fields take digits only', async () => {
    const { stdin, values } = setup();
    await press(stdin, KEY.ctrlU, 'ab\u0001c\nd\te\u202e');
    expect(values().name).toBe('abcde');
    await press(stdin, KEY.tab, KEY.backspace, '4x-2');
    expect(values().instances).toBe('42');
  });

  it('shows the reason beside the field, blocks submit and jumps to the first invalid field', async () => {
    const { lastFrame, stdin, onSubmit } = setup();
    await press(stdin, KEY.tab, KEY.backspace, '9');
    expect(lineWith(lastFrame()!, 'Instances')).toMatch(/Instances\s+9\s+✗ between 1 and 5/);
    await press(stdin, KEY.up, KEY.ctrlU, 'Bad Name');
    expect(lineWith(lastFrame()!, 'Name')).toContain('✗ lowercase letters, digits and - only');
    await press(stdin, KEY.down, KEY.down, KEY.ctrlS);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toMatch(/❯ Name/);
    expect(lastFrame()).toContain('Fix the marked fields first.');
  });

  it('cycles choices with ←/→, shows dependent fields, and picks from the open list', async () => {
    const { lastFrame, stdin, values } = setup();
    await press(stdin, KEY.tab, KEY.tab, KEY.right);
    expect(values().auth).toBe('token');
    expect(lastFrame()).toMatch(/Token/);
    expect(lastFrame()).not.toMatch(/Password\s{2,}/);
    await press(stdin, ' ');
    expect(lastFrame()).toMatch(/› Token/);
    await press(stdin, KEY.up, KEY.enter);
    expect(values().auth).toBe('password');
  });

  it('masks secrets until ctrl-r reveals them', async () => {
    const { lastFrame, stdin } = setup();
    await press(stdin, KEY.tab, KEY.tab, KEY.tab, 's3cret');
    expect(lastFrame()).not.toContain('s3cret');
    expect(lineWith(lastFrame()!, '❯ Password')).toContain('••••••');
    await press(stdin, KEY.ctrlR);
    expect(lastFrame()).toContain('s3cret');
    await press(stdin, KEY.ctrlR);
    expect(lastFrame()).not.toContain('s3cret');
  });

  it('keeps very long input whole but shows it clipped', async () => {
    const { lastFrame, stdin, values } = setup();
    const long = 'x'.repeat(200);
    await press(stdin, KEY.ctrlU, long);
    expect(values().name).toBe(long);
    expect(lastFrame()).toContain('…');
    expect(lastFrame()).not.toContain(long);
  });

  it('submits only the visible fields on enter at the last field, and esc cancels', async () => {
    const { stdin, onSubmit, onCancel } = setup();
    await press(stdin, KEY.tab, KEY.tab, KEY.tab, 'pw', KEY.tab, ' ', KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith({ name: 'db1', instances: '1', auth: 'password', password: 'pw', ha: 'true' });
    await press(stdin, KEY.esc);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('scrolls when the fields are taller than the room it has', async () => {
    const tall: FormSpec = {
      title: 'Tall form',
      fields: Array.from({ length: 20 }, (_, i) => ({ key: `f${i}`, label: `Field ${i}`, kind: 'text' as const, default: `v${i}` })),
      validate: () => ({}),
    };
    function Tall() {
      const [values, setValues] = useState(initialValues(tall));
      return <Form spec={tall} values={values} onChange={setValues} onSubmit={() => {}} onCancel={() => {}} maxRows={8} />;
    }
    const { lastFrame, stdin } = render(<Tall />);
    const first = await waitForFrame(lastFrame, /Tall form/);
    expect(first).toContain('Field 0');
    expect(first).not.toContain('Field 19');
    expect(first).toMatch(/↓ \d+ more/);
    await press(stdin, ...Array.from({ length: 19 }, () => KEY.tab));
    const last = lastFrame()!;
    expect(last).toMatch(/❯ Field 19\s+v19/);
    expect(last).not.toContain('Field 0 ');
    expect(last).toMatch(/↑ \d+ more/);
  });
});
