// The completion cache: what `ls` and the TUI write for the shell scripts to read.
import { chmodSync, chownSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Cluster } from '../../src/api/core/types.js';
import { formatCache, keepCompletionCache, parseCache, rememberForCompletion } from '../../src/commands/completion-cache.js';
import type { StoreSnapshot } from '../../src/state/types.js';

const cluster = (profile: string, name: string): Cluster => ({ profile, name, id: `${profile}-${name}`, provider: 'clickhouse', phase: 'ready', state: 'running', raw: {} });

function fakeConfig(profiles: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pgtui-cc-'));
  made.push(dir);
  return { dir, config: { dir, list: () => profiles.map((name) => ({ name })) } as never };
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('completion cache', () => {
  it('round-trips names with spaces and shell characters (tab-separated), expires, and leaves out names that start with - or hold controls', () => {
    const clusters = [
      { profile: 'prod', name: 'orders' },
      { profile: 'prod', name: 'Analytics Warehouse' },
      { profile: 'prod', name: '$(x) `y`' },
      { profile: 'prod', name: '-rf' },
      { profile: 'prod', name: 'tab\there' },
      { profile: 'prod', name: 'line\nbreak' },
      { profile: 'prod', name: 'bidi\u202eevil' },
    ];
    const text = formatCache({ profiles: ['prod', '--all'], clusters }, 1000);
    expect(text).toBe('expires 4600\nprofile\tprod\ncluster\tprod\torders\ncluster\tprod\tAnalytics Warehouse\ncluster\tprod\t$(x) `y`\n');
    expect(parseCache(text, 4599)).toEqual({ profiles: ['prod'], clusters: clusters.slice(0, 3) });
    expect(parseCache(text, 4600)).toEqual({ profiles: [], clusters: [] });
    expect(parseCache('garbage\nprofile\tx\n', 0)).toEqual({ profiles: [], clusters: [] });
    expect(parseCache('expires 9\ncluster\tp\t-x\n', 0)).toEqual({ profiles: [], clusters: [] });
  });

  it('keeps the clusters of profiles that did not answer this time, drops those of removed profiles; file mode 0600', () => {
    const { dir, config } = fakeConfig(['a', 'b']);
    writeFileSync(join(dir, 'completion-cache'), `expires ${Math.floor(Date.now() / 1000) + 100}\nprofile\ta\ncluster\ta\told\ncluster\tb\tkept\ncluster\tgone\tx\n`, { mode: 0o600 });
    rememberForCompletion({ config }, [cluster('a', 'new')], ['a']);
    const text = readFileSync(join(dir, 'completion-cache'), 'utf8');
    expect(text.split('\n').slice(1)).toEqual(['profile\ta', 'profile\tb', 'cluster\ta\tnew', 'cluster\tb\tkept', '']);
    expect((statSync(join(dir, 'completion-cache')).mode & 0o777).toString(8)).toBe('600');
  });

  it('the same names in a file with more than half its hour left are not written again; a change or an older file is', () => {
    const { dir, config } = fakeConfig(['a']);
    const path = join(dir, 'completion-cache');
    const now = 1_000_000_000_000;
    rememberForCompletion({ config }, [cluster('a', 'one')], ['a'], now);
    const first = readFileSync(path, 'utf8');
    expect(first.startsWith(`expires ${now / 1000 + 3600}\n`)).toBe(true);
    const inode = statSync(path).ino;
    rememberForCompletion({ config }, [cluster('a', 'one')], ['a'], now + 1_700_000);
    expect(statSync(path).ino).toBe(inode); // not replaced (a write renames a new file over it)
    expect(readFileSync(path, 'utf8')).toBe(first);
    rememberForCompletion({ config }, [cluster('a', 'one')], ['a'], now + 1_900_000);
    expect(readFileSync(path, 'utf8')).toContain(`expires ${(now + 1_900_000) / 1000 + 3600}\n`);
    rememberForCompletion({ config }, [cluster('a', 'one'), cluster('a', 'two')], ['a'], now + 1_900_000);
    expect(readFileSync(path, 'utf8')).toContain('cluster\ta\ttwo');
  });

  it("a cache that is not the user's own 0600 file is not read (its names are not kept) and is replaced; a planted symlink is not followed", () => {
    const { dir, config } = fakeConfig(['a', 'b']);
    const path = join(dir, 'completion-cache');
    writeFileSync(path, `expires ${Math.floor(Date.now() / 1000) + 100}\nprofile\ta\ncluster\tb\tplanted\n`, { mode: 0o644 });
    chmodSync(path, 0o644);
    rememberForCompletion({ config }, [cluster('a', 'new')], ['a']);
    expect(readFileSync(path, 'utf8')).not.toContain('planted');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const victim = join(mkdtempSync(join(tmpdir(), 'pgtui-victim-')), 'bashrc');
    writeFileSync(victim, 'mine\n');
    rmSync(path);
    symlinkSync(victim, path);
    rememberForCompletion({ config }, [cluster('a', 'new')], ['a']);
    expect(readFileSync(victim, 'utf8')).toBe('mine\n');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    if (process.getuid?.() === 0) {
      writeFileSync(path, `expires ${Math.floor(Date.now() / 1000) + 100}\ncluster\tb\tforeign\n`, { mode: 0o600 });
      chownSync(path, 65534, 65534);
      rememberForCompletion({ config }, [cluster('a', 'new')], ['a']);
      expect(readFileSync(path, 'utf8')).not.toContain('foreign');
      expect(statSync(path).uid).toBe(0);
    }
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
    await vi.waitFor(() => expect(readFileSync(join(dir, 'completion-cache'), 'utf8')).toContain('cluster\ta\tone'));
    snap = { ...snap, clusters: [cluster('a', 'two')], version: 3 };
    listener();
    await new Promise((r) => setImmediate(r));
    expect(readFileSync(join(dir, 'completion-cache'), 'utf8')).not.toContain('cluster\ta\ttwo');
    stop();
  });

  it('started once the first lists are in (after the first frames), it writes what the store already holds', async () => {
    const { dir, config } = fakeConfig(['a']);
    const snap: StoreSnapshot = { clusters: [cluster('a', 'one')], profiles: [{ profile: 'a', kind: 'clickhouse', readOnly: false, insecure: false, status: 'ok', clusterCount: 1 }], version: 2 };
    const stop = keepCompletionCache({ subscribe: () => () => undefined, getSnapshot: () => snap }, { config }, 60_000);
    await vi.waitFor(() => expect(readFileSync(join(dir, 'completion-cache'), 'utf8')).toContain('cluster\ta\tone'));
    stop();
  });
});
