// Every provider's create form, its review and the edit review fit 80x24 and 50x20 (issue 15, item 9): the
// screen's title and key hints stay on screen, the rest scrolls in a window with "↑ 3 more" / "↓ 5 more".
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { FormSpec } from '../../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { createFormSpec as v1Create } from '../../../src/api/ionos-v1/forms.js';
import { createFormSpec as v2Create } from '../../../src/api/ionos-v2/forms.js';
import { editFormSpec as v2Edit, planPut } from '../../../src/api/ionos-v2/edit.js';
import { decodeCluster } from '../../../src/api/ionos-v2/mapping.js';
import { createFormSpec as chCreate } from '../../../src/api/clickhouse/forms.js';
import { createFormSpec as pgoCreate } from '../../../src/api/pgo/forms.js';
import { cluster, fakeProfilesApi, fakeStore } from './doubles.js';
import { KEY, press, waitForFrame } from './keys.js';
import { frameLines, renderSized } from '../sized.js';

const SIZES = [{ columns: 80, rows: 24 }, { columns: 50, rows: 20 }];
/** Layout only: the review opens whatever the values (the providers' own validation is tested elsewhere). */
const anyValues = (spec: FormSpec): FormSpec => ({ ...spec, validate: () => ({}) });
const v2Versions = [{ id: 'a', properties: { version: '17', status: 'RECOMMENDED', canUpgradeTo: [] } }, { id: 'b', properties: { version: '16', status: 'SUPPORTED', canUpgradeTo: ['17'] } }];
const CREATE: Array<[string, Profile, FormSpec]> = [
  ['IONOS v1', { name: 'p', kind: 'ionos-v1', username: 'u', password: 'p' }, v1Create(['16', '15', '14', '13', '12'])],
  ['IONOS v2', { name: 'p', kind: 'ionos-v2', username: 'u', password: 'p' }, v2Create({ locations: ['de/txl', 'de/fra'], versions: v2Versions as never, backupLocations: ['eu-central-3'] })],
  ['ClickHouse', { name: 'p', kind: 'clickhouse', keyId: 'k', keySecret: 's' }, chCreate([])],
  ['PGO', { name: 'p', kind: 'pgo', apiUrl: 'https://x', namespace: 'pgo', username: 'u', password: 'p' }, pgoCreate('4.3.2')],
];

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function fits(frame: string, size: { columns: number; rows: number }) {
  const lines = frameLines(frame);
  // One line short of the terminal: a frame as tall as the terminal makes Ink clear the screen (layout.ts).
  expect(lines.length, frame).toBeLessThanOrEqual(size.rows - 1);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(size.columns);
}

function app(profile: Profile, opts: Parameters<typeof fakeStore>[0], size: { columns: number; rows: number }) {
  const store = fakeStore({ profiles: [profile], ...opts });
  const r = renderSized(<App store={store} profiles={fakeProfilesApi([profile])} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />, size);
  unmount = r.unmount;
  return { ...r, store };
}

describe.each(SIZES)('at $columns x $rows', (size) => {
  it.each(CREATE)('%s: the create form and its review scroll with the title and hints on screen', async (_label, profile, spec) => {
    const r = app(profile, { createForm: async () => anyValues(spec) }, size);
    await waitForFrame(r.lastFrame, 'clusters');
    await press(r.stdin, 'c');
    const form = await waitForFrame(r.lastFrame, spec.title.slice(0, 20));
    fits(form, size);
    expect(form).toContain('Create cluster');
    expect(form).toMatch(/esc cancel|esc/);
    // To the last field and back: the title stays, the window says what is above.
    await press(r.stdin, ...Array.from({ length: spec.fields.length }, () => KEY.up));
    fits(r.lastFrame()!, size);
    expect(r.lastFrame()).toContain('Create cluster');

    await press(r.stdin, KEY.ctrlS);
    const review = await waitForFrame(r.lastFrame, 'Review —');
    fits(review, size);
    expect(review).toContain('Create cluster');
    expect(review).toContain('enter create');
    if (frameLines(review).length >= size.rows - 2) expect(review).toMatch(/↓ \d+ more/);
    // Scroll to the end: the last visible field comes into view, the title stays.
    await press(r.stdin, ...Array.from({ length: spec.fields.length }, () => KEY.down));
    const end = r.lastFrame()!;
    fits(end, size);
    expect(end).toContain('Review —');
    expect(end).not.toMatch(/↓ \d+ more/);
  });

  it('IONOS v2: the edit review (diff and the whole PUT body) scrolls with its title and hints on screen', async () => {
    const raw = decodeCluster({
      id: 'c1',
      properties: {
        name: 'shop-prod', version: '16', instances: { count: 1, ram: 4, cores: 2, storageSize: 20 }, replicationMode: 'ASYNCHRONOUS', connectionPooler: 'DISABLED',
        maintenanceWindow: { time: '04:00:00', dayOfTheWeek: 'Sunday' }, backup: { location: 'eu-central-3', retentionDays: 7 },
        connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.1.100/24' },
      },
    });
    const profile: Profile = { name: 'p', kind: 'ionos-v2', username: 'u', password: 'p' };
    const target = cluster({ profile: 'p', name: 'shop-prod' });
    const r = app(profile, { editForm: async () => v2Edit(raw, 'de/txl', ['17']), planUpdate: async (_c, v) => planPut(raw, v, '/clusters/c1') }, size);
    r.store.setClusters([target]);
    await waitForFrame(r.lastFrame, 'shop-prod');
    await press(r.stdin, KEY.enter);
    await waitForFrame(r.lastFrame, 'shop-prod');
    await press(r.stdin, 'e');
    await waitForFrame(r.lastFrame, 'Edit cluster');
    fits(r.lastFrame()!, size);
    // Name, then description: change the description and review.
    await press(r.stdin, KEY.tab, 'x', KEY.ctrlS);
    const review = await waitForFrame(r.lastFrame, 'Review changes');
    fits(review, size);
    expect(review).toContain('Edit cluster shop-prod');
    expect(review).toMatch(/↓ \d+ more/);
    expect(review).toContain('esc back to the form');
    await press(r.stdin, ...Array.from({ length: 60 }, () => KEY.down));
    const end = r.lastFrame()!;
    fits(end, size);
    expect(end).toContain('Review changes');
    expect(end).toMatch(/↑ \d+ more/);
    expect(end).toContain('}');
  });
});
