// Issue 11, text safety: every provider's every string field made hostile (an OSC 52 clipboard write with
// BEL, CSI, the one-byte C1 CSI 0x9b, bidi overrides/isolates, DEL, a newline and a shell line; see
// hostile.ts), then every output path checked: ls (table, --wide with colour, --json, --json --raw), get
// (text, --json), wait, edit's listing, profile add/test, psql's refusal and its banner, the stderr line of a
// 4xx whose body carries the text, the TUI list, detail (timeline, backups), edit form and its review, create
// forms, profiles screen and error header, and the OSC 52 payload of `y`. No byte of the unsafe set may reach
// any of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/app.js';
import type { Profile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore, type Cluster } from '../../src/api/core/types.js';
import { preparePsql, PsqlError } from '../../src/psql/launch.js';
import { ClusterDetail } from '../../src/ui/screens/ClusterDetail.js';
import { createClusterStore } from '../../src/state/store.js';
import { clusterKey, DEFAULT_SETTINGS } from '../../src/state/types.js';
import { urlHost } from '../../src/text/safe.js';
import { connectionUrl, copyToClipboard } from '../../src/ui/terminal/osc52.js';
import { cleanEnv, configWith, ensureBuilt, fakePsql, runCli, type Run } from '../cli/helpers.js';
import { fakeProfilesApi } from '../screens/forms/doubles.js';
import { firstUnsafe, HOSTILE, PAYLOAD } from './hostile.js';
import { hostileRigs, type HostileRig } from './hostile-rigs.js';
import { Tally } from './rigs.js';
import { renderScreen } from '../screens/render.js';

const tally = new Tally();
/** What is left of the OSC 52 sequence once made inert: proof that the hostile field reached the output (columns may cut the rest). */
const INERT = ']52;c;';
const KINDS: Array<Profile['kind']> = ['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo'];
const FAST = { retries: 0, baseDelayMs: 20, maxDelayMs: 200 };
 
