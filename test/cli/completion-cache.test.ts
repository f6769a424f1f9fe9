// The completion cache: what `ls` and the TUI write for the shell scripts to read.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Cluster } from '../../src/api/types.js';
import { formatCache, keepCompletionCache, parseCache, rememberForCompletion } from '../../src/commands/completion-cache.js';
import type { StoreSnapshot } from '../../src/state/types.js';

const cluster = (profile: string, name: string): Cluster => ({ profile, name, id: `${profile}-${name}`, provider: 'clickhouse', phase: 'ready', state: 'running', raw: {} });

function fakeConfig(profiles: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pgtui-cc-'));
  return { dir, config: { dir, list: () => profiles.map((name) => ({ name })) } as never };
}

describe('completion cache', () => {
  it('round-trips, expires, and leaves out names a shell word cannot carry plainly', () => {
    const text = formatCache({ profiles: ['prod', 'has space'], clusters: [{ profile: 'prod', name: 'orders' }, { profile: 'prod', name: 'evil;rm -rf' }, { profile: 'prod', name: '$(x)' }] }, 1000);
    expect(text).toBe('expires 4600\nprofile prod\ncluster prod orders\n');
    expect(parseCache(text, 4599)).toEqual({ profiles: ['prod'], clusters: [{ profile: 'prod', name: 'orders' }] });
    expect(parseCache(text, 4600)).toEqual({ profiles: [], clusters: [] });
    expect(parseCache('garbage\nprofile x\n', 0)).toEqual({ profiles: [], clusters: [] });
  });

  it('keeps the clusters of profiles that did not answer this time, drops those of removed profiles; file mode 0600', () => {
    const { dir, config } = fakeConfig(['a', 'b']);
    writeFileSync(join(dir, 'completion-cache'), `expires ${Math.floor(Date.now() / 1000) + 100}\nprofile a\ncluster a old\ncluster b kept\ncluster gone x\n`);
    rememberForCompletion({ config }, [cluster('a', 'new')], ['a']);
    const text = readFileSync(join(dir, 'completion-cache'), 'utf8');
    expect(text.split('\n').slice(1)).toEqual(['profile a', 'profile b', 'cluster a new', 'cluster b kept', '']);
    expect((statSync(join(dir, 'completion-cache')).mode & 0o777).toString(8)).toBe('600');
  });

  it('the TUI writes from store snapshots once the first profile answered, then at most once per interval', async () => {
    const { dir, config } = fakeConfig(['a']);
    let listener = () => {};
    let snap: StoreSnapshot = { clusters: [], profiles: [{ profile: 'a', kind: 'clickhouse', readOnly: false, insecure: false, status: 'loading', clusterCount: 0 }], version: 1 };
    const store = { subscribe: (l: () => void) => ((listener = l), () => undefined), getSnapshot: () => snap };
    const stop = keepCompletionCache(store, { config }, 60_000);
    listener();
    await new Promise((r) => setImmediate(r));
    expect(() => statSync(join(dir, 'completion-cache'))).toThrow();
    snap = { ...snap, clusters: [cluster('a', 'one')], profiles: [{ ...snap.profiles[0]!, status: 'ok' }], version: 2 };
    listener();
    await vi.waitFor(() => expect(readFileSync(join(dir, 'completion-cache'), 'utf8')).toContain('cluster a one'));
    snap = { ...snap, clusters: [cluster('a', 'two')], version: 3 };
    listener();
    await new Promise((r) => setImmediate(r));
    expect(readFileSync(join(dir, 'completion-cache'), 'utf8')).not.toContain('cluster a two');
    stop();
  });
});
