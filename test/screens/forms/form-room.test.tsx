// Forms use the room they have: at 80x24 the create form's window reaches down to its key hints (no empty rows
// below "↓ N more"); at 120 columns a choice's label, a UUID, a settings name and a long help show whole; the
// settings form offers PgBouncer parameters as `config --set pgbouncer.NAME=VALUE` takes them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { createFormSpec as v1Create } from '../../../src/api/ionos-v1/forms.js';
import { createFormSpec as pgoCreate } from '../../../src/api/pgo/forms.js';
import { PG_SETTINGS } from '../../../src/api/clickhouse/insight.js';
import type { SettingsView } from '../../../src/api/core/insight.js';
import type { Profile } from '../../../src/api/profile.js';
import type { FormSpec, FormValues } from '../../../src/api/core/types.js';
import { Form } from '../../../src/ui/components/Form.js';
import { Settings } from '../../../src/ui/screens/Settings.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { StoreProvider } from '../../../src/ui/shell/context.js';
import { cluster, fakeProfilesApi, fakeStore } from './doubles.js';
import { KEY, press, waitForFrame } from './keys.js';
import { frameLines, renderSized } from '../sized.js';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const UUID = '5a029f4a-72e5-11ec-90d6-0242ac120003';

function form(spec: FormSpec, values: FormValues, size: { columns: number; rows: number }, initialFocus?: string) {
  const r = renderSized(<Form spec={spec} values={values} onChange={vi.fn()} onSubmit={vi.fn()} onCancel={vi.fn()} initialFocus={initialFocus} maxRows={size.rows - 6} />, size);
  unmount = r.unmount;
  return r;
}

describe('form room', () => {
  it('80x24: the create form fills the screen down to its hints', async () => {
    const profile: Profile = { name: 'p', kind: 'ionos-v1', username: 'u', password: 'p' };
    const store = fakeStore({ profiles: [profile], createForm: async () => v1Create(['16', '15']) });
    const r = renderSized(<App store={store} profiles={fakeProfilesApi([profile])} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />, { columns: 80, rows: 24 });
    unmount = r.unmount;
    await waitForFrame(r.lastFrame, 'clusters');
    await press(r.stdin, 'c');
    const frame = await waitForFrame(r.lastFrame, /↓ \d+ more/);
    const lines = frameLines(frame);
    // 23 rows drawn at most; two are kept for a status line and the form's message.
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.length, frame).toBeGreaterThanOrEqual(21);
    expect(lines.at(-2)).toMatch(/↓ \d+ more/);
  });

  it('120 columns: an image label, a UUID and a long help are whole', async () => {
    const pgo = pgoCreate('4.3.2');
    const image = pgo.fields.find((f) => f.key === 'imageTag')!;
    const label = image.choices![0]!.label!;
    let r = form(pgo, { imageTag: image.choices![0]!.value }, { columns: 120, rows: 40 }, 'imageTag');
    expect(await waitForFrame(r.lastFrame, 'PostgreSQL image')).toContain(`‹ ${label} ›`);
    r.unmount();
    const v1 = v1Create(['16']);
    r = form(v1, { datacenterId: UUID }, { columns: 120, rows: 40 });
    expect(await waitForFrame(r.lastFrame, 'Data center id')).toContain(UUID);
    r.unmount();
    const help = `${'a long help that explains a field in more words than fit beside it '.repeat(2)}END-OF-HELP`;
    const spec: FormSpec = { title: 'T', fields: [{ key: 'x', label: 'X', kind: 'text', help }], validate: () => ({}) };
    r = form(spec, {}, { columns: 120, rows: 40 }, 'x');
    const frame = await waitForFrame(r.lastFrame, 'END-OF-HELP');
    for (const line of frameLines(frame)) expect([...line].length).toBeLessThanOrEqual(120);
  });

  it('120 columns: settings names are whole; PgBouncer parameters are fields, and new ones are sent as pgbouncer.NAME', async () => {
    const view: SettingsView = { values: { work_mem: '4MB', 'pgbouncer.default_pool_size': '20' }, specs: [...PG_SETTINGS], freeGroups: ['pgbouncer'] };
    const store = fakeStore({
      supports: (_c, cap) => cap === 'settings',
      readSettings: async () => view,
      updateSettings: async (_c, changes) => ({ values: { ...view.values, ...changes } }),
    });
    const onBack = vi.fn();
    const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
    const r = renderSized(
      <StoreProvider store={store} profiles={fakeProfilesApi([])}>
        <Settings cluster={ch} height={38} width={120} readOnly={false} active onBack={onBack} onHelp={vi.fn()} onQuit={vi.fn()} />
      </StoreProvider>,
      { columns: 120, rows: 40 },
    );
    unmount = r.unmount;
    const first = await waitForFrame(r.lastFrame, 'work_mem');
    for (const name of ['idle_in_transaction_session_timeout', 'max_parallel_maintenance_workers']) expect(first).toMatch(new RegExp(`\\b${name} `));
    // To the last fields: the PgBouncer parameter set on the cluster, then the one adding parameters.
    await press(r.stdin, KEY.up);
    const last = await waitForFrame(r.lastFrame, 'new pgbouncer parameters');
    for (const name of ['autovacuum_vacuum_cost_limit', 'autovacuum_vacuum_cost_delay', 'autovacuum_vacuum_insert_scale_factor', 'pgbouncer.default_pool_size']) expect(last).toMatch(new RegExp(`\\b${name.replace('.', '\\.')} `));
    await press(r.stdin, ...'max_client_conn=200, pool_mode=transaction'.split(''), KEY.ctrlS);
    const review = await waitForFrame(r.lastFrame, 'pgbouncer.max_client_conn');
    expect(review).toContain('pgbouncer.pool_mode');
    await press(r.stdin, KEY.enter);
    await vi.waitFor(() => expect(store.updateSettings).toHaveBeenCalledTimes(1));
    expect(store.updateSettings.mock.calls[0]![1]).toEqual({ 'pgbouncer.max_client_conn': '200', 'pgbouncer.pool_mode': 'transaction' });
  });

  it('refuses new PgBouncer parameters that are not name=value pairs, beside the field', async () => {
    const view: SettingsView = { values: {}, specs: [], freeGroups: ['pgbouncer'] };
    const store = fakeStore({ supports: (_c, cap) => cap === 'settings', readSettings: async () => view });
    const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
    const r = renderSized(
      <StoreProvider store={store} profiles={fakeProfilesApi([])}>
        <Settings cluster={ch} height={20} width={120} readOnly={false} active onBack={vi.fn()} onHelp={vi.fn()} onQuit={vi.fn()} />
      </StoreProvider>,
      { columns: 120, rows: 22 },
    );
    unmount = r.unmount;
    await waitForFrame(r.lastFrame, 'new pgbouncer parameters');
    await press(r.stdin, ...'pool mode'.split(''), KEY.ctrlS);
    await waitForFrame(r.lastFrame, 'write pgbouncer parameters as name=value');
    expect(store.updateSettings).not.toHaveBeenCalled();
  });
});