const SGR = /\u001b\[\d{1,2}m/g;

let rigs: HostileRig[] = [];
const rigOf = (kind: Profile['kind']) => rigs.find((r) => r.kind === kind)!;
let tmp: string;

beforeAll(async () => {
  ensureBuilt();
  rigs = await hostileRigs();
  tmp = mkdtempSync(join(tmpdir(), 'pgtui-text-safety-'));
}, 60_000);
afterAll(async () => {
  await Promise.all(rigs.map((r) => r.stop()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(tally.line('reliability/text-safety'));
});

/** One output path: clean of unsafe bytes (newlines only where `lines`), and it did carry the hostile field. */
function expectSafe(what: string, text: string, opts: { lines?: boolean; carries?: boolean } = {}): void {
  tally.try(what);
  expect(firstUnsafe(text, opts.lines ?? true), what).toBeUndefined();
  if (opts.carries ?? true) expect(text, `${what} shows the hostile field (inert)`).toContain(INERT);
  // A newline inside provider text never starts a line of its own (the shell line stays inside its field).
  expect(text.split('\n').filter((l) => l.startsWith(`; ${PAYLOAD}`)), what).toEqual([]);
  tally.ok(what);
}

function expectJson(what: string, text: string, names: string[]): void {
  tally.try(what);
  expect(firstUnsafe(text), what).toBeUndefined();
  expect(text).toContain('\\u009b');
  expect(text).toContain('\\u202e');
  expect(text).toContain('\\u2066');
  const parsed = JSON.parse(text) as unknown;
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ name: string }>;
  // The escaped characters round-trip: the parsed names are exactly what the server sent.
  for (const n of names) expect(list.map((c) => c.name)).toContain(n);
  expect(list.every((c) => c.name.includes(HOSTILE))).toBe(true);
  tally.ok(what);
}

async function wireClusters(rig: HostileRig): Promise<Cluster[]> {
  return (await createProvider(rig.profile, { secrets: memorySecretStore(), retry: FAST }).list()).clusters;
}

describe.each(KINDS)('one-shot commands against a hostile %s server', (kind) => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let clusters: Cluster[];
  let rig: HostileRig;
  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string): Promise<Run> => runCli(args, { env: { ...env, ...extra }, input, timeoutMs: 30_000 });

  beforeAll(async () => {
    rig = rigOf(kind);
    rig.setHostile(true);
    clusters = await wireClusters(rig);
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((c) => c.name.includes(HOSTILE))).toBe(true);
    home = configWith([rig.profile], { psqlPath: fakePsql(tmp) });
    env = cleanEnv(home, { PGTUI_CONFIG_DIR: home, FAKE_PSQL_LOG: join(tmp, `psql-${kind}.json`) });
  });

  it('ls, ls --wide in colour, ls --json, ls --json --raw', async () => {
    const [table, wide, json, raw] = await Promise.all([
      cli(['ls']),
      cli(['ls', '--wide'], { NO_COLOR: '', FORCE_COLOR: '1' }),
      cli(['ls', '--json']),
      cli(['ls', '--json', '--raw']),
    ]);
    for (const r of [table, wide, json, raw]) expect(r.code, r.stderr).toBe(0);
    expectSafe('ls table', table.stdout);
    // One line per cluster plus the header: no newline from the server splits a row.
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(clusters.length + 1);
    expect(wide.stdout).toMatch(SGR);
    expectSafe('ls --wide (colour)', wide.stdout.replace(SGR, ''));
    expect(wide.stdout.trimEnd().split('\n')).toHaveLength(clusters.length + 1);
    expectJson('ls --json', json.stdout, clusters.map((c) => c.name));
    expectJson('ls --json --raw', raw.stdout, clusters.map((c) => c.name));
    for (const s of rig.secrets) expect(raw.stdout).not.toContain(s);
    // No password inside a URI/DSN survives --raw.
    expect(raw.stdout).not.toMatch(/:\/\/[^\s:/@"]+:(?!\*\*\*@)[^\s@/"]+@/);
    for (const r of [table, wide, json, raw]) expectSafe('ls stderr', r.stderr, { carries: false });
  });

  it('get (text and --json), wait, edit listing', async () => {
    const c = clusters[0]!;
    const [text, json, wait, edit] = await Promise.all([
      cli(['get', c.id]),
      cli(['get', c.id, '--json', '--raw']),
      cli(['wait', c.id, '--for', 'ready', '--timeout', '1s', '--interval', '200ms']),
      cli(['edit', c.id]),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expectSafe('get', text.stdout);
    // Every row is one line: `key  value`.
    for (const line of text.stdout.trimEnd().split('\n')) expect(line).toMatch(/^[a-z]+\s{2,}/);
    expect(json.code, json.stderr).toBe(0);
    expectJson('get --json', json.stdout, [c.name]);
    expectSafe('wait progress (stderr)', wait.stderr);
    expect(wait.stdout).toBe('');
    expectSafe('edit listing', edit.stdout + edit.stderr, { carries: edit.code === 0 });
    for (const r of [text, json, edit]) expectSafe('get/edit stderr', r.stderr, { carries: false });
  });

  it('profile test and profile add show the server-supplied identity safely', async () => {
    const test = await cli(['profile', 'test', rig.profile.name]);
    expect(test.code, test.stderr).toBe(0);
    // ClickHouse names the organisation, PGO the apiserver version: both come from the server.
    expectSafe('profile test', test.stdout + test.stderr, { carries: kind === 'clickhouse' || kind === 'pgo' });
    const fresh = configWith([]);
    const p = rig.profile;
    const args =
      p.kind === 'clickhouse'
        ? { args: ['--key-id', p.keyId, '--key-secret-stdin', '--api-url', p.apiUrl!], input: p.keySecret }
        : p.kind === 'pgo'
          ? { args: ['--url', p.apiUrl, '--username', p.username, '--password-stdin', '--ca', p.caCert!, '--cert', p.clientCert!, '--key', p.clientKey!], input: p.password }
          : p.kind === 'ionos-v1'
            ? { args: ['--username', p.username!, '--password-stdin', '--api-url', p.apiUrl!, '--contract', p.contractNumber!], input: p.password }
            : undefined;
    if (!args) return; // IONOS v2 with per-region endpoints has no single --api-url; its identity is local text.
    const add = await cli(['profile', 'add', 'added', '--provider', p.kind, ...args.args], { PGTUI_CONFIG_DIR: fresh }, args.input);
    expect(add.code, add.stderr).toBe(0);
    expectSafe('profile add', add.stdout + add.stderr, { carries: kind === 'clickhouse' || kind === 'pgo' });
    rmSync(fresh, { recursive: true, force: true });
  });

  it('psql refuses with one safe line; a 4xx whose body carries the text gives one safe stderr line', async () => {
    const c = clusters[0]!;
    const psql = await cli(['psql', c.id]);
    expect(psql.code).not.toBe(0);
    expectSafe('psql refusal (stderr)', psql.stderr);
    expect(psql.stderr.trim().split('\n'), psql.stderr).toHaveLength(1);
    rig.failWith(422);
    try {
      const r = await cli(['ls']);
      expect(r.code).toBe(1);
      expectSafe('4xx error (stderr)', r.stderr);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      const g = await cli(['get', c.id]);
      expectSafe('4xx error of get (stderr)', g.stderr);
    } finally {
      rig.clear();
    }
  });
});

describe('psql banner and OSC 52 payload', () => {
  it.each(KINDS)('%s: the banner is safe and the copied URL has no unsafe character, the host percent-encoded', async (kind) => {
    const rig = rigOf(kind);
    const provider = createProvider(rig.profile, { secrets: memorySecretStore(), retry: FAST });
    for (const listed of (await provider.list()).clusters) {
      const c = await provider.get(listed.id);
      const conn = provider.connection(c);
      const host = conn.host ?? `${c.name}`;
      const ready = { ...c, phase: 'ready' as const };
      // A host (or user, database) with control characters is refused: it would add a line to the PGPASSFILE.
      tally.try('psql refuses a hostile host');
      const refused = await preparePsql(ready, { ...conn, host, unreachableReason: undefined, password: 'pw' }, { psqlPath: fakePsql(tmp), env: {} }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(PsqlError);
      expect((refused as Error).message).toMatch(/control characters/);
      tally.ok('psql refuses a hostile host');
      // The banner names the (hostile) cluster, made safe.
      const launch = await preparePsql(ready, { ...conn, host: 'db.example', user: 'admin', database: 'app', unreachableReason: undefined }, { psqlPath: fakePsql(tmp), env: {} });
      try {
        expectSafe('psql banner', launch.banner, { lines: false });
      } finally {
        await launch.cleanup();
      }
      const written: string[] = [];
      copyToClipboard(connectionUrl({ ...conn, host }), { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream);
      tally.try('OSC 52 payload');
      expect(written).toHaveLength(1);
      // Exactly one OSC 52 sequence: ESC ] 52 ; c ; base64 BEL, nothing else.
      const m = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(written[0]!);
      expect(m, JSON.stringify(written[0])).not.toBeNull();
      const copied = Buffer.from(m![1]!, 'base64').toString('utf8');
      expect(firstUnsafe(copied, false)).toBeUndefined();
      expect(host).toContain('\n');
      expect(copied).toContain(`${urlHost(host)}:`);
      expect(copied).not.toContain(host);
      expect(copied).toContain('%0A');
      expect(copied).not.toContain('; rm -rf');
      tally.ok('OSC 52 payload');
    }
  });
});

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not reached in time: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends a key until `done` holds (a screen that just appeared may not listen yet), at most five times. */
async function pressUntil(write: (k: string) => void, key: string, done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 5 && !done(); i++) {
    write(key);
    await until(done, what, 2_000).catch(() => undefined);
  }
  await until(done, what, 1);
}

describe('the TUI', () => {
  it('list, detail (timeline, backups), edit form, profiles screen, error header and y: nothing unsafe in any frame', async () => {
    for (const r of rigs) r.setHostile(true);
    const profiles = rigs.map((r) => r.profile);
    const store = createClusterStore({
      profiles,
      providerFor: (p: Profile) => createProvider(p, { secrets: memorySecretStore(), retry: FAST }),
      settings: { refreshSeconds: 60 },
    });
    const copied: string[] = [];
    const realWrite = process.stdout.write.bind(process.stdout);
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith('\u001b]52;')) {
        copied.push(chunk);
        return true;
      }
      return (realWrite as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
    const app = render(<App store={store} profiles={fakeProfilesApi(profiles)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
    // Colour and inverse codes (Ink's own) are left out for matching; every raw frame is checked in checkFrames.
    const frame = () => (app.lastFrame() ?? '').replace(SGR, '');
    const press = (key: string, done: () => boolean, what: string) => pressUntil((k) => app.stdin.write(k), key, done, what);
    const checkFrames = (what: string, carries = true) => {
      for (const f of app.frames) {
        tally.try(`${what} frames`);
        expect(firstUnsafe(f.replace(SGR, '')), what).toBeUndefined();
        tally.ok(`${what} frames`);
      }
      if (carries) expectSafe(what, frame().replace(SGR, ''));
    };
    try {
      store.start();
      const total = () => store.getSnapshot().clusters.length;
      await until(() => total() >= 8 && store.getSnapshot().profiles.every((p) => p.status === 'ok'), 'every hostile profile listed');
      await until(() => frame().includes(`${total()} clusters`), 'the list frame');
      checkFrames('TUI list');
      expect(frame().split('\n').length).toBeLessThanOrEqual(24);

      // A state change between polls makes timeline entries whose states are the hostile text.
      for (const r of rigs) r.setHostile(false);
      store.refresh();
      await until(() => store.getSnapshot().clusters.every((c) => !c.name.includes(HOSTILE)), 'plain names after the hostile ones').catch((e) => {
        console.log(store.getSnapshot().clusters.map((c) => `${c.profile} ${JSON.stringify(c.name)}`), store.getSnapshot().profiles);
        throw e;
      });
      for (const r of rigs) r.setHostile(true);
      store.refresh();
      await until(() => store.getSnapshot().clusters.every((c) => c.name.includes(HOSTILE)), 'hostile names again');
      await until(() => frame().includes(INERT), 'the hostile list again');
      checkFrames('TUI list after a refresh');

      // Every cluster's detail screen, whole (tall enough for every line), once backups and upgrades are in.
      for (const c of store.getSnapshot().clusters) {
        // A PGO cluster's id is its name, which the hostile text changes: a new cluster, so no timeline of its own.
        const timed = c.provider !== 'pgo';
        if (timed) expect(store.timeline(clusterKey(c)).length, `${c.profile} timeline`).toBeGreaterThan(0);
        const detail = renderScreen(<ClusterDetail cluster={c} revealed={false} scroll={0} height={400} width={400} />, store);
        try {
          await until(() => (detail.lastFrame() ?? '').includes('State timeline') && !(detail.lastFrame() ?? '').includes('loading…'), `${c.profile} detail loaded`);
          const text = (detail.lastFrame() ?? '').replace(SGR, '');
          for (const f of detail.frames) expect(firstUnsafe(f.replace(SGR, ''))).toBeUndefined();
          expectSafe('TUI detail', text);
          if (timed) {
          tally.try('TUI detail timeline state');
          const timeline = text.split('\n').filter((l) => l.includes(') → '));
          expect(timeline.length).toBeGreaterThan(0);
          expect(timeline.some((l) => l.includes(INERT))).toBe(true);
          tally.ok('TUI detail timeline state');
          }
          const backups = text.split('Backups')[1];
          // A backups call that failed shows its (safe, profile-named) error instead of backups.
          const failed = backups?.trimStart().startsWith(`${c.profile}:`);
          if (backups !== undefined && !backups.trimStart().startsWith('none') && !failed) {
            tally.try('TUI detail backup times');
            expect(backups.split('\n').some((l) => l.includes('from ') && l.includes(INERT)), backups.slice(0, 400)).toBe(true);
            tally.ok('TUI detail backup times');
          }
        } finally {
          detail.unmount();
        }
      }

      // In the app: open each cluster, copy its connection URL, open its edit form; then back to the list.
      const onList = () => /NAME▲?\s+PHASE/.test(frame());
      const onDetail = () => /^Connection\s*$/m.test(frame());
      let copiedOk = 0;
      let reviews = 0;
      for (let i = 0; i < total(); i++) {
        await until(onList, 'the list');
        app.stdin.write('\r');
        await until(onDetail, 'detail open');
        checkFrames('TUI detail in the app');
        app.stdin.write('y');
        await until(() => /sent the connection string of|has no host yet/.test(frame()), 'y answered');
        if (frame().includes('sent the connection string')) copiedOk++;
        app.stdin.write('e');
        await until(() => /Edit|cannot be edited|Could not load the edit form/.test(frame()) && !onDetail(), 'edit form').catch((e: Error) => {
          throw new Error(`${e.message}\n${frame()}`);
        });
        await until(() => !/Loading|Working out/.test(frame()), 'edit form loaded');
        checkFrames('TUI edit form', false);
        if (/^❯ Name /m.test(frame())) {
          // A changed name: the review shows the hostile old value beside the new one (or the form says what is wrong).
          await press('\u0015', () => /^❯ Name\s*($|✗)/m.test(frame()), 'name cleared');
          await press('renamed', () => /^❯ Name\s+renamed/m.test(frame()), 'name typed');
          await press('\u0013', () => /Review changes|Fix the marked|✗/.test(frame()), 'review or refusal');
          await until(() => !/Working out/.test(frame()), 'plan worked out');
          checkFrames('TUI edit review or refusal', false);
          if (frame().includes('Review changes')) {
            reviews++;
            expectSafe('TUI edit review (old name shown)', frame());
          }
          if (frame().includes('Review changes')) await press('\u001b', () => !frame().includes('Review changes'), 'back to the form');
        }
        // A key sent before the new screen's handler is active is not seen: esc again (bounded) until it answers.
        await press('\u001b', () => onList() || onDetail(), 'back from the edit form');
        if (onDetail()) await press('\u001b', onList, 'back to the list');
        await until(onList, 'back to the list');
        // esc on the list clears the message, so the next y's answer is its own.
        app.stdin.write('\u001b');
        await until(() => !/sent the connection string of|has no host yet/.test(frame()), 'message cleared');
        app.stdin.write('j');
      }
      tally.try('TUI edit review reached');
      expect(reviews).toBeGreaterThan(0);
      tally.ok('TUI edit review reached');
      tally.try('OSC 52 from y');
      expect(copiedOk).toBeGreaterThan(0);
      expect(copied).toHaveLength(copiedOk);
      // Each copy was a different cluster's URL: the cursor really went down the list.
      expect(new Set(copied).size).toBe(copiedOk);
      for (const seq of copied) {
        const m = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(seq);
        expect(m).not.toBeNull();
        const url = Buffer.from(m![1]!, 'base64').toString('utf8');
        expect(firstUnsafe(url, false)).toBeUndefined();
        expect(url).toMatch(/^postgresql:\/\/[^\s@]*@?[^\s]*%0A/);
      }
      tally.ok('OSC 52 from y');

      // The profiles screen.
      const onProfiles = () => /^Profiles\s*$/m.test(frame());
      const openProfiles = async () => {
        await press(':', () => /^:\s*$/m.test(frame()), 'command line');
        await press('profiles', () => /^:profiles/m.test(frame()), 'typed');
        await press('\r', onProfiles, 'profiles screen');
      };
      await openProfiles();
      checkFrames('TUI profiles screen', false);
      await press('\u001b', onList, 'back to the list');

      // Each profile's create form: its choices (versions, regions, sizes) come from the hostile catalog calls.
      for (let i = 0; i < rigs.length; i++) {
        await press('c', () => frame().includes('Which profile'), 'profile pick list');
        for (let j = 0; j < i; j++) app.stdin.write('j');
        await press('\r', () => /New |Could not load the create form/.test(frame()), `create form ${i}`);
        await until(() => !/Loading/.test(frame()), 'create form loaded');
        checkFrames('TUI create form', false);
        await press('\u001b', () => onList() || frame().includes('Which profile'), 'leaving the create form');
        if (!onList()) await press('\u001b', onList, 'back to the list');
      }

      // Every profile failing with the hostile text in a 422 body: the header's error lines.
      for (const r of rigs) r.failWith(422);
      store.refresh();
      await until(() => store.getSnapshot().profiles.every((p) => p.status === 'error'), 'every profile failing');
      await until(() => frame().includes('✗'), 'the error header');
      checkFrames('TUI error header');
      await openProfiles();
      await until(() => frame().includes('● error'), 'profiles screen with errors');
      checkFrames('TUI profiles screen with errors');
    } finally {
      for (const r of rigs) r.clear();
      app.unmount();
      spy.mockRestore();
      await store.stop();
    }
  }, 120_000);
});

describe('profile list', () => {
  it('masks a password written into an API URL, in text and --json', async () => {
    const home = configWith([{ kind: 'clickhouse', name: 'with-userinfo', apiUrl: 'https://ops:topsecret@127.0.0.1:9', keyId: 'k', keySecret: 'key-secret-value' }]);
    try {
      const env = cleanEnv(home, { PGTUI_CONFIG_DIR: home });
      const [text, json] = await Promise.all([runCli(['profile', 'list'], { env }), runCli(['profile', 'list', '--json'], { env })]);
      tally.try('profile list masks URL passwords');
      for (const r of [text, json]) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain('https://ops:***@127.0.0.1:9');
        expect(r.stdout + r.stderr).not.toContain('topsecret');
        expect(r.stdout + r.stderr).not.toContain('key-secret-value');
      }
      expect((JSON.parse(json.stdout) as Array<{ url: string }>)[0]!.url).toBe('https://ops:***@127.0.0.1:9');
      tally.ok('profile list masks URL passwords');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
