// Errors and validation messages wrap within the width instead of being cut at the edge (issue 15, item 5):
// the IONOS v2 password rule's special characters, a TLS failure, the ClickHouse tag rule; a hostile 1 MB
// message stays within a few lines.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Form } from '../../../src/ui/components/Form.js';
import { createFormSpec as v2Create } from '../../../src/api/ionos-v2/forms.js';
import { createFormSpec as chCreate } from '../../../src/api/clickhouse/forms.js';
import type { FormSpec, FormValues } from '../../../src/api/core/types.js';
import { initialValues } from '../../../src/forms/fields.js';
import { wrapText } from '../../../src/forms/wrap.js';
import { ProfileRows } from '../../../src/ui/screens/profile-form/ProfileRows.js';
import { press, waitForFrame } from './keys.js';
import { frameLines, renderSized } from '../sized.js';
import { useState } from 'react';

const SIZE = { columns: 80, rows: 24 };
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function Controlled({ spec, focus, message }: { spec: FormSpec; focus: string; message?: string }) {
  const [values, setValues] = useState<FormValues>(() => initialValues(spec));
  return <Form spec={spec} values={values} onChange={setValues} onSubmit={vi.fn()} onCancel={vi.fn()} initialFocus={focus} message={message} />;
}

function show(spec: FormSpec, focus: string, message?: string, size = SIZE) {
  const r = renderSized(<Controlled spec={spec} focus={focus} message={message} />, size);
  unmount = r.unmount;
  return r;
}

/** The frame's text with its wrapping undone, to find a message split over lines. */
const joined = (frame: string) => frameLines(frame).map((l) => l.trim()).join(' ').replace(/\s+/g, ' ');

describe('long messages at 80 columns', () => {
  it('the IONOS v2 password rule shows its special characters', async () => {
    const spec = v2Create({ locations: ['de/txl'], versions: [], backupLocations: ['de'] });
    const r = show(spec, 'password');
    await waitForFrame(r.lastFrame, 'Password');
    await press(r.stdin, 'abcdefghij');
    const frame = await waitForFrame(r.lastFrame, 'needs a lowercase');
    expect(joined(frame)).toContain('needs a lowercase and an uppercase letter, a digit and one of @$!%*?&');
    for (const line of frameLines(frame)) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('the ClickHouse tag rule shows whole', async () => {
    const spec = chCreate([]);
    const r = show(spec, 'tags');
    await waitForFrame(r.lastFrame, 'Tags');
    await press(r.stdin, 'environment/name=prod');
    const frame = await waitForFrame(r.lastFrame, 'may only use');
    expect(joined(frame)).toContain('tag key "environment/name" may only use letters, digits, . _ -');
  });

  it('a TLS failure above the fields wraps within the width', async () => {
    const tls = 'prod: TLS handshake with https://apiserver.pgo.example.internal:8443 failed: unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE); set a CA file in the profile';
    const spec: FormSpec = { title: 'New profile', fields: [{ key: 'name', label: 'Name', kind: 'text' }], validate: () => ({}) };
    const r = show(spec, 'name', tls);
    const frame = await waitForFrame(r.lastFrame, 'TLS handshake');
    expect(joined(frame)).toContain('set a CA file in the profile');
    for (const line of frameLines(frame)) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('a hostile 1 MB message takes a few lines and leaves the form usable', async () => {
    const huge = 'refused '.repeat(131_072);
    const spec: FormSpec = { title: 'New profile', fields: [{ key: 'name', label: 'Name', kind: 'text' }], validate: () => ({}) };
    const r = show(spec, 'name', huge);
    const frame = await waitForFrame(r.lastFrame, 'refused');
    expect(frameLines(frame).length).toBeLessThanOrEqual(SIZE.rows - 1);
    expect(frame).toContain('…');
    await press(r.stdin, 'db');
    await waitForFrame(r.lastFrame, /Name\s+db/);
    const lines = wrapText(huge, 79, 4);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => [...l].length <= 79)).toBe(true);
  });

  it('a profile\'s TLS failure wraps in the profiles list', () => {
    const error = 'TLS: self-signed certificate in certificate chain (SELF_SIGNED_CERT_IN_CHAIN); add the CA with --ca-cert or mark the profile insecure';
    const r = renderSized(
      <ProfileRows rows={[{ name: 'lab', kind: 'pgo', source: 'file', readOnly: false, insecure: false, health: { profile: 'lab', kind: 'pgo', readOnly: false, insecure: false, status: 'error', clusterCount: 0, error } }]} index={0} width={80} />,
      SIZE,
    );
    unmount = r.unmount;
    expect(joined(r.lastFrame()!)).toContain('mark the profile insecure');
  });
});

describe('wrapText', () => {
  it('breaks at spaces, splits words longer than the width, and ends a cut text with …', () => {
    expect(wrapText('one two three', 7, 3)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4, 3)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a b c d e f', 3, 2)).toEqual(['a b', 'c …']);
    expect(wrapText('', 10, 2)).toEqual(['']);
  });
});
